// Keeps the paragraph the reader was looking at where it was on screen
// while blocks above it are hidden or shown again (issue 14: collapsing
// must keep the paragraph the reader was looking at in view). The
// browsers' own scroll anchoring may pick a node that is then hidden, or
// none; this one picks an article paragraph and puts it back itself.

// Elements that are a paragraph or like one: what a reader reads.
const READ = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figure", "table", "dd", "dt"]);

/**
 * Notes the first of `elements` (the article's, in page order) that is on
 * screen now, and where; returns {restore()}, which scrolls so that it is
 * there again (nothing when there was none, or it is no longer shown).
 */
export function noteAnchor(elements) {
  const height = window.innerHeight;
  let anchor = null;
  let top = 0;
  for (const e of elements) {
    if (!READ.has(e.localName)) continue;
    const r = e.getBoundingClientRect();
    if (r.height > 0 && r.bottom > 0 && r.top < height) {
      anchor = e;
      top = r.top;
      break;
    }
  }
  return {
    element: anchor,
    restore() {
      if (!anchor?.isConnected) return;
      const r = anchor.getBoundingClientRect();
      if (r.height === 0) return;
      const by = r.top - top;
      if (Math.abs(by) >= 1) window.scrollBy({ top: by, behavior: "instant" });
    },
  };
}
