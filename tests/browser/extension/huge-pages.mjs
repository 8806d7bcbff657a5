// Huge and hostile pages (huge-page-files.mjs) with the extension in
// headless Chromium and Firefox: the extension must answer each one (done,
// or "too large" in the toolbar) in time, and must not freeze the tab
// while it works.
//
// How a freeze is measured: each page runs a heartbeat (a 10 ms timer that
// records every gap over 30 ms between ticks). After the page has loaded
// and settled, a control shows what the page and the machine cost without
// the extension: a second of idling, then the kind of change the reader
// makes (one fixed element over the page, added and removed by the test
// itself), during which the browser restyles, lays out and paints the huge
// page. The extension's work is then: reader on, reader off, declutter
// on, declutter off. Its longest gap may exceed the control's by at most
// STALL_BOUND_MS times the machine's slowdown: a fixed loop timed in the
// same page around the steps, over its time on a quiet machine (at least
// 1). On a busy machine every task of the page's main thread is slower,
// and a fixed bound failed there (CI simulation beside four builds, load
// 21 on 2 cores: the 300x300 table's reader took 472 ms against a 359 ms
// bound, 5 MB of text 316 against 240; both pass quiet). Quiet, the bound
// stays STALL_BOUND_MS.
import { pressReader } from "./chromium-toolbar.mjs";
import { join } from "node:path";
import { installSettingsPage, launchChromium, launchFirefox } from "../lib/browsers.mjs";
import { autoDeclutterOffKeepingAccess, extensionPrefs, findOptionsWindow, grantHostAccessByClick } from "../lib/firefox-extension.mjs";
import { serve } from "../../../scripts/serve.mjs";
import { writeHugePages } from "./huge-page-files.mjs";

/** How much longer than the control's longest gap the extension may hold the main thread. */
export const STALL_BOUND_MS = 200;
/**
 * The calibration loop's time on a quiet machine of this kind, per browser
 * (the fastest of 40 runs at load 4: Chromium 10.5 ms, Firefox 35 ms).
 * The allowance grows by the unit measured in the run over this: a busy
 * machine's slowdown, not the browser's own speed (one common unit let
 * Firefox's 300x300 table stall 442 ms at load 4 and pass).
 */
const QUIET_UNIT_MS = { chromium: 10, firefox: 35 };
/** Iterations of the calibration loop. */
const CALIBRATION_WORK = 8_000_000;
/**
 * How long the extension may take to answer one toggle, from the click, on
 * a quiet machine; on a busy one it grows with the slowdown measured before
 * the steps, up to MAX_ANSWER_SCALE times (a CPU-heavy job beside the run
 * made Firefox's 300x300 table take over 30 s at a slowdown of 9).
 */
export const ANSWER_BOUND_MS = 30_000;
const MAX_ANSWER_SCALE = 4;
/** Pages Firefox opens too (a subset, so the run stays near three minutes). */
const FIREFOX_PAGES = ["deep-div", "million", "table"];
const LOAD_TIMEOUT_MS = 180_000;
/** The toolbar button's title before the page was read: the manifest's action.default_title. */
const DEFAULT_TITLE = "Declutter";
const STEPS = [
  ["reader", "reader on"],
  ["reader", "reader off"],
  ["declutter", "declutter on"],
  ["declutter", "declutter off"],
];

// In the page: the heartbeat's gaps that end after `since`, and the page's clock.
function beatSince(since) {
  const beat = window.__beat;
  return { now: performance.now(), gaps: beat ? beat.gaps.filter((g) => g[1] > since) : null };
}

// In the page: the median time of `reps` runs of a fixed loop of `n`
// integer steps (warmed up once first), the unit the stall bound scales by.
function calibrate([n, reps]) {
  const work = () => {
    let h = 2166136261;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ i, 16777619);
    return h;
  };
  let sink = work();
  const times = [];
  for (let r = 0; r < reps; r++) {
    const s = performance.now();
    sink ^= work();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  window.__calibrationSink = sink;
  return times[Math.floor(reps / 2)];
}

// In the page: its clock.
const pageNow = () => performance.now();

