// Words and keys for blocks, shared by the reader and the in-place
// declutter: a stable hash of a block's text (to remember it per site), its
// bar label, and the plain-text report the user can copy.
// A classic content script: it defines one global in the isolated world.
globalThis.DeclutterBlocks ??= (() => {
  /** FNV-1a over the block's text with white space collapsed: survives reloads and layout changes. */
  function hashBlock(block) {
    const text = block.text.replace(/\s+/g, " ").trim();
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0).toString(16).padStart(8, "0") + ":" + text.length.toString(36);
  }

  const LABELS = {
    promo: () => "Sponsored content hidden",
    related: (links) => (links > 0 ? `Related links (${links})` : "Related stories hidden"),
    boilerplate: () => "Page furniture hidden",
  };

  /** The bar's words for a collapsed block, given how many links it holds. */
  function labelFor(kind, links) {
    return (LABELS[kind] || LABELS.boilerplate)(links);
  }

  /** A report of what Declutter made of the page, to paste into a bug report by hand. */
  function report(url, blocks) {
    const lines = [`Declutter report for ${url}`, `${new Date().toISOString()}`, ""];
    for (const b of blocks) {
      if (b.kind === "content") continue;
      const text = b.text.replace(/\s+/g, " ").trim();
      lines.push(`${b.kind} (${b.confidence.toFixed(2)}): ${text.slice(0, 100)}${text.length > 100 ? "…" : ""}`);
      for (const r of b.reasons) lines.push(`  - ${r.code}: ${r.detail}`);
    }
    return lines.join("\n");
  }

  /** Copies text to the clipboard from a click handler; resolves to whether it worked. */
  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  }

  return { hashBlock, labelFor, report, copyText };
})();
