// The toolbar button's badge and tooltip for one tab.
import { api } from "./api.js";
import { t, tn, uiLocale } from "./i18n.js";

const ARTICLE_MIN_WORDS = 150;

/** Whether an analysis looks like an article: enough words, and content blocks. */
export function looksLikeArticle(analysis) {
  return analysis.article.wordCount >= ARTICLE_MIN_WORDS && analysis.blocks.some((b) => b.kind === "content");
}

/**
 * Shows `collapsed` on the badge (blank for none, or while the `reader` is open) and whether the page is an
 * article in the tooltip; or, for a page too large to read, "!" and why.
 */
export async function showStatus(tabId, { collapsed, skipped, reader, article, words, minutes, tooLarge }) {
  if (tooLarge) {
    await Promise.all([
      api.action.setBadgeText({ tabId, text: "!" }),
      api.action.setBadgeBackgroundColor({ tabId, color: "#b3261e" }),
      api.action.setTitle({ tabId, title: t("status_tooLarge", tooLarge) }),
    ]);
    return;
  }
  // The badge counts what is hidden in the page: nothing while the reader
  // covers it (issue 14: "31 blocks collapsed" with the reader open).
  const text = collapsed > 0 && !reader ? String(collapsed) : "";
  const what = article ? t("status_article", words.toLocaleString(uiLocale()), minutes) : t("status_notArticle");
  const count = tn(collapsed, "status_hidden");
  const hidden = reader ? t("status_readerOpen") : skipped > 0 ? t("status_skipped", count, skipped.toLocaleString(uiLocale())) : count;
  await Promise.all([
    api.action.setBadgeText({ tabId, text }),
    api.action.setBadgeBackgroundColor({ tabId, color: "#1f5f8b" }),
    api.action.setTitle({ tabId, title: t("status_title", what, hidden) }),
  ]);
}
