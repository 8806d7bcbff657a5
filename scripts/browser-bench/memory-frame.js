// Inside memory-frame.html: loads Declutter in this frame's own realm and
// sets `window.declutterFrame`, a promise of {memory(), analyzeHtml(html)}
// reporting this instance's wasm linear memory in bytes.
import init, { analyze, warmUp } from "/pkg/declutter.js";
import { wasmMemory } from "./wasm-memory.js";

async function start() {
  // The parent's compiled module spares a compile per frame; the object
  // literal must be this realm's, as the glue checks its prototype.
  const compiled = window.parent && window.parent.benchWasmModule;
  await init(compiled ? { module_or_path: compiled } : undefined);
  const memory = await wasmMemory();
  const initBytes = memory.buffer.byteLength;
  warmUp();
  const warmBytes = memory.buffer.byteLength;
  return {
    memory: () => ({ init: initBytes, warm: warmBytes, current: memory.buffer.byteLength }),
    analyzeHtml(html) {
      analyze(new DOMParser().parseFromString(html, "text/html"));
      return memory.buffer.byteLength;
    },
  };
}

window.declutterFrame = start();
