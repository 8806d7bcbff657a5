// Declutter in place: each promo / related block's elements get one
// attribute that a single injected stylesheet hides, and one slim labelled
// bar (a real <button> in a closed shadow root) goes before the block. No
// page node is removed or moved, so the page's scripts keep working;
// restoring takes the attribute, the bars and the stylesheet away again.
//
// On a huge page every frame in which the page changed costs the browser a
// pass over the whole page (a second on 100,000 elements on a small
// machine), so the work is cut into slices that the page does not see: the
// bars are built off the page, then put in hidden, and the blocks marked
// while no rule reads the marks; one last task shows the bars and adds the
// stylesheet, and the page is restyled and laid out once.
import { labelFor } from "./blocks.js";
import { slicer } from "./slices.js";

const HIDDEN = "data-declutter-hidden";
// A page can have tens of thousands of related lists; past this many
// bars the page would be more bars than page, and the browser would take
// seconds to lay them out. The first ones, in page order, are collapsed.
const MAX_BARS = 1000;
// :is() takes its most specific argument's specificity, so the rule
// outranks a page's own `#id { display: block !important }`.
const PAGE_CSS = `
:is([${HIDDEN}], #declutter#declutter#declutter) { display: none !important; }
[data-declutter="bar"] { display: block !important; list-style: none !important; margin: 0 !important; padding: 0 !important; border: 0 !important; background: none !important; }`;

const BAR_CSS = `
:host { all: initial !important; display: block !important; margin: 6px 0 !important; visibility: visible !important; opacity: 1 !important; }
.bar { font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #3c4043; background: #f1f3f4;
border: 1px solid #dadce0; border-radius: 6px; }
.toggle { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 5px 10px; cursor: pointer; }
.toggle:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; border-radius: 6px; }
.toggle .act { color: #1a73e8; text-decoration: underline; }
.panel { padding: 0 10px 8px; }
.panel[hidden] { display: none; }
ul { margin: 2px 0 6px; padding-inline-start: 18px; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.actions button { font: inherit; color: #202124; background: #fff; border: 1px solid #dadce0; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
.actions button:focus-visible { outline: 2px solid #1a73e8; }
.note { color: #5f6368; }
@media (prefers-color-scheme: dark) {
.bar { color: #e8eaed; background: #303134; border-color: #5f6368; }
.toggle .act { color: #8ab4f8; }
.actions button { color: #e8eaed; background: #202124; border-color: #5f6368; }
.note { color: #bdc1c6; }
}
@media print { :host { display: none !important; } }`;

// Where a plain <div> would be invalid markup, the bar takes the
// container's own item element around its host.
function barHost(first) {
  const parent = first.parentElement?.localName;
  if (parent === "ul" || parent === "ol" || parent === "menu") {
    const li = document.createElement("li");
    li.setAttribute("data-declutter", "bar");
    const host = document.createElement("div");
    li.append(host);
    return { outer: li, host };
  }
  if (parent === "tbody" || parent === "thead" || parent === "tfoot" || parent === "table") {
    const tr = document.createElement("tr");
    tr.setAttribute("data-declutter", "bar");
    const td = document.createElement("td");
    td.colSpan = 999;
    const host = document.createElement("div");
    td.append(host);
    tr.append(td);
    return { outer: tr, host };
  }
  const host = document.createElement("div");
  host.setAttribute("data-declutter", "bar");
  return { outer: host, host };
}

const contains = Node.prototype.contains;

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

// A collapsed block's bar label, from its kind and how many links it holds.
function labelOf(block, top) {
  const links = top.reduce((n, e) => n + (e.localName === "a" ? 1 : 0) + e.querySelectorAll("a[href]").length, 0);
  return labelFor(block.kind, links);
}

