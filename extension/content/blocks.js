// Words for blocks, shared by the reader and the in-place declutter: a
// collapsed block's bar label and the plain-text report the user can copy.
// (A block's key, `hash`, and opening words, `excerpt`, come with the
// analysis: lib/block-text.js.)

const LABELS = {
  promo: () => "Sponsored content hidden",
  related: (links) => (links > 0 ? `Related links (${links})` : "Related stories hidden"),
  boilerplate: () => "Page furniture hidden",
};

/** The bar's words for a collapsed block, given how many links it holds. */
export function labelFor(kind, links) {
  return (LABELS[kind] || LABELS.boilerplate)(links);
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
