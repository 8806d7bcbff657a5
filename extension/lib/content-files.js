// The content script, as the packager bundles it: one file per entry, each
// a single script (esbuild's IIFE) with its imports and DOMPurify inside,
// so nothing of it is a global of the page's isolated world. The on-demand
// injection and the auto-declutter registration load these files; the
// packager (scripts/package-extension.mjs) builds them from these entries.

/** The bundle injected on a click (toolbar, shortcut, menu); it waits for the background's toggle message. */
export const CONTENT_SCRIPT = "content.js";

/** The bundle auto-declutter registers: the same, and it declutters the page on arrival. */
export const AUTO_SCRIPT = "content-auto.js";

/** Each bundle (a path inside the package) and its entry module (a path inside extension/). */
export const CONTENT_BUNDLES = Object.freeze({
  [CONTENT_SCRIPT]: "content/main.js",
  [AUTO_SCRIPT]: "content/auto.js",
});
