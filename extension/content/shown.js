// What the page itself shows, read before Declutter changes anything: an
// element the page did not show (no rendered box: display none, zero size,
// visibility hidden) is hidden without being counted or marked (issue 14:
// 9 of 17 bars on one page stood for things the site had already hidden),
// and no mark goes inside fixed or sticky page furniture (a bar there
// stayed pinned over the article).

// display: contents has no box of its own; its children may have one.
const MAX_DEPTH = 4;

/** Whether the page shows `el`: a box of some width and height, visible, not transparent. */
export function rendered(el, depth = 0) {
  if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
    if (depth >= MAX_DEPTH || getComputedStyle(el).display !== "contents") return false;
    return [...el.children].some((c) => rendered(c, depth + 1));
  }
  for (const r of el.getClientRects()) if (r.width > 0 && r.height > 0) return true;
  if (depth < MAX_DEPTH && getComputedStyle(el).display === "contents") return [...el.children].some((c) => rendered(c, depth + 1));
  return false;
}

/** Whether `el` or an ancestor is fixed or sticky: page furniture that stays on screen as the page scrolls. */
export function inFurniture(el) {
  for (let e = el; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
    const position = getComputedStyle(e).position;
    if (position === "fixed" || position === "sticky") return true;
  }
  return false;
}
