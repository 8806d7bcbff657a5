// Times Declutter against Readability.js and Defuddle in a real browser, and
// reports Declutter's download size and wasm memory (issue 5, parts 1 and 3).
// Not a test: it reports figures and asserts none; it fails only when the
// benchmark itself cannot run.
//
//   node scripts/browser-bench.mjs [FOLDER...] [--browser chromium|firefox]
//        [--pages N] [--reps R] [--memory-pages N] [--in-a-row N] [--cold N]
//
// FOLDER: saved pages, either FOLDER/*.html or FOLDER/*/source.html (default
// ../shared/corpus/readability and ../shared/corpus/trafilatura/html).
// --pages N takes at most N pages from each folder; --reps R times each
// engine R times per page (default 3) and keeps the median; --memory-pages N
// measures wasm memory in a fresh instance for N pages spread evenly over the
// run (default 200; each costs a module load and the pattern compile);
// --in-a-row N sets the length of the growth check (default 1000 analyses
// cycling through 100 of the pages); --cold N times N cold starts, each in a
// fresh browser: import and init, then the seed page's first and second
// analysis (default 6).
// Needs the package built (./build.sh pkg). Writes target/bench/browser-bench.json
// and the charts browser-bench.svg (time per page) and browser-bench-memory.svg
// (peak memory against HTML size); browser-bench-firefox* for Firefox.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { serve } from "./serve.mjs";
import { openBench } from "./browser-bench/drivers.mjs";
import { summary, median, quantile } from "./browser-bench/stats.mjs";
import { cdfChart, scatterChart } from "./browser-bench/chart.mjs";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(REPO, "target/bench");
const DEFAULT_FOLDERS = ["../shared/corpus/readability", "../shared/corpus/trafilatura/html"];
/** Where the cold starts' page (the seed page) is. */
const SEED_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "../../shared/fixtures");
const ENGINES = ["declutter", "readability", "defuddle"];
const LABELS = { declutter: "Declutter analyze(doc)", readability: "Readability + clone", defuddle: "Defuddle parse()" };
const CHUNK = 20;
const CHUNK_TIMEOUT_MS = 180_000;
const MB = 1024 * 1024;
const IN_A_ROW_DISTINCT = 100;

