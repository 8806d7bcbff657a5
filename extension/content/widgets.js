// Hidden blocks grouped into widgets, as a person sees them: blocks with
// nothing visible between them (a row of share buttons the engine found as
// many small blocks: 20 stacked bars under one dateline, issue 14) are one
// widget, with one label, one entry in the list and at most one mark.
import { claimsAdvertising, widgetLabel } from "./blocks.js";

// How many nodes the walk between two blocks looks at before it calls
// them apart: neighbours are close in the tree.
const MAX_STEPS = 64;
// Elements that show something without any text.
const REPLACED = new Set(["img", "video", "audio", "iframe", "canvas", "svg", "picture", "object", "embed", "input", "button", "select", "textarea", "hr"]);

function nextOutside(node) {
  for (let n = node; n; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

// Whether nothing the page shows lies between element `a` (and its
// subtree) and element `b`, in document order; hidden tops are skipped.
function adjacent(a, b, hidden) {
  let n = nextOutside(a);
  for (let steps = 0; n && steps < MAX_STEPS; steps++) {
    if (n === b) return true;
    if (n.nodeType === 1) {
      if (hidden.has(n)) {
        if (n.contains(b)) return false;
        n = nextOutside(n);
        continue;
      }
      if (REPLACED.has(n.localName) && n.getClientRects().length > 0) return false;
      n = n.firstChild || nextOutside(n);
    } else if (n.nodeType === 3) {
      if (/\S/.test(n.data) && n.parentElement?.getClientRects().length) return false;
      n = nextOutside(n);
    } else n = nextOutside(n);
  }
  return false;
}

/**
 * Groups `items` ({top: [elements], label, shown}, in page order) into
 * widgets: an item joins the one before when nothing shown lies between
 * them and both or neither claim advertising. Items the page did not show (`shown` false) join no widget and
 * stand apart, uncounted. Returns [{items, top, label, shown}], `label`
 * in the browser's language (the items' labels are the engine's).
 */
export function groupWidgets(items) {
  const hidden = new Set(items.flatMap((i) => i.top));
  const widgets = [];
  let last = null;
  for (const item of items) {
    if (!item.shown) {
      widgets.push({ items: [item], top: item.top, label: widgetLabel([item.label]), shown: false });
      continue;
    }
    // An ad and the site's own "Most read" beside it stay two widgets: one
    // entry called "Most read and Sponsored" put the site's stories under
    // an advertising label (the seed page, quiet test).
    const sameClaim = last && last.items.every((i) => claimsAdvertising(i.label) === claimsAdvertising(item.label));
    if (sameClaim && adjacent(last.top[last.top.length - 1], item.top[0], hidden)) {
      last.items.push(item);
      last.top = [...last.top, ...item.top];
      last.label = widgetLabel(last.items.map((i) => i.label));
      continue;
    }
    last = { items: [item], top: item.top, label: widgetLabel([item.label]), shown: true };
    widgets.push(last);
  }
  return widgets;
}
