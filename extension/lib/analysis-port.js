// The extension's end of the analysis port. A content script sends its
// snapshot in parts and gets the answer back in parts, so no single message
// is big: Chrome turns every message into JSON in one go on the page's main
// thread and refuses messages over 64 MB.
//
// The messages are lib/protocol.js's PART; the page's end is
// content/analysis-port.js.
import { CHARS_PER_PART, PART, pieces } from "./protocol.js";

/** Most node indexes in one "blocks" message. */
const NODES_PER_PART = 10_000;

/**
 * Serves one analysis on `port`: gathers the snapshot's parts, calls
 * `analyze(snapshot, sender)` (resolving to {head, blocks, html}) and sends
 * the answer back in parts. A page that goes away disconnects the port and
 * the parts are dropped with it.
 */
export function serveAnalysis(port, analyze) {
  const ops = [];
  const strings = [];
  let opsLength = 0;
  port.onMessage.addListener(async (msg) => {
    if (msg?.type === PART.part && Array.isArray(msg.ops) && typeof msg.strings === "string") {
      ops.push(msg.ops);
      opsLength += msg.ops.length;
      strings.push(msg.strings);
      return;
    }
    if (msg?.type !== PART.end) return;
    try {
      const all = new Uint32Array(opsLength);
      let at = 0;
      for (const part of ops.splice(0)) {
        all.set(part, at);
        at += part.length;
      }
      const answer = await analyze({ ops: all, strings: strings.splice(0).join(""), url: msg.url ?? null }, port.sender);
      send(port, answer);
    } catch (e) {
      post(port, { type: PART.error, error: String(e?.message || e) });
    }
  });
}

// A port whose page went away throws on postMessage; nobody is left to tell.
function post(port, msg) {
  try {
    port.postMessage(msg);
  } catch {}
}

function send(port, { head, blocks, html }) {
  post(port, { type: PART.head, value: head });
  for (let i = 0; i < blocks.length; ) {
    const part = [];
    let nodes = 0;
    do {
      part.push(blocks[i]);
      nodes += blocks[i].nodes.length;
      i++;
    } while (i < blocks.length && nodes + blocks[i].nodes.length <= NODES_PER_PART);
    post(port, { type: PART.blocks, blocks: part });
  }
  for (const part of pieces(html, CHARS_PER_PART)) post(port, { type: PART.html, part });
  post(port, { type: PART.end });
}