function parseArgs(argv) {
  const opts = { folders: [], browser: "chromium", pages: Infinity, reps: 3, memoryPages: 200, inARow: 1000, cold: 6 };
  const numeric = { "--pages": "pages", "--reps": "reps", "--memory-pages": "memoryPages", "--in-a-row": "inARow", "--cold": "cold" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--browser") opts.browser = argv[++i];
    else if (numeric[a]) {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a} wants a whole number, got ${argv[i]}`);
      opts[numeric[a]] = n;
    } else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else opts.folders.push(a);
  }
  if (!opts.folders.length) opts.folders = DEFAULT_FOLDERS.map((f) => resolve(REPO, f));
  if (opts.reps < 1) throw new Error("--reps must be at least 1");
  return opts;
}

// The pages of a folder: FOLDER/*/source.html (Readability's test pages)
// and FOLDER/*.html, sorted.
function pagesIn(folder) {
  if (!existsSync(folder)) throw new Error(`${folder}: no such folder`);
  const pages = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      if (existsSync(join(path, "source.html"))) pages.push(`${name}/source.html`);
    } else if (/\.html?$/i.test(name)) pages.push(name);
  }
  return pages;
}

function sizes() {
  const files = ["pkg/declutter_core_bg.wasm", "pkg/declutter_core.js", "pkg/declutter.js", "pkg/snapshot.js",
    "node_modules/@mozilla/readability/Readability.js", "node_modules/defuddle/dist/index.js"];
  return files.map((f) => {
    const path = join(REPO, f);
    if (!existsSync(path)) throw new Error(`${f} not found: run ./build.sh pkg (and npm ci)`);
    const body = readFileSync(path);
    return { file: f, bytes: body.length, gzipped: gzipSync(body, { level: 9 }).length };
  });
}

const COOP_COEP = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
};
// The corpus is served from other ports: CORS for fetch(), CORP for the
// isolated bench page.
const CORPUS_HEADERS = { "access-control-allow-origin": "*", "cross-origin-resource-policy": "cross-origin" };

const ms = (v) => (Number.isFinite(v) ? v.toFixed(2) : "-").padStart(9);
const kb = (v) => `${(v / 1024).toFixed(1)} KB`;

function timingTable(pages) {
  const lines = [`${"engine".padEnd(24)}${"median".padStart(9)}${"p95".padStart(9)}${"p99".padStart(9)}${"max".padStart(9)}  pages  errors`];
  const rows = {};
  for (const e of ENGINES) {
    const times = pages.map((p) => p.ms[e]).filter((t) => t !== null);
    rows[e] = summary(times);
    const errors = pages.filter((p) => p.errors[e]).length;
    const s = rows[e];
    lines.push(`${LABELS[e].padEnd(24)}${ms(s.median)}${ms(s.p95)}${ms(s.p99)}${ms(s.max)}  ${String(s.n).padStart(5)}  ${errors}`);
  }
  // The first run of each engine on each page: caches that depend on the
  // page's text (Declutter's lazily built regex automata) are cold for it.
  for (const e of ENGINES) {
    const s = summary(pages.map((p) => p.first?.[e]).filter((t) => Number.isFinite(t)));
    rows[`${e}.first`] = s;
    lines.push(`${`  first sight`.padEnd(24)}${ms(s.median)}${ms(s.p95)}${ms(s.p99)}${ms(s.max)}  ${String(s.n).padStart(5)}  (${LABELS[e]})`);
  }
  rows.domparser = summary(pages.map((p) => p.domparser));
  const d = rows.domparser;
  lines.push(`${"DOMParser (not counted)".padEnd(24)}${ms(d.median)}${ms(d.p95)}${ms(d.p99)}${ms(d.max)}  ${String(d.n).padStart(5)}`);
  for (const [part, label] of [["read", "  of which DOM read (JS)"], ["wasm", "  of which wasm analysis"]]) {
    const s = summary(pages.filter((p) => p.declutterSplit).map((p) => p.declutterSplit[part]));
    rows[`declutter.${part}`] = s;
    lines.push(`${label.padEnd(24)}${ms(s.median)}${ms(s.p95)}${ms(s.p99)}${ms(s.max)}  ${String(s.n).padStart(5)}`);
  }
  const ratios = {};
  for (const e of ["readability", "defuddle"]) {
    const per = pages.filter((p) => p.ms[e] !== null && p.ms.declutter > 0).map((p) => p.ms[e] / p.ms.declutter);
    ratios[e] = {
      medianOfRatios: median(per),
      p95OfRatios: quantile(per, 0.95),
      p5OfRatios: quantile(per, 0.05),
      ratioOfP99s: rows[e].p99 / rows.declutter.p99,
      ratioOfMedians: rows[e].median / rows.declutter.median,
      pages: per.length,
    };
    const r = ratios[e];
    lines.push(
      `${`${e === "readability" ? "Readability" : "Defuddle"} / Declutter`.padEnd(24)}` +
        `median of per-page ratios ${r.medianOfRatios.toFixed(1)}x (5%-95%: ${r.p5OfRatios.toFixed(1)}x-${r.p95OfRatios.toFixed(1)}x), ` +
        `at p99 ${r.ratioOfP99s.toFixed(1)}x, over ${r.pages} pages`,
    );
    const firstPer = pages.filter((p) => Number.isFinite(p.first?.[e]) && p.first?.declutter > 0).map((p) => p.first[e] / p.first.declutter);
    r.firstSight = { medianOfRatios: median(firstPer), ratioOfP99s: rows[`${e}.first`].p99 / rows["declutter.first"].p99, pages: firstPer.length };
    lines.push(`${"  first sight".padEnd(24)}median of per-page ratios ${r.firstSight.medianOfRatios.toFixed(1)}x, at p99 ${r.firstSight.ratioOfP99s.toFixed(1)}x`);
  }
  return { text: lines.join("\n"), rows, ratios };
}

function sizeTable(files) {
  return files.map((f) => `${f.file.padEnd(48)}${String(f.bytes).padStart(9)} B${String(f.gzipped).padStart(9)} B gzipped (${kb(f.gzipped)})`).join("\n");
}

function memoryReport(perPage, inARow, timedInstance) {
  const ok = perPage.filter((r) => !r.error);
  const growth = ok.map((r) => (r.peak - r.warm) / r.bytes);
  const peakRatio = ok.map((r) => r.peak / r.bytes);
  const peaks = ok.map((r) => r.peak);
  const init = ok.length ? ok[0].init : NaN;
  const warm = ok.length ? median(ok.map((r) => r.warm)) : NaN;
  const lines = [
    `fresh instance per page (${ok.length} pages, ${perPage.length - ok.length} errors): linear memory after init ${(init / MB).toFixed(2)} MB, after warmUp() ${(warm / MB).toFixed(2)} MB`,
    `  peak after analysing the page:       median ${(median(peaks) / MB).toFixed(2)} MB, p95 ${(quantile(peaks, 0.95) / MB).toFixed(2)} MB, max ${(quantile(peaks, 1) / MB).toFixed(2)} MB`,
    `  peak / HTML size:                    median ${median(peakRatio).toFixed(1)}x, p95 ${quantile(peakRatio, 0.95).toFixed(1)}x, max ${quantile(peakRatio, 1).toFixed(1)}x`,
    `  growth for the page / HTML size:     median ${median(growth).toFixed(1)}x, p95 ${quantile(growth, 0.95).toFixed(1)}x, max ${quantile(growth, 1).toFixed(1)}x  (peak minus after-warmUp)`,
  ];
  if (inARow) {
    const marks = Object.entries(inARow.after).map(([n, b]) => `${n}: ${(b / MB).toFixed(2)} MB`).join(", ");
    lines.push(`${inARow.count} analyses in a row in one instance, cycling through ${inARow.distinct} pages spread over the run:`);
    lines.push(`  after warmUp ${(inARow.warm / MB).toFixed(2)} MB; after analysis ${marks}; ${inARow.errors} errors`);
  }
  lines.push(`instance used for timing, after the whole run: ${(timedInstance / MB).toFixed(2)} MB`);
  return lines.join("\n");
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const files = sizes();
  const folders = opts.folders.map((f) => ({ root: resolve(f), pages: pagesIn(resolve(f)).slice(0, opts.pages) }));
  const total = folders.reduce((n, f) => n + f.pages.length, 0);
  if (!total) throw new Error("no pages found");
  const started = Date.now();
  const servers = [];
  let browser;
  try {
    const site = await serve({ root: REPO, headers: COOP_COEP });
    servers.push(site);
    const seed = await serve({ root: SEED_FOLDER, headers: CORPUS_HEADERS });
    servers.push(seed);
    const urls = [];
    for (const f of folders) {
      const s = await serve({ root: f.root, headers: CORPUS_HEADERS });
      servers.push(s);
      f.urls = f.pages.map((p) => new URL(p.split("/").map(encodeURIComponent).join("/"), s.url).href);
      urls.push(...f.urls);
    }
    browser = await openBench(opts.browser, `${site.url}scripts/browser-bench/index.html`);
    const env = await browser.call("setup", null, CHUNK_TIMEOUT_MS);
    console.error(`browser-bench: ${opts.browser}, ${env.userAgent}; cross-origin isolated: ${env.crossOriginIsolated}`);
    // Warm up on pages spread over every folder.
    const warmUrls = folders.flatMap((f) => f.urls.slice(0, 3));
    await browser.call("warm", warmUrls, CHUNK_TIMEOUT_MS);

    const pages = [];
    for (let i = 0; i < urls.length; i += CHUNK) {
      const chunk = await browser.call("run", { urls: urls.slice(i, i + CHUNK), reps: opts.reps, offset: i }, CHUNK_TIMEOUT_MS);
      pages.push(...chunk);
      process.stderr.write(`\rbrowser-bench: timed ${pages.length}/${urls.length} pages`);
    }
    process.stderr.write("\n");
    const timedInstance = await browser.call("memoryOfTimedInstance", null, CHUNK_TIMEOUT_MS);

    const memUrls = spread(urls, opts.memoryPages);
    const perPage = [];
    for (let i = 0; i < memUrls.length; i += CHUNK) {
      perPage.push(...(await browser.call("memoryPerPage", { urls: memUrls.slice(i, i + CHUNK) }, CHUNK_TIMEOUT_MS)));
      process.stderr.write(`\rbrowser-bench: memory of ${perPage.length}/${memUrls.length} pages in fresh instances`);
    }
    process.stderr.write("\n");
    let inARow = null;
    if (opts.inARow > 0) {
      const checkpoints = [1, 10, 100, 500, 1000, opts.inARow].filter((n, i, a) => n <= opts.inARow && a.indexOf(n) === i);
      console.error(`browser-bench: ${opts.inARow} analyses in a row`);
      // Cycling through a fixed set, so that growth after its first cycle
      // can only be a leak, not a bigger page or a cache seeing new input.
      const rowUrls = spread(urls, IN_A_ROW_DISTINCT);
      const row = await browser.call("memoryInARow", { urls: rowUrls, count: opts.inARow, checkpoints }, 600_000);
      inARow = { count: opts.inARow, distinct: rowUrls.length, ...row };
    }

    // Cold starts last, each in a browser of its own, so the timed
    // browser's compiled code and caches are not theirs.
    const coldRuns = [];
    for (let i = 0; i < opts.cold; i++) {
      const fresh = await openBench(opts.browser, `${site.url}scripts/browser-bench/cold.html`);
      try {
        coldRuns.push(await fresh.call("cold", seed.url + "seed-news-page.html", CHUNK_TIMEOUT_MS));
      } finally {
        await fresh.close();
      }
      process.stderr.write(`\rbrowser-bench: ${coldRuns.length}/${opts.cold} cold starts`);
    }
    if (opts.cold) process.stderr.write("\n");

    const timing = timingTable(pages);
    const elements = median(pages.map((p) => p.elements));
    const bytes = median(pages.map((p) => p.bytes));
    const head = `${opts.browser} (${env.userAgent.match(/(Chrome|Firefox)\/[\d.]+/)?.[0] || env.userAgent}), ${pages.length} pages ` +
      `(median ${elements} elements, ${kb(bytes)} of HTML), ${opts.reps} reps per page, median kept; ms per page`;
    const memory = memoryReport(perPage, inARow, timedInstance);
    console.log(`\n== speed: ${head}\n${timing.text}\n\n${coldReport(coldRuns)}\n\n== size\n${sizeTable(files)}\n\n== wasm memory\n${memory}`);

    mkdirSync(OUT, { recursive: true });
    const json = {
      date: new Date().toISOString(),
      browser: opts.browser,
      userAgent: env.userAgent,
      crossOriginIsolated: env.crossOriginIsolated,
      reps: opts.reps,
      folders: folders.map((f) => ({ folder: f.root, pages: f.pages.length })),
      seconds: (Date.now() - started) / 1000,
      summary: timing.rows,
      coldStarts: coldRuns,
      ratios: timing.ratios,
      sizes: files,
      pages: pages.map((p) => ({ ...p, url: undefined, page: pageName(p.url, folders) })),
      memory: {
        note: "bytes of wasm linear memory; perPage: a fresh instance per page, after init, after warmUp(), after analysing the page (peak, as memory never shrinks)",
        perPage: perPage.map((r) => ({ ...r, url: undefined, page: pageName(r.url, folders) })),
        inARow,
        timedInstance,
      },
    };
    const base = join(OUT, opts.browser === "chromium" ? "browser-bench" : `browser-bench-${opts.browser}`);
    writeFileSync(`${base}.json`, JSON.stringify(json, null, 1));
    const series = ENGINES.map((e) => ({
      name: LABELS[e],
      times: pages.map((p) => p.ms[e]).filter((t) => t !== null),
      median: timing.rows[e].median,
    }));
    series.push({ name: "DOMParser (reference)", times: pages.map((p) => p.domparser), median: timing.rows.domparser.median, dashed: true, color: "#888" });
    writeFileSync(`${base}.svg`, cdfChart({ title: `Time per page in ${opts.browser}: Declutter vs Readability.js vs Defuddle`, subtitle: head, series }));
    const measured = perPage.filter((r) => !r.error);
    if (measured.length) {
      writeFileSync(`${base}-memory.svg`, scatterChart({
        title: `Declutter's peak wasm memory per page in ${opts.browser}, each page in a fresh instance`,
        subtitle: `${measured.length} pages; linear memory after analysing the page (after init ${(measured[0].init / MB).toFixed(1)} MB, after warmUp ${(measured[0].warm / MB).toFixed(1)} MB)`,
        xLabel: "HTML size (KB, log scale)",
        yLabel: "peak wasm linear memory (KB, log scale)",
        points: measured.map((r) => ({ x: r.bytes / 1024, y: r.peak / 1024 })),
        line: { ratio: 10, label: "10x the HTML (target)" },
      }));
    }
    console.error(`browser-bench: wrote ${relative(process.cwd(), base)}.json, .svg and -memory.svg in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    if (browser) await browser.close();
    for (const s of servers) await s.close();
  }
}

// The cold starts: a fresh browser each, the seed page analysed once after
// import and init, then again (issue 15's first-analysis target: 20 ms).
function coldReport(runs) {
  if (!runs.length) return "== cold start: not measured (--cold 0)";
  const row = (name, key) => {
    const xs = runs.map((r) => r[key]).sort((a, b) => a - b);
    return `  ${name.padEnd(34)}median ${median(xs).toFixed(1).padStart(6)}   range ${xs[0].toFixed(1)}-${xs[xs.length - 1].toFixed(1)}`;
  };
  return [
    `== cold start: the seed page in a fresh browser, ${runs.length} runs, ms (target: init and first analysis <= 20)`,
    row("import and init (fetch, compile)", "init"),
    row("first analyze()", "first"),
    row("init and first analyze()", "total"),
    row("second analyze()", "second"),
  ].join("\n");
}

// `n` items of `xs` at even intervals, first one included.
function spread(xs, n) {
  if (n >= xs.length) return xs;
  return Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]);
}

// A page's name for the JSON: its folder's base name and its path inside.
function pageName(url, folders) {
  for (const f of folders) {
    const i = f.urls.indexOf(url);
    if (i !== -1) return `${f.root.split("/").slice(-2).join("/")}/${f.pages[i]}`;
  }
  return url;
}

main().catch((e) => {
  console.error(`browser-bench: ${e.stack || e}`);
  process.exit(1);
});
