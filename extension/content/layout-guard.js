// Collapsing must not pull page furniture over the article (issue 14: on
// one page, hiding a share row let the footer ride up over the article
// text). That happens where the page's layout took its height from what
// was hidden: an article column positioned out of flow beside a sidebar
// that gave the page its height, a grid sized by script at load. Such a
// layout cannot be told from its style; it shows in the boxes. So the
// guard notes, before the change, which article elements the page's other
// parts (header, footer, menus, sidebars left shown) overlap, and after it,
// whether one now overlaps an article element it did not overlap before.
// When one does, the caller keeps the hidden widgets' room: they stay out
// of sight, and the page is laid out as the site made it.
//
// Reads are bounded (a spread of the article's elements against the first
// and last of the page's other parts), so a huge page costs no more than a
// small one: the footer that rides up is among the last parts, the header
// among the first.
import { inFurniture } from "./shown.js";

/** How many article elements are compared, spread over the article. */
const ARTICLE_SAMPLE = 200;
/** How many of the page's other parts, from its start and from its end. */
const OTHERS_HEAD = 100;
const OTHERS_TAIL = 200;
/** An overlap counts when it covers this share of the article element's box. */
const COVERED_SHARE = 0.3;

/** A bounded collector of the page's other parts, in page order: the first OTHERS_HEAD and the last OTHERS_TAIL offered. */
export function othersCollector() {
  const head = [];
  const tail = [];
  return {
    add(e) {
      if (head.length < OTHERS_HEAD) head.push(e);
      else {
        tail.push(e);
        if (tail.length > OTHERS_TAIL * 2) tail.splice(0, tail.length - OTHERS_TAIL);
      }
    },
    list: () => [...head, ...tail.slice(-OTHERS_TAIL)],
  };
}

function spread(list, n) {
  if (list.length <= n) return list;
  const step = list.length / n;
  return Array.from({ length: n }, (_, i) => list[Math.floor(i * step)]);
}

// Boxes in page coordinates: the guard compares before and after a change
// that may scroll the page (anchor.js puts the paragraph in view back).
function box(e) {
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? { left: r.left + window.scrollX, top: r.top + window.scrollY, right: r.right + window.scrollX, bottom: r.bottom + window.scrollY, area: r.width * r.height } : null;
}

function covers(a, o) {
  if (!a || !o) return false;
  const w = Math.min(a.right, o.right) - Math.max(a.left, o.left);
  const h = Math.min(a.bottom, o.bottom) - Math.max(a.top, o.top);
  return w > 0 && h > 0 && w * h >= COVERED_SHARE * a.area;
}

/**
 * Notes now (before the change) which of `article` (the article's elements,
 * in page order) the `others` (the page's parts that stay shown, not
 * holding article content) overlap; returns {broken()}, true when after
 * the change one of them overlaps an article element it did not before.
 * Fixed and sticky parts are left out: they overlap whatever scrolls
 * under them, by design.
 */
export function layoutGuard(article, others) {
  const sample = spread(article, ARTICLE_SAMPLE);
  const parts = others.filter((e) => e.isConnected && !inFurniture(e));
  const pairs = () => {
    const a = sample.map(box);
    const o = parts.map(box);
    const out = new Set();
    for (let i = 0; i < a.length; i++) {
      if (!a[i]) continue;
      for (let j = 0; j < o.length; j++) if (covers(a[i], o[j])) out.add(i * o.length + j);
    }
    return out;
  };
  const before = pairs();
  return {
    broken() {
      for (const k of pairs()) if (!before.has(k)) return true;
      return false;
    },
  };
}
