// Words for blocks, shared by the reader and the in-place declutter: a
// hidden block's label and reasons, and the plain-text report the user can
// copy.
// (A block's key, `hash`, and opening words, `excerpt`, come with the
// analysis: lib/block-text.js.)

// What a hidden widget is called when the engine gave no label: words
// that claim no more than the kind does. A promo block may be share
// buttons or the site's own "Most popular" (issue 14: all were called
// "Sponsored content"), so the fallback never says "Sponsored" or
// "Advertisement"; only the engine, from advertising evidence, does.
const FALLBACK_LABELS = { promo: "Promotion", related: "Related links", boilerplate: "Page furniture" };

/** A block's label in plain words: the engine's `label` when it gave one, else a fallback from its kind. */
export function labelOf(block) {
  const label = typeof block.label === "string" ? block.label.trim() : "";
  return label || FALLBACK_LABELS[block.kind] || FALLBACK_LABELS.boilerplate;
}

/**
 * Why a block was hidden, as sentences for people: the engine's `why` when
 * it gave them, else one from what the block holds (`links`, its number of
 * links). Never codes or confidences: those stay in the copied report.
 */
export function whyOf(block, links = 0) {
  const why = Array.isArray(block.why) ? block.why.filter((s) => typeof s === "string" && s.trim()).map((s) => s.trim()) : [];
  if (why.length) return why.slice(0, 5);
  return links > 1 ? [`${links} links to other pages.`] : [];
}

// The engine's labels that claim advertising (it gives them only on
// advertising evidence).
const AD_LABELS = new Set(["Advertisement", "Sponsored"]);

/** Whether a label says the block is advertising. */
export const claimsAdvertising = (label) => AD_LABELS.has(label);

/**
 * One label for neighbouring blocks hidden as one widget: theirs, each
 * once, in alphabetical order (so the popup counts "Most read and Share
 * buttons" as one label whichever came first).
 */
export function widgetLabel(labels) {
  const unique = [...new Set(labels)].sort();
  return unique.length <= 2 ? unique.join(" and ") : `${unique.slice(0, 2).join(", ")} and more`;
}

/** A report of what Declutter made of the page, to paste into a bug report by hand. */
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
