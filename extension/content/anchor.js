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
  const read = elements.filter((e) => READ.has(e.localName));
  // The article's paragraphs go down the page in order: a binary search
  // finds the first that ends below the viewport's top without reading
  // every paragraph's box (90,000 on the huge test page).
  let lo = 0;
  let hi = read.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (read[mid].getBoundingClientRect().bottom > 0) hi = mid;
    else lo = mid + 1;
  }
  let anchor = null;
  let top = 0;
  for (let i = Math.max(0, lo - 8); i < Math.min(read.length, lo + 64); i++) {
    const r = read[i].getBoundingClientRect();
    if (r.height > 0 && r.bottom > 0 && r.top < height) {
      anchor = read[i];
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
