// The first-run page: what the two modes do, the shortcuts, how to pin
// the button (welcome/welcome.html), opened once, on install.
import { api } from "./api.js";

/** The welcome page's address inside the extension. */
export const WELCOME_PAGE = "welcome/welcome.html";

/** Opens the welcome page in a new tab. */
export function openWelcome() {
  return api.tabs.create({ url: api.runtime.getURL(WELCOME_PAGE) });
}
