// Words for blocks, shared by the reader and the in-place declutter: a
// hidden block's label and reasons, and the plain-text report the user can
// copy.
// (A block's key, `hash`, and opening words, `excerpt`, come with the
// analysis: lib/block-text.js.)
import { t, tIfAny, tnIfAny, uiLocale } from "../lib/i18n.js";

// What a hidden widget is called when the engine gave no label: words
// that claim no more than the kind does. A promo block may be share
// buttons or the site's own "Most popular" (issue 14: all were called
// "Sponsored content"), so the fallback never says "Sponsored" or
// "Advertisement"; only the engine, from advertising evidence, does.
const FALLBACK_LABELS = { promo: "Promotion", related: "Related links", boilerplate: "Page furniture" };

/**
 * The message for each label, by the label as the engine's JSON spells it
 * (`Label::as_str` in src/model.rs) and the fallbacks above: the engine
 * speaks English, the extension shows the label in the browser's language.
 */
export const LABEL_MESSAGES = Object.freeze({
  Advertisement: "label_advertisement",
  Sponsored: "label_sponsored",
  "Newsletter sign-up": "label_newsletterSignup",
  "Subscription offer": "label_subscriptionOffer",
  "Donation appeal": "label_donationAppeal",
  "App download": "label_appDownload",
  "Share buttons": "label_shareButtons",
  "Social links": "label_socialLinks",
  Promotion: "label_promotion",
  "Related stories": "label_relatedStories",
  "Most read": "label_mostRead",
  "Previous or next article": "label_previousNext",
  "Links to other pages": "label_linksToOtherPages",
  "Related links": "label_relatedLinks",
  Navigation: "label_navigation",
  "Page header": "label_pageHeader",
  Footer: "label_footer",
  Sidebar: "label_sidebar",
  Comments: "label_comments",
  "Customer reviews": "label_customerReviews",
  "Cookie notice": "label_cookieNotice",
  Tags: "label_tags",
  "About the author": "label_aboutTheAuthor",
  "Photo credit": "label_photoCredit",
  Copyright: "label_copyright",
  "Legal notice": "label_legalNotice",
  Form: "label_form",
  "Other page parts": "label_otherPageParts",
  "Page furniture": "label_pageFurniture",
});

/** A label (as the engine spells it) in the browser's language; one the extension has no message for as it is. */
export function labelText(label) {
  return Object.hasOwn(LABEL_MESSAGES, label) ? t(LABEL_MESSAGES[label]) : label;
}

/** A block's label in plain words (as the engine spells it, for the logic; labelText() shows it): the engine's `label` when it gave one, else a fallback from its kind. */
export function labelOf(block) {
  const label = typeof block.label === "string" ? block.label.trim() : "";
  return label || FALLBACK_LABELS[block.kind] || FALLBACK_LABELS.boilerplate;
}

// The engine's message ids, as names of messages: `why_<id>`.
const WHY_ID = /^[a-z0-9_]{1,60}$/;

/**
 * One of the engine's reasons ({id, args}: `whyMessages`, the ids in
 * src/why-ids.json) in the browser's language: its message `why_<id>`,
 * the page's words it quotes as the page wrote them; with a count first,
 * `why_<id>_one` or `_other` as the language's plural rules call for
 * (tn()). "" where there is no such message (an engine newer than the
 * extension's messages) or the reason is malformed.
 */
export function whyText(message) {
  const { id, args } = message ?? {};
  if (typeof id !== "string" || !WHY_ID.test(id) || !Array.isArray(args)) return "";
  if (!args.every((a) => typeof a === "string" || (Number.isInteger(a) && a >= 0))) return "";
  const locale = uiLocale();
  const subs = args.map((a) => (typeof a === "number" ? a.toLocaleString(locale) : a));
  return typeof args[0] === "number" ? tnIfAny(args[0], `why_${id}`, ...subs.slice(1)) : tIfAny(`why_${id}`, ...subs);
}

/**
 * Why a block was hidden, as sentences for people in the browser's
 * language: each of the engine's reasons by its message (whyText), or
 * where the extension has none, the engine's English sentence at the same
 * place in `why`; an engine without `whyMessages` gives only `why`. Else
 * one sentence from what the block holds (`links`, its number of links).
 * Never codes or confidences: those stay in the copied report.
 */
export function whyOf(block, links = 0) {
  const english = Array.isArray(block.why) ? block.why : [];
  const messages = Array.isArray(block.whyMessages) && block.whyMessages.length === english.length ? block.whyMessages : [];
  const why = english
    .map((s, i) => (i < messages.length && whyText(messages[i])) || s)
    .filter((s) => typeof s === "string" && s.trim())
    .map((s) => s.trim());
  if (why.length) return why.slice(0, 5);
  return links > 1 ? [t("why_links", links)] : [];
}

// The engine's labels that claim advertising (it gives them only on
// advertising evidence).
const AD_LABELS = new Set(["Advertisement", "Sponsored"]);

/** Whether a label says the block is advertising. */
export const claimsAdvertising = (label) => AD_LABELS.has(label);

/**
 * One label for neighbouring blocks hidden as one widget, in the browser's
 * language: theirs, each once, in the engine's labels' alphabetical order
 * (so the popup counts "Most read and Share buttons" as one label whichever
 * came first).
 */
export function widgetLabel(labels) {
  const unique = [...new Set(labels)].sort().map(labelText);
  if (unique.length === 1) return unique[0];
  return unique.length === 2 ? t("label_two", unique[0], unique[1]) : t("label_more", unique[0], unique[1]);
}

/**
 * A report of what Declutter made of the page, to paste into a bug report
 * by hand. In English whatever the browser's language, on purpose: it is
 * read by the developers, next to the engine's reason codes and details
 * (English, like the CLI's and the library's JSON), and one language lets
 * reports from every user be compared and searched.
 */
export function report(url, blocks) {
  const lines = [`Declutter report for ${url}`, `${new Date().toISOString()}`, ""];
  for (const b of blocks) {
    if (b.kind === "content") continue;
    lines.push(`${b.kind} (${b.confidence.toFixed(2)}): ${b.excerpt}`);
    for (const r of b.reasons) lines.push(`  - ${r.code}: ${r.detail}`);
  }
  return lines.join("\n");
}

/** Copies text to the clipboard from a click handler; resolves to whether it worked. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
