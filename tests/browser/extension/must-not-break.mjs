// Pages that must not break: declutter mode and the reader view on every
// corpus page (../shared/corpus/readability, ../shared/corpus/trafilatura
// and the seed page), served from 127.0.0.1 with the pages' own inline
// scripts running and every other host refused. On each page, after a
// scroll and a focus: reader on then off, declutter on then off; the
// extension must throw nothing and leave the DOM, the scroll position and
// the focus as they were. What the page changes by itself is excused, and
// only that: what it changed while watched alone before the toggles and,
// for a page that still fails, what it changes by itself over the same
// time in a load that is not toggled (page-probe.mjs records and compares).
// This module has the page list, the per-page procedure, the run (pages
// over a pool of tabs, a failed page tried once more in a fresh tab) and
// the verdicts, once for both browsers; how each browser's tab loads,
// toggles and catches errors and refused requests (CDP against WebDriver
// BiDi and a proxy) is in must-not-break-chromium.mjs and
// must-not-break-firefox.mjs.
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SHARED } from "./pages.mjs";
import { serve } from "../../../scripts/serve.mjs";

/** How long the page is watched alone, with its event handlers exercised, before the toggles. */
export const CONTROL_MS = 300;
/** How long after a mode is turned off the page is judged. */
export const SETTLE_MS = 100;
/** Limits: page load, one toggle, one whole page. */
export const LOAD_MS = 15000;
export const TOGGLE_MS = 20000;
export const PAGE_MS = 90000;
/**
 * Time for one browser's whole run. Pages not started by then are not
 * reached: reported, not failed, as long as MIN_SHARE of the pages were
 * tried. A CI simulation beside a looping release build of another
 * checkout (issue 16 item 5) reached 808 of Chromium's 1121 pages in these
 * 20 minutes and failed the other 304 as "not-tried": the machine's load,
 * not the extension. Pages start in a spread order (`spreadOrder`), so the
 * pages reached are a sample of the whole corpus, not its first names.
 */
export const RUN_MS = 20 * 60 * 1000;
/** Share of the pages a run must try however busy the machine (808/1121 = 0.72 were, at load 12-17). */
export const MIN_SHARE = 0.5;

/**
 * The order to start `n` pages in: the seed page (index 0) first, then the
 * others by the bit-reversed index (0, 1/2, 1/4, 3/4, ... of the list), so
 * any prefix is spread evenly over both corpora.
 */
export function spreadOrder(n) {
  let bits = 0;
  while (1 << bits < n) bits++;
  const reversed = (i) => {
    let r = 0;
    for (let b = 0; b < bits; b++) if (i & (1 << b)) r |= 1 << (bits - 1 - b);
    return r;
  };
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : reversed(a) - reversed(b)));
}

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

// The start of every run on a fresh load: a scroll and a focus, the DOM
// recorded, then the page watched alone while its handlers are exercised.
// Resolves to {placed, pageMoved}.
async function prelude(tab) {
  const placed = await tab.probe("focusAndScroll");
  await tab.probe("begin");
  await tab.probe("exercise");
  await sleep(CONTROL_MS);
  // If the page itself moves the scroll or the focus, those are not ours to check.
  const alone = await tab.probe("place");
  await tab.probe("phase", "toggles");
  return { placed, pageMoved: { scroll: !alone.scrollKept, focus: !alone.focusKept } };
}

/**
 * One run on a loaded page: the prelude, then each mode toggled on and off
 * and the page compared with how it was. `excused` ({sites, moved}, from an
 * untoggled load) names what the page changes by itself over the same
 * time. Resolves to {failures: [{reason, detail}], placed, pageMoved,
 * toggles, togglesMs}.
 */
async function attempt(tab, excused = null) {
  const failures = [];
  const { placed, pageMoved } = await prelude(tab);
  if (excused?.moved.scroll) pageMoved.scroll = true;
  if (excused?.moved.focus) pageMoved.focus = true;
  const from = performance.now();
  const toggles = {};
  const done = () => ({ failures, placed, pageMoved, toggles, togglesMs: performance.now() - from });
  for (const [mode, expected] of SEQUENCES) {
    if (mode !== SEQUENCES[0][0]) await tab.probe("replace");
    for (const want of expected) {
      const started = performance.now();
      let reply;
      try {
        reply = await withTimeout(tab.toggle(mode), TOGGLE_MS, `${mode} toggle`);
      } catch (e) {
        failures.push({ reason: "toggle-timeout", detail: e.message });
        return done();
      }
      const value = reply?.ok ? reply.value : null;
      if (want !== "page") toggles[mode] = { ms: Math.round(performance.now() - started), collapsed: value?.collapsed };
      if (!reply?.ok || value?.error || value?.mode !== want) {
        failures.push({ reason: "toggle-error", detail: `${mode} wanted mode ${want}, got ${JSON.stringify(reply)}` });
        return done();
      }
    }
    // Late traces too: whatever the extension does in a later task.
    await sleep(SETTLE_MS);
    const place = await tab.probe("place");
    if (!pageMoved.scroll && !place.scrollKept) failures.push({ reason: `scroll-lost:${mode}`, detail: `(${placed.x}, ${placed.y}) became (${place.x}, ${place.y})` });
    if (!pageMoved.focus && !place.focusKept) failures.push({ reason: `focus-lost:${mode}`, detail: `${placed.focused} lost focus to ${place.active}` });
    const dom = await tab.probe("compare", excused?.sites ?? null);
    if (!dom.same) failures.push({ reason: `dom-not-restored:${mode}`, detail: `${dom.diff} (page's own changes: ${dom.records.control} while watched alone, ${dom.records.toggles} during the toggles)` });
    toggles[mode].records = dom.records;
  }
  return done();
}

