// The wasm core's workers (core-worker.js), owned by the context that
// serves the analyses (Chrome's offscreen document, Firefox's background
// page). Before them one shared copy of the core ran every analysis on
// that context's own thread: while a page of 90,000 paragraphs was
// analysed in one tab, the reader took 3.1-3.9 s instead of 20-90 ms to
// open in another, an analysis went on after its page had gone, and a
// crashed module stayed crashed (issue 16).
//
// Here each analysis has a worker to itself, and the core cannot stop half
// way, so a worker is terminated whenever its analysis must end early:
// cancelled (the page went away, or the same tab asked again: see
// lib/analysis-port.js), over its time budget, or crashed. A fresh worker
// takes its place; one is kept loaded and warm ahead of the next click.

/** Most workers at once: analyses beyond this many wait for one to finish. Two big pages in two tabs still leave one for a third tab; each worker holds its own copy of the core and of the page it analyses. */
export const MAX_WORKERS = 3;

/** Most idle workers kept loaded: two, so that the usual click finds one warm while another finishes, without a worker started and ended on every click. */
export const MAX_IDLE = 2;

/**
 * How long one analysis may take, in milliseconds, before it is abandoned
 * and the page called too large. Corpus pages take 6 ms at the median and
 * 31 ms at the p99 of their first run in Chromium; a page at the content
 * script's size caps (90,000 paragraphs, 12 MB of text) 2.3-3.9 s in a
 * worker that has analysed a big page before, but 5.5-9 s in a fresh one
 * on a busy two-core machine (load 10; the core's heap grows from
 * nothing). Ten seconds lets every page the caps let through finish there
 * too, and bounds what a user waits and a worker spends on a page past
 * anything the caps were meant for. Other tabs never wait for it.
 */
export const BUDGET_MS = 10_000;

/**
 * Why an analysis did not give an answer: `reason` is "too-large" (over the
 * budget, then `seconds` is the budget, for the page to say in the user's
 * language: the message is English, for logs), "cancelled", "crashed" (the
 * worker died or could not load) or "failed" (the core threw).
 */
export class CoreError extends Error {
  constructor(reason, message, { seconds } = {}) {
    super(message);
    this.name = "CoreError";
    this.reason = reason;
    if (seconds !== undefined) this.seconds = seconds;
  }
}

/**
 * A pool of core workers. `spawn()` makes one (a Worker, or anything with
 * its postMessage, terminate, onmessage and onerror); `module` (a
 * WebAssembly.Module or a promise of one; null or a rejection: none) is
 * handed to every worker, so that a fresh one neither compiles the core
 * again nor redoes the lazy compilation of its functions (in Node, a fresh
 * instance's warm-up took 44 ms with a module that had run, 630 ms
 * without). `budgetMs`, `maxWorkers` and `maxIdle` default to the
 * constants above.
 *
 * Returns {run, warm, state}: `run(snapshot, {signal, onPart})` hands
 * each part of the worker's answer to `onPart`, and asks the worker for
 * the next once the promise `onPart` returns has resolved (so another
 * tab's request can go in between; a rejection ends the analysis with
 * it); resolves once the answer is complete,
 * or rejects with a CoreError; aborting `signal` cancels it, ending its
 * worker if it had one. `warm()` makes sure a worker is
 * loaded or loading. `state()` counts the workers, the busy ones and the
 * analyses waiting.
 */
