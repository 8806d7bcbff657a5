// End-to-end tests of the packaged extension (dist/, from
// scripts/package-extension.mjs) in headless Chromium and Firefox against
// pages served on 127.0.0.1, plus `web-ext lint` of the Firefox package.
//
//   node tests/browser/extension/run.mjs [PART ...]
//
// Each check is written once over the driver interface (../lib/driver.mjs)
// and run in both browsers; a part named for a browser runs it there.
// Parts (all by default): lint; chromium, firefox (the end-to-end checks,
// end-to-end.mjs, with each browser's own in chromium.mjs and firefox.mjs);
// huge (huge and hostile pages must not freeze the tab); hostile (page
// markup naming things in the content script's world must not switch it off);
// core (the wasm core's workers: other tabs not blocked by a huge page,
// closed ports cancelled, over-cap ports refused, a crashed core reloaded);
// must-not-break (every corpus page in Chromium and a sample in Firefox, at
// the same time; must-not-break-chromium or must-not-break-firefox for one);
// settings-survive (choices kept over a browser restart and an update);
// sender-rights (what a page's tab may ask of the extension, private
// windows, permissions given back); quiet (declutter leaves one page-level
// control and no bars, the layout kept, marks as an option, the popup); i18n
// (the popup, the control and the welcome page in the browser's language, the
// reader's meta line in the page's). Only when named: survey (the quiet
// checks on the seed page and every labelled wcxb page, with marks per
// page counted: how issue 14 judges unseen pages; pages that navigate
// themselves away are skipped and named).
// Must-not-break knobs, for quick local runs: MUST_NOT_BREAK_PAGES=N tests
// a sample of N pages in each browser, MUST_NOT_BREAK_FIREFOX_PAGES=N|all
// sizes Firefox's sample (default 151: the seed page and 150 more),
// MUST_NOT_BREAK_TABS=N sets Chromium's parallel tabs (default 4).
//
// Prints one line per check and a summary with the click-to-reader
// timings; screenshots and reports go to target/browser-artifacts. Exits
// non-zero when a check fails.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { artifactsDir } from "../lib/browsers.mjs";
import { REPO, startPages } from "./pages.mjs";
import { runChromium } from "./chromium.mjs";
import { runFirefox, runFirefoxSuspended } from "./firefox.mjs";
import { runHostile } from "./hostile-names.mjs";
import { runHugePages } from "./huge-pages.mjs";
import { runCoreLoadChromium, runCoreLoadFirefox } from "./core-load.mjs";
import { corpusPages, runMustNotBreak, samplePages } from "./must-not-break.mjs";
import { openChromium } from "./must-not-break-chromium.mjs";
import { openFirefox } from "./must-not-break-firefox.mjs";
import { runSettingsSurvive } from "./settings-survive.mjs";
import { runSenderRightsChromium, runSenderRightsFirefox } from "./sender-rights.mjs";
import { runQuiet } from "./quiet.mjs";
import { runI18n } from "./i18n.mjs";

const PARTS = ["lint", "chromium", "firefox", "hostile", "huge", "core", "must-not-break", "must-not-break-chromium", "must-not-break-firefox", "settings-survive", "sender-rights", "quiet", "i18n", "survey"];
/** The browsers a check written once runs in, with their packages. */
const BROWSERS = [
  ["chromium", "dist/chrome"],
  ["firefox", "dist/firefox"],
];
/** Parts run only when named: a survey over many pages, not a test. */
const ON_REQUEST = new Set(["survey"]);
/** Firefox's must-not-break sample when not told otherwise: the seed page and 150 more. */
const FIREFOX_SAMPLE = 151;

