// What a content script gets back for its snapshot: the analysis, plus the
// settings and per-site choices the page needs to act on it. The same in
// the context that runs the core, whichever it is (lib/core-host.js).
import { analyzeForPage } from "./analyzer.js";
import { looksLikeArticle } from "./status.js";

/**
 * Analyses `snapshot` from the page `sender` and resolves to {head, blocks,
 * html} for lib/analysis-port.js. `pageContext(host)` resolves to
 * {settings, shown} for the page's host; it runs beside the analysis.
 */
export async function answerFor(snapshot, sender, pageContext) {
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
