// The extension's end of the analysis port. A content script sends its
// snapshot in parts and gets the answer back in parts, so no single message
// is big: Chrome turns every message into JSON in one go on the page's main
// thread and refuses messages over 64 MB.
//
// The messages are lib/protocol.js's PART. Page -> here: part ..., then
// end {url}. Here -> page: head, blocks ..., html ..., end; or error
// {error, reason, seconds}, where reason "too-large" means the page is too
// large to read, and `seconds`, when given, that analysing it took longer
// than that (the page says so in the user's language; `error` is English,
// for logs). The page's end is content/analysis-port.js.
//
// A port carries one analysis. It may send no more than the content script
// itself ever sends (PORT_LIMITS): one port once took 64 MB of parts with
// no end (issue 16). Its analysis is cancelled when the port closes, and
// when a newer port from the same tab replaces it.

import { CHARS_PER_PART, PART, pieces } from "./protocol.js";

/**
 * The most one port may send, from the content script's own size caps
 * (LIMITS in content/page.js: 200,000 nodes, 16 MiB of text and
 * attributes; the walk stops there) and its part sizes
 * (content/analysis-port.js: 2^18 ops and 2^20 characters a part).
 * `ops`: an element takes four (OPEN, flags, attribute count, CLOSE), a
 * text one. `chars`: the strings joined, as the walk counts them.
 * `parts`: 17 at most are needed (16 MiB in parts of 2^20 - 1 characters,
 * one less where a part would end inside a surrogate pair); twice that.
 */
export const PORT_LIMITS = { ops: 4 * 200_000, chars: 16 * 2 ** 20, parts: 34 };

/** Most node indexes in one "blocks" message. */
const NODES_PER_PART = 10_000;
/**
 * Most blocks in one "blocks" message: each part of the answer crosses
 * from the core's worker to the serving context as a message of its own,
 * whose reading is one task on that context's thread, which every other
 * tab's request waits for; 90,000 blocks in one message took 2 s to read
 * there on a busy machine.
 */
const BLOCKS_PER_PART = 1_000;

/** The serving port of each tab, by tab id: a newer one from the same tab replaces it. */
const servingByTab = new Map();

/**
 * Serves one analysis on `port`: gathers the snapshot's parts, calls
 * `analyze(snapshot, sender, signal, emit)`, which hands each message of
 * the answer but the last (see answerMessages) to `emit` and resolves once
 * done, and closes the answer with its end. `signal` aborts when the page
 * goes away (the port disconnects) or its tab opens a newer port; the
 * parts are dropped then. A port that sends more than PORT_LIMITS, or
 * anything but parts and one end, gets an error and is closed.
 */
export function serveAnalysis(port, analyze) {
  const controller = new AbortController();
  const tab = port.sender?.tab?.id;
  let ops = [];
  let strings = [];
  let opsLength = 0;
  let chars = 0;
  let parts = 0;
  let ended = false;

  const forget = () => {
    if (tab !== undefined && servingByTab.get(tab) === stop) servingByTab.delete(tab);
  };
  // Stops this port's work: tells the page why (unless it has gone) and closes it.
  function stop(error, reason) {
    if (controller.signal.aborted) return;
    ops = strings = null;
    controller.abort();
    forget();
    if (error) post(port, { type: PART.error, error, reason });
    try {
      port.disconnect();
    } catch {}
  }
  if (tab !== undefined) {
    servingByTab.get(tab)?.("a newer request from this tab replaced this one", "superseded");
    servingByTab.set(tab, stop);
  }
  port.onDisconnect.addListener(() => stop());

  port.onMessage.addListener(async (msg) => {
    if (controller.signal.aborted) return;
    if (ended) return stop("one analysis per port: nothing may follow its end", "refused");
    if (msg?.type === PART.part && Array.isArray(msg.ops) && typeof msg.strings === "string") {
      parts++;
      opsLength += msg.ops.length;
      chars += msg.strings.length;
      if (parts > PORT_LIMITS.parts || opsLength > PORT_LIMITS.ops || chars > PORT_LIMITS.chars) {
        const count = (n) => n.toLocaleString("en-US");
        return stop(
          `the page sent more than a page may (${count(PORT_LIMITS.ops)} ops, ${count(PORT_LIMITS.chars)} characters, ${PORT_LIMITS.parts} parts)`,
          "too-large",
        );
      }
      ops.push(msg.ops);
      strings.push(msg.strings);
      return;
    }
    if (msg?.type !== PART.end) return stop("not a part of a snapshot", "refused");
    ended = true;
    try {
      const all = new Uint32Array(opsLength);
      let at = 0;
      for (const part of ops) {
        all.set(part, at);
        at += part.length;
      }
      const snapshot = { ops: all, strings: strings.join(""), url: typeof msg.url === "string" ? msg.url : null };
      ops = strings = [];
      await analyze(snapshot, port.sender, controller.signal, (msg) => {
        if (!controller.signal.aborted) post(port, msg);
      });
      if (!controller.signal.aborted) post(port, { type: PART.end });
    } catch (e) {
      if (!controller.signal.aborted) post(port, { type: PART.error, error: String(e?.message || e), reason: e?.reason, seconds: e?.seconds });
    } finally {
      forget();
    }
  });
}

// A port whose page went away throws on postMessage; nobody is left to tell.
function post(port, msg) {
  try {
    port.postMessage(msg);
  } catch {}
}

/**
 * The messages that carry the answer {head, blocks, html} to the page, all
 * but the closing {type: "end"}: the head, the blocks in parts of at most
 * NODES_PER_PART node indexes and BLOCKS_PER_PART blocks, the article's
 * HTML in parts of at most CHARS_PER_PART UTF-16 units.
 */
export function* answerMessages({ head, blocks, html }) {
  yield { type: PART.head, value: head };
  for (let i = 0; i < blocks.length; ) {
    const part = [];
    let nodes = 0;
    do {
      part.push(blocks[i]);
      nodes += blocks[i].nodes.length;
      i++;
    } while (i < blocks.length && part.length < BLOCKS_PER_PART && nodes + blocks[i].nodes.length <= NODES_PER_PART);
    yield { type: PART.blocks, blocks: part };
  }
  for (const part of pieces(html, CHARS_PER_PART)) yield { type: PART.html, part };
}