/** Collects checks, collapse scores and timings, and prints them as they come. */
class Tally {
  checks = [];
  collapses = [];
  timings = [];
  surveyed = [];
  check(name, ok, detail = "") {
    this.checks.push({ name, ok: !!ok, detail });
    console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` (${detail})` : ""}`);
  }
  collapse(browser, page, score) {
    this.collapses.push({ browser, page, ...score });
  }
  timing(label, stats) {
    this.timings.push({ label, ...stats });
  }
  /** One page of the survey: its marks with marks on, and the things hidden. */
  survey(browser, page, counts) {
    this.surveyed.push({ browser, page, ...counts });
  }
}

function lint(t) {
  const bin = join(REPO, "node_modules", ".bin", "web-ext");
  const out = spawnSync(bin, ["lint", "--source-dir", join(REPO, "dist/firefox"), "--output", "json", "--no-config-discovery"], { encoding: "utf8", timeout: 120000 });
  let report;
  try {
    report = JSON.parse(out.stdout.slice(out.stdout.indexOf("{")));
  } catch {
    t.check("web-ext lint runs", false, (out.stderr || out.stdout || String(out.error)).slice(0, 300));
    return;
  }
  const errors = report.errors.map((e) => `${e.code}: ${e.message}`);
  t.check("web-ext lint: no errors on the Firefox package", errors.length === 0, `${report.errors.length} errors, ${report.warnings.length} warnings${errors.length ? ": " + errors.join("; ") : ""}`);
}

/** Runs `run()`, turning an exception into a failed check named for `part`. */
async function guarded(t, part, run) {
  try {
    await run();
  } catch (e) {
    t.check(`${part}: the run finished`, false, e.stack || String(e));
  }
}

// Every corpus page in Chromium and a deterministic sample in Firefox, both
// browsers at once (each leaves the other's waits to the CPU).
async function mustNotBreak({ t, artifacts, chromium, firefox }) {
  // MUST_NOT_BREAK_ONLY=name,name re-checks given pages (substrings of
  // their names), as when a CI run failed on them.
  const only = process.env.MUST_NOT_BREAK_ONLY?.split(",").filter(Boolean);
  const all = (await corpusPages()).filter((p) => !only || only.some((o) => p.name.includes(o)));
  const limit = Number(process.env.MUST_NOT_BREAK_PAGES) || all.length;
  const wanted = process.env.MUST_NOT_BREAK_FIREFOX_PAGES === "all" ? all.length : Number(process.env.MUST_NOT_BREAK_FIREFOX_PAGES) || FIREFOX_SAMPLE;
  const firefoxCount = Math.min(limit, wanted);
  const tabs = Number(process.env.MUST_NOT_BREAK_TABS) || 4;
  const sampleNote = (n) => (n < all.length ? `a deterministic sample: the seed page and every ${((all.length - 1) / (n - 1)).toFixed(1)}th of the other ${all.length - 1}` : null);
  await Promise.all([
    chromium &&
      guarded(t, "must-not-break-chromium", () =>
        runMustNotBreak(openChromium, { pages: samplePages(all, limit), dist: join(REPO, "dist/chrome"), artifacts, t, tabs, sample: sampleNote(limit) }),
      ),
    firefox &&
      guarded(t, "must-not-break-firefox", () =>
        runMustNotBreak(openFirefox, { pages: samplePages(all, firefoxCount), dist: join(REPO, "dist/firefox"), artifacts, t, sample: sampleNote(firefoxCount) }),
      ),
  ]);
}

// The issue's measure of marks on real pages (issue 14): with marks on, a
// median of at most 6 per page and never more than 15.
const MARKS_MEDIAN = 6;
const MARKS_MAX = 15;

function surveySummary(t) {
  console.log("\nsurvey, marks on (marks per page; things hidden per page):");
  for (const browser of new Set(t.surveyed.map((s) => s.browser))) {
    const rows = t.surveyed.filter((s) => s.browser === browser);
    const median = (xs) => {
      const v = [...xs].sort((a, b) => a - b);
      return v.length ? (v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : 0;
    };
    const marks = rows.map((r) => r.marks);
    const most = Math.max(0, ...marks);
    const over = rows.filter((r) => r.marks > MARKS_MAX);
    console.log(`  ${browser}: ${rows.length} pages; marks median ${median(marks)}, max ${most}; hidden median ${median(rows.map((r) => r.hidden))}, max ${Math.max(0, ...rows.map((r) => r.hidden))}`);
    console.log(`    most marks: ${[...rows].sort((a, b) => b.marks - a.marks).slice(0, 8).map((r) => `${r.page} ${r.marks}`).join(", ")}`);
    t.check(`${browser}: survey: marks on, a median of at most ${MARKS_MEDIAN} marks per page`, median(marks) <= MARKS_MEDIAN, `median ${median(marks)} over ${rows.length} pages`);
    t.check(`${browser}: survey: marks on, never more than ${MARKS_MAX} on a page`, over.length === 0, over.map((r) => `${r.page} ${r.marks}`).join(", ") || `max ${most}`);
  }
}

async function main() {
  const only = new Set(process.argv.slice(2));
  const unknown = [...only].filter((p) => !PARTS.includes(p));
  if (unknown.length) {
    console.error(`unknown part ${unknown.join(", ")}; parts: ${PARTS.join(", ")}`);
    process.exit(2);
  }
  const want = (part) => only.has(part) || (only.size === 0 && !ON_REQUEST.has(part));
  for (const b of ["chrome", "firefox"]) {
    if (!existsSync(join(REPO, "dist", b, "manifest.json"))) {
      console.error(`dist/${b} not found: run ./build.sh pkg && node scripts/package-extension.mjs`);
      process.exit(2);
    }
  }
  const artifacts = await artifactsDir();
  const t = new Tally();
  const started = performance.now();
  if (want("lint")) lint(t);
  const served = await startPages();
  try {
    for (const [part, run, dist] of [
      ["chromium", runChromium, "dist/chrome"],
      ["firefox", runFirefox, "dist/firefox"],
      ["firefox", runFirefoxSuspended, "dist/firefox"],
      ["hostile", (o) => runHostile("chromium", o), "dist/chrome"],
      ["hostile", (o) => runHostile("firefox", o), "dist/firefox"],
    ]) {
      if (!want(part)) continue;
      await guarded(t, part, () => run({ ...served, dist: join(REPO, dist), artifacts, t }));
    }
    if (want("sender-rights")) {
      const site = served.pages[0].url;
      await guarded(t, "sender-rights chromium", () => runSenderRightsChromium({ dist: join(REPO, "dist/chrome"), site, t }));
      await guarded(t, "sender-rights firefox", () => runSenderRightsFirefox({ dist: join(REPO, "dist/firefox"), site, t }));
    }
    // Huge and hostile pages must not freeze the tab (huge-pages.mjs).
    if (want("huge")) await runHugePages({ repo: REPO, dists: { chrome: join(REPO, "dist/chrome"), firefox: join(REPO, "dist/firefox") }, t });
    // Quiet by default, the layout kept, marks, the popup (quiet.mjs).
    if (want("quiet")) {
      for (const [browser, dist] of BROWSERS) await guarded(t, `quiet ${browser}`, () => runQuiet(browser, { dist: join(REPO, dist), repo: REPO, artifacts, t }));
    }
    // The survey: every labelled wcxb page judged as unseen pages are, marks counted (quiet.mjs).
    if (want("survey")) {
      for (const [browser, dist] of BROWSERS) await guarded(t, `survey ${browser}`, () => runQuiet(browser, { dist: join(REPO, dist), repo: REPO, artifacts, t, survey: true }));
      surveySummary(t);
    }
    // The browser's language and the page's (i18n.mjs).
    if (want("i18n")) {
      for (const [browser, dist] of BROWSERS) await guarded(t, `i18n ${browser}`, () => runI18n(browser, { dist: join(REPO, dist), repo: REPO, artifacts, t }));
    }
    // The core's workers under load and abuse (core-load.mjs).
    if (want("core")) {
      await guarded(t, "core chromium", () => runCoreLoadChromium({ ...served, dist: join(REPO, "dist/chrome"), repo: REPO, t }));
      await guarded(t, "core firefox", () => runCoreLoadFirefox({ ...served, dist: join(REPO, "dist/firefox"), repo: REPO, t }));
    }
  } finally {
    await served.close();
  }
  const mnbChromium = want("must-not-break") || only.has("must-not-break-chromium");
  const mnbFirefox = want("must-not-break") || only.has("must-not-break-firefox");
  if (mnbChromium || mnbFirefox) await mustNotBreak({ t, artifacts, chromium: mnbChromium, firefox: mnbFirefox });
  if (want("settings-survive")) {
    for (const [browser, dist] of BROWSERS) await guarded(t, `settings-survive ${browser}`, () => runSettingsSurvive(browser, { dist: join(REPO, dist), t }));
  }

  const failed = t.checks.filter((c) => !c.ok);
  console.log("\nlabelled promo/related blocks collapsed in place:");
  for (const browser of new Set(t.collapses.map((c) => c.browser))) {
    const rows = t.collapses.filter((c) => c.browser === browser);
    const hit = rows.reduce((n, c) => n + c.collapsed, 0);
    const all = rows.reduce((n, c) => n + c.target, 0);
    console.log(`  ${browser}: ${hit}/${all} (${rows.map((c) => `${c.page} ${c.collapsed}/${c.target}`).join(", ")})`);
  }
  console.log("click to painted reader view (budget: 150 ms p95):");
  for (const s of t.timings) console.log(`  ${s.label}: median ${s.median.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms over ${s.n} pages`);
  await writeFile(join(artifacts, "extension-report.json"), JSON.stringify({ checks: t.checks, collapses: t.collapses, timings: t.timings }, null, 1));
  console.log(`\n${t.checks.length - failed.length}/${t.checks.length} checks passed in ${((performance.now() - started) / 1000).toFixed(0)} s; screenshots in ${artifacts}`);
  if (failed.length) {
    console.log(`failed:\n${failed.map((c) => `  ${c.name}`).join("\n")}`);
    process.exitCode = 1;
  }
}

// Nothing may hang: a stuck browser ends the run as a failure. Every wait
// has its own limit; this one is for the whole run, must-not-break's
// thousand pages included, on a busy machine.
// 60: the run took 26 minutes in CI and passed 30 beside four builds (a CI
// simulation at load 12: the watchdog, not a check, failed it).
const WATCHDOG_MINUTES = 60;
const watchdog = setTimeout(() => {
  console.error(`extension tests: timed out after ${WATCHDOG_MINUTES} minutes`);
  process.exit(3);
}, WATCHDOG_MINUTES * 60 * 1000);
watchdog.unref();
await main();
