// End-to-end tests of the packaged extension (dist/, from
// scripts/package-extension.mjs) in headless Chromium and Firefox against
// pages served on 127.0.0.1, plus `web-ext lint` of the Firefox package.
//
//   node tests/browser/extension/run.mjs [chromium|firefox|lint|huge ...]
//
// Prints one line per check and a summary with the click-to-reader
// timings; screenshots go to target/browser-artifacts. Exits non-zero when
// a check fails.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { artifactsDir } from "../lib/browsers.mjs";
import { REPO, startPages } from "./pages.mjs";
import { runChromium } from "./chromium.mjs";
import { runFirefox } from "./firefox.mjs";
import { runHugePages } from "./huge-pages.mjs";

/** Collects checks, collapse scores and timings, and prints them as they come. */
class Tally {
  checks = [];
  collapses = [];
  timings = [];
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

async function main() {
  const only = new Set(process.argv.slice(2));
  const want = (part) => only.size === 0 || only.has(part);
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
    ]) {
      if (!want(part)) continue;
      try {
        await run({ ...served, dist: join(REPO, dist), artifacts, t });
      } catch (e) {
        t.check(`${part}: the run finished`, false, e.stack || String(e));
      }
    }
    // Huge and hostile pages must not freeze the tab (huge-pages.mjs).
    if (want("huge")) await runHugePages({ repo: REPO, dists: { chrome: join(REPO, "dist/chrome"), firefox: join(REPO, "dist/firefox") }, t });
  } finally {
    await served.close();
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

// Nothing may hang: a stuck browser ends the run as a failure.
const watchdog = setTimeout(() => {
  console.error("extension tests: timed out after 10 minutes");
  process.exit(3);
}, 10 * 60 * 1000);
watchdog.unref();
await main();
