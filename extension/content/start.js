// Starts the content script once per page: the controller (page.js) and
// the listener for the background's toggle message.
//
// Both bundles (content.js on a click, content-auto.js registered) may land
// in the same page, and a click may inject content.js while the registered
// one is loading; each bundle has its own copy of the modules, so the
// first one to start keeps its controller in one slot of the content
// script's world that the others find. The slot is keyed by a symbol, not a
// name: a page's markup can add named properties to that world in Chromium
// (element ids and names) but never a symbol-keyed one, and the page's own
// scripts do not see the content script's world at all.
import { api } from "../lib/api.js";
import { TOGGLE } from "../lib/protocol.js";
import { toggle } from "./page.js";

const SLOT = Symbol.for("declutter.content-script");

/** The page's content script, started by this bundle if no other did: {toggle(mode, clickTime)}. */
export function start() {
  const held = globalThis[SLOT];
  // One left by an earlier install of the extension (updated or reloaded)
  // has lost its connection to the extension: its runtime has no id.
  if (held && held.alive()) return held;
  const started = { toggle, alive: () => !!api.runtime?.id };
  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (sender.id !== api.runtime.id || msg?.type !== TOGGLE) return false;
    toggle(msg.mode, msg.clickTime).then(sendResponse);
    return true;
  });
  Object.defineProperty(globalThis, SLOT, { value: started, configurable: true });
  return started;
}
