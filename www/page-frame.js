// Builds the documents shown in the demo's two sandboxed iframes: a copy of
// the analysed page, and the reader view. Neither may run page code or reach
// the network: the iframes have no `allow-scripts`, and each document
// carries a Content-Security-Policy that only lets inline styles and data:
// images through, so a pasted page cannot call home through its images,
// stylesheets or embeds.

/** The policy put into every document the demo shows. */
export const OFFLINE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; media-src data:";

/** Colours of the block kinds, shared by the outlines and the legend. */
export const KIND_COLOURS = {
  content: "#1a9850",
  promo: "#d7301f",
  related: "#2c7fb8",
  boilerplate: "#8c8c8c",
};

// Outlines drawn on the marks annotate() sets. `!important` because the
// page's own styles come later in the cascade.
const OUTLINE_CSS = Object.entries(KIND_COLOURS)
  .map(([kind, c]) => {
    const tint = kind === "content" ? "" : ` background-color: color-mix(in srgb, ${c} 12%, transparent) !important;`;
    return `[data-declutter-kind="${kind}"] { outline: 2px solid ${c} !important; outline-offset: -2px !important;${tint} }`;
  })
  .concat("[data-declutter-hover] { outline-width: 4px !important; }")
  .join("\n");

const READER_CSS = `
  body { font: 18px/1.6 Georgia, "Times New Roman", serif; color: #222; max-width: 40em; margin: 1.5em auto; padding: 0 1.2em; }
  h1 { font-size: 1.7em; line-height: 1.25; margin: 0 0 .3em; }
  .meta { font: 14px/1.4 system-ui, sans-serif; color: #666; margin: 0 0 1.5em; }
  img, video, iframe { max-width: 100%; height: auto; }
  figure { margin: 1em 0; } figcaption { font-size: .85em; color: #555; }
  pre { overflow: auto; background: #f5f5f5; padding: .6em; }
  blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em; color: #444; }
  .empty { font: 15px system-ui, sans-serif; color: #888; }
`;

function cspMeta(doc) {
  const meta = doc.createElement("meta");
  meta.httpEquiv = "Content-Security-Policy";
  meta.content = OFFLINE_CSP;
  return meta;
}

function serialize(doc) {
  const doctype = doc.doctype ? new XMLSerializer().serializeToString(doc.doctype) : "";
  return doctype + doc.documentElement.outerHTML;
}

/**
 * The page's HTML as a srcdoc: the offline policy first in <head> (a
 * policy only governs what follows it) and the outline styles last.
 */
export function pageSrcdoc(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  doc.head.prepend(cspMeta(doc));
  const style = doc.createElement("style");
  style.textContent = OUTLINE_CSS;
  doc.head.append(style);
  return serialize(doc);
}

/** The reader view's document: title, what is known of its origin, and the clean body. */
export function readerSrcdoc(article) {
  const doc = document.implementation.createHTMLDocument("");
  doc.head.prepend(cspMeta(doc));
  const style = doc.createElement("style");
  style.textContent = READER_CSS;
  doc.head.append(style);
  if (article.lang) doc.documentElement.lang = article.lang;
  if (article.dir) doc.documentElement.dir = article.dir;
  doc.title = article.title || "Reader view";

  const main = doc.createElement("article");
  if (article.title) main.append(Object.assign(doc.createElement("h1"), { textContent: article.title }));
  const meta = [article.byline, article.siteName, article.published, `${article.wordCount} words`, `${article.readingMinutes} min read`];
  main.append(Object.assign(doc.createElement("p"), { className: "meta", textContent: meta.filter(Boolean).join(" · ") }));
  const body = doc.createElement("div");
  // contentHtml is the package's allowlisted HTML; the frame has neither
  // scripts nor network, so even a flaw there could not run anything.
  body.innerHTML = article.contentHtml || '<p class="empty">No article found on this page.</p>';
  main.append(body);
  doc.body.append(main);
  return serialize(doc);
}

/** Shows `srcdoc` in `iframe`; resolves to its document once loaded. */
export function loadFrame(iframe, srcdoc) {
  return new Promise((resolve) => {
    iframe.addEventListener("load", () => resolve(iframe.contentDocument), { once: true });
    iframe.srcdoc = srcdoc;
  });
}

/**
 * Keeps a shown document where it is: links would otherwise navigate the
 * iframe away (the sandbox allows that) and forms would try to submit.
 */
export function pinDocument(doc) {
  doc.addEventListener("click", (e) => {
    if (e.target.closest?.("a[href], area[href]")) e.preventDefault();
  });
  doc.addEventListener("submit", (e) => e.preventDefault());
}