/**
 * The fair control for a page whose first run failed: a fresh load, the
 * same prelude, then the page left alone, its handlers exercised again as
 * the toggles would, for twice as long as the toggles took and a second
 * more (the next run's toggles may take longer on a busy machine, and a
 * timer of the page may fire later). Resolves to what the page changed by
 * itself ({sites, moved}).
 */
async function untoggled(tab, togglesMs) {
  await prelude(tab);
  await tab.probe("exercise");
  await sleep(togglesMs + 500);
  await tab.probe("exercise");
  await sleep(togglesMs + 500);
  const place = await tab.probe("place");
  return { sites: await tab.probe("changes"), moved: { scroll: !place.scrollKept, focus: !place.focusKept } };
}

// Loads the page afresh (a trace the extension leaves the same way every
// time would not show against a page it already marked); false when the
// page could not be tested.
async function load(tab, page, result) {
  const loaded = await tab.goto(page.url);
  result.loadMs ??= loaded.ms;
  if (loaded.timedOut) result.loadTimeout = true;
  if (!loaded.failed) return true;
  result.loadFailed = loaded.failed;
  result.skipped = true;
  return false;
}

/**
 * The whole check on one page in `tab` ({goto, probe, toggle, drainErrors,
 * pageNavigated}): a run; if it saw the DOM, the scroll or the focus
 * change, an untoggled load over the same time and a second run judged
 * with what that load changed by itself excused. Resolves to a plain
 * result record for the report.
 */
export async function checkPage(tab, page) {
  const started = performance.now();
  const result = { page: page.name, ok: false, reasons: [], details: [], attempts: [] };
  let run = null;
  let excused = null;
  for (;;) {
    if (!(await load(tab, page, result))) return await finish(result, started, tab);
    try {
      run = await attempt(tab, excused);
    } catch (e) {
      run = { failures: [{ reason: "check-error", detail: e.message.split("\n")[0] }] };
    }
    result.attempts.push(run.failures.map((f) => `${f.reason}: ${f.detail}`.slice(0, 600)));
    if (excused || run.failures.length === 0 || run.failures.some((f) => /^(?:toggle|check)-/.test(f.reason))) break;
    if (!(await load(tab, page, result))) return await finish(result, started, tab);
    try {
      excused = await untoggled(tab, run.togglesMs);
    } catch (e) {
      run.failures.push({ reason: "check-error", detail: `untoggled load: ${e.message.split("\n")[0]}` });
      break;
    }
    result.pageChangesItself = { sites: excused.sites.attrs.length + excused.sites.text.length + excused.sites.children.length, moved: excused.moved };
  }
  result.focused = run.placed?.focused ?? null;
  result.scrollY = run.placed?.y;
  result.pageMoved = run.pageMoved;
  result.toggles = run.toggles;
  for (const f of run.failures) {
    result.reasons.push(f.reason);
    result.details.push(`${f.reason}: ${f.detail}`);
  }
  return await finish(result, started, tab);
}

// Adds what the browser saw thrown while the page was tested.
async function finish(result, started, tab) {
  const { extension, warnings, page } = await tab.drainErrors();
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

/**
 * Runs `check(page, worker)` over `pages` with `n` workers, in
 * `spreadOrder`; a page not started within RUN_MS of the start is not
 * reached (`notReached`). Resolves to the results in page order.
 */
export async function pool(pages, n, check, runMs = RUN_MS) {
  const deadline = performance.now() + runMs;
  const results = new Array(pages.length);
  const order = spreadOrder(pages.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, pages.length) }, async (_, worker) => {
      while (next < order.length) {
        const i = order[next++];
        results[i] = performance.now() > deadline ? { page: pages[i].name, ok: false, notReached: true, reasons: [], details: [] } : await check(pages[i], worker);
      }
    }),
  );
  return results;
}

/** Returns a function to call after each page: it prints how far `browser` got every 100 pages. */
export function progressLine(browser, total) {
  const started = performance.now();
  let done = 0;
  return () => {
    done++;
    if (done % 100 === 0 && done < total) console.log(`must-not-break, ${browser}: ${done}/${total} pages in ${Math.round((performance.now() - started) / 1000)} s`);
  };
}

