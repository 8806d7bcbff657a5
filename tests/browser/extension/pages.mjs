// The pages the extension's browser tests drive: the seed page, a handful
// of labelled corpus pages, and the seed page again under a strict CSP, all
// served from 127.0.0.1; plus the checks that run inside a page.
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../../scripts/serve.mjs";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const SHARED = resolve(REPO, "../shared");
export const STRICT_CSP = "script-src 'self'";
/** Labelled readability-corpus pages, chosen for spread: US and European news, tech, an NGO. */
export const CORPUS_PAGES = ["aclu", "ars-1", "bbc-1", "heise", "lemonde-1", "theverge"];

/**
 * Starts the servers; resolves to {pages: [{name, url, labels, csp}], html:
 * every served page's markup (to tell page requests from the extension's),
 * close()}.
 */
export async function startPages() {
  const labels = new Map(JSON.parse(await readFile(join(SHARED, "corpus/blocks/labels.json"), "utf8")).map((p) => [p.page, p.blocks]));
  const plain = await serve({ root: SHARED });
  const strict = await serve({ root: join(SHARED, "fixtures"), headers: { "Content-Security-Policy": STRICT_CSP } });
  const seed = { labels: labels.get("seed-news-page"), file: join(SHARED, "fixtures/seed-news-page.html") };
  const pages = [
    { name: "seed", url: `${plain.url}fixtures/seed-news-page.html`, ...seed, csp: false },
    ...CORPUS_PAGES.map((id) => ({
      name: id,
      url: `${plain.url}corpus/readability/${id}/source.html`,
      labels: labels.get(id),
      file: join(SHARED, `corpus/readability/${id}/source.html`),
      csp: false,
    })),
    { name: "seed-csp", url: `${strict.url}seed-news-page.html`, ...seed, csp: true },
  ];
  for (const p of pages) if (!p.labels) throw new Error(`no labels for ${p.name}`);
  const html = await Promise.all(pages.map((p) => readFile(p.file, "utf8")));
  return {
    pages,
    html,
    close: () => Promise.all([plain.close(), strict.close()]),
  };
}

/** Whether a URL is served by the tests themselves or is the browser's or extension's own. */
export function isLocal(url) {
  return /^(?:https?:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?\/|chrome-extension:|moz-extension:|data:|blob:|about:)/.test(url);
}

/** Whether a remote URL was asked for by a served page's own markup, not invented by the extension. */
export function namedByPages(url, htmlTexts) {
  const u = new URL(url);
  const forms = [url, url.replace(/&/g, "&amp;"), `//${u.host}${u.pathname}`, u.pathname.length > 8 ? u.pathname + u.search : null].filter(Boolean);
  return htmlTexts.some((html) => forms.some((f) => html.includes(f)));
}

/**
 * Runs in the page: for each snippet, "visible", "hidden" or "missing", from
 * the deepest element whose text holds it.
 */
export function snippetStates(snippets) {
  const norm = (s) => s.replace(/\s+/g, " ").trim();
  return snippets.map((raw) => {
    const target = norm(raw);
    let el = document.body;
    if (!el || !norm(el.textContent).includes(target)) return "missing";
    for (;;) {
      let next = null;
      for (const c of el.children) {
        if (norm(c.textContent).includes(target)) {
          next = c;
          break;
        }
      }
      if (!next) break;
      el = next;
    }
    return el.checkVisibility() ? "visible" : "hidden";
  });
}

/** Runs in the page: what the extension left in it (marks, page-level controls, hidden elements, reader host) and the markup. */
export function pageState() {
  return {
    html: document.documentElement.outerHTML,
    bars: document.querySelectorAll('[data-declutter="bar"]').length,
    controls: document.querySelectorAll('[data-declutter="control"]').length,
    hidden: document.querySelectorAll("[data-declutter-hidden]").length,
    reader: !!document.querySelector('[data-declutter="reader"]'),
    // A page script sees no shadow root on a closed host.
    readerShadowVisibleToPage: document.querySelector('[data-declutter="reader"]')?.shadowRoot != null,
    scrollY: Math.round(window.scrollY),
  };
}

const norm = (s) => s.replace(/\s+/g, " ").trim();

/**
 * Scores the reader's text against a page's labels: promo/related snippets
 * that leaked in, and content snippets kept.
 */
export function scoreReader(text, labels) {
  const t = norm(text);
  const leaked = labels.filter((b) => (b.kind === "promo" || b.kind === "related") && t.includes(norm(b.text)));
  const content = labels.filter((b) => b.kind === "content");
  const kept = content.filter((b) => t.includes(norm(b.text)));
  return { leaked: leaked.map((b) => b.text), kept: kept.length, content: content.length };
}

/**
 * Compares snippet states before and after declutter: labelled promo /
 * related snippets it hid, and content snippets it hid (must be none).
 */
export function scoreCollapse(labels, before, after) {
  let target = 0;
  let collapsed = 0;
  const contentHidden = [];
  labels.forEach((b, i) => {
    if (before[i] !== "visible") return;
    if (b.kind === "promo" || b.kind === "related") {
      target++;
      if (after[i] === "hidden") collapsed++;
    } else if (b.kind === "content" && after[i] !== "visible") contentHidden.push(b.text);
  });
  return { target, collapsed, contentHidden };
}

/** Median and 95th percentile of a list of numbers. */
export function percentiles(values) {
  const s = [...values].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95), n: s.length };
}

/** Where two strings first differ, with some context, for a failure message. */
export function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i === a.length && i === b.length ? "" : `at ${i}: ${JSON.stringify(a.slice(i - 40, i + 60))} vs ${JSON.stringify(b.slice(i - 40, i + 60))}`;
}
