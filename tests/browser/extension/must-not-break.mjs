// Pages that must not break: declutter mode and the reader view on every
// corpus page (../shared/corpus/readability, ../shared/corpus/trafilatura
// and the seed page), served from 127.0.0.1 with the pages' own inline
// scripts running and every other host refused. On each page, after a
// scroll and a focus: declutter on then off, reader on then off; the
// extension must throw nothing and leave the DOM, the scroll position and
// the focus as they were. The browser-specific parts (tabs, toggles, error
// capture, request blocking) live in must-not-break-chromium.mjs and
// must-not-break-firefox.mjs; this module has the page list, the per-page
// procedure and the verdicts.
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SHARED } from "./pages.mjs";
import { serve } from "../../../scripts/serve.mjs";

/**
 * How long the page is watched alone before the toggles, per attempt: a
 * second attempt, on a fresh load, is made only when the first saw the DOM,
 * the scroll or the focus change, and watches longer.
 */
export const CONTROL_MS = [300, 1200];
/** How long after a mode is turned off the page is judged. */
export const SETTLE_MS = 100;
/** Limits: page load, one toggle, one whole page. */
export const LOAD_MS = 15000;
export const TOGGLE_MS = 20000;
export const PAGE_MS = 90000;

/** Every corpus page, the seed page first: [{name, path}] with `path` relative to ../shared. */
export async function corpusPages() {
  const readability = (await readdir(join(SHARED, "corpus/readability"), { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: `readability/${d.name}`, path: `corpus/readability/${d.name}/source.html` }));
  const trafilatura = (await readdir(join(SHARED, "corpus/trafilatura/html")))
    .filter((f) => /\.html?$/.test(f))
    .map((f) => ({ name: `trafilatura/${f}`, path: `corpus/trafilatura/html/${f}` }));
  const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return [{ name: "seed", path: "fixtures/seed-news-page.html" }, ...readability.sort(byName), ...trafilatura.sort(byName)];
}

/**
 * A deterministic sample of `n` pages: the seed page, then every k-th page
 * of the sorted list (spread over both corpora), so every run tests the same
 * pages.
 */
export function samplePages(pages, n) {
  if (n >= pages.length) return pages;
  const [seed, ...rest] = pages;
  const step = rest.length / (n - 1);
  return [seed, ...Array.from({ length: n - 1 }, (_, i) => rest[Math.floor(i * step)])];
}

/** Serves ../shared on 127.0.0.1; resolves to {origin, url(page), close()}. */
export async function servePages() {
  const server = await serve({ root: SHARED });
  return {
    origin: server.url.replace(/\/$/, ""),
    url: (page) => server.url + page.path.split("/").map(encodeURIComponent).join("/"),
    close: server.close,
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rejects with `what` timed out after `ms`. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// The mode each toggle must report: on, then back to the page. The reader
// goes first: in Chromium its first toggle is the toolbar click, which
// grants the extension the tab.
const SEQUENCES = [
  ["reader", ["reader", "page"]],
  ["declutter", ["declutter", "page"]],
];

/**
 * One attempt on a loaded page: focus and scroll, watch the page alone for
 * `controlMs`, then toggle each mode on and off and compare. Resolves to
 * {failures: [{reason, detail}], pageMoved, toggles, records}.
 */
async function attempt(tab, controlMs) {
  const failures = [];
  const placed = await tab.probe("focusAndScroll");
  await tab.probe("begin");
  await tab.probe("exercise");
  await sleep(controlMs);
  // If the page itself moves the scroll or the focus, those are not ours to check.
  const alone = await tab.probe("place");
  const pageMoved = { scroll: !alone.scrollKept, focus: !alone.focusKept };
  await tab.probe("phase", "toggles");
  const toggles = {};
  for (const [mode, expected] of SEQUENCES) {
    if (mode !== SEQUENCES[0][0]) await tab.probe("replace");
    for (const want of expected) {
      const started = performance.now();
      let reply;
      try {
        reply = await withTimeout(tab.toggle(mode), TOGGLE_MS, `${mode} toggle`);
      } catch (e) {
        failures.push({ reason: "toggle-timeout", detail: e.message });
        return { failures, pageMoved, placed, toggles };
      }
      const value = reply?.ok ? reply.value : null;
      if (want !== "page") toggles[mode] = { ms: Math.round(performance.now() - started), collapsed: value?.collapsed };
      if (!reply?.ok || value?.error || value?.mode !== want) {
        failures.push({ reason: "toggle-error", detail: `${mode} wanted mode ${want}, got ${JSON.stringify(reply)}` });
        return { failures, pageMoved, placed, toggles };
      }
    }
    // Late traces too: whatever the extension does in a later task.
    await sleep(SETTLE_MS);
    const place = await tab.probe("place");
    if (!pageMoved.scroll && !place.scrollKept) failures.push({ reason: `scroll-lost:${mode}`, detail: `(${placed.x}, ${placed.y}) became (${place.x}, ${place.y})` });
    if (!pageMoved.focus && !place.focusKept) failures.push({ reason: `focus-lost:${mode}`, detail: `${placed.focused} lost focus to ${place.active}` });
    const dom = await tab.probe("compare");
    if (!dom.same) failures.push({ reason: `dom-not-restored:${mode}`, detail: `${dom.diff} (page's own changes: ${dom.records.control} while watched alone, ${dom.records.toggles} during the toggles)` });
    toggles[mode].records = dom.records;
  }
  return { failures, pageMoved, placed, toggles };
}

/**
 * The whole check on one page in `tab` ({goto, probe, toggle, drainErrors}):
 * resolves to a plain result record for the report.
 */
export async function checkPage(tab, page) {
  const started = performance.now();
  const result = { page: page.name, ok: false, reasons: [], details: [] };
  let run = null;
  const attempts = [];
  for (const controlMs of CONTROL_MS) {
    // Each attempt on a fresh load: a trace the extension leaves the same
    // way every time would not show against a page it already marked.
    const load = await tab.goto(page.url);
    result.loadMs ??= load.ms;
    if (load.timedOut) result.loadTimeout = true;
    if (load.failed) {
      result.loadFailed = load.failed;
      result.skipped = true;
      return finish(result, started, tab);
    }
    run = await attempt(tab, controlMs);
    attempts.push(run.failures.map((f) => `${f.reason}: ${f.detail}`.slice(0, 600)));
    if (run.failures.length === 0 || run.failures.some((f) => f.reason.startsWith("toggle-"))) break;
  }
  result.attempts = attempts;
  result.focused = run.placed?.focused ?? null;
  result.scrollY = run.placed?.y;
  result.pageMoved = run.pageMoved;
  result.toggles = run.toggles;
  for (const f of run.failures) {
    result.reasons.push(f.reason);
    result.details.push(`${f.reason}: ${f.detail}`);
  }
  return finish(result, started, tab);
}

// Adds what the browser saw thrown while the page was tested.
function finish(result, started, tab) {
  const { extension, warnings, page } = tab.drainErrors();
  if (warnings.length) result.extensionWarnings = warnings;
  if (extension.length) {
    result.reasons.push("extension-error");
    result.details.push(...extension.map((e) => `extension-error: ${e}`));
  }
  result.pageErrors = page.length;
  if (page.length) result.pageErrorSamples = page.slice(0, 3);
  if (tab.pageNavigated?.()) {
    // The page navigated itself away mid-check: its DOM is no longer the one recorded.
    result.pageNavigated = true;
    result.skipped = !result.reasons.includes("extension-error");
  }
  result.reasons = [...new Set(result.reasons)];
  result.ok = !result.skipped && result.reasons.length === 0;
  result.ms = Math.round(performance.now() - started);
  return result;
}

/** Runs `check(item)` over `items` with `n` workers; resolves to the results in item order. */
export async function pool(items, n, check) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async (_, worker) => {
      while (next < items.length) {
        const i = next++;
        results[i] = await check(items[i], worker);
      }
    }),
  );
  return results;
}

