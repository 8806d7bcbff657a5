// The in-page half of scripts/walker-ab.mjs: times the shipped DOM walker
// (src/js/snapshot.js) against the walker it replaced (old-snapshot.js, kept
// here only for this comparison) on the same documents, and checks that
// both give the same snapshot: the same ops, the same strings and the very
// same nodes, for snapshot() and for the sliced snapshotAsync().
import * as fresh from "/src/js/snapshot.js";
import * as old from "./old-snapshot.js";
import { loadHtml } from "../browser-bench/load-html.js";

const WALKERS = { old, new: fresh };
const NAMES = Object.keys(WALKERS);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Where two snapshots first differ, or null when they are the same.
function difference(a, b) {
  if (a.url !== b.url) return `url ${a.url} vs ${b.url}`;
  if (a.ops.length !== b.ops.length) return `ops length ${a.ops.length} vs ${b.ops.length}`;
  for (let i = 0; i < a.ops.length; i++) if (a.ops[i] !== b.ops[i]) return `ops[${i}] ${a.ops[i]} vs ${b.ops[i]}`;
  if (a.strings !== b.strings) {
    let i = 0;
    while (a.strings[i] === b.strings[i]) i++;
    return `strings differ at ${i}: ${JSON.stringify(a.strings.slice(i, i + 40))} vs ${JSON.stringify(b.strings.slice(i, i + 40))}`;
  }
  if (a.nodes.length !== b.nodes.length) return `nodes length ${a.nodes.length} vs ${b.nodes.length}`;
  for (let i = 0; i < a.nodes.length; i++) if (a.nodes[i] !== b.nodes[i]) return `nodes[${i}] differ`;
  return null;
}

// How many elements a snapshot flags HIDDEN (an OPEN is followed by its
// flags and attribute count).
function hiddenCount(ops) {
  let n = 0;
  for (let i = 0; i < ops.length; i++) {
    if (ops[i] === fresh.OPEN) {
      if (ops[i + 1] & fresh.HIDDEN) n++;
      i += 2;
    }
  }
  return n;
}

// A rendered copy of the page, so that checkVisibility has layout to read:
// a sandboxed frame (no scripts run), its subresources held back by the
// bench page's CSP, which a srcdoc frame inherits.
async function rendered(html) {
  const frame = document.createElement("iframe");
  frame.sandbox = "allow-same-origin";
  frame.style.cssText = "width:1280px;height:800px;border:0";
  const loaded = new Promise((ok) => (frame.onload = ok));
  frame.srcdoc = html;
  document.body.append(frame);
  await loaded;
  return { doc: frame.contentDocument, close: () => frame.remove() };
}

/** What the page runs in. */
async function setup() {
  return { userAgent: navigator.userAgent, crossOriginIsolated: self.crossOriginIsolated === true };
}

// A fresh document for `html`: parsed by DOMParser, or with `layout`
// rendered in a frame. Resolves to {doc, close()}.
async function load(html, layout) {
  if (layout) return rendered(html);
  return { doc: new DOMParser().parseFromString(html, "text/html"), close() {} };
}

/**
 * For each page: `reps` times, each walker walks a fresh copy of the page
 * (parsed by DOMParser, or rendered with `layout`), as analyze(doc) meets
 * it: no node has a JS wrapper yet. The walker going first alternates from
 * rep to rep and page to page. Then both walk one more copy, and their
 * snapshots must be the same (and snapshotAsync's, in slices of 0 ms, i.e.
 * every 32 nodes). Resolves to per-page medians in ms, sizes, and any
 * difference found.
 */
async function run({ urls, reps, layout = false, offset = 0 }) {
  const out = [];
  for (let i = 0; i < urls.length; i++) {
    const { html } = await loadHtml(urls[i]);
    const times = { old: [], new: [] };
    for (let r = 0; r < reps; r++) {
      const order = (offset + i + r) % 2 ? [...NAMES].reverse() : NAMES;
      for (const name of order) {
        const { doc, close } = await load(html, layout);
        const t0 = performance.now();
        WALKERS[name].snapshot(doc);
        times[name].push(performance.now() - t0);
        close();
      }
    }
    const { doc, close } = await load(html, layout);
    try {
      const a = old.snapshot(doc);
      const b = fresh.snapshot(doc);
      const problems = [];
      const d = difference(a, b);
      if (d) problems.push(`snapshot: ${d}`);
      const ds = difference(a, await fresh.snapshotAsync(doc, { sliceMs: 0 }));
      if (ds) problems.push(`snapshotAsync: ${ds}`);
      out.push({
        url: urls[i],
        nodes: b.nodes.length,
        hidden: hiddenCount(b.ops),
        ms: { old: median(times.old), new: median(times.new) },
        problems,
      });
    } finally {
      close();
    }
  }
  return out;
}

window.bench = { setup, run };
