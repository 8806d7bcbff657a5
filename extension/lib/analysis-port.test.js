// Unit tests of the extension's end of the analysis port against fake ports
// (run by `node --test extension/`; not shipped).
import { test } from "node:test";
import assert from "node:assert/strict";
import { PORT_LIMITS, answerMessages, serveAnalysis } from "./analysis-port.js";

/** A fake runtime.Port from a tab: the test sends the page's messages; what the extension posts is kept. */
function fakePort(tabId) {
  const listeners = { message: [], disconnect: [] };
  return {
    sender: tabId === undefined ? {} : { tab: { id: tabId }, url: "https://news.example/a" },
    posted: [],
    disconnected: false,
    onMessage: { addListener: (f) => listeners.message.push(f) },
    onDisconnect: { addListener: (f) => listeners.disconnect.push(f) },
    postMessage(msg) {
      if (this.disconnected) throw new Error("disconnected");
      this.posted.push(msg);
    },
    disconnect() {
      this.disconnected = true;
    },
    // The page's side.
    send: (msg) => Promise.all(listeners.message.map((f) => f(msg))),
    pageLeaves: () => listeners.disconnect.forEach((f) => f()),
  };
}

const answer = { head: { article: {} }, blocks: [], html: "" };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** An analysis the test ends: resolves `seen` with its arguments. */
function pending() {
  let release;
  const calls = [];
  const analyze = (snapshot, sender, signal, emit) => {
    calls.push({ snapshot, sender, signal });
    return new Promise(
      (resolve) =>
        (release = () => {
          for (const msg of answerMessages(answer)) emit(msg);
          resolve();
        }),
    );
  };
  return { analyze, calls, release: () => release() };
}

test("parts are joined into one snapshot and the answer goes back in parts", async () => {
  const port = fakePort(1);
  const a = pending();
  serveAnalysis(port, a.analyze);
  await port.send({ type: "part", ops: [1, 0, 0], strings: "p\0" });
  const done = port.send({ type: "end", url: "https://news.example/a" });
  await tick();
  assert.deepEqual(Array.from(a.calls[0].snapshot.ops), [1, 0, 0]);
  assert.equal(a.calls[0].snapshot.strings, "p\0");
  a.release();
  await done;
  assert.deepEqual(port.posted.map((m) => m.type), ["head", "end"]);
});

test("a stream over the content script's limits is refused with an error and closed", async () => {
  for (const [what, part, count] of [
    ["ops", { ops: new Array(1 << 18).fill(2), strings: "" }, Math.ceil(PORT_LIMITS.ops / (1 << 18)) + 1],
    ["characters", { ops: [], strings: "x".repeat(1 << 20) }, PORT_LIMITS.chars / (1 << 20) + 1],
    ["parts", { ops: [], strings: "" }, PORT_LIMITS.parts + 1],
  ]) {
    const port = fakePort(2);
    let analysed = false;
    serveAnalysis(port, () => (analysed = true));
    for (let i = 0; i < count; i++) await port.send({ type: "part", ...part });
    assert.ok(port.disconnected, `over the ${what} limit: the port is closed`);
    const error = port.posted.find((m) => m.type === "error");
    assert.equal(error?.reason, "too-large", what);
    assert.match(error.error, /more than a page may/);
    await port.send({ type: "end", url: null });
    assert.equal(analysed, false);
  }
});

test("an analysis over its time budget tells the page how long it may take", async () => {
  const port = fakePort(1);
  serveAnalysis(port, async () => {
    throw Object.assign(new Error("analysing it takes more than 10 s"), { reason: "too-large", seconds: 10 });
  });
  await port.send({ type: "part", ops: [1, 0, 0], strings: "p\0" });
  await port.send({ type: "end", url: "https://news.example/a" });
  assert.deepEqual(port.posted.at(-1), { type: "error", error: "analysing it takes more than 10 s", reason: "too-large", seconds: 10 });
});

test("the content script's own largest snapshot is taken", async () => {
  const port = fakePort(3);
  const a = pending();
  serveAnalysis(port, a.analyze);
  // As content/analysis-port.js cuts a snapshot at the caps: 2^18 ops and 2^20 - 1 characters a part.
  const opsParts = Math.ceil(PORT_LIMITS.ops / (1 << 18));
  const textParts = Math.ceil(PORT_LIMITS.chars / ((1 << 20) - 1));
  for (let i = 0; i < Math.max(opsParts, textParts); i++) {
    const ops = i < opsParts ? new Array(Math.min(1 << 18, PORT_LIMITS.ops - i * (1 << 18))).fill(2) : [];
    const strings = "x".repeat(Math.max(0, Math.min((1 << 20) - 1, PORT_LIMITS.chars - i * ((1 << 20) - 1))));
    await port.send({ type: "part", ops, strings });
  }
  port.send({ type: "end", url: null });
  await tick();
  assert.equal(port.disconnected, false);
  assert.equal(a.calls[0].snapshot.ops.length, PORT_LIMITS.ops);
  assert.equal(a.calls[0].snapshot.strings.length, PORT_LIMITS.chars);
});

test("a port that closes cancels its analysis", async () => {
  const port = fakePort(4);
  const a = pending();
  serveAnalysis(port, a.analyze);
  port.send({ type: "end", url: null });
  await tick();
  assert.equal(a.calls[0].signal.aborted, false);
  port.pageLeaves();
  assert.equal(a.calls[0].signal.aborted, true);
});

test("a newer port from the same tab replaces the old one; other tabs are left alone", async () => {
  const old = fakePort(5);
  const other = fakePort(6);
  const a = pending();
  serveAnalysis(old, a.analyze);
  serveAnalysis(other, a.analyze);
  old.send({ type: "end", url: null });
  other.send({ type: "end", url: null });
  await tick();
  const newer = fakePort(5);
  serveAnalysis(newer, a.analyze);
  assert.equal(a.calls[0].signal.aborted, true, "the old analysis is cancelled");
  assert.ok(old.disconnected);
  assert.equal(old.posted.at(-1)?.reason, "superseded");
  assert.equal(a.calls[1].signal.aborted, false, "another tab's analysis goes on");
  assert.equal(other.disconnected, false);
});

test("nothing but parts and one end is taken", async () => {
  const port = fakePort(7);
  serveAnalysis(port, () => answer);
  await port.send({ type: "part", ops: "not an array", strings: "" });
  assert.ok(port.disconnected);
  assert.equal(port.posted[0].reason, "refused");
});

test("the answer's messages: blocks cut by node indexes and by count, the HTML by length", () => {
  const blocks = [
    ...Array.from({ length: 4_500 }, (_, i) => ({ kind: "content", nodes: [i] })),
    { kind: "promo", nodes: Array.from({ length: 9_000 }, (_, i) => i) },
    { kind: "promo", nodes: Array.from({ length: 2_000 }, (_, i) => i) },
  ];
  const html = "a".repeat((1 << 20) + 5);
  const msgs = [...answerMessages({ head: { h: 1 }, blocks, html })];
  assert.deepEqual(msgs[0], { type: "head", value: { h: 1 } });
  const parts = msgs.filter((m) => m.type === "blocks").map((m) => m.blocks.length);
  assert.deepEqual(parts, [1_000, 1_000, 1_000, 1_000, 501, 1]);
  assert.deepEqual(msgs.filter((m) => m.type === "html").map((m) => m.part.length), [1 << 20, 5]);
  assert.ok(!msgs.some((m) => m.type === "end"), "serveAnalysis adds the end");
});
