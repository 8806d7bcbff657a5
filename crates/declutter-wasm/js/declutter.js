// Declutter for web apps: splits a page into content, promo, related and
// boilerplate blocks and builds a clean article, in wasm. This module is the
// public API for a live DOM (see declutter.d.ts and README.md);
// declutter_core.js is the wasm-bindgen glue it drives. HTML text without a
// DOM is html.js's (`declutter/html`), which adds the parser's own module:
// this entry loads no HTML parser (issue 15).
import initCore, * as core from "./declutter_core.js";
import { CEILINGS, nodeTypeOf, snapshot, snapshotAsync } from "./snapshot.js";

export { CEILINGS, snapshot, snapshotAsync };

/**
 * Most ops `analyzeSnapshot` takes; keep in step with the core's
 * `snapshot::MAX_OPS`. Checked here, before the ops are copied into wasm
 * memory (a 2^29-long array made the module allocate 2 GB, then fail).
 */
const MAX_OPS = 2 ** 25;

const WASM_FILE = "./declutter_core_bg.wasm";
let loading = null;
let loaded = false;

/**
 * Loads the wasm module once; later calls return the same promise. With no
 * argument a browser fetches the .wasm beside this file and Node reads it
 * from disk; pass `{module_or_path}` (a URL, Response, bytes or
 * WebAssembly.Module) to load it from elsewhere.
 */
export default function init(input) {
  if (!loading) {
    loading = load(input).then(
      () => {
        loaded = true;
      },
      (e) => {
        loading = null;
        throw new Error(`declutter: could not load the wasm module: ${e && e.message ? e.message : e}`);
      },
    );
  }
  return loading;
}
export { init };

async function load(input) {
  if (input === undefined && typeof process !== "undefined" && process.versions && process.versions.node) {
    const { readFile } = await import("node:fs/promises");
    input = { module_or_path: await readFile(new URL(WASM_FILE, import.meta.url)) };
  }
  await initCore(input);
}

/**
 * Analyses a small built-in page, so the next real analysis (of a DOM or of
 * HTML text: both reach the core as a snapshot) does not pay the first-use
 * costs (the engine's lazily compiled code, the first states of the cue
 * automata; the cue patterns themselves are compiled at build time).
 * Optional: call it after `init()` when the first analysis must be fast.
 */
export function warmUp() {
  run(() => core.warmUp());
}

/**
 * Splits a live Document or Element into blocks and builds the article.
 * Reads the DOM and changes nothing in it. Each block carries the live
 * `nodes` it covers and the `elements` among them.
 */
export function analyze(root, options = {}) {
  checkRoot(root, "analyze");
  const t0 = performance.now();
  const snap = snapshot(root, options);
  const t1 = performance.now();
  const result = run(() => core.analyzeSnapshot(snap.ops, snap.strings, pageUrl(options, snap.url)));
  for (const block of result.blocks) {
    const nodes = [];
    for (const i of block.nodes) if (snap.nodes[i]) nodes.push(snap.nodes[i]);
    block.nodes = nodes;
    block.elements = nodes.filter((n) => nodeTypeOf(n) === 1);
  }
  const t2 = performance.now();
  result.timings = { read: t1 - t0, analyze: t2 - t1, total: t2 - t0 };
  return result;
}

/**
 * Analyses a snapshot made elsewhere (by `snapshot()` in a content script);
 * blocks name their nodes by index into that snapshot's `nodes`.
 */
export function analyzeSnapshot(snap, options = {}) {
  if (!snap || typeof snap.strings !== "string" || !(Array.isArray(snap.ops) || snap.ops instanceof Uint32Array)) {
    throw new TypeError("declutter.analyzeSnapshot: expected {ops, strings, url} from snapshot(): ops an Array or Uint32Array, strings a string");
  }
  if (snap.ops.length > MAX_OPS) throw tooLarge("analyzeSnapshot", "maxOps", `${MAX_OPS} ops`);
  if (snap.strings.length > CEILINGS.maxChars) {
    throw tooLarge("analyzeSnapshot", "maxChars", `${CEILINGS.maxChars} characters of strings`);
  }
  const t0 = performance.now();
  const result = run(() => core.analyzeSnapshot(snap.ops, snap.strings, pageUrl(options, snap.url)));
  const total = performance.now() - t0;
  result.timings = { analyze: total, total };
  return result;
}

