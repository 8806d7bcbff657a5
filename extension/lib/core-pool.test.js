// Unit tests of the core-worker pool against fake workers that answer when
// the test tells them to (run by `node --test extension/`; not shipped).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createCorePool } from "./core-pool.js";

/** A fake core worker: records what it is sent, and answers, fails or crashes on the test's word. */
class FakeWorker {
  static all = [];
  constructor() {
    this.sent = [];
    this.terminated = false;
    FakeWorker.all.push(this);
  }
  postMessage(msg, transfer = []) {
    this.sent.push({ msg, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  get analyses() {
    return this.sent.filter((s) => s.msg.type === "analyze");
  }
  get job() {
    return this.analyses.at(-1)?.msg;
  }
  ready() {
    this.onmessage?.({ data: { type: "ready" } });
  }
  answer(value = { blocks: [] }) {
    this.onmessage?.({ data: { type: "done", id: this.job.id, value } });
  }
  fail(error = "bad snapshot") {
    this.onmessage?.({ data: { type: "error", id: this.job.id, error } });
  }
  crash(message = "RuntimeError: unreachable") {
    this.onerror?.({ message, preventDefault() {} });
  }
}

function pool(options = {}) {
  FakeWorker.all = [];
  const p = createCorePool({ spawn: () => new FakeWorker(), budgetMs: 200, ...options });
  return p;
}

const snap = () => ({ ops: new Uint32Array([1, 0, 0, 3]), strings: "p", url: null });
const live = () => FakeWorker.all.filter((w) => !w.terminated);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test("a worker is started and warm before the first request, and a spare beside a busy one", async () => {
  const p = pool();
  p.warm();
  assert.equal(FakeWorker.all.length, 1);
  FakeWorker.all[0].ready();
  const answer = p.run(snap());
  assert.equal(FakeWorker.all[0].job.type, "analyze");
  assert.equal(FakeWorker.all[0].analyses[0].transfer.length, 1, "the ops go over without a copy");
  assert.equal(FakeWorker.all.length, 2, "a spare is started while the first is busy");
  FakeWorker.all[0].answer({ blocks: ["b"] });
  assert.deepEqual(await answer, { blocks: ["b"] });
  assert.deepEqual(p.state(), { workers: 2, ready: 1, busy: 0, queued: 0 });
});

test("a second tab's request goes to another worker while a big analysis runs", async () => {
  const p = pool();
  p.warm();
  const big = p.run(snap());
  const small = p.run(snap());
  const [a, b] = FakeWorker.all;
  assert.ok(a.job && b.job, "both are busy at once");
  b.answer({ small: true });
  assert.deepEqual(await small, { small: true });
  a.answer({ big: true });
  assert.deepEqual(await big, { big: true });
});

test("an analysis over its budget is abandoned as too large and its worker ended", async () => {
  const p = pool({ budgetMs: 30 });
  p.warm();
  const answer = p.run(snap());
  const [busy] = FakeWorker.all;
  // The budget goes with it, for the page to say in the user's language.
  await assert.rejects(answer, (e) => e.reason === "too-large" && e.seconds === 0.03 && /more than 0.03 s/.test(e.message));
  assert.ok(busy.terminated, "the worker running it is terminated");
  assert.ok(live().length >= 1 && live().every((w) => !w.job), "a fresh worker is ready for the next request");
  const next = p.run(snap());
  live()[0].answer({ ok: 1 });
  assert.deepEqual(await next, { ok: 1 });
});

test("aborting the signal cancels the analysis and ends its worker", async () => {
  const p = pool();
  p.warm();
  const controller = new AbortController();
  const answer = p.run(snap(), { signal: controller.signal });
  const [busy] = FakeWorker.all;
  controller.abort();
  await assert.rejects(answer, (e) => e.reason === "cancelled");
  assert.ok(busy.terminated);
  assert.equal(p.state().busy, 0);
});

test("a waiting request that is cancelled never reaches a worker", async () => {
  const p = pool({ maxWorkers: 1 });
  const first = p.run(snap());
  const controller = new AbortController();
  const second = p.run(snap(), { signal: controller.signal });
  assert.equal(p.state().queued, 1);
  controller.abort();
  await assert.rejects(second, (e) => e.reason === "cancelled");
  assert.equal(p.state().queued, 0);
  FakeWorker.all[0].answer();
  await first;
  assert.equal(FakeWorker.all[0].analyses.length, 1, "the worker got only the first request");
});

test("at most maxWorkers run; the others wait their turn", async () => {
  const p = pool({ maxWorkers: 2 });
  const answers = [p.run(snap()), p.run(snap()), p.run(snap())];
  assert.equal(FakeWorker.all.length, 2);
  assert.deepEqual(p.state(), { workers: 2, ready: 0, busy: 2, queued: 1 });
  FakeWorker.all[0].answer({ n: 1 });
  assert.equal(FakeWorker.all[0].analyses.length, 2, "the freed worker takes the waiting request");
  FakeWorker.all[0].answer({ n: 3 });
  FakeWorker.all[1].answer({ n: 2 });
  assert.deepEqual(await Promise.all(answers), [{ n: 1 }, { n: 2 }, { n: 3 }]);
});

test("a crashed worker fails its request and a fresh one serves the next", async () => {
  const p = pool();
  p.warm();
  FakeWorker.all[0].ready();
  const answer = p.run(snap());
  const [crashed] = FakeWorker.all;
  crashed.crash();
  await assert.rejects(answer, (e) => e.reason === "crashed" && /unreachable/.test(e.message));
  assert.ok(crashed.terminated);
  const next = p.run(snap());
  const serving = live().find((w) => w.job);
  assert.ok(serving && serving !== crashed);
  serving.answer({ again: true });
  assert.deepEqual(await next, { again: true });
});

test("an error thrown by the core answers the request and replaces the worker", async () => {
  const p = pool();
  const answer = p.run(snap());
  const [w] = FakeWorker.all;
  w.fail("malformed snapshot");
  await assert.rejects(answer, (e) => e.reason === "failed" && e.message === "malformed snapshot");
  assert.ok(w.terminated, "an exception out of the wasm may leave its state half-changed");
});

test("a core that cannot load fails each request once, without starting workers in a loop", async () => {
  const p = pool();
  p.warm();
  FakeWorker.all[0].onmessage({ data: { type: "failed", error: "CompileError" } });
  assert.equal(live().length, 0, "no spare is started after a failed load");
  const answer = p.run(snap());
  assert.equal(live().length, 1, "a request tries again");
  live()[0].crash("cannot load");
  await assert.rejects(answer, (e) => e.reason === "crashed");
  await sleep(10);
  assert.equal(live().length, 0);
});

test("idle workers beyond maxIdle are ended when their analysis is done", async () => {
  const p = pool({ maxWorkers: 3, maxIdle: 2 });
  const answers = [p.run(snap()), p.run(snap()), p.run(snap())];
  for (const w of FakeWorker.all.slice(0, 3)) w.answer();
  await Promise.all(answers);
  assert.equal(live().length, 2);
});

test("every worker gets the shared compiled module first", async () => {
  const module = { compiled: true };
  const p = pool({ module: Promise.resolve(module) });
  p.warm();
  const answer = p.run(snap());
  await sleep(0);
  for (const w of FakeWorker.all) assert.deepEqual(w.sent.find((s) => s.msg.type === "load")?.msg, { type: "load", module });
  FakeWorker.all[0].answer();
  await answer;
});

test("the parts of an answer are handed on as they come, before it is done", async () => {
  const p = pool();
  const parts = [];
  const answer = p.run(snap(), { onPart: (msg) => parts.push(msg) });
  const [w] = FakeWorker.all;
  w.onmessage({ data: { type: "part", id: w.job.id, msg: { type: "head" } } });
  w.onmessage({ data: { type: "part", id: w.job.id + 1, msg: { type: "not this job's" } } });
  assert.deepEqual(parts, [{ type: "head" }]);
  await sleep(0);
  assert.deepEqual(w.sent.at(-1).msg, { type: "next", id: w.job.id }, "the next part is asked for once this one is handed on");
  w.onmessage({ data: { type: "part", id: w.job.id, msg: { type: "html" } } });
  w.onmessage({ data: { type: "done", id: w.job.id } });
  await answer;
  assert.deepEqual(parts, [{ type: "head" }, { type: "html" }]);
});

test("a part that cannot be handed on ends the analysis and its worker", async () => {
  const p = pool();
  const answer = p.run(snap(), { onPart: () => Promise.reject(new Error("no settings")) });
  const [w] = FakeWorker.all;
  w.onmessage({ data: { type: "part", id: w.job.id, msg: { type: "head" } } });
  await assert.rejects(answer, (e) => e.reason === "failed" && e.message === "no settings");
  assert.ok(w.terminated);
});