// In the page: waits until the heartbeat has seen no gap for `quietMs` (at
// most `maxMs`), then idles for `idleMs` and shows and removes one fixed
// element over the page; resolves to {start, end} in the page's clock.
function control([quietMs, maxMs, idleMs]) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  return (async () => {
    const begun = performance.now();
    for (;;) {
      const last = window.__beat.gaps.at(-1);
      if (!last || performance.now() - last[1] >= quietMs || performance.now() - begun > maxMs) break;
      await sleep(50);
    }
    const start = performance.now();
    await sleep(idleMs);
    const overlay = document.createElement("div");
    overlay.style.cssText = "position: fixed; inset: 0; z-index: 2147483647; background: #fff; font: 16px serif";
    overlay.textContent = "control";
    document.documentElement.append(overlay);
    await frame();
    await frame();
    overlay.remove();
    await frame();
    await frame();
    return { start, end: performance.now() };
  })();
}

const longest = (gaps) => Math.max(0, ...gaps.map(([a, b]) => b - a));
const withTimeout = (promise, ms, what) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms))]);

/** What a step's answer says: "done", "too large" or the error. */
function outcome(answer) {
  if (answer?.mode === "too-large") return "too large";
  if (answer?.error) return `error: ${answer.error}`;
  return answer?.mode ? "done" : `no answer (${JSON.stringify(answer)})`;
}

/**
 * Opens one page and runs the control and the steps. `driver` is the
 * browser's side: {open(url), evaluate(fn, arg), step(mode, index, bound)}, where
 * step resolves to the toggle's answer.
 */
async function measure(driver, file, url) {
  const t0 = performance.now();
  await driver.open(url);
  const load = performance.now() - t0;
  const elements = await driver.evaluate(() => document.getElementsByTagName("*").length);
  const unitBefore = await driver.evaluate(calibrate, [CALIBRATION_WORK, 7]);
  const answerBound = ANSWER_BOUND_MS * Math.min(MAX_ANSWER_SCALE, Math.max(1, unitBefore / driver.quietUnitMs));
  const ctl = await driver.evaluate(control, [500, 5000, 1000]);
  const controlStall = longest((await driver.evaluate(beatSince, ctl.start)).gaps.filter(([a]) => a < ctl.end));
  const start = await driver.evaluate(pageNow);
  const steps = [];
  for (const [i, [mode, label]] of STEPS.entries()) {
    const at = i === 0 ? start : await driver.evaluate(pageNow);
    const s = performance.now();
    let answer;
    try {
      answer = await withTimeout(driver.step(mode, i, answerBound), answerBound, label);
    } catch (e) {
      answer = { error: e.message };
    }
    steps.push({ label, at, ms: performance.now() - s, bound: answerBound, result: outcome(answer) });
    if (answer?.error) break;
  }
  // Work the last answer started (a paint, a restyle) belongs to the extension too.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const beat = await driver.evaluate(beatSince, start);
  const unitAfter = await driver.evaluate(calibrate, [CALIBRATION_WORK, 7]);
  for (const [i, step] of steps.entries()) {
    const end = steps[i + 1]?.at ?? Infinity;
    step.stall = longest((beat.gaps || []).filter(([a, b]) => b > step.at && a < end));
  }
  return {
    page: file.name,
    what: file.what,
    bytes: file.bytes,
    elements,
    load,
    controlStall,
    unit: Math.max(unitBefore, unitAfter),
    quietUnit: driver.quietUnitMs,
    steps,
    answerMs: Math.max(...steps.map((s) => s.ms)),
    stall: beat.gaps ? longest(beat.gaps) : NaN,
    result: [...new Set(steps.map((s) => s.result))].join(", "),
  };
}

/** How much slower than quiet the machine ran a row's page: at least 1. */
const slowdown = (row) => Math.max(1, row.unit / row.quietUnit);
/** The longest gap a row may show: the control's plus the allowance, scaled by the slowdown. */
const stallBound = (row) => row.controlStall + STALL_BOUND_MS * slowdown(row);
const overBound = (row) => row.stall > stallBound(row);

/**
 * Runs `attempt()` (a fresh load and the steps) and, if the extension's
 * longest stall is over the bound, once more: the browser's own garbage
 * and cycle collection of a 90,000-element page lands in any task, the
 * extension's or the control's, and can take a second on its own. A
 * stall the extension causes shows in both runs; the row keeps the
 * better one and says it was measured twice.
 */