/**
 * Prints the per-browser summary, records one check per browser in `t`
 * and writes target/browser-artifacts/must-not-break-<browser>.json.
 */
export async function report({ browser, results, blocked, wallMs, sample, artifacts, t, extra = {} }) {
  const tested = results.filter((r) => !r.skipped);
  const failed = tested.filter((r) => !r.ok);
  const byReason = {};
  for (const r of failed) for (const reason of r.reasons) byReason[reason] = (byReason[reason] || 0) + 1;
  const loadTimeouts = results.filter((r) => r.loadTimeout).map((r) => r.page);
  const skipped = results.filter((r) => r.skipped).map((r) => `${r.page} (${r.loadFailed || "navigated itself away"})`);
  const summary = {
    browser,
    pages: results.length,
    sample,
    passed: tested.length - failed.length,
    failed: failed.length,
    failedByReason: byReason,
    skipped,
    loadTimeouts,
    pagesWithTheirOwnErrors: results.filter((r) => r.pageErrors > 0).length,
    pagesThatChangeThemselves: results.filter((r) => r.toggles?.declutter?.records?.control > 0).length,
    secondAttempts: results.filter((r) => r.attempts?.length > 1).length,
    blockedRequests: blocked,
    wallSeconds: Math.round(wallMs / 1000),
    ...extra,
  };
  await writeFile(join(artifacts, `must-not-break-${browser}.json`), JSON.stringify({ summary, results }, null, 1));
  console.log(`\nmust-not-break, ${browser}: ${results.length} pages tried${sample ? ` (${sample})` : ""} in ${summary.wallSeconds} s`);
  console.log(`  passed ${summary.passed}, failed ${summary.failed}${failed.length ? ": " + Object.entries(byReason).map(([k, v]) => `${k} ${v}`).join(", ") : ""}`);
  console.log(`  load timeouts ${loadTimeouts.length} (tested anyway), skipped ${skipped.length}${skipped.length ? ": " + skipped.slice(0, 5).join(", ") : ""}`);
  console.log(`  ${summary.pagesThatChangeThemselves} pages change their own DOM, ${summary.pagesWithTheirOwnErrors} throw errors of their own, ${summary.secondAttempts} needed a second attempt`);
  console.log(`  outside requests refused: ${blocked.total} (${blocked.byExtension} by the extension)`);
  for (const r of failed.slice(0, 10)) console.log(`  FAIL ${r.page}: ${r.details.slice(0, 2).join("; ").slice(0, 400)}`);
  t.check(`${browser}: must-not-break: the extension throws nothing and restores DOM, scroll and focus on every page`, failed.length === 0, `${summary.passed}/${tested.length} pages`);
  t.check(`${browser}: must-not-break: no outside request from the extension`, blocked.byExtension === 0, `${blocked.total} refused`);
  return summary;
}
