// What a content script gets back for its snapshot: the analysis, plus the
// settings and per-site choices the page needs to act on it. The same in
// the context that serves the analyses, whichever it is (lib/core-host.js);
// the core itself runs in that context's workers (lib/core-pool.js).
import { api } from "./api.js";
import { compileCore } from "./analyzer.js";
import { createCorePool } from "./core-pool.js";
import { ANALYSIS_PORT, serveAnalysis } from "./analysis-port.js";
import { looksLikeArticle } from "./status.js";

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
      serveAnalysis(port, (snapshot, sender, signal) => answerFor(pool, snapshot, sender, signal, pageContext));
    }
  });
  return pool;
}

/**
 * Analyses `snapshot` from the page `sender` in one of `pool`'s workers and
 * resolves to {head, blocks, html} for lib/analysis-port.js; aborting
 * `signal` cancels the analysis. `pageContext(host)` resolves to
 * {settings, shown} for the page's host; it runs beside the analysis.
 */
async function answerFor(pool, snapshot, sender, signal, pageContext) {
  const host = new URL(sender.url || snapshot.url || "about:blank").host;
  const [analysis, { settings, shown }] = await Promise.all([pool.run(snapshot, { signal }), pageContext(host)]);
  const { blocks, article, timings } = analysis;
  const { contentHtml, ...rest } = article;
  return {
    head: { article: rest, timings, settings, shown, looksLikeArticle: looksLikeArticle(analysis) },
    blocks,
    html: contentHtml,
  };
}