async function measureAgainIfStalled(attempt) {
  const first = await attempt();
  if (!overBound(first) || first.steps.some((s) => s.result.startsWith("error"))) return first;
  const second = await attempt();
  const best = overBound(second) && second.stall - second.controlStall > first.stall - first.controlStall ? first : second;
  return { ...best, retried: `first try: longest ${first.stall.toFixed(0)} ms, control ${first.controlStall.toFixed(0)} ms` };
}

function check(t, browser, row) {
  const name = `${browser} ${row.page}`;
  const failed = row.steps.filter((s) => s.result !== "done" && s.result !== "too large");
  t.check(`${name}: the extension answers every toggle (done or too large) within ${ANSWER_BOUND_MS / 1000} s x slowdown`, failed.length === 0 && row.steps.length === STEPS.length, row.steps.map((s) => `${s.label} ${s.ms.toFixed(0)} ms ${s.result}`).join(", ") + `; bound ${((row.steps[0]?.bound ?? ANSWER_BOUND_MS) / 1000).toFixed(0)} s`);
  const bound = stallBound(row);
  t.check(`${name}: no main-thread stall over the control's + ${STALL_BOUND_MS} ms x slowdown while the extension works`, row.stall <= bound, `longest ${row.stall.toFixed(0)} ms (${row.steps.map((s) => `${s.label} ${s.stall.toFixed(0)}`).join(", ")}), control ${row.controlStall.toFixed(0)} ms, slowdown ${slowdown(row).toFixed(2)} (unit ${row.unit.toFixed(1)} ms, quiet ${row.quietUnit} ms), bound ${bound.toFixed(0)} ms${row.retried ? `; measured twice, ${row.retried}` : ""}`);
}

async function runChromium({ files, server, dist, t, rows }) {
  const context = await launchChromium({ extension: dist });
  try {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent("serviceworker", { timeout: 15000 });
    const extId = new URL(worker.url()).host;
    const options = await installSettingsPage(context, extId);
    if (!options) throw new Error("the settings page did not open");
    const browserCdp = await context.browser().newBrowserCDPSession();
    // A fresh tab for each try: its toolbar title starts as the default.
    const attempt = async (file) => {
      const page = await context.newPage();
      try {
        const tabId = () => options.evaluate(async (url) => (await chrome.tabs.query({})).find((x) => x.url === url)?.id, page.url());
        const title = async () => {
          const id = await tabId();
          return id === undefined ? DEFAULT_TITLE : options.evaluate((id) => chrome.action.getTitle({ tabId: id }), id);
        };
        const driver = {
          quietUnitMs: QUIET_UNIT_MS.chromium,
          open: (url) => page.goto(url, { waitUntil: "load", timeout: LOAD_TIMEOUT_MS }),
          evaluate: (fn, arg) => page.evaluate(fn, arg),
          // The first toggle is a real toolbar click (it grants the
          // extension the tab); it has answered when the tooltip changes.
          async step(mode, index, bound) {
            if (index > 0) {
              const id = await tabId();
              return options.evaluate(({ mode, id }) => chrome.runtime.sendMessage({ type: "run", mode, tabId: id }), { mode, id }).then((r) => (r?.ok ? r.value : { error: r?.error }));
            }
            await pressReader({ context, browserCdp, extId, page, options });
            for (const deadline = Date.now() + bound; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
              const now = await title();
              if (now !== DEFAULT_TITLE) return /too large/.test(now) ? { mode: "too-large" } : /could not|cannot/.test(now) ? { error: now } : { mode: "reader" };
            }
            return { error: "the toolbar title did not change" };
          },
        };
        await page.bringToFront();
        return await measure(driver, file, server.url + file.name + ".html");
      } finally {
        await page.close().catch(() => {});
      }
    };
    for (const file of files) {
      const row = await measureAgainIfStalled(() => attempt(file));
      rows.push({ browser: "chromium", ...row });
      check(t, "chromium", row);
    }
  } finally {
    await context.close();
  }
}

