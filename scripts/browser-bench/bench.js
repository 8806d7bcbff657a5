// The in-page half of scripts/browser-bench.mjs: times Declutter, Readability.js
// and Defuddle on DOMParser documents, and measures Declutter's wasm memory
// in fresh module instances (memory-frame.html). Every entry point takes and
// returns plain JSON so both Playwright and WebDriver can drive it.
import init, { analyze, warmUp } from "/pkg/declutter.js";
import { loadHtml } from "./load-html.js";
import { wasmMemory } from "./wasm-memory.js";

/* global Readability, Defuddle */

// What each engine does for a caller who has a parsed document. Readability
// mutates what it reads, so its clone is part of its price; Defuddle clones
// internally but normalises the document first, and every run gets a fresh
// document anyway.
const ENGINES = {
  declutter: (doc) => analyze(doc),
  readability: (doc) => new Readability(doc.cloneNode(true)).parse(),
  defuddle: (doc) => new Defuddle(doc).parse(),
};
const NAMES = Object.keys(ENGINES);

const WASM_URL = "/pkg/declutter_core_bg.wasm";

// The memory frames instantiate this compiled module rather than compile
// their own.
const ready = (async () => {
  window.benchWasmModule = await WebAssembly.compileStreaming(fetch(WASM_URL));
  await init({ module_or_path: window.benchWasmModule });
  warmUp();
})();

function parse(html) {
  const t0 = performance.now();
  const doc = new DOMParser().parseFromString(html, "text/html");
  return [doc, performance.now() - t0];
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function message(e) {
  return String((e && e.message) || e).slice(0, 300);
}

/** What the page runs in: timer granularity depends on cross-origin isolation. */
async function setup() {
  await ready;
  return { userAgent: navigator.userAgent, crossOriginIsolated: self.crossOriginIsolated === true, engines: NAMES };
}

/** One untimed pass of every engine over `urls`, so JIT and lazy compiles are paid before timing. */
async function warm(urls) {
  await ready;
  for (const url of urls) {
    const { html } = await loadHtml(url);
    for (const name of NAMES) {
      try {
        ENGINES[name](parse(html)[0]);
      } catch {
        // Errors are counted in the timed run.
      }
    }
  }
  return urls.length;
}

/**
 * Times every engine on each page, `reps` times, each on a freshly parsed
 * document; the engine that goes first rotates from page to page (`offset`
 * is the index of the first page in the whole run). Per page: the medians in
 * ms (null for an engine that threw), each engine's first run on the page
 * (`first`: what a page costs the first time it is seen, with the engine's
 * caches warmed only by the pages before it), DOMParser's median,
 * Declutter's read/wasm split, sizes and errors.
 */
async function run({ urls, reps, offset = 0 }) {
  await ready;
  const out = [];
  for (let i = 0; i < urls.length; i++) {
    const { html, bytes } = await loadHtml(urls[i]);
    const k = (offset + i) % NAMES.length;
    const order = [...NAMES.slice(k), ...NAMES.slice(0, k)];
    const times = Object.fromEntries(NAMES.map((n) => [n, []]));
    const parses = [];
    const errors = {};
    // Declutter's own split: the DOM walk in JS vs. the wasm call.
    const split = { read: [], analyze: [] };
    let elements = 0;
    for (let r = 0; r < reps; r++) {
      for (const name of order) {
        const [doc, parseMs] = parse(html);
        parses.push(parseMs);
        elements = doc.getElementsByTagName("*").length;
        try {
          const t0 = performance.now();
          const result = ENGINES[name](doc);
          times[name].push(performance.now() - t0);
          if (name === "declutter") {
            split.read.push(result.timings.read);
            split.analyze.push(result.timings.analyze);
          }
        } catch (e) {
          errors[name] = message(e);
        }
      }
    }
    const ms = {};
    const first = {};
    for (const name of NAMES) {
      ms[name] = errors[name] ? null : median(times[name]);
      first[name] = errors[name] ? null : times[name][0];
    }
    const declutterSplit = errors.declutter ? null : { read: median(split.read), wasm: median(split.analyze) };
    out.push({ url: urls[i], bytes, elements, order: order[0], domparser: median(parses), ms, first, declutterSplit, errors });
  }
  return out;
}

// A fresh copy of Declutter (its own module records, so its own wasm
// instance and linear memory) in a new same-origin iframe.
async function freshInstance() {
  const frame = document.createElement("iframe");
  frame.src = new URL("./memory-frame.html", import.meta.url).href;
  const loaded = new Promise((ok, fail) => {
    frame.onload = ok;
    frame.onerror = fail;
  });
  document.body.append(frame);
  await loaded;
  const api = await frame.contentWindow.declutterFrame;
  return { api, close: () => frame.remove() };
}

/**
 * Declutter's wasm memory per page, each page analysed by a fresh instance:
 * bytes of linear memory after init, after warmUp(), and after analysing
 * the page (wasm memory never shrinks, so that is the page's peak).
 */
async function memoryPerPage({ urls }) {
  const out = [];
  for (const url of urls) {
    const { html, bytes } = await loadHtml(url);
    const { api, close } = await freshInstance();
    try {
      const row = { url, bytes, ...api.memory() };
      try {
        row.peak = api.analyzeHtml(html);
      } catch (e) {
        row.error = message(e);
      }
      out.push(row);
    } finally {
      close();
    }
  }
  return out;
}

/**
 * Analyses `count` pages in a row (cycling through `urls`) in one fresh
 * instance; returns its wasm memory after init, after warmUp() and after
 * each of the `checkpoints` analyses.
 */
async function memoryInARow({ urls, count, checkpoints }) {
  const { api, close } = await freshInstance();
  try {
    const marks = new Set(checkpoints);
    const after = {};
    let errors = 0;
    for (let i = 1; i <= count; i++) {
      const { html } = await loadHtml(urls[(i - 1) % urls.length]);
      try {
        const bytes = api.analyzeHtml(html);
        if (marks.has(i)) after[i] = bytes;
      } catch {
        errors++;
        if (marks.has(i)) after[i] = api.memory().current;
      }
    }
    return { ...api.memory(), after, errors };
  } finally {
    close();
  }
}

/** The linear memory of the instance the timed run used, in bytes. */
async function memoryOfTimedInstance() {
  await ready;
  return (await wasmMemory()).buffer.byteLength;
}

window.bench = { setup, warm, run, memoryPerPage, memoryInARow, memoryOfTimedInstance };
