// The core, compiled to wasm, runs in the extension's own core worker
// (core-worker.js) and never in the page: Chromium applies a page's CSP to
// wasm compiled by a content script, so strict-CSP pages would break it.
// This module touches no extension API (a worker has none): the wasm's
// address is worked out from this module's own.
import init, { analyzeSnapshot, warmUp as warmCore } from "../pkg/declutter.js";
import { excerptOf, hashBlockText } from "./block-text.js";

const WASM_URL = new URL("../pkg/declutter_core_bg.wasm", import.meta.url);

let ready = null;

/** Fetches and compiles the wasm, for workers to share (see warmUp). */
export async function compileCore() {
  const response = await fetch(WASM_URL);
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Loads the wasm (once) and warms it on the package's made-up page, so the
 * first click does not pay the core's first-use costs; resolves when it is
 * ready. `module`, a WebAssembly.Module compiled elsewhere, saves compiling
 * it again (and, in V8, the lazy compilation of every function it has run
 * there already); without it the wasm is fetched and compiled here.
 */
export function warmUp(module = null) {
  ready ??= init({ module_or_path: module ?? WASM_URL })
    .then(warmCore)
    .catch((e) => {
      ready = null;
      throw e;
    });
  return ready;
}

/**
 * Analyses a snapshot sent by a content script and returns plain data that
 * survives extension messaging: blocks with node indexes and, instead of
 * their text, its hash and opening words; the article without its plain
 * text (the page shows the HTML); the core's timings.
 */
export async function analyzeForPage(snapshot) {
  await warmUp();
  const { blocks, article, timings } = analyzeSnapshot(
    { ops: snapshot.ops, strings: snapshot.strings, url: snapshot.url },
    { url: snapshot.url ?? undefined },
  );
  const { text: _plainText, ...withoutText } = article;
  return {
    blocks: blocks.map((b) => ({
      kind: b.kind,
      confidence: b.confidence,
      reasons: b.reasons.map((r) => ({ code: r.code, detail: r.detail })),
      // What people read (content/blocks.js): the engine's plain-words
      // label and its reasons as sentences, in English and as messages
      // ({id, args}) the extension says in the browser's language.
      label: b.label,
      why: Array.from(b.why ?? []),
      whyMessages: Array.from(b.whyMessages ?? [], (m) => ({ id: m.id, args: Array.from(m.args ?? []) })),
      hash: hashBlockText(b.text),
      excerpt: excerptOf(b.text),
      nodes: Array.from(b.nodes),
    })),
    article: withoutText,
    timings: { ...timings },
  };
}
