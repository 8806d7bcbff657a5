// The core, compiled to wasm, runs here in the extension's own context and
// never in the page: Chromium applies a page's CSP to wasm compiled by a
// content script, so strict-CSP pages would break it.
import init, { analyzeSnapshot, warmUp as warmCore } from "../pkg/declutter.js";
import { api } from "./api.js";
import { excerptOf, hashBlockText } from "./block-text.js";

let ready = null;

/** Loads the wasm (once) and warms it on the package's made-up page, so the first click does not pay the core's first-use costs; resolves when it is ready. */
export function warmUp() {
  ready ??= init({ module_or_path: api.runtime.getURL("pkg/declutter_core_bg.wasm") })
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
      hash: hashBlockText(b.text),
      excerpt: excerptOf(b.text),
      nodes: Array.from(b.nodes),
    })),
    article: withoutText,
    timings: { ...timings },
  };
}
