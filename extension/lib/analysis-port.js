// The extension's end of the analysis port. A content script sends its
// snapshot in parts and gets the answer back in parts, so no single message
// is big: Chrome turns every message into JSON in one go on the page's main
// thread and refuses messages over 64 MB.
//
// Page -> here: {type: "part", ops, strings} ..., then {type: "end", url}.
// Here -> page: {type: "head", value}, {type: "blocks", blocks} ...,
// {type: "html", part} ..., {type: "end"}; or {type: "error", error}.
// The page's end is content/analysis-port.js.

/** The port's name, as the content script connects with it. */
export const ANALYSIS_PORT = "declutter-analysis";

/** Most node indexes in one "blocks" message. */
const NODES_PER_PART = 10_000;
/** Most UTF-16 units of article HTML in one "html" message. */
const CHARS_PER_PART = 1 << 20;

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
    if (msg?.type === "part" && Array.isArray(msg.ops) && typeof msg.strings === "string") {
      ops.push(msg.ops);
      opsLength += msg.ops.length;
      strings.push(msg.strings);
      return;
    }
    if (msg?.type !== "end") return;
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
      post(port, { type: "error", error: String(e?.message || e) });
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
  post(port, { type: "head", value: head });
  for (let i = 0; i < blocks.length; ) {
    const part = [];
    let nodes = 0;
    do {
      part.push(blocks[i]);
      nodes += blocks[i].nodes.length;
      i++;
    } while (i < blocks.length && nodes + blocks[i].nodes.length <= NODES_PER_PART);
    post(port, { type: "blocks", blocks: part });
  }
  for (const part of pieces(html, CHARS_PER_PART)) post(port, { type: "html", part });
  post(port, { type: "end" });
}

// `text` cut into pieces of at most `size` UTF-16 units, never between the
// two halves of a surrogate pair (Chrome's JSON would turn each half into
// U+FFFD). content/analysis-port.js cuts the same way: a content script
// cannot import this module.
function pieces(text, size) {
  const out = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}
