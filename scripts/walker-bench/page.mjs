// The in-page half of scripts/walker-bench.mjs: times the two ways to read
// a DOMParser document on one corpus page.
import init, { analyzeSnapshot, analyzeNodeWebSys, readNodeWebSys } from "./core/declutter_core.js";
import { snapshot } from "./snapshot.js";

const ready = init({ module_or_path: "./core/declutter_core_bg.wasm" });

function time(f) {
  const t0 = performance.now();
  const out = f();
  return [performance.now() - t0, out];
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Fetches and parses `path`, then runs each measure `reps` times in turn
 * (interleaved, so drift hits all alike); resolves to per-measure medians
 * in ms and both readers' block counts.
 */
export async function measure(path, reps) {
  await ready;
  const html = await (await fetch(path)).text();
  const doc = new DOMParser().parseFromString(html, "text/html");
  const measures = {
    jsWalk: () => snapshot(doc).ops.length,
    jsTotal: () => {
      const snap = snapshot(doc);
      return analyzeSnapshot(snap.ops, snap.strings, null).blocks.length;
    },
    wsRead: () => readNodeWebSys(doc),
    wsTotal: () => analyzeNodeWebSys(doc, null).blocks.length,
  };
  const times = Object.fromEntries(Object.keys(measures).map((k) => [k, []]));
  const outs = {};
  for (let r = 0; r < reps; r++) {
    for (const [k, f] of Object.entries(measures)) {
      const [t, out] = time(f);
      times[k].push(t);
      outs[k] = out;
    }
  }
  return {
    ms: Object.fromEntries(Object.entries(times).map(([k, ts]) => [k, median(ts)])),
    blocks: { js: outs.jsTotal, webSys: outs.wsTotal },
  };
}