const KIND_ATTR = "data-declutter-kind";
const REASONS_ATTR = "data-declutter-reasons";

/**
 * Marks each block's elements with `data-declutter-kind` and
 * `data-declutter-reasons`, so an app can style or collapse them in CSS.
 * `undo()` takes every mark off and restores values it overwrote.
 */
export function annotate(root, options = {}) {
  const result = analyze(root, options);
  const saved = [];
  const marked = new Set();
  // Through the prototype: a form's inputs can shadow its methods.
  const { getAttribute, setAttribute, removeAttribute } = Element.prototype;
  const mark = (el, name, value) => {
    saved.push([el, name, getAttribute.call(el, name)]);
    setAttribute.call(el, name, value);
  };
  for (const block of result.blocks) {
    const reasons = block.reasons.map((r) => r.detail).join("; ");
    for (const el of block.elements) {
      // An element covering text of two blocks keeps the first block's kind.
      if (marked.has(el)) continue;
      marked.add(el);
      mark(el, KIND_ATTR, block.kind);
      mark(el, REASONS_ATTR, reasons);
    }
  }
  let undone = false;
  result.undo = () => {
    if (undone) return;
    undone = true;
    for (let i = saved.length - 1; i >= 0; i--) {
      const [el, name, previous] = saved[i];
      if (previous === null) removeAttribute.call(el, name);
      else setAttribute.call(el, name, previous);
    }
  };
  return result;
}

/**
 * Mozilla Readability's `parse()` result for the same document, without
 * changing it, so an app can swap Readability for Declutter in one line.
 * Null when the page has no article, as Readability returns.
 */
export function parse(doc, options = {}) {
  const { article } = analyze(doc, options);
  if (!article.contentHtml.trim()) return null;
  return {
    title: article.title ?? "",
    byline: article.byline,
    dir: article.dir,
    lang: article.lang,
    content: article.contentHtml,
    textContent: article.text,
    length: article.text.length,
    excerpt: article.excerpt,
    siteName: article.siteName,
    publishedTime: article.published,
  };
}

// Runs a core call, turning a wasm trap (a bug: the core aborts on panic)
// into an exception that says what happened.
function run(call) {
  if (!loaded) throw new Error("declutter: the wasm module is not loaded yet: `await init()` first");
  try {
    return call();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      let why = null;
      try {
        why = core.lastPanic();
      } catch {
        // The module may be unusable after the trap; the message is enough.
      }
      throw new Error(`declutter: internal error${why ? `: ${why}` : ""} (${e.message}); please report this page`);
    }
    throw e;
  }
}

// What an input past a ceiling throws, before anything is copied into wasm:
// a RangeError whose `limit` names the ceiling, as snapshot() does.
function tooLarge(fn, limit, what) {
  const e = new RangeError(`declutter.${fn}: the page is too large: more than ${what}`);
  e.limit = limit;
  return e;
}

function pageUrl(options, fallback) {
  const url = options && options.url !== undefined ? options.url : fallback;
  if (url === undefined || url === null) return null;
  if (typeof url !== "string") throw new TypeError(`declutter: options.url must be a string, got ${describe(url)}`);
  return url;
}

function checkRoot(root, fn) {
  // nodeType, not instanceof: documents of iframes have their own classes.
  let type = 0;
  try {
    type = nodeTypeOf(root);
  } catch {
    // Not a node at all (or no DOM here): the message below says so.
  }
  if (type !== 9 && type !== 1) {
    throw new TypeError(`declutter.${fn}: expected a Document or an Element, got ${describe(root)}`);
  }
}

function describe(v) {
  if (v === null) return "null";
  if (typeof v === "object") return v.constructor && v.constructor.name ? v.constructor.name : "an object";
  return typeof v;
}
