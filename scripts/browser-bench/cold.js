// The in-page half of the cold-start measurement (issue 15: "first analysis
// in a fresh instance, init and one page, no separate warm-up, <= 20 ms").
// `window.bench.cold(url)` fetches the page's HTML, then times importing
// Declutter and its init (fetch, compile and instantiate the wasm), the
// first analyze() of the page and a second one; the DOMParser parses are
// not counted.
import { loadHtml } from "./load-html.js";

async function cold(url) {
  const { html } = await loadHtml(url);
  const parse = () => new DOMParser().parseFromString(html, "text/html");
  const t0 = performance.now();
  const declutter = await import("/pkg/declutter.js");
  await declutter.default();
  const init = performance.now() - t0;
  const doc = parse();
  const t1 = performance.now();
  declutter.analyze(doc);
  const first = performance.now() - t1;
  const again = parse();
  const t2 = performance.now();
  declutter.analyze(again);
  const second = performance.now() - t2;
  return { init, first, total: init + first, second };
}

window.bench = { cold };
