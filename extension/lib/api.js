// The WebExtension namespace: Firefox's promise-based `browser`, or Chrome's
// `chrome` (promise-returning in MV3).

/** The extension API of whichever browser runs this. */
export const api = globalThis.browser ?? globalThis.chrome;
