// What the page needs of a block's text, worked out here so the text itself
// (megabytes on a huge page) never crosses back to the page: a stable key to
// remember the block by, and its opening words for a report.

const EXCERPT = 100;

const collapse = (text) => text.replace(/\s+/g, " ").trim();

/** FNV-1a over the block's text with white space collapsed: survives reloads and layout changes. */
export function hashBlockText(text) {
  const t = collapse(text);
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) {
    h ^= t.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0") + ":" + t.length.toString(36);
}

/** The block's opening words for a report: white space collapsed, cut at 100 characters with an ellipsis. */
export function excerptOf(text) {
  const t = collapse(text);
  return t.length > EXCERPT ? `${t.slice(0, EXCERPT)}…` : t;
}
