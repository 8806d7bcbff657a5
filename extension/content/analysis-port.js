// The page's end of the analysis port (the extension's end is
// lib/analysis-port.js; the messages are lib/protocol.js's PART): the
// snapshot goes out in parts, one part a task, so serialising a huge page
// never holds the main thread for long, and the answer comes back in parts
// too.
import { api } from "../lib/api.js";
import { ANALYSIS_PORT, CHARS_PER_PART, MSG, PART, pieces } from "../lib/protocol.js";
import { slicer } from "./slices.js";

/** Most ops in one part: about 1 MB of JSON. */
const OPS_PER_PART = 1 << 18;

/**
 * Sends `{ops, strings, url}` to the context that runs the core and
 * resolves to its answer: {analysis: {blocks, article, timings}, settings,
 * shown, looksLikeArticle}. Rejects if the extension fails or goes away;
 * the error's `reason` is "too-large" for a page too large to analyse
 * (`seconds`: the analysis took longer than that).
 */
export async function analyzeRemotely(snapshot) {
  try {
    return await attempt(snapshot);
  } catch (e) {
    if (!e.unanswered) throw e;
    // Nobody answered at all: in Chrome the core's offscreen document
    // may be gone (closed, or crashed on the last page). The service
    // worker opens it again; one more try, so a page that crashes the
    // core cannot loop.
    const reply = await api.runtime.sendMessage({ type: MSG.ensureCore });
    if (!reply?.ok) throw new Error(reply?.error || "the extension cannot load its analyser");
    return attempt(snapshot);
  }
}

function attempt({ ops, strings, url }) {
  return new Promise((resolve, reject) => {
    const port = api.runtime.connect({ name: ANALYSIS_PORT });
    let answered = false;
    let head = null;
    const blocks = [];
    const html = [];
    let over = false;
    const end = (settle, value) => {
      if (over) return;
      over = true;
      port.disconnect();
      settle(value);
    };
    port.onMessage.addListener((msg) => {
      answered = true;
      if (msg.type === PART.head) head = msg.value;
      else if (msg.type === PART.blocks) for (const b of msg.blocks) blocks.push(b);
      else if (msg.type === PART.html) html.push(msg.part);
      else if (msg.type === PART.error) end(reject, Object.assign(new Error(msg.error), { reason: msg.reason, seconds: msg.seconds }));
      else if (msg.type === PART.end) {
        const { settings, shown, looksLikeArticle, article, timings } = head;
        end(resolve, { analysis: { blocks, article: { ...article, contentHtml: html.join("") }, timings }, settings, shown, looksLikeArticle });
      }
    });
    port.onDisconnect.addListener(() => {
      const e = new Error("the extension stopped answering");
      e.unanswered = !answered;
      end(reject, e);
    });
    (async () => {
      const texts = pieces(strings, CHARS_PER_PART);
      const slice = slicer();
      for (let i = 0; i * OPS_PER_PART < ops.length || i < texts.length; i++) {
        if (over) return;
        port.postMessage({ type: PART.part, ops: ops.slice(i * OPS_PER_PART, (i + 1) * OPS_PER_PART), strings: texts[i] ?? "" });
        if (slice.due()) await slice.pause();
      }
      if (!over) port.postMessage({ type: PART.end, url });
    })().catch((e) => end(reject, e));
  });
}
