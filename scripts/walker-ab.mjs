// Times the DOM walker (crates/declutter-wasm/js/snapshot.js) against the one it replaced
// (scripts/walker-ab/old-snapshot.js, kept only here) side by side in one
// browser run, page by page on the same documents, and checks both give the
// same snapshot (ops, strings, nodes; snapshot() and sliced snapshotAsync()).
// Not a test of speed: it reports figures; it exits 1 only when the walkers
// disagree on a page (or the run fails).
//
//   node scripts/walker-ab.mjs [--browser chromium|firefox] [--pages N]
//        [--every K] [--reps R] [--layout] [--analyze]
//
// Pages: ../shared/corpus/readability/*/source.html then
// ../shared/corpus/trafilatura/html/*.html; --every K takes every Kth
// (default 1), --pages N at most N of those. --layout walks each page
// rendered in a sandboxed frame (scripts off, subresources blocked by CSP),
// where elements get a visibility check; by default DOMParser documents,
// as analyze(doc) gets them in the browser benchmark. --analyze also times
// the whole analysis with each walker (the walk, then the package's
// analyzeSnapshot, as analyze(doc) does): needs pkg/ (./build.sh pkg).
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./serve.mjs";
import { openBench } from "./browser-bench/drivers.mjs";
import { summary, median, quantile } from "./browser-bench/stats.mjs";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = resolve(REPO, "../shared/corpus");
const CHUNK = 20;
const CHUNK_TIMEOUT_MS = 300_000;

function parseArgs(argv) {
  const opts = { browser: "chromium", pages: Infinity, every: 1, reps: 5, layout: false, analyze: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--browser") opts.browser = argv[++i];
    else if (a === "--layout") opts.layout = true;
    else if (a === "--analyze") opts.analyze = true;
    else if (["--pages", "--every", "--reps"].includes(a)) {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} wants a whole number of at least 1, got ${argv[i]}`);
      opts[a.slice(2)] = n;
    } else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

function corpusPages() {
  const readability = readdirSync(join(CORPUS, "readability"))
    .sort()
    .map((d) => `readability/${d}/source.html`)
    .filter((p) => existsSync(join(CORPUS, p)));
  const trafilatura = readdirSync(join(CORPUS, "trafilatura/html"))
    .sort()
    .map((f) => `trafilatura/html/${f}`);
  return [...readability, ...trafilatura];
}

const ms = (v) => v.toFixed(3).padStart(9);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const pages = corpusPages()
    .filter((_, i) => i % opts.every === 0)
    .slice(0, opts.pages);
  const servers = [];
  let browser;
  try {
    // Cross-origin isolated, for full-resolution timers; the CSP keeps a
    // rendered page's subresources off the network (a srcdoc frame inherits it).
    const site = await serve({
      root: REPO,
      headers: {
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
        "content-security-policy": "default-src 'self' http://127.0.0.1:*; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'none'; font-src 'none'; media-src 'none'",
      },
    });
    servers.push(site);
    const corpus = await serve({
      root: CORPUS,
      headers: { "access-control-allow-origin": "*", "cross-origin-resource-policy": "cross-origin" },
    });
    servers.push(corpus);
    const urls = pages.map((p) => new URL(p.split("/").map(encodeURIComponent).join("/"), corpus.url).href);
    browser = await openBench(opts.browser, `${site.url}scripts/walker-ab/index.html`);
    const env = await browser.call("setup", null, CHUNK_TIMEOUT_MS);
    // Warm-up: both walkers compiled and tiered up before timing.
    await browser.call("run", { urls: urls.slice(0, 10), reps: 3, layout: opts.layout, analyze: opts.analyze }, CHUNK_TIMEOUT_MS);
    const results = [];
    for (let i = 0; i < urls.length; i += CHUNK) {
      const chunk = { urls: urls.slice(i, i + CHUNK), reps: opts.reps, layout: opts.layout, analyze: opts.analyze, offset: i };
      results.push(...(await browser.call("run", chunk, CHUNK_TIMEOUT_MS)));
      process.stderr.write(`\rwalker-ab: ${results.length}/${urls.length} pages`);
    }
    process.stderr.write("\n");
    const agent = env.userAgent.match(/(Chrome|Firefox)\/[\d.]+/)?.[0] || env.userAgent;
    const nodes = median(results.map((r) => r.nodes));
    const hidden = median(results.map((r) => r.hidden));
    console.log(
      `walker-ab: ${opts.browser} (${agent}), ${results.length} pages, ${opts.layout ? "rendered (layout, visibility checked)" : "DOMParser documents"}, ` +
        `median ${nodes} nodes per page (${hidden} hidden), median of ${opts.reps} walks each; ms per page`,
    );
    console.log(`${"walker".padEnd(12)}${"median".padStart(9)}${"p95".padStart(9)}${"p99".padStart(9)}${"max".padStart(9)}`);
    for (const w of ["old", "new"]) {
      const s = summary(results.map((r) => r.ms[w]));
      console.log(`${`${w} walk`.padEnd(12)}${ms(s.median)}${ms(s.p95)}${ms(s.p99)}${ms(s.max)}`);
    }
    if (opts.analyze) {
      for (const w of ["old", "new"]) {
        const s = summary(results.map((r) => r.total[w]));
        console.log(`${`${w} + wasm`.padEnd(12)}${ms(s.median)}${ms(s.p95)}${ms(s.p99)}${ms(s.max)}  (walk, then analyzeSnapshot: analyze(doc))`);
      }
    }
    const ratios = results.filter((r) => r.ms.new > 0).map((r) => r.ms.old / r.ms.new);
    console.log(`old / new: median of per-page ratios ${median(ratios).toFixed(2)}x (5%: ${quantile(ratios, 0.05).toFixed(2)}x, 95%: ${quantile(ratios, 0.95).toFixed(2)}x)`);
    const bad = results.filter((r) => r.problems.length);
    for (const r of bad.slice(0, 20)) console.log(`DIFFERENT ${r.url}: ${r.problems.join("; ")}`);
    console.log(`pages where the walkers differ: ${bad.length} of ${results.length}`);
    const edges = await browser.call("edges", null, CHUNK_TIMEOUT_MS);
    for (const e of edges) console.log(`DIFFERENT edge case ${e}`);
    console.log(`edge cases where the walkers differ: ${edges.length}`);
    const moved = await browser.call("mutating", { urls: urls.filter((_, i) => i % 4 === 0) }, CHUNK_TIMEOUT_MS);
    for (const e of moved) console.log(`DIFFERENT while the page changes: ${e}`);
    console.log(`pages changed during snapshotAsync where the walkers differ: ${moved.length} of ${Math.ceil(urls.length / 4)}`);
    if (bad.length || edges.length || moved.length) process.exitCode = 1;
  } finally {
    if (browser) await browser.close();
    for (const s of servers) await s.close();
  }
}

main().catch((e) => {
  console.error(`walker-ab: ${e.stack || e}`);
  process.exit(1);
});
