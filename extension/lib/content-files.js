// The classic scripts that make up the content script, in load order; both
// the on-demand injection and the auto-declutter registration use this list.

/** Paths inside the package, loaded in this order into the page's isolated world. */
export const CONTENT_FILES = [
  "vendor/purify.min.js",
  "content/snapshot.js",
  "content/slices.js",
  "content/analysis-port.js",
  "content/blocks.js",
  "content/reader.js",
  "content/collapse.js",
  "content/place.js",
  "content/page.js",
];
