// Declutter for HTML text without a DOM (Node, workers): the package's
// `declutter/html` entry. html5ever, in a wasm module of its own
// (declutter_html_bg.wasm, driven through its glue declutter_html.js),
// parses the page into the snapshot the DOM walker would make, and the
// analysis module of `declutter.js` analyses it, so a page read as text and
// the same page read from a DOM go through one analysis. Pages that read
// their own DOM import `declutter` and never load the parser (issue 15).
import initMain, { CEILINGS, analyzeSnapshot, warmUp } from "./declutter.js";
import initParser, * as parser from "./declutter_html.js";

export { CEILINGS, warmUp };

/** Most ops `analyzeSnapshot` takes; as in declutter.js (the core's `snapshot::MAX_OPS`). */
const MAX_OPS = 2 ** 25;

const WASM_FILE = "./declutter_html_bg.wasm";
let loading = null;
let loaded = false;

/**
 * Loads both wasm modules once (the analysis and the parser); later calls
 * return the same promise. With no argument a browser fetches the .wasm
 * files beside the package and Node reads them from disk; pass
 * `{module_or_path, html_module_or_path}` (each a URL, Response, bytes or
 * WebAssembly.Module) to load them from elsewhere.
 */
export default function init(input = {}) {
  const main = input.module_or_path === undefined ? undefined : { module_or_path: input.module_or_path };
  if (!loading) {
    loading = loadParser(input.html_module_or_path).then(
      () => {
        loaded = true;
      },
      (e) => {
        loading = null;
        throw new Error(`declutter: could not load the HTML parser's wasm module: ${e && e.message ? e.message : e}`);
      },
    );
  }
  return Promise.all([initMain(main), loading]).then(() => undefined);
}
export { init };

async function loadParser(source) {
  if (source === undefined && typeof process !== "undefined" && process.versions && process.versions.node) {
    const { readFile } = await import("node:fs/promises");
    source = await readFile(new URL(WASM_FILE, import.meta.url));
  }
  await initParser(source === undefined ? undefined : { module_or_path: source });
}

/**
 * Splits a page given as HTML text into blocks and builds the article, as
 * `analyze` does for a live DOM (blocks carry no nodes).
 */
export function analyzeHtml(html, url, options = {}) {
  if (typeof html !== "string") {
    throw new TypeError(`declutter.analyzeHtml: expected the page's HTML as a string, got ${describe(html)}`);
  }
  if (html.length > CEILINGS.maxChars) throw tooLarge(`${CEILINGS.maxChars} characters of HTML`, "maxChars");
  // The address is checked before the parse, not after it.
  const address = options && options.url !== undefined ? options.url : url;
  if (address !== undefined && address !== null && typeof address !== "string") {
    throw new TypeError(`declutter: options.url must be a string, got ${describe(address)}`);
  }
  if (!loaded) throw new Error("declutter: the wasm modules are not loaded yet: `await init()` from declutter/html first");
  const t0 = performance.now();
  const parsed = parse(html);
  let ops;
  let strings;
  try {
    ops = parsed.takeOps();
    strings = parsed.takeStrings();
  } finally {
    parsed.free();
  }
  // A tree of more nodes than the analysis takes (2^25 ops: millions of
  // elements): refused here, under this function's name.
  if (ops.length > MAX_OPS) throw tooLarge(`${MAX_OPS} snapshot ops`, "maxOps");
  const result = analyzeSnapshot({ ops, strings, url: url ?? null }, options);
  for (const block of result.blocks) delete block.nodes;
  const total = performance.now() - t0;
  result.timings = { analyze: total, total };
  return result;
}

// The parser's call, with a trap (a bug: the module aborts on panic) turned
// into an exception that says what happened.
function parse(html) {
  try {
    return parser.parseHtml(html);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      let why = null;
      try {
        why = parser.lastPanic();
      } catch {
        // The module may be unusable after the trap; the message is enough.
      }
      throw new Error(`declutter: internal error in the HTML parser${why ? `: ${why}` : ""} (${e.message}); please report this page`);
    }
    throw e;
  }
}

function tooLarge(what, limit) {
  const e = new RangeError(`declutter.analyzeHtml: the page is too large: more than ${what}`);
  e.limit = limit;
  return e;
}

function describe(v) {
  if (v === null) return "null";
  if (typeof v === "object") return v.constructor && v.constructor.name ? v.constructor.name : "an object";
  return typeof v;
}
