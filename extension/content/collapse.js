// Declutter in place: each promo / related block's elements get one
// attribute that a single injected stylesheet hides. Quiet by default
// (issue 14): hidden widgets leave no bar; one page-level control
// (hidden-list.js) says how many were hidden and lists them, each with a
// "show". With settings.marks, each widget also gets one slim mark
// (marks.js). No page node is removed or moved, so the page's scripts keep
// working; restoring takes the attribute, the control, the marks and the
// stylesheet away again.
//
// Blocks become widgets as a person sees them (widgets.js): neighbouring
// hidden blocks are one widget; blocks the page itself did not show are
// hidden but neither counted nor marked (shown.js). The paragraph the
// reader was looking at stays where it was on screen (anchor.js).
//
// On a huge page every frame in which the page changed costs the browser a
// pass over the whole page (a second on 100,000 elements on a small
// machine), so the work is cut into slices that the page does not see: the
// page is read first (what it shows) with no change in between, the marks
// are built off the page, then put in hidden, and the blocks marked while
// no rule reads the marks; one last task shows the marks and adds the
// stylesheet, and the page is restyled and laid out once.
import { labelOf, whyOf } from "./blocks.js";
import { noteAnchor } from "./anchor.js";
import { hiddenList } from "./hidden-list.js";
import { layoutGuard, othersCollector } from "./layout-guard.js";
import { MAX_MARKS, articleAround, withinBudget } from "./mark-budget.js";
import { mark } from "./marks.js";
import { inFurniture, rendered } from "./shown.js";
import { slicer } from "./slices.js";
import { groupWidgets } from "./widgets.js";

const HIDDEN = "data-declutter-hidden";
// Set beside HIDDEN when hiding a widget's box would let the page's other
// parts overlap the article (layout-guard.js): the widget keeps its room.
const SPACE = "data-declutter-space";
// A page can have tens of thousands of related lists; past this many
// blocks the browser would take seconds to hide them and the list would
// be longer than the page. The first ones, in page order, are hidden.
const MAX_BLOCKS = 1000;
// :is() takes its most specific argument's specificity, so the rule
// outranks a page's own `#id { display: block !important }`.
const PAGE_CSS = `
:is([${HIDDEN}]:not([${SPACE}]), #declutter#declutter#declutter) { display: none !important; }
:is([${HIDDEN}][${SPACE}], #declutter#declutter#declutter) { visibility: hidden !important; opacity: 0 !important; pointer-events: none !important; }
[data-declutter="bar"] { display: block !important; list-style: none !important; margin: 0 !important; padding: 0 !important; border: 0 !important; background: none !important; }`;

const contains = Node.prototype.contains;
const before = (a, b) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING;

// The outermost elements of a block, given in document order: hiding
// them hides the rest. An element's descendants follow it in document
// order, so only the last one kept can hold the next.
function outermost(elements) {
  const out = [];
  let last = null;
  for (const e of elements) {
    if (last && contains.call(last, e)) continue;
    out.push(e);
    last = e;
  }
  return out;
}

// A widget's reasons: its blocks' sentences, each once; from the links
// of all of them together when the engine gave none.
function whyOfWidget(w) {
  const given = [...new Set(w.items.flatMap((i) => whyOf(i.block)))];
  return given.length ? given.slice(0, 5) : whyOf({}, linksIn(w.top));
}

const linksIn = (top) => top.reduce((n, e) => n + (e.localName === "a" ? 1 : 0) + e.querySelectorAll("a[href]").length, 0);

/**
 * Collapses the blocks of the chosen `kinds`, except those whose `hash` is
 * in `shown`. `nodes` maps the blocks' node indexes to live nodes;
 * `marks` leaves one slim mark per widget. `actions` = {alwaysShow(hash),
 * report(), showAll()}. Works in slices (a huge page may have thousands of
 * blocks); resolves to {count, skipped, labels, restore()}: `count`
 * widgets hidden that the page showed (the control's count), `labels`
 * theirs (for the popup's counts), `skipped` blocks left as they are past
 * MAX_BLOCKS; restore() resolves when the page is as it was.
 */
