// Types for `declutter/html` (html.js): HTML text without a DOM (Node,
// workers). The result types are those of the main entry.
import type { Analysis, BlockData, Options } from "./declutter.js";

export type { Analysis, BlockData, Options } from "./declutter.js";
export { CEILINGS, warmUp } from "./declutter.js";

/** Loads both wasm modules once: the analysis (`declutter_core_bg.wasm`, as `declutter`'s `init`) and the HTML parser (`declutter_html_bg.wasm`). In browsers each is fetched beside the package unless given a URL, Response, bytes or `WebAssembly.Module`; in Node they are read from disk. Safe to call again. */
export default function init(input?: {
  module_or_path?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
  html_module_or_path?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
}): Promise<void>;
export { init };

/** Splits a page given as HTML text into blocks and builds the article, as `analyze` does for a live DOM (blocks carry no nodes). Text past `CEILINGS.maxChars`, or whose tree takes more than 2^25 snapshot ops, is refused with a `RangeError` whose `limit` is `maxChars` or `maxOps`. */
export function analyzeHtml(html: string, url?: string, options?: Options): Analysis<BlockData>;
