// Hostile pages: DOMPurify's XSS vectors (../shared/corpus/xss) wrapped in
// article pages, for checking that the reader view runs nothing and shows
// no markup outside the allowlist.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SHARED } from "./pages.mjs";

const PER_PAGE = 16;
const PROSE =
  "This paragraph is ordinary article prose, long enough for the page to read as a story, with names, places and numbers like 42 and 2024.";

// Counts every way a vector announces that it ran.
const COUNTER = `<script>window.__xss = 0; window.__xssLog = []; window.alert = window.confirm = window.prompt = window.print = function () { window.__xss++; var e = window.event; window.__xssLog.push((e ? e.type + " on " + (e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 120) : e.target) : "no event") + " / " + (document.activeElement ? document.activeElement.localName : "")); };</script>`;

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

/** Runs in the page: waits until the page's own vectors (load, error, timers) have stopped counting; resolves to the count. */
export function settledCount() {
  return new Promise((resolve) => {
    const check = (seen) => setTimeout(() => (window.__xss === seen ? resolve(seen) : check(window.__xss)), 300);
    check(window.__xss);
  });
}
