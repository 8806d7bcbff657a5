// What a content script gets back for its snapshot: the analysis, plus the
// settings and per-site choices the page needs to act on it. The same in
// the context that serves the analyses, whichever it is (lib/core-host.js);
// the core itself runs in that context's workers (lib/core-pool.js).
import { api } from "./api.js";
import { compileCore } from "./analyzer.js";
import { createCorePool } from "./core-pool.js";
import { serveAnalysis } from "./analysis-port.js";
import { ANALYSIS_PORT } from "./protocol.js";

/** The core's worker script, inside the package. */
const CORE_WORKER = "core-worker.js";

/**
 * Makes this context the one that serves the core: compiles the core once
 * for all its workers, starts one now, so the core is loaded and warm
 * while a content script takes its snapshot, and answers the analysis
 * ports. `pageContext(host)` resolves
 * to the page's {settings, shown}. Returns the pool of core workers
 * (its `warm()` starts a worker again when there is none).
 */
export function serveCore(pageContext) {
  const module = compileCore().catch((e) => {
    console.warn("Declutter: cannot compile the core here; each worker will", e);
    return null;
  });
  const pool = createCorePool({ spawn: () => new Worker(api.runtime.getURL(CORE_WORKER), { type: "module" }), module });
  pool.warm();
  api.runtime.onConnect.addListener((port) => {
    if (port.name === ANALYSIS_PORT && port.sender?.id === api.runtime.id) {
      serveAnalysis(port, (snapshot, sender, signal, emit) => answerFor(pool, snapshot, sender, signal, emit, pageContext));
    }
  });
  return pool;
}

/**
 * Analyses `snapshot` from the page `sender` in one of `pool`'s workers and
 * hands the answer's messages to `emit` as they come (lib/analysis-port.js),
 * the head with the page's {settings, shown} added; resolves once all are
 * emitted. Aborting `signal` cancels the analysis. `pageContext(host)`
 * resolves to {settings, shown} for the page's host; it runs beside the
 * analysis.
 */
async function answerFor(pool, snapshot, sender, signal, emit, pageContext) {
  const host = new URL(sender.url || snapshot.url || "about:blank").host;
  const context = pageContext(host);
  // The pool asks for the next part once this one is out; the head waits
  // for the page's context.
  const onPart = async (msg) => emit(msg.type === "head" ? { ...msg, value: { ...msg.value, ...(await context) } } : msg);
  await Promise.all([pool.run(snapshot, { signal, onPart }), context]);
}