async function runFirefox({ files, server, dist, t, rows }) {
  const driver = await launchFirefox({
    addon: dist,
    prefs: extensionPrefs(),
  });
  try {
    await driver.manage().setTimeouts({ script: ANSWER_BOUND_MS * MAX_ANSWER_SCALE + 5000, pageLoad: LOAD_TIMEOUT_MS });
    const optionsWindow = await findOptionsWindow(driver);
    // The `run` message needs the extension to hold the page's origin: a
    // real click on the settings page asks for it (the prompt is off);
    // auto-declutter, which that click turns on, goes off again.
    if (!(await grantHostAccessByClick(driver))) throw new Error("the host permission was not granted");
    await autoDeclutterOffKeepingAccess(driver);
    await driver.switchTo().newWindow("window");
    const pageWindow = await driver.getWindowHandle();
    let url = null;
    const adapter = {
      quietUnitMs: QUIET_UNIT_MS.firefox,
      async open(u) {
        url = u;
        await driver.get(u);
      },
      // One argument, as Playwright's evaluate takes it.
      evaluate: (fn, arg) => driver.executeAsyncScript(`const [arg, done] = arguments; Promise.resolve((${fn})(arg)).then(done, (e) => done({ error: String(e) }));`, arg),
      async step(mode) {
        await driver.switchTo().window(optionsWindow);
        try {
          return await driver.executeAsyncScript(
            `const [url, mode, done] = arguments;
             browser.tabs.query({}).then((tabs) => tabs.find((tab) => tab.url === url)).then((tab) => browser.runtime.sendMessage({ type: "run", mode, tabId: tab.id })).then((r) => done(r && r.ok ? r.value : { error: r && r.error }), (e) => done({ error: String(e) }));`,
            url,
            mode,
          );
        } finally {
          await driver.switchTo().window(pageWindow);
        }
      },
    };
    for (const file of files) {
      const row = await measureAgainIfStalled(() => measure(adapter, file, server.url + file.name + ".html"));
      rows.push({ browser: "firefox", ...row });
      check(t, "firefox", row);
    }
  } finally {
    await driver.quit().catch(() => {});
  }
}

function printTable(rows) {
  const mb = (b) => (b >= 1e6 ? `${(b / 2 ** 20).toFixed(1)} MB` : `${(b / 1024).toFixed(0)} KB`);
  console.log(`\nhuge pages (stall bound: control + ${STALL_BOUND_MS} ms x slowdown; answer bound: ${ANSWER_BOUND_MS / 1000} s x slowdown (at most ${MAX_ANSWER_SCALE}) per toggle):`);
  console.log("| browser | page | size | elements | load | control stall | slowdown | slowest answer | longest stall | result |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(`| ${r.browser} | ${r.what} | ${mb(r.bytes)} | ${r.elements.toLocaleString("en-US")} | ${(r.load / 1000).toFixed(1)} s | ${r.controlStall.toFixed(0)} ms | ${slowdown(r).toFixed(2)} | ${r.answerMs.toFixed(0)} ms | ${r.stall.toFixed(0)} ms | ${r.result} |`);
  }
}

/**
 * Runs the huge-page checks in Chromium (every page) and Firefox (a
 * subset), recording them in `t`; `dists` = {chrome, firefox} unpacked
 * extension folders. Prints the table of figures.
 */
export async function runHugePages({ repo, dists, t }) {
  // HUGE_PAGES=million,table runs only those pages (to look into one).
  const only = process.env.HUGE_PAGES?.split(",");
  const files = (await writeHugePages(join(repo, "target", "huge-pages"))).filter((f) => !only || only.includes(f.name));
  const server = await serve({ root: join(repo, "target", "huge-pages") });
  const rows = [];
  try {
    for (const [name, run, dist, subset] of [
      ["chromium", runChromium, dists.chrome, files],
      ["firefox", runFirefox, dists.firefox, files.filter((f) => FIREFOX_PAGES.includes(f.name))],
    ]) {
      try {
        await run({ files: subset, server, dist, t, rows });
      } catch (e) {
        t.check(`${name} huge pages: the run finished`, false, e.stack || String(e));
      }
    }
  } finally {
    await server.close();
    printTable(rows);
  }
}
