// Hostile pages: DOMPurify's XSS vectors (../shared/corpus/xss) wrapped in
// article pages, for checking that the reader view runs nothing and shows
// no markup outside the allowlist.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SHARED } from "./pages.mjs";

const PER_PAGE = 16;

/**
 * Headers for serving the pages: frames and plugins of the page's own are
 * blocked, since their dialogs (out of reach of the page's counter) would
 * stall the page; scripts and handlers stay allowed, so anything the reader
 * let through would run and be counted.
 */
export const XSS_HEADERS = { "Content-Security-Policy": "frame-src 'none'; object-src 'none'" };
const PROSE =
  "This paragraph is ordinary article prose, long enough for the page to read as a story, with names, places and numbers like 42 and 2024.";

// Counts the vectors that run from the reader: markup handlers fire with an
// event whose target is inside the reader's shadow tree (or is its host).
// The page's own handlers on its own elements, its timers, and a trap one
// vector sets on Object.prototype (sprung by a driver's code in the page's
// world) are the page's business, logged but not counted; the reader's
// markup is also checked statically (auditReader).
const COUNTER = `<script>
window.__xss = 0; window.__xssLog = [];
window.alert = window.confirm = window.prompt = window.print = function () {
  var e = window.event, t = e && e.target;
  var root = t && typeof t.getRootNode === "function" ? t.getRootNode() : null;
  var host = root instanceof ShadowRoot ? root.host : t;
  var fromReader = !!host && typeof host.closest === "function" && !!host.closest("[data-declutter]");
  if (fromReader) window.__xss++;
  window.__xssLog.push((fromReader ? "READER " : "page ") + (e ? e.type + " on " + (t && t.outerHTML ? t.outerHTML.slice(0, 120) : t) : "no event"));
};
</script>`;

/**
 * Writes the vectors as article pages (PER_PAGE vectors each, so one broken
 * vector cannot swallow them all) into `dir`; resolves to their file names.
 */
export async function writeXssPages(dir) {
  const vectors = JSON.parse(await readFile(join(SHARED, "corpus/xss/vectors.json"), "utf8"));
  await mkdir(dir, { recursive: true });
  const names = [];
  for (let i = 0; i < vectors.length; i += PER_PAGE) {
    const sections = vectors
      .slice(i, i + PER_PAGE)
      .map((v, j) => `<section><h2>Part ${i + j + 1}</h2><p>${PROSE}</p><div>${v.payload}</div><p>${PROSE}</p></section>`)
      .join("\n");
    const name = `xss-${String(i / PER_PAGE + 1).padStart(2, "0")}.html`;
    await writeFile(
      join(dir, name),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile markup ${name}</title>${COUNTER}</head>` +
        `<body><article><h1>Hostile markup in an article</h1><p>${PROSE}</p><p>${PROSE}</p>\n${sections}\n</article></body></html>`,
    );
    names.push(name);
  }
  return { names, count: vectors.length };
}

/**
 * Runs in the page on the reader's <main> (inside its shadow root): markup
 * that must never reach the reader, as short descriptions.
 */
export function auditReader(main) {
  const bad = [];
  const forbidden = "script, iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, style, link, meta, base, template, noscript, math";
  for (const el of main.querySelectorAll(forbidden)) bad.push(`<${el.localName}>`);
  for (const el of main.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) || a.name === "style" || a.name === "srcdoc") bad.push(`${el.localName}[${a.name}]`);
      else if (/^\s*(?:javascript|vbscript|data:text\/html)/i.test(a.value)) bad.push(`${el.localName}[${a.name}=${a.value.slice(0, 30)}]`);
    }
  }
  return bad;
}