export async function collapse({ blocks, nodes, kinds, shown, marks = false }, actions) {
  const slice = slicer();
  const elementsOf = (b) => {
    const out = [];
    for (const i of b.nodes) {
      const n = nodes[i];
      if (n && n.nodeType === 1 && n.isConnected) out.push(n);
    }
    return out;
  };
  // Never hide the page itself, nor anything that holds article content:
  // the content elements and their ancestors, gathered once.
  const holdsContent = new Set([document.documentElement, document.body, document.head]);
  const content = [];
  for (const b of blocks) {
    if (b.kind !== "content") continue;
    for (const e of elementsOf(b)) {
      content.push(e);
      for (let p = e; p && !holdsContent.has(p); p = p.parentNode) holdsContent.add(p);
    }
    if (slice.due()) await slice.pause();
  }

  // The blocks to hide, read as the page shows them (no change yet).
  const taken = new Set();
  const items = [];
  const others = othersCollector();
  let skipped = 0;
  for (const block of blocks) {
    if (slice.due()) await slice.pause();
    if (!kinds[block.kind] || shown.includes(block.hash)) {
      if (block.kind !== "content") for (const e of outermost(elementsOf(block))) if (!holdsContent.has(e)) others.add(e);
      continue;
    }
    if (items.length === MAX_BLOCKS) {
      skipped++;
      continue;
    }
    const top = outermost(elementsOf(block)).filter((e) => !holdsContent.has(e) && !taken.has(e) && !e.hasAttribute(HIDDEN));
    if (!top.length) continue;
    for (const e of top) taken.add(e);
    items.push({ block, top, label: labelOf(block), shown: false });
  }
  // A block inside another hidden one goes with it: not a widget of its own.
  const inTaken = (e) => {
    for (let p = e.parentElement; p; p = p.parentElement) if (taken.has(p)) return true;
    return false;
  };
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    item.top = item.top.filter((e) => !inTaken(e));
    if (!item.top.length) items.splice(i, 1);
    if (slice.due()) await slice.pause();
  }
  items.sort((a, b) => (a.top[0] === b.top[0] ? 0 : before(a.top[0], b.top[0]) ? -1 : 1));
  // Every read of the page's boxes in one task, with no pause between:
  // the page's own changes during a pause would make the next read lay it
  // out again.
  for (const item of items) item.shown = item.top.some((e) => rendered(e));
  const anchor = noteAnchor(content);
  const guard = items.length ? layoutGuard(content, others.list().filter((e) => !inTaken(e) && !taken.has(e))) : null;
  const widgets = groupWidgets(items).map((w) => {
    const widget = {
      ...w,
      why: whyOfWidget(w),
      excerpt: w.items.map((i) => i.block.excerpt).find((e) => typeof e === "string" && e.trim()) || "",
      visible: false,
      setVisible(on) {
        widget.visible = on;
        const place = noteAnchor(content);
        for (const i of w.items) {
          for (const e of i.top) {
            if (on) e.removeAttribute(HIDDEN);
            else e.setAttribute(HIDDEN, i.block.kind);
          }
        }
        place.restore();
      },
      alwaysShow: () => Promise.all(w.items.map((i) => actions.alwaysShow(i.block.hash))),
    };
    return widget;
  });
  const counted = widgets.filter((w) => w.shown);
  // A mark for each counted widget that interrupted the article (between
  // its first and last element: elsewhere, in a sidebar or the site's
  // menus, nothing reads on across the gap), outside fixed or sticky
  // furniture. Issue 14 asks for at most 6 marks on the median page: the
  // four wcxb test pages had 7, 7, 14 and 13 widgets, most of them in the
  // page's menus and sidebars. At most MAX_MARKS of them (mark-budget.js).
  const marked = [];
  // Blocks come in document order and so do their elements: the article
  // runs from the first content element to the last. (Finding them with
  // compareDocumentPosition over every content element held Firefox's
  // main thread on the 300x300 table's 90,000 cells.)
  const first = content[0] ?? null;
  const last = content.at(-1) ?? null;
  const inArticle = (e) => first && last && before(first, e) && before(e, last);
  if (marks) {
    const candidates = counted.filter((w) => inArticle(w.top[0]) && !inFurniture(w.top[0]));
    const around = articleAround(content, before);
    for (const w of withinBudget(candidates, (w) => around(w.top[0]), MAX_MARKS)) {
      marked.push({ widget: w, ...mark(w, () => control?.update()) });
      if (slice.due()) await slice.pause();
    }
  }
  const control = counted.length
    ? hiddenList(counted, {
        showAll: actions.showAll,
        report: actions.report,
        changed: () => {
          for (const m of marked) m.update();
        },
      })
    : null;
  // Into the page, out of sight: hidden marks lay nothing out, and no rule
  // reads the attributes yet.
  for (const m of marked) {
    m.widget.top[0].before(m.outer);
    if (slice.due()) await slice.pause();
  }
  for (const w of widgets) {
    for (const i of w.items) for (const e of i.top) e.setAttribute(HIDDEN, i.block.kind);
    if (slice.due()) await slice.pause();
  }
  const style = document.createElement("style");
  style.setAttribute("data-declutter", "style");
  style.textContent = PAGE_CSS;
  if (widgets.length) (document.head || document.documentElement).append(style);
  for (const m of marked) m.outer.hidden = false;
  if (control) (document.body || document.documentElement).append(control.element);
  anchor.restore();
  // anchor.restore() has laid the page out already: the guard only reads.
  if (guard?.broken()) {
    for (const w of widgets) for (const i of w.items) for (const e of i.top) e.setAttribute(SPACE, "");
    anchor.restore();
  }

  // The reverse: in one task the marks and the control go out of sight and
  // the blocks come back; then what no rule reads any more goes, in slices.
  async function restore() {
    for (const m of marked) m.outer.hidden = true;
    control?.element.remove();
    style.remove();
    const undo = slicer();
    for (const m of marked) {
      m.outer.remove();
      if (undo.due()) await undo.pause();
    }
    for (const w of widgets) {
      for (const e of w.top) {
        e.removeAttribute(HIDDEN);
        e.removeAttribute(SPACE);
      }
      if (undo.due()) await undo.pause();
    }
  }
  return { count: counted.length, skipped, labels: counted.map((w) => w.label), restore };
}