export function createCorePool({ spawn, module = null, budgetMs = BUDGET_MS, maxWorkers = MAX_WORKERS, maxIdle = MAX_IDLE }) {
  /** Live workers: {worker, ready, job}. */
  const slots = [];
  /** Analyses waiting for a worker, oldest first. */
  const queue = [];
  let nextId = 1;
  // The last worker died before it loaded: no spare is started until a
  // request asks for one, so a core that cannot load does not loop.
  let loadBroken = false;

  function start() {
    const slot = { worker: spawn(), ready: false, job: null };
    slot.worker.onmessage = ({ data }) => onMessage(slot, data);
    slot.worker.onerror = (event) => {
      event?.preventDefault?.();
      onCrash(slot, event?.message || "the worker stopped");
    };
    slot.worker.onmessageerror = () => onCrash(slot, "a message from the worker could not be read");
    slots.push(slot);
    Promise.resolve(module).then(
      (m) => slot.worker.postMessage({ type: "load", module: m ?? null }),
      () => slot.worker.postMessage({ type: "load", module: null }),
    );
    return slot;
  }

  function end(slot) {
    const i = slots.indexOf(slot);
    if (i < 0) return;
    slots.splice(i, 1);
    slot.worker.onmessage = slot.worker.onerror = slot.worker.onmessageerror = null;
    slot.worker.terminate();
  }

  // Ready workers first: a loading one still has the core's load to pay.
  const idle = () => slots.filter((s) => !s.job).sort((a, b) => b.ready - a.ready);

  function ensureSpare() {
    if (!loadBroken && idle().length === 0 && slots.length < maxWorkers) start();
  }

  function pump() {
    while (queue.length > 0) {
      const slot = idle()[0] ?? (slots.length < maxWorkers ? start() : null);
      if (!slot) return;
      assign(queue.shift(), slot);
    }
  }

  function assign(job, slot) {
    slot.job = job;
    job.slot = slot;
    job.timer = setTimeout(
      () => stop(job, new CoreError("too-large", `analysing it takes more than ${budgetMs / 1000} s`, { seconds: budgetMs / 1000 })),
      budgetMs,
    );
    const { ops } = job.snapshot;
    // The ops go over without a copy; the pool's caller made them for this.
    const transfer = ops?.buffer instanceof ArrayBuffer && ops.byteLength === ops.buffer.byteLength ? [ops.buffer] : [];
    const { snapshot } = job;
    job.snapshot = null;
    try {
      slot.worker.postMessage({ type: "analyze", id: job.id, snapshot }, transfer);
    } catch (e) {
      stop(job, new CoreError("failed", `cannot hand the page to the analyser: ${e?.message || e}`));
      return;
    }
    ensureSpare();
  }

  // Settles `job` once; frees (but does not end) its worker. Returns the worker it had.
  function settle(job, error, value) {
    if (job.done) return null;
    job.done = true;
    clearTimeout(job.timer);
    job.signal?.removeEventListener("abort", job.onAbort);
    const slot = job.slot;
    if (slot) slot.job = null;
    else if (queue.includes(job)) queue.splice(queue.indexOf(job), 1);
    if (error) job.reject(error);
    else job.resolve(value);
    return slot;
  }

  // Ends `job` early with `error`, and its worker with it.
  function stop(job, error) {
    const slot = settle(job, error);
    if (slot) {
      end(slot);
      ensureSpare();
    }
    pump();
  }

  function onMessage(slot, msg) {
    if (msg?.type === "ready") {
      slot.ready = true;
      loadBroken = false;
      return;
    }
    if (msg?.type === "failed") return onCrash(slot, `cannot load the analyser: ${msg.error}`);
    const job = slot.job;
    if (!job || msg?.id !== job.id) return;
    if (msg.type === "part") {
      let handed;
      try {
        handed = Promise.resolve(job.onPart?.(msg.msg));
      } catch (e) {
        handed = Promise.reject(e);
      }
      handed.then(
        () => {
          if (slot.job === job) slot.worker.postMessage({ type: "next", id: job.id });
        },
        (e) => stop(job, new CoreError("failed", String(e?.message || e))),
      );
      return;
    }
    if (msg.type === "done") {
      settle(job, null, msg.value);
      if (idle().length > maxIdle) end(slot);
    } else if (msg.type === "error") {
      // The core threw: its state may be half-changed, so the worker goes.
      stop(job, new CoreError("failed", msg.error));
      return;
    }
    pump();
  }

  function onCrash(slot, message) {
    if (!slots.includes(slot)) return;
    const loaded = slot.ready;
    if (slot.job) settle(slot.job, new CoreError("crashed", `the analyser crashed: ${message}`));
    end(slot);
    if (!loaded) loadBroken = true;
    ensureSpare();
    pump();
  }

  function run(snapshot, { signal, onPart } = {}) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new CoreError("cancelled", "the analysis was cancelled"));
        return;
      }
      const job = { id: nextId++, snapshot, onPart, resolve, reject, slot: null, timer: null, signal, done: false };
      job.onAbort = () => stop(job, new CoreError("cancelled", "the analysis was cancelled"));
      signal?.addEventListener("abort", job.onAbort, { once: true });
      queue.push(job);
      pump();
    });
  }

  function warm() {
    loadBroken = false;
    ensureSpare();
  }

  function state() {
    return { workers: slots.length, ready: slots.filter((s) => s.ready).length, busy: slots.filter((s) => s.job).length, queued: queue.length };
  }

  return { run, warm, state };
}
