// The content script's controller: snapshots the page, asks the extension's
// own context to analyse it (the wasm never runs in the page), and switches
// between the page, the reader view and the decluttered page.
import { api } from "../lib/api.js";
import { MSG } from "../lib/protocol.js";
import { t, uiLocale } from "../lib/i18n.js";
import { snapshotAsync } from "../pkg/snapshot.js";
import { analyzeRemotely } from "./analysis-port.js";
import { copyText, report } from "./blocks.js";
import { collapse } from "./collapse.js";
import { remember } from "./place.js";
import { open as openView } from "./reader.js";
import { SLICE_MS, slicer } from "./slices.js";

// Pages past these limits are not read, and the toolbar says the page is
// too large. Ten times the largest of 1,120 corpus pages (10,000
// elements): past them, reading the page, analysing it and the browser's
// own garbage collection of it take many seconds on a small machine.
// Elements are counted first; nodes (elements and texts) and characters
// (of text and attributes) as the walk goes.
// An element may have 1,000 attributes: reading more costs the square of
// their number in Chromium (100,000 take minutes).
const LIMITS = { elements: 100_000, nodes: 200_000, chars: 16 * 2 ** 20, attributes: 1_000 };
// The reader fills its view in slices, but closing it takes its whole
// layout down in one go (a fifth of a second at 8,000 table cells): past
// this many characters or tags of HTML it shows the article's beginning
// and says so. The longest article of 1,120 corpus pages (wikipedia-2)
// has 311,000 characters and 4,700 tags.
const READER_LIMITS = { chars: 500_000, tags: 5_000 };

let reader = null; // the open reader view
let collapsed = null; // {handle, result} while blocks are collapsed
let busy = null; // the toggle in progress; a second click waits for it
let analysed = null; // the last analysis of the page, for the popup's questions

async function send(message) {
  const reply = await api.runtime.sendMessage(message);
  if (!reply || !reply.ok) throw new Error(reply?.error || "the extension did not answer");
  return reply.value;
}

/** What a page past LIMITS is told: why, for the toolbar's tooltip. */
class TooLarge extends Error {}

const count = (n) => n.toLocaleString(uiLocale());

// Counts the page's elements, up to one past `limit`, in slices: a
// native count (getElementsByTagName) reads all of a 50 MB page's in one
// go, a tenth of a second or more.
async function countElements(limit) {
  const root = document.documentElement;
  if (!root) return 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  const slice = slicer();
  let n = 1;
  while (n <= limit && walker.nextNode()) {
    n++;
    if ((n & 1023) === 0 && slice.due()) await slice.pause();
  }
  return n;
}

// The article for the reader, cut before its READER_LIMITS.tags-th tag or
// after READER_LIMITS.chars characters of HTML (before a tag, or between
// words inside a long text), with a note saying so; a shorter one as it is.
function forReader(article) {
  const html = article.contentHtml;
  let cut = startOfTag(html, READER_LIMITS.tags + 1);
  if (cut > READER_LIMITS.chars) {
    const near = (at) => at >= READER_LIMITS.chars * 0.9;
    cut = html.lastIndexOf("<", READER_LIMITS.chars);
    if (!near(cut)) cut = html.lastIndexOf(" ", READER_LIMITS.chars);
    if (!near(cut)) {
      const last = html.charCodeAt(READER_LIMITS.chars - 1);
      cut = last >= 0xd800 && last <= 0xdbff ? READER_LIMITS.chars - 1 : READER_LIMITS.chars;
    }
  }
  if (cut >= html.length) return article;
  const note = `<p><em>${escapeHtml(t("reader_cut", count(html.length)))}</em></p>`;
  return { ...article, contentHtml: html.slice(0, cut) + note };
}

// A message as HTML text (it goes into the article's HTML).
const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

// Where the n-th start tag of `html` begins, or its length if it has fewer.
function startOfTag(html, n) {
  const tags = /<[a-z]/gi;
  for (let i = 0; i < n; i++) if (!tags.test(html)) return html.length;
  return tags.lastIndex - 2;
}

// Nodes are kept here; only the op stream and strings cross to the
// extension, and blocks come back naming nodes by index. The walk and
// the sending are sliced so the page keeps its main thread.
async function analyze() {
  const t0 = performance.now();
  if ((await countElements(LIMITS.elements)) > LIMITS.elements) throw new TooLarge(t("tooLarge_elements", count(LIMITS.elements)));
  let snap;
  try {
    snap = await snapshotAsync(document, {
      sliceMs: SLICE_MS,
      maxNodes: LIMITS.nodes,
      maxChars: LIMITS.chars,
      maxAttributes: LIMITS.attributes,
    });
  } catch (e) {
    if (e?.limit === "maxNodes") throw new TooLarge(t("tooLarge_nodes", count(LIMITS.nodes)));
    if (e?.limit === "maxChars") throw new TooLarge(t("tooLarge_chars", count(LIMITS.chars)));
    if (e?.limit === "maxAttributes") throw new TooLarge(t("tooLarge_attributes", count(LIMITS.attributes)));
    throw e;
  }
  const t1 = performance.now();
  const result = await analyzeRemotely(snap).catch((e) => {
    // The core gave up on it: over its time budget, or over the size caps
    // of what one page may send (the extension's words for it are English,
    // for logs: the user reads these).
    if (e?.reason !== "too-large") throw e;
    throw new TooLarge(typeof e.seconds === "number" ? t("tooLarge_seconds", count(e.seconds)) : t("tooLarge_sent"));
  });
  analysed = result;
  const t2 = performance.now();
  return { ...result, nodes: snap.nodes, timings: { snapshot: t1 - t0, analyzeRoundTrip: t2 - t1, analyze: result.analysis.timings.analyze } };
}

