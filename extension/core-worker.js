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
// (lib/analysis-port.js's answerMessages), each after the pool's {type:
// "next", id} for the one before, and {type: "done", id}; or {type:
// "error", id, error}. One message a part, one part at a time: reading and
// passing on a part is a task on the serving context's thread, which
// other tabs' requests wait for; one message holding a huge page's answer
// took 2 s to read there, and 60 parts sent at once queued ahead of
// another tab's request for 2.4 s (a busy machine).
// After an error the pool ends this worker: an exception out of the wasm
// (a trap, an overflow) may leave the module's state half-changed.
import { analyzeForPage, warmUp } from "./lib/analyzer.js";
import { answerMessages } from "./lib/analysis-port.js";
import { looksLikeArticle } from "./lib/status.js";

let load;
/** The answer being handed over: {id, parts}, an iterator of its messages. */
let answering = null;
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
  if (data?.type === "next") {
    if (answering?.id === data.id) handOver();
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
    answering = { id, parts: answerMessages({ head, blocks, html: contentHtml }) };
    handOver();
  } catch (e) {
    postMessage({ type: "error", id, error: String(e?.message || e) });
  }
};

// Posts the answer's next part, or its end.
function handOver() {
  const { id, parts } = answering;
  const { value, done } = parts.next();
  if (done) {
    answering = null;
    postMessage({ type: "done", id });
  } else postMessage({ type: "part", id, msg: value });
}
