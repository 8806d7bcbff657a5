// One copy of the wasm core, in a dedicated worker of its own: a big page's
// analysis runs here, off the thread that answers the other tabs, and the
// pool (lib/core-pool.js) can end it at any moment by terminating the
// worker: the core has no way to stop an analysis half-way.
//
// From the pool: {type: "load", module} first (a compiled
// WebAssembly.Module, or null to fetch and compile it here), then {type:
// "analyze", id, snapshot}. To the pool: {type: "ready"} once the core is
// loaded and warm, or {type: "failed", error} if it cannot load; then per
// analysis the answer's port messages one by one, {type: "part", id, msg}
// (lib/analysis-port.js's answerMessages), and {type: "done", id}; or
// {type: "error", id, error}. One message a part: reading a message is one
// task on the serving context's thread, which other tabs' requests wait
// for, and one message holding a huge page's answer took seconds to read.
// After an error the pool ends this worker: an exception out of the wasm
// (a trap, an overflow) may leave the module's state half-changed.
import { analyzeForPage, warmUp } from "./lib/analyzer.js";
import { answerMessages } from "./lib/analysis-port.js";
import { looksLikeArticle } from "./lib/status.js";

let load;
// No top-level await: the worker's messages are delivered only once this
// module has run.
const ready = new Promise((resolve) => (load = resolve)).then((module) => warmUp(module));
ready.then(
  () => postMessage({ type: "ready" }),
  (e) => postMessage({ type: "failed", error: String(e?.message || e) }),
);

self.onmessage = async ({ data }) => {
  if (data?.type === "load") {
    load(data.module instanceof WebAssembly.Module ? data.module : null);
    return;
  }
  if (data?.type !== "analyze") return;
  const { id } = data;
  try {
    // An analysis that comes before the core is ready waits for it.
    await ready;
    const analysis = await analyzeForPage(data.snapshot);
    const { blocks, article, timings } = analysis;
    const { contentHtml, ...rest } = article;
    const head = { article: rest, timings, looksLikeArticle: looksLikeArticle(analysis) };
    for (const msg of answerMessages({ head, blocks, html: contentHtml })) postMessage({ type: "part", id, msg });
    postMessage({ type: "done", id });
  } catch (e) {
    postMessage({ type: "error", id, error: String(e?.message || e) });
  }
};