/**
 * Prints the per-browser summary, records one check per browser in `t`
 * and writes target/browser-artifacts/must-not-break-<browser>.json.
 */
export async function report({ browser, results, blocked, wallMs, sample, artifacts, t, extra = {} }) {
  const notReached = results.filter((r) => r.notReached).length;
  const tested = results.filter((r) => !r.skipped && !r.notReached);
  const failed = tested.filter((r) => !r.ok);
  // The pages a run must try: skipped pages (they navigate away or fail to load) count as tried.
  const minimum = Math.ceil(MIN_SHARE * results.length);
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
    secondRuns: results.filter((r) => r.attempts?.length > 1).length,
    notReached,
    passedOnAFreshTab: results.filter((r) => r.firstTry && r.ok).map((r) => `${r.page} (first try: ${r.firstTry.join("; ").slice(0, 160)})`),
    blockedRequests: blocked,
    wallSeconds: Math.round(wallMs / 1000),
    ...extra,
  };
  await writeFile(join(artifacts, `must-not-break-${browser}.json`), JSON.stringify({ summary, results }, null, 1));
  console.log(`\nmust-not-break, ${browser}: ${notReached ? `${results.length - notReached} of ` : ""}${results.length} pages tried${sample ? ` (${sample})` : ""} in ${summary.wallSeconds} s`);
  console.log(`  passed ${summary.passed}, failed ${summary.failed}${failed.length ? ": " + Object.entries(byReason).map(([k, v]) => `${k} ${v}`).join(", ") : ""}`);
  if (notReached) console.log(`  not reached in the run's ${RUN_MS / 60000} minutes (a busy machine): ${notReached}, at most ${results.length - minimum} may be`);
  console.log(`  load timeouts ${loadTimeouts.length} (tested anyway), skipped ${skipped.length}${skipped.length ? ": " + skipped.slice(0, 5).join(", ") : ""}`);
  console.log(`  ${summary.pagesThatChangeThemselves} pages change their own DOM while watched, ${summary.pagesWithTheirOwnErrors} throw errors of their own, ${summary.secondRuns} needed an untoggled load and a second run`);
  if (summary.passedOnAFreshTab.length) console.log(`  failed once and passed in a fresh tab: ${summary.passedOnAFreshTab.length}: ${summary.passedOnAFreshTab.join(", ")}`);
  console.log(`  outside requests refused: ${blocked.total} (${blocked.byExtension} by the extension)`);
  for (const r of failed.slice(0, 10)) console.log(`  FAIL ${r.page}: ${r.details.slice(0, 2).join("; ").slice(0, 400)}`);
  t.check(
    `${browser}: must-not-break: the extension throws nothing and restores DOM, scroll and focus on every page tried, and at least ${MIN_SHARE * 100}% are tried`,
    failed.length === 0 && results.length - notReached >= minimum,
    `${summary.passed}/${tested.length} pages${notReached ? `; ${notReached} of ${results.length} not reached` : ""}`,
  );
  t.check(`${browser}: must-not-break: no outside request from the extension`, blocked.byExtension === 0, `${blocked.total} refused`);
  return summary;
}

/**
 * Runs must-not-break over `pages` in the browser `open` starts
 * (openChromium or openFirefox, with `options`); records checks in `t` and
 * writes the JSON report. Resolves to the summary.
 */
export async function runMustNotBreak(open, { pages, artifacts, t, sample = null, ...options }) {
  const server = await servePages();
  const started = performance.now();
  let session = null;
  try {
    session = await open({ ...options, server });
    const tabs = [];
    for (let i = 0; i < session.tabs; i++) tabs.push(await session.newTab());
    const fresh = async (i) => {
      await tabs[i].close?.();
      tabs[i] = await session.newTab();
    };
    const check = async (page, i) => {
      try {
        return await withTimeout(checkPage(tabs[i], { ...page, url: server.url(page) }), PAGE_MS, "the page's check");
      } catch (e) {
        // A stuck tab is replaced; the page counts as failed.
        await fresh(i);
        return { page: page.name, ok: false, reasons: ["check-error"], details: [`check-error: ${e.message.split("\n")[0]}`] };
      }
    };
    const progress = progressLine(session.name, pages.length);
    const results = await pool(pages, session.tabs, async (page, i) => {
      try {
        const first = await check(page, i);
        if (first.ok || first.skipped) return first;
        // A failed page is checked once more in a fresh tab: the page's own
        // lazy loaders and timers, on a loaded machine, can land a change
        // in the extension's window that its untoggled control did not see
        // (CI simulation, loaded machine: focus.de.leasen's lazyload src).
        // What the extension breaks, it breaks both times.
        await fresh(i);
        const second = await check(page, i);
        return { ...second, firstTry: first.details };
      } finally {
        progress();
      }
    });
    return await report({ browser: session.name, results, blocked: await session.blocked(), wallMs: performance.now() - started, sample, artifacts, t, extra: session.extra });
  } finally {
    await session?.close();
    await server.close();
  }
}