const hiddenKinds = (result) => result.settings.collapse;
// The page's address without its query and fragment: those often carry a
// session, a search or a tracking id that a pasted report must not leak.
const reportText = (result) => report(location.origin + location.pathname, result.analysis.blocks);

// `count` blocks collapsed in the page (none while the reader is open:
// the badge counts what is hidden in the page, issue 14 item 6).
function status(result, count, skipped = 0) {
  const a = result.analysis.article;
  send({
    type: MSG.status,
    status: { collapsed: count, skipped, reader: !!reader, article: result.looksLikeArticle, words: a.wordCount, minutes: Math.round(a.readingMinutes) },
  }).catch(() => {});
}

function closeReader() {
  reader.close();
  reader = null;
}

function openReader(result, clickTime) {
  const renderStart = performance.now();
  reader = openView(
    { article: forReader(result.analysis.article), settings: result.settings },
    {
      close: () => {
        closeReader();
        status(result, collapsed ? collapsed.handle.count : 0);
      },
      declutter: () =>
        serially(() => {
          if (reader) closeReader();
          return collapsed ? null : declutter(result);
        }),
      report: () => copyText(reportText(result)),
      save: (patch) => send({ type: MSG.saveSettings, patch }).catch(() => null),
    },
  );
  status(result, 0);
  return Promise.all([reader.painted, reader.filled]).then(([paintedAt]) => ({
    mode: "reader",
    // Both clocks are wall-clock milliseconds of the same machine.
    clickToPaintMs: clickTime ? performance.timeOrigin + paintedAt - clickTime : null,
    ...result.timings,
    renderToPaint: paintedAt - renderStart,
  }));
}

async function declutter(result) {
  const place = remember();
  const handle = await collapse(
    { blocks: result.analysis.blocks, nodes: result.nodes, kinds: hiddenKinds(result), shown: result.shown, marks: result.settings.marks },
    {
      alwaysShow: (hash) => send({ type: MSG.alwaysShow, hash }).catch(() => {}),
      report: () => copyText(reportText(result)),
      showAll: () => toggle("page"),
    },
  );
  collapsed = { handle, result, place };
  status(result, handle.count, handle.skipped);
  return { mode: "declutter", collapsed: handle.count, skipped: handle.skipped };
}

async function restore() {
  const { handle, result, place } = collapsed;
  await place.restore(handle.restore);
  collapsed = null;
  status(result, 0);
  return { mode: "page" };
}

async function run(mode, clickTime) {
  try {
    return await runMode(mode, clickTime);
  } catch (e) {
    if (!(e instanceof TooLarge)) throw e;
    send({ type: MSG.status, status: { tooLarge: e.message } }).catch(() => {});
    return { mode: "too-large", reason: e.message };
  }
}

async function runMode(mode, clickTime) {
  if (mode === "reader") {
    if (reader) {
      closeReader();
      return { mode: collapsed ? "declutter" : "page" };
    }
    // Decluttered: the collapsed blocks are hidden, so reuse the analysis
    // made of the page as it was.
    return openReader(collapsed ? collapsed.result : await analyze(), clickTime);
  }
  if (mode === "declutter") {
    if (reader) closeReader();
    if (collapsed) return restore();
    return declutter(await analyze());
  }
  if (mode === "state") return state();
  if (mode === "page") {
    if (reader) closeReader();
    return collapsed ? restore() : { mode: "page" };
  }
  if (mode === "auto") return collapsed || reader ? { mode: "unchanged" } : declutter(await analyze());
  throw new Error(`unknown mode ${mode}`);
}

// What the popup shows: the mode, whether the page is an article, and what
// is hidden by label. The page is analysed once if it was not yet.
async function state() {
  const result = collapsed?.result || analysed || (await analyze());
  const a = result.analysis.article;
  const hidden = {};
  for (const label of collapsed ? collapsed.handle.labels : []) hidden[label] = (hidden[label] || 0) + 1;
  return {
    mode: reader ? "reader" : collapsed ? "declutter" : "page",
    article: result.looksLikeArticle,
    words: a.wordCount,
    minutes: Math.round(a.readingMinutes),
    hidden,
    host: location.host,
    total: collapsed ? collapsed.handle.count : 0,
  };
}

// Runs `work` after whatever is in progress: collapsing and restoring
// take several tasks, and a click meanwhile must not interleave.
function serially(work) {
  const next = (busy || Promise.resolve()).then(work);
  busy = next.catch(() => {});
  return next.catch((e) => ({ error: String(e?.message || e) }));
}

/**
 * Toggles `mode` ("reader", "declutter", or "auto": declutter unless
 * already done), or shows the page as it was ("page"), or answers what the
 * popup shows ("state"); `clickTime` is Date.now() at the click.
 */
export function toggle(mode, clickTime) {
  return serially(() => run(mode, clickTime));
}
