// The in-page half of scripts/walker-ab.mjs: times the shipped DOM walker
// (crates/declutter-wasm/js/snapshot.js) against the walker it replaced (old-snapshot.js, kept
// here only for this comparison) on the same documents, and checks that
// both give the same snapshot: the same ops, the same strings and the very
// same nodes, for snapshot() and for the sliced snapshotAsync().
import * as fresh from "/crates/declutter-wasm/js/snapshot.js";
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
  const doc = frame.contentDocument;
  // Style and layout done before the walk, as on a page the reader opens
  // on: the walk's first visibility check would pay for them otherwise.
  doc.documentElement.getBoundingClientRect();
  return { doc, close: () => frame.remove() };
}

// The package (./build.sh pkg), initialised and warmed up, for timing whole
// analyses: each walker's snapshot then analyzeSnapshot, as analyze(doc).
let core = null;
async function declutter() {
  if (!core) {
    core = await import("/pkg/declutter.js");
    await core.default();
    core.warmUp();
  }
  return core;
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
async function run({ urls, reps, layout = false, offset = 0, analyze = false }) {
  const core = analyze ? await declutter() : null;
  const out = [];
  for (let i = 0; i < urls.length; i++) {
    const { html } = await loadHtml(urls[i]);
    const times = { old: [], new: [] };
    const totals = { old: [], new: [] };
    for (let r = 0; r < reps; r++) {
      const order = (offset + i + r) % 2 ? [...NAMES].reverse() : NAMES;
      for (const name of order) {
        const { doc, close } = await load(html, layout);
        const t0 = performance.now();
        const snap = WALKERS[name].snapshot(doc);
        const t1 = performance.now();
        times[name].push(t1 - t0);
        if (core) {
          // What analyze(doc) does after its read.
          const result = core.analyzeSnapshot(snap);
          for (const block of result.blocks) block.nodes = block.nodes.map((k) => snap.nodes[k]);
          totals[name].push(performance.now() - t0);
        }
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
        total: core ? { old: median(totals.old), new: median(totals.new) } : null,
        problems,
      });
    } finally {
      close();
    }
  }
  return out;
}

// Documents made to reach the walkers' less travelled paths: markup that
// clobbers DOM properties, attributes getAttribute cannot find by their own
// name, many attributes, noscript, scripts, foreign content, U+0000, CDATA.
function edgeCases() {
  const parse = (html, type = "text/html") => new DOMParser().parseFromString(html, type);
  const docs = {};
  docs.clobbering = parse(
    "<form id=f><input name=nodeType><input name=parentNode><input name=firstChild><input name=nextSibling>" +
      "<input name=attributes><input name=localName><input name=namespaceURI><input name=getAttribute>" +
      "<input name=getAttributeNames><input name=hasAttributes><input name=childNodes>text</form><p>after</p>",
  );
  const odd = parse("<div id=a class=b>x</div><p>y</p><svg viewBox='0 0 1 1'><a xlink:href=#z>z</a></svg>");
  const div = odd.getElementById("a");
  div.setAttributeNS(null, "Foo", "capital");
  div.setAttribute("foo", "lower");
  div.setAttributeNS("urn:one", "dup", "one");
  div.setAttributeNS("urn:two", "dup", "two");
  div.setAttributeNS("urn:three", "x:dup", "three");
  div.setAttribute("nul", "a\u0000b");
  odd.querySelector("p").setAttributeNS("urn:one", "Q:Cap", "namespaced capital");
  docs.oddAttributes = odd;
  const many = parse("<div>many</div><span>exactly sixteen</span>");
  for (let i = 0; i < 40; i++) many.querySelector("div").setAttribute(`data-a${i}`, String(i));
  for (let i = 0; i < 16; i++) many.querySelector("span").setAttribute(`data-b${i}`, String(i));
  docs.manyAttributes = many;
  docs.scriptsAndNoscript = parse(
    "<script>var a = 1;</script><script type='application/ld+json'>{\"@type\":\"Article\"}</script>" +
      "<style>p{}</style><noscript><p class=n>no script</p></noscript><noscript></noscript><p>t\u0000u</p>" +
      "<math><mi>x</mi></math><template><p>inside</p></template>",
  );
  const text = parse("<p>a</p>");
  const p = text.querySelector("p");
  p.append(text.createTextNode("b"), text.createTextNode(""), text.createComment("c"), text.createTextNode("nul\u0000"));
  p.append(text.createElementNS("urn:other", "o:thing"));
  docs.textRuns = text;
  docs.xml = parse("<root xmlns='http://www.w3.org/1999/xhtml'><p A='1' b='2'>x<![CDATA[cdata]]></p></root>", "application/xhtml+xml");
  return docs;
}

/**
 * The walkers on edgeCases(): resolves to the differences found (snapshot
 * and snapshotAsync; whole documents and one element as the root).
 */
async function edges() {
  const problems = [];
  for (const [name, doc] of Object.entries(edgeCases())) {
    for (const root of [doc, doc.body || doc.documentElement]) {
      const a = old.snapshot(root);
      const d = difference(a, fresh.snapshot(root));
      if (d) problems.push(`${name}: snapshot: ${d}`);
      const ds = difference(a, await fresh.snapshotAsync(root, { sliceMs: 0 }));
      if (ds) problems.push(`${name}: snapshotAsync: ${ds}`);
    }
  }
  return problems;
}

// Each node of `doc` in document order, so that snapshots of two copies of
// a document can name their nodes by position.
function positions(doc) {
  const all = new Map();
  const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_ALL);
  for (let n = walker.nextNode(), i = 0; n; n = walker.nextNode(), i++) all.set(n, i);
  return all;
}

// Moves and removes nodes of `doc` while a sliced walk runs, one change per
// task, the same changes in the same order for any walker.
function mutator(doc, steps) {
  const elements = [...doc.body.querySelectorAll("*")];
  // The elements near the top hold most of the page: the walk is likely
  // inside one of them when it moves.
  const outer = elements.filter((el) => el.parentElement.closest("body > * > * > *") === null && el.firstElementChild);
  if (!outer.length) outer.push(doc.body);
  let k = 0;
  let done = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    if (done || k >= steps) return channel.port1.close();
    const kind = k % 3;
    const el = (kind === 2 ? elements : outer)[(k * 7919) % (kind === 2 ? elements : outer).length];
    const other = elements[(k * 104729) % elements.length];
    try {
      if (kind === 0) el.remove();
      else if (kind === 1) other.before(el);
      else other.prepend(el.cloneNode(true));
    } catch {
      // An element cannot move into itself; the same for any walker.
    }
    k++;
    channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  return () => {
    done = true;
  };
}

/**
 * snapshotAsync of the old and new walkers while the page changes under
 * them (the same changes, between the same slices): resolves to the
 * differences found, comparing nodes by their position before the walk.
 */
async function mutating({ urls }) {
  const problems = [];
  for (const url of urls) {
    const { html } = await loadHtml(url);
    const out = {};
    for (const [name, walker] of Object.entries(WALKERS)) {
      const doc = new DOMParser().parseFromString(html, "text/html");
      if (!doc.body) continue;
      const where = positions(doc);
      const stop = mutator(doc, 200);
      const snap = await walker.snapshotAsync(doc, { sliceMs: 0 });
      stop();
      out[name] = { ...snap, nodes: snap.nodes.map((n) => where.get(n) ?? -1) };
    }
    if (!out.old) continue;
    const d = difference(out.old, out.new);
    if (d) problems.push(`${url}: ${d}`);
  }
  return problems;
}

window.bench = { setup, run, edges, mutating };
