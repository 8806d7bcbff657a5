// Times the two ways to read a live DOM in headless Chromium, on the corpus
// pages parsed by DOMParser: (1) the package's snapshot.js filling flat arrays that
// analyzeSnapshot takes in one call, (2) analyzeNodeWebSys reading node by
// node through web-sys (feature `websys-walker`); and each reader alone
// (the JS walk vs. readNodeWebSys). Prints median / p95 per page in ms and
// the per-page ratio web-sys / JS. Not a test: it only reports.
//
//   node scripts/walker-bench.mjs [--pages N] [--reps R]
//
// Builds the package (scripts/build-pkg.sh: profile `wasm`, as shipped, plus
// the feature) into target/walker-bench; needs ../shared beside the
// repository.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, symlinkSync, copyFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./serve.mjs";
import { launchChromium } from "../tests/browser/lib/browsers.mjs";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SITE = join(REPO, "target/walker-bench/site");
const PAGE_TIMEOUT_MS = 60_000;

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

function build() {
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: REPO, stdio: "inherit" });
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  run("scripts/build-pkg.sh", ["--out", join(SITE, "core"), "--features", "websys-walker", "--no-html"]);
  copyFileSync(join(SITE, "core/snapshot.js"), join(SITE, "snapshot.js"));
  for (const f of ["index.html", "page.mjs"]) copyFileSync(join(REPO, "scripts/walker-bench", f), join(SITE, f));
  symlinkSync(resolve(REPO, "../shared/corpus"), join(SITE, "corpus"));
}

function corpusPages() {
  const root = resolve(REPO, "../shared/corpus");
  const readability = readdirSync(join(root, "readability"))
    .map((d) => `corpus/readability/${d}/source.html`)
    .filter((p) => existsSync(join(SITE, p)));
  const trafilatura = readdirSync(join(root, "trafilatura/html")).map((f) => `corpus/trafilatura/html/${f}`);
  return [...readability.sort(), ...trafilatura.sort()];
}

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

function table(results) {
  const rows = [
    ["JS walker + analyzeSnapshot", "jsTotal"],
    ["web-sys analyzeNodeWebSys", "wsTotal"],
    ["JS walk alone (snapshot)", "jsWalk"],
    ["web-sys read alone", "wsRead"],
  ];
  const lines = ["reader                        median ms   p95 ms"];
  for (const [label, k] of rows) {
    const xs = results.map((r) => r.ms[k]);
    lines.push(`${label.padEnd(30)}${quantile(xs, 0.5).toFixed(2).padStart(9)}${quantile(xs, 0.95).toFixed(2).padStart(9)}`);
  }
  for (const [label, a, b] of [["whole: web-sys / JS", "wsTotal", "jsTotal"], ["read: web-sys / JS", "wsRead", "jsWalk"]]) {
    const ratios = results.filter((r) => r.ms[b] > 0).map((r) => r.ms[a] / r.ms[b]);
    lines.push(`${label.padEnd(30)}${quantile(ratios, 0.5).toFixed(2).padStart(8)}x${quantile(ratios, 0.95).toFixed(2).padStart(8)}x  (per-page ratio)`);
  }
  return lines.join("\n");
}

const limit = arg("--pages", Infinity);
const reps = arg("--reps", 3);
build();
const pages = corpusPages().slice(0, limit);
const server = await serve({ root: SITE });
const context = await launchChromium();
try {
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  await page.goto(server.url + "index.html");
  await page.waitForFunction(() => window.benchReady === true);
  // Warm-up: the first calls compile and tier up both paths.
  for (const p of pages.slice(0, 5)) await page.evaluate(([p, r]) => window.measure(p, r), [p, reps]);
  const results = [];
  let mismatched = 0;
  const t0 = Date.now();
  for (const p of pages) {
    const r = await page.evaluate(([p, r]) => window.measure(p, r), [p, reps]);
    if (r.blocks.js !== r.blocks.webSys) mismatched++;
    results.push({ page: p, ...r });
  }
  console.log(`walker-bench: ${results.length} pages, median of ${reps} runs each, headless Chromium, DOMParser documents`);
  console.log(table(results));
  console.log(`pages whose two readers gave different block counts: ${mismatched}; took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
} finally {
  await context.close();
  await server.close();
}
