// The WebExtension namespace: Firefox's promise-based `browser`, or Chrome's
// `chrome` (promise-returning in MV3). The one shim, for the extension's
// pages and (bundled) the content script.
//
// Only an own property of the global counts: in a content script's world
// in Chromium, the page's element ids and names show through as `window`
// properties found behind the real ones. Chromium 156 has no own `browser`
// there: on a page with `<div id="browser">`, `globalThis.browser` is that
// element (Chromium then hangs the API off it, so it happened to work;
// probed through CDP). The namespaces the browser defines are own
// properties of the global object; named elements never are.

/** The extension API of whichever browser runs this. */
export const api = Object.hasOwn(globalThis, "browser") ? globalThis.browser : globalThis.chrome;
