// What a content script gets back for its snapshot: the analysis, plus the
// settings and per-site choices the page needs to act on it. The same in
// the context that runs the core, whichever it is (lib/core-host.js).
import { api } from "./api.js";
import { analyzeForPage, warmUp } from "./analyzer.js";
import { serveAnalysis } from "./analysis-port.js";
import { ANALYSIS_PORT } from "./protocol.js";
import { looksLikeArticle } from "./status.js";

/**
 * Makes this context the one that runs the core: loads it now, while a
 * content script takes its snapshot, and answers the analysis ports.
 * `pageContext(host)` resolves to the page's {settings, shown}.
 */
export function serveCore(pageContext) {
  warmUp().catch((e) => console.error("Declutter: cannot load the core", e));
  api.runtime.onConnect.addListener((port) => {
    if (port.name === ANALYSIS_PORT && port.sender?.id === api.runtime.id) {
      serveAnalysis(port, (snapshot, sender) => answerFor(snapshot, sender, pageContext));
    }
  });
}

/**
 * Analyses `snapshot` from the page `sender` and resolves to {head, blocks,
 * html} for lib/analysis-port.js. `pageContext(host)` resolves to
 * {settings, shown} for the page's host; it runs beside the analysis.
 */
async function answerFor(snapshot, sender, pageContext) {
  const host = new URL(sender.url || snapshot.url || "about:blank").host;
  const [analysis, { settings, shown }] = await Promise.all([analyzeForPage(snapshot), pageContext(host)]);
  const { blocks, article, timings } = analysis;
  const { contentHtml, ...rest } = article;
  return {
    head: { article: rest, timings, settings, shown, looksLikeArticle: looksLikeArticle(analysis) },
    blocks,
    html: contentHtml,
  };
}