function bar(block, top, label, { onShow, onAlwaysShow, onReport }) {
  const { outer, host } = barHost(top[0]);
  const root = host.attachShadow({ mode: "closed", delegatesFocus: true });
  const style = document.createElement("style");
  style.textContent = BAR_CSS;
  const box = document.createElement("div");
  box.className = "bar";
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "toggle";
  toggle.setAttribute("aria-expanded", "false");
  const text = document.createElement("span");
  const act = document.createElement("span");
  act.className = "act";
  toggle.append(text, " · ", act);

  const panel = document.createElement("div");
  panel.className = "panel";
  panel.hidden = true;
  panel.id = "reasons";
  toggle.setAttribute("aria-controls", "reasons");
  const why = document.createElement("ul");
  why.setAttribute("aria-label", "Why it was hidden");
  for (const r of block.reasons.slice(0, 5)) {
    const li = document.createElement("li");
    li.textContent = r.detail || r.code;
    why.append(li);
  }
  const actions = document.createElement("div");
  actions.className = "actions";
  const always = document.createElement("button");
  always.type = "button";
  always.textContent = "Always show this block on this site";
  const report = document.createElement("button");
  report.type = "button";
  report.textContent = "Copy report";
  const note = document.createElement("span");
  note.className = "note";
  note.setAttribute("role", "status");
  actions.append(always, report, note);
  panel.append(`${block.kind} (confidence ${Math.round(block.confidence * 100)}%):`, why, actions);
  box.append(toggle, panel);
  root.append(style, box);

  let expanded = false;
  const render = () => {
    text.textContent = expanded ? label.replace(/ hidden$/, "") + " shown" : label;
    act.textContent = expanded ? "hide" : "show";
    toggle.setAttribute("aria-expanded", String(expanded));
    panel.hidden = !expanded;
  };
  toggle.addEventListener("click", () => {
    expanded = !expanded;
    onShow(expanded);
    render();
  });
  always.addEventListener("click", async () => {
    await onAlwaysShow();
    note.textContent = "Remembered for this site";
    always.disabled = true;
  });
  report.addEventListener("click", async () => {
    note.textContent = (await onReport()) ? "Report copied" : "Could not copy";
  });
  render();
  outer.hidden = true;
  return outer;
}

/**
 * Collapses the blocks of the chosen `kinds`, except those whose `hash` is
 * in `shown`. `nodes` maps the blocks' node indexes to live nodes.
 * `actions` = {alwaysShow(hash), report()}. Works in slices (a huge page
 * may have thousands of blocks); resolves to {count, skipped, labels, restore()}
 * (`labels`: each collapsed block's bar label, for the popup's counts):
 * `skipped` blocks were left as they are, past MAX_BARS, and restore()
 * resolves when the page is as it was.
 */
export async function collapse({ blocks, nodes, kinds, shown }, actions) {
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
  for (const b of blocks) {
    if (b.kind !== "content") continue;
    for (const e of elementsOf(b)) {
      for (let p = e; p && !holdsContent.has(p); p = p.parentNode) holdsContent.add(p);
    }
    if (slice.due()) await slice.pause();
  }

  // The blocks to hide and their bars, built off the page.
  const taken = new Set();
  const collapsed = [];
  let skipped = 0;
  for (const block of blocks) {
    if (slice.due()) await slice.pause();
    if (!kinds[block.kind] || shown.includes(block.hash)) continue;
    if (collapsed.length === MAX_BARS) {
      skipped++;
      continue;
    }
    const top = outermost(elementsOf(block)).filter((e) => !holdsContent.has(e) && !taken.has(e) && !e.hasAttribute(HIDDEN));
    if (!top.length) continue;
    for (const e of top) taken.add(e);
    const hide = (on) => {
      for (const e of top) {
        if (on) e.setAttribute(HIDDEN, block.kind);
        else e.removeAttribute(HIDDEN);
      }
    };
    const label = labelOf(block, top);
    const outer = bar(block, top, label, {
      onShow: (visible) => hide(!visible),
      onAlwaysShow: () => actions.alwaysShow(block.hash),
      onReport: actions.report,
    });
    collapsed.push({ top, outer, hide, label });
  }
  // Into the page, out of sight: hidden bars lay nothing out, and no rule
  // reads the marks yet.
  for (const { top, outer, hide } of collapsed) {
    top[0].before(outer);
    hide(true);
    if (slice.due()) await slice.pause();
  }
  const style = document.createElement("style");
  style.setAttribute("data-declutter", "style");
  style.textContent = PAGE_CSS;
  if (collapsed.length) (document.head || document.documentElement).append(style);
  for (const { outer } of collapsed) outer.hidden = false;
  const bars = collapsed.map((c) => c.outer);

  // The reverse: in one task the bars go out of sight and the blocks come
  // back; then what no rule reads any more goes, in slices.
  async function restore() {
    for (const b of bars) b.hidden = true;
    style.remove();
    const undo = slicer();
    for (const { top, outer } of collapsed) {
      outer.remove();
      for (const e of top) e.removeAttribute(HIDDEN);
      if (undo.due()) await undo.pause();
    }
  }
  return { count: bars.length, skipped, labels: collapsed.map((c) => c.label), restore };
}
