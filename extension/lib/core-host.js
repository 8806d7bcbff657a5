// Where the wasm core runs. In Chrome, an offscreen document (offscreen.js)
// that outlives the service worker, so a click after the worker was
// stopped does not pay the core's load and first-use costs again. Firefox
// has no offscreen API: there the background page runs the core itself.
import { api } from "./api.js";

const OFFSCREEN_URL = "offscreen.html";

/** Whether the core runs in an offscreen document rather than in the background itself. */
export const coreIsOffscreen = !!api.offscreen;

let ensuring = null;

/**
 * Makes sure the offscreen document exists and resolves once it has loaded
 * (its port listener is registered by then). Callers at once share one
 * check: a document counts as open as soon as it is created, before it has
 * loaded, so a second caller must wait for the first one's creation.
 */
export function ensureOffscreenCore() {
  ensuring ??= (async () => {
    const open = await api.runtime.getContexts({ contextTypes: ["OFFSCREEN_DOCUMENT"] });
    if (open.length > 0) return;
    await api.offscreen
      .createDocument({
        url: OFFSCREEN_URL,
        reasons: ["WORKERS"],
        justification: "Keeps the page analyser (WebAssembly) loaded between clicks, so the reader view opens at once.",
      })
      .catch((e) => {
        // Created by a worker that stopped before it could see it done.
        if (!/single offscreen/i.test(e?.message || "")) throw e;
      });
  })().finally(() => {
    ensuring = null;
  });
  return ensuring;
}
