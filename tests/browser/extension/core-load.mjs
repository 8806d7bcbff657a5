// The wasm core under load and abuse (issue 16): it runs in workers
// (extension/core-worker.js, lib/core-pool.js), so
// - the reader opens and closes in tab B in time while tab A's page of
//   90,000 paragraphs (within the content script's size caps) is
//   analysed: Chromium and Firefox;
// - analyses whose ports closed are abandoned: after more of them than the
//   pool has workers, the reader still opens in time (Chromium);
// - a port that sends more than the content script's caps is refused with
//   an error and closed (Chromium);
// - after the core's wasm memory is wrecked in every context that holds
//   it, the next clicks fail but the reader opens again (Chromium).
// Before the workers, one copy of the core on the offscreen document's (or
// Firefox's background page's) own thread ran every analysis to its end:
// tab B's reader took 3.1-3.9 s, and a crashed core stayed crashed.
//
// Times are taken from outside the extension's process. Chromium: the
// toolbar button opens the popup (a real click, CDP
// Extensions.triggerAction, grants the tab); from the press of the popup's
// "Reader view" (the popup in a window of its own, as the toolbar's is a
// view apart from the tab) to the first animation frame that holds the
// reader, polled in tab B's own renderer. Firefox
// (whose toolbar a driver cannot click): the `run` message sent from the
// settings page, from before the driver's call to its answer (which comes
// once the reader is painted and filled), or the content script's own
// click-to-paint if longer. The settings page shares its process's main
// thread with the old core (Chrome's offscreen document, Firefox's
// background page): a click time taken in it, or a paint time that does
// not count its answer, missed the core's stall whenever the reader had
// painted just before the stall began (seen: 57 ms reported for a 5.9 s
// wait).
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { installSettingsPage, launchChromium, launchFirefox } from "../lib/browsers.mjs";
import { WAIT, extensionPrefs, findOptionsWindow, grantHostAccessByClick, waitStatus } from "../lib/firefox-extension.mjs";
import { serve } from "../../../scripts/serve.mjs";
import { clickToolbar, popupWindow } from "./chromium-toolbar.mjs";

/** Paragraphs on the huge page: within the content script's caps (100,000 elements, 200,000 nodes, 16 MiB of text). */
const PARAGRAPHS = 90_000;
const PARAGRAPH =
  "The council voted on Tuesday to approve the new budget, which raises spending on schools and roads while holding taxes flat for another year.";
/** The reader in tab B must paint within this many milliseconds of the click (20-90 ms on a quiet machine; 3.1-3.9 s behind a huge page with one shared core). */
export const PAINT_BOUND_MS = 500;
/**
 * No toggle may take this long: the shared core stalled tab B for 3.1-10 s.
 * Nine in ten toggles must be within PAINT_BOUND_MS; one in ten may be
 * over it, up to this, because a busy machine delays any one paint (seen:
 * one of 30 at 607 ms at load 10 on 2 cores, the others 38-332 ms).
 */
const STALL_MS = 2_000;
/** Analyses abandoned at once: more than lib/core-pool.js's MAX_WORKERS (3), so they would hold every worker if they went on. */
const ABANDONED = 4;
/** How long one `run` may take before the test calls it stuck. */
const RUN_LIMIT_MS = 30_000;
/** The toolbar button's title before the page was read: the manifest's action.default_title. */
const DEFAULT_TITLE = "Declutter";

/** Writes the huge page into `dir`; resolves to its file name. */
async function writeHugePage(dir) {
  await mkdir(dir, { recursive: true });
  const body = [];
  for (let i = 0; i < PARAGRAPHS; i++) body.push(`<p>${i}. ${PARAGRAPH}</p>`);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${PARAGRAPHS} paragraphs</title></head><body><h1>A very long page</h1>${body.join("")}</body></html>`;
  await writeFile(join(dir, "paragraphs.html"), html);
  return "paragraphs.html";
}

const withLimit = (promise, ms, what) =>
  Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve({ error: `${what}: no answer in ${ms / 1000} s` }), ms))]);

const max = (xs) => (xs.length ? Math.max(...xs) : NaN);
/** The toggles' times within the bounds: nine in ten within PAINT_BOUND_MS, none past STALL_MS. */
const withinBounds = (xs) => {
  if (!xs.length || xs.some((x) => !Number.isFinite(x))) return false;
  const sorted = [...xs].sort((a, b) => a - b);
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1];
  return p90 <= PAINT_BOUND_MS && sorted[sorted.length - 1] <= STALL_MS;
};
const list = (xs) => xs.map((x) => (Number.isFinite(x) ? x.toFixed(0) : String(x))).join(", ");

/**
 * Runs in an extension page: connects to the analysis port as a content
 * script does and sends a snapshot of `paragraphs` paragraphs (the same
 * shape as the huge page's) in the content script's part sizes, then its
 * end; closes the port `holdMs` later. Resolves to what came back.
 */
function abandonAnalysis({ paragraphs, text, holdMs }) {
  const ops = [1, 0, 0, 1, 0, 0];
  const strings = ["html", "body"];
  for (let i = 0; i < paragraphs; i++) {
    ops.push(1, 0, 0, 2, 3);
    strings.push("p", `${i}. ${text}`);
  }
  ops.push(3, 3);
  const joined = strings.join("\u0000");
  const port = chrome.runtime.connect({ name: "declutter-analysis" });
  const got = [];
  port.onMessage.addListener((m) => got.push(m.type));
  for (let i = 0; i * 2 ** 18 < ops.length || i * 2 ** 20 < joined.length; i++) {
    port.postMessage({ type: "part", ops: ops.slice(i * 2 ** 18, (i + 1) * 2 ** 18), strings: joined.slice(i * 2 ** 20, (i + 1) * 2 ** 20) });
  }
  port.postMessage({ type: "end", url: "http://127.0.0.1/abandoned" });
  return new Promise((resolve) =>
    setTimeout(() => {
      port.disconnect();
      resolve(got);
    }, holdMs),
  );
}

/**
 * Runs in an extension page: sends `parts` parts of 2^20 characters each
 * and no end; resolves to {got, closed} once the extension closes the
 * port, or after `waitMs` with closed false.
 */
function sendOverCap({ parts, waitMs }) {
  return new Promise((resolve) => {
    const port = chrome.runtime.connect({ name: "declutter-analysis" });
    const got = [];
    port.onMessage.addListener((m) => got.push(m));
    port.onDisconnect.addListener(() => resolve({ got, closed: true }));
    const part = "x".repeat(2 ** 20);
    for (let i = 0; i < parts; i++) port.postMessage({ type: "part", ops: [], strings: part });
    setTimeout(() => {
      resolve({ got, closed: false });
      port.disconnect();
    }, waitMs);
  });
}

/**
 * Chrome DevTools sessions reached through `Target.sendMessageToTarget`
 * (Playwright routes no messages of child sessions), nested as deep as
 * needed: the offscreen document, then its workers.
 */
class RelaySession {
  constructor(parent, sessionId) {
    this.parent = parent;
    this.sessionId = sessionId;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    parent.on("Target.receivedMessageFromTarget", (p) => {
      if (p.sessionId !== sessionId) return;
      const msg = JSON.parse(p.message);
      if (msg.id && this.pending.has(msg.id)) {
        const { resolve, reject } = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) reject(new Error(msg.error.message));
        else resolve(msg.result);
      } else if (msg.method) {
        for (const [name, f] of this.listeners) if (name === msg.method) f(msg.params);
      }
    });
  }
  send(method, params = {}) {
    const id = this.nextId++;
    const answer = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.parent.send("Target.sendMessageToTarget", { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    return answer;
  }
  on(name, f) {
    this.listeners.push([name, f]);
  }
}

// In one DevTools session: fills every wasm memory of its context with
// 0xff, which makes the core's next call trap (its allocator reads
// pointers past the memory's end). Resolves to the number of memories.
async function wreckWasmMemory(session) {
  const { result: proto } = await session.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const { objects } = await session.send("Runtime.queryObjects", { prototypeObjectId: proto.objectId });
  const { result } = await session.send("Runtime.callFunctionOn", {
    objectId: objects.objectId,
    functionDeclaration: "function () { for (const m of this) new Uint8Array(m.buffer).fill(0xff); return this.length; }",
    returnByValue: true,
  });
  return result.value;
}

/** Runs the Chromium checks; `pages` from pages.mjs (the first, the seed page, is tab B's). */
export async function runCoreLoadChromium({ pages, dist, repo, t }) {
  const dir = join(repo, "target", "core-load-pages");
  const huge = await writeHugePage(dir);
  const server = await serve({ root: dir });
  const context = await launchChromium({ extension: dist });
  try {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent("serviceworker", { timeout: WAIT });
    const extId = new URL(worker.url()).host;
    const options = await installSettingsPage(context, extId, WAIT);
    if (!options) throw new Error("the settings page did not open");
    const browserCdp = await context.browser().newBrowserCDPSession();

    const tabIds = new Map();
    const tabIdOf = async (page) => {
      if (!tabIds.has(page)) tabIds.set(page, await options.evaluate(async (url) => (await chrome.tabs.query({})).find((x) => x.url === url)?.id, page.url()));
      return tabIds.get(page);
    };
    // A toolbar click: it opens the popup, and grants the extension the tab (activeTab).
    const grant = async (page) => {
      await clickToolbar({ browserCdp, extId, page });
    };
    const title = async (page) => options.evaluate((id) => chrome.action.getTitle({ tabId: id }), await tabIdOf(page));
    // The toolbar's handler, sent from the settings page.
    const run = async (page, mode) => {
      const tabId = await tabIdOf(page);
      const clickTime = Date.now();
      const reply = options.evaluate((msg) => chrome.runtime.sendMessage(msg), { type: "run", mode, tabId, clickTime });
      const r = await withLimit(reply, RUN_LIMIT_MS, `${mode} in ${page.url()}`);
      return r?.ok ? r.value : { error: r?.error ?? "no reply" };
    };
    const readerThere = (page) => page.evaluate(() => !!document.querySelector('[data-declutter="reader"]'));
    const waitReader = (page, open, timeout) =>
      page.waitForFunction((open) => !!document.querySelector('[data-declutter="reader"]') === open, open, { polling: "raf", timeout }).then(
        () => true,
        () => false,
      );
    // Opens the reader in `page` by the popup's "Reader view" and closes
    // it again by the same button; resolves to the longer of the two
    // press-to-frame times (Infinity if one did not happen).
    const clickCycle = async (page, popup) => {
      const t0 = await popup.press(true);
      if (!(await waitReader(page, true, RUN_LIMIT_MS))) return Infinity;
      const t1 = performance.now();
      const t2 = await popup.press(false);
      if (!(await waitReader(page, false, RUN_LIMIT_MS))) return Infinity;
      return Math.max(t1 - t0, performance.now() - t2);
    };
    // Opens and closes the reader in `page`; resolves to the click-to-paint, or the error.
    const readerCycle = async (page) => {
      const opened = await run(page, "reader");
      if (opened?.mode !== "reader") return { error: opened?.error || JSON.stringify(opened) };
      if (await readerThere(page)) await run(page, "reader");
      return { ms: opened.clickToPaintMs };
    };

    // Tab B: the seed page, with the extension granted the tab by a real
    // click. On another site than tab A's (localhost, not 127.0.0.1), as
    // two tabs usually are: Chromium gives a site's tabs one renderer
    // process, where tab A's own work on its page (laying out 90,000
    // collapsed paragraphs at once: 2.8 s) would hold tab B up whatever
    // the core does.
    const tabB = context.pages().find((p) => p !== options && !p.url().startsWith("chrome-extension:")) || (await context.newPage());
    await tabB.goto(pages[0].url.replace("//127.0.0.1:", "//localhost:"), { waitUntil: "load" });
    await tabB.bringToFront();
    await grant(tabB);
    // The popup, in a window of its own: tab B stays its window's active tab.
    const popupB = await popupWindow({ context, options, page: tabB, extId, wait: WAIT });
    await popupB.press(true);
    await tabB.waitForFunction(() => !!document.querySelector('[data-declutter="reader"]'), null, { polling: "raf", timeout: WAIT });
    await popupB.press(false);
    await tabB.waitForFunction(() => !document.querySelector('[data-declutter="reader"]'), null, { polling: "raf", timeout: WAIT });
    const quiet = [];
    for (let i = 0; i < 3; i++) quiet.push(await clickCycle(tabB, popupB));

    // Tab A: the huge page, granted by a click that opens the reader on it
    // (or finds it too large); its declutter run is the measured analysis.
    const tabA = await context.newPage();
    await tabA.goto(server.url + huge, { waitUntil: "load", timeout: 180_000 });
    await tabA.bringToFront();
    await grant(tabA);
    await run(tabA, "reader");
    for (const deadline = Date.now() + RUN_LIMIT_MS; Date.now() < deadline && (await title(tabA)) === DEFAULT_TITLE; ) await new Promise((r) => setTimeout(r, 100));
    if (await readerThere(tabA)) await run(tabA, "reader");

    await tabB.bringToFront();
    const started = performance.now();
    let answerA = null;
    const runA = run(tabA, "declutter").then((r) => (answerA = { ...r, ms: performance.now() - started }));
    const during = [];
    while (!answerA && performance.now() - started < RUN_LIMIT_MS) during.push(await clickCycle(tabB, popupB));
    await runA;
    const aOutcome = answerA.mode === "declutter" ? `decluttered in ${(answerA.ms / 1000).toFixed(1)} s` : answerA.mode === "too-large" ? `too large after ${(answerA.ms / 1000).toFixed(1)} s` : `error ${answerA.error}`;
    t.check(
      `chromium core: the reader in tab B opens (and closes) within ${PAINT_BOUND_MS} ms of the click (nine in ten; none past ${STALL_MS} ms) while tab A analyses ${PARAGRAPHS.toLocaleString("en-US")} paragraphs`,
      during.length >= 3 && withinBounds(during),
      `tab B ${during.length} opens and closes during tab A's run, the longer of each: ${list(during)} ms (quiet: ${list(quiet)} ms); tab A ${aOutcome}`,
    );
    t.timing("chromium, tab B while tab A analyses a huge page", { ...percentilesOf(during) });

    // Analyses whose ports closed: from extension pages in tabs of their
    // own (one tab's newer request would replace its older one anyway).
    const senders = [options];
    while (senders.length < ABANDONED) {
      const p = await context.newPage();
      await p.goto(options.url());
      senders.push(p);
    }
    await tabB.bringToFront();
    // Each port closes 2 s after its end, while its analysis (over 2 s even
    // in a warm core) runs, and once its parts are surely read: four
    // snapshots of 16 MB each take the serving context's thread a while
    // to read on a busy machine, and tab B's request would queue behind
    // that rather than behind the analyses.
    const abandoned = await Promise.all(senders.map((p) => p.evaluate(abandonAnalysis, { paragraphs: PARAGRAPHS, text: PARAGRAPH, holdMs: 2000 })));
    const after = [];
    for (let i = 0; i < 3; i++) after.push(await clickCycle(tabB, popupB));
    t.check(
      `chromium core: analyses whose ports closed stop: after ${ABANDONED} huge ones were abandoned, the reader in tab B opens (and closes) within ${PAINT_BOUND_MS} ms (nine in ten; none past ${STALL_MS} ms)`,
      withinBounds(after) && abandoned.every((got) => got.length === 0),
      `tab B: ${list(after)} ms; answers to the closed ports before they closed: ${JSON.stringify(abandoned)}`,
    );
    for (const p of senders.slice(1)) await p.close();

    // More parts than a content script ever sends, and no end.
    const overCap = await options.evaluate(sendOverCap, { parts: 20, waitMs: 5000 });
    const error = overCap.got.find((m) => m.type === "error");
    t.check(
      "chromium core: a port that sends more than the content script's caps (20 MiB of parts, no end) gets an error and is closed",
      overCap.closed && error?.reason === "too-large",
      `closed: ${overCap.closed}; got: ${JSON.stringify(overCap.got).slice(0, 200)}`,
    );

    // A crash: every wasm memory of the offscreen document and its
    // workers wrecked. The next clicks may fail; the reader must open
    // again within as many clicks as there were memories, and stay working.
    const { targetInfos } = await browserCdp.send("Target.getTargets");
    const offscreen = targetInfos.find((i) => i.url === `chrome-extension://${extId}/offscreen.html`);
    const { sessionId } = await browserCdp.send("Target.attachToTarget", { targetId: offscreen.targetId, flatten: false });
    const documentSession = new RelaySession(browserCdp, sessionId);
    const workers = [];
    documentSession.on("Target.attachedToTarget", (p) => {
      if (p.targetInfo.type === "worker") workers.push(new RelaySession(documentSession, p.sessionId));
    });
    await documentSession.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    await new Promise((r) => setTimeout(r, 500));
    let wrecked = 0;
    for (const s of [documentSession, ...workers]) wrecked += await wreckWasmMemory(s).catch(() => 0);
    const outcomes = [];
    const tries = Math.max(wrecked, 1) + 1;
    for (let i = 0; i < tries; i++) {
      const cycle = await readerCycle(tabB);
      outcomes.push(cycle.error ? `error: ${cycle.error.slice(0, 80)}` : "opens");
      if (!cycle.error) break;
    }
    for (let i = 0; i < 2; i++) {
      const cycle = await readerCycle(tabB);
      outcomes.push(cycle.error ? `error: ${cycle.error.slice(0, 80)}` : "opens");
    }
    t.check(
      "chromium core: after the core crashed, it is loaded again and the reader opens",
      wrecked > 0 && outcomes.slice(-3).every((o) => o === "opens") && outcomes.some((o) => o !== "opens"),
      `${wrecked} wasm memories wrecked (${workers.length} workers); then: ${outcomes.join("; ")}`,
    );
  } finally {
    await context.close();
    await server.close();
  }
}

function percentilesOf(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

/**
 * Firefox: the reader in tab B (its own window, so it paints) while tab A,
 * in another window, is decluttered on arrival (auto-declutter on every
 * site, turned on by a real click in the settings page).
 */
export async function runCoreLoadFirefox({ pages, dist, repo, t }) {
  const dir = join(repo, "target", "core-load-pages");
  const huge = await writeHugePage(dir);
  const server = await serve({ root: dir });
  const driver = await launchFirefox({ addon: dist, prefs: extensionPrefs() });
  try {
    await driver.manage().setTimeouts({ script: RUN_LIMIT_MS, pageLoad: 180_000 });
    const optionsWindow = await findOptionsWindow(driver);
    if (!(await grantHostAccessByClick(driver))) throw new Error("the host permission was not granted");
    await waitStatus(driver, "Saved");
    // In the settings window: the tab's title, or the reader toggled (the click time taken before the switch).
    const inOptions = async (script, ...args) => {
      await driver.switchTo().window(optionsWindow);
      return driver.executeAsyncScript(script, ...args);
    };
    const titleOf = (url) =>
      inOptions(`const [url, done] = arguments;
        browser.tabs.query({}).then((tabs) => tabs.find((x) => x.url === url)).then((tab) => tab ? browser.action.getTitle({ tabId: tab.id }) : null).then(done, (e) => done(String(e)));`, url);
    const run = (url, mode) =>
      inOptions(`const [url, mode, clickTime, done] = arguments;
        (async () => {
          const tab = (await browser.tabs.query({})).find((x) => x.url === url);
          const r = await browser.runtime.sendMessage({ type: "run", mode, tabId: tab.id, clickTime });
          return r && r.ok ? r.value : { error: r && r.error };
        })().then(done, (e) => done({ error: String(e) }));`, url, mode, Date.now());
    // Opens and closes the reader in tab B; resolves to the longer of the
    // two toggles (the close counts too: with the old core, whichever
    // toggle was under way when its stall began took the whole stall).
    const readerCycle = async (url) => {
      const t0 = performance.now();
      const opened = await run(url, "reader").catch((e) => ({ error: e.message }));
      const t1 = performance.now();
      if (opened?.mode !== "reader") return { error: opened?.error || JSON.stringify(opened) };
      const closed = await run(url, "reader").catch((e) => ({ error: e.message }));
      if (closed?.mode !== "page" && closed?.mode !== "declutter") return { error: closed?.error || JSON.stringify(closed) };
      return { ms: Math.max(t1 - t0, opened.clickToPaintMs, performance.now() - t1) };
    };

    await driver.switchTo().newWindow("window");
    // On another site than tab A's, as in Chromium: Firefox too gives a
    // site's tabs one content process.
    const urlB = pages[0].url.replace("//127.0.0.1:", "//localhost:");
    await driver.get(urlB);
    await driver.wait(async () => (await titleOf(urlB)) !== DEFAULT_TITLE, WAIT);
    const quiet = [];
    for (let i = 0; i < 3; i++) {
      const cycle = await readerCycle(urlB);
      quiet.push(cycle.error ? Infinity : cycle.ms);
    }

    await driver.switchTo().newWindow("window");
    const urlA = server.url + huge;
    const started = performance.now();
    await driver.get(urlA);
    const loaded = performance.now() - started;
    const during = [];
    let titleA = DEFAULT_TITLE;
    while ((titleA = await titleOf(urlA)) === DEFAULT_TITLE && performance.now() - started < RUN_LIMIT_MS + loaded) {
      const cycle = await readerCycle(urlB);
      during.push(cycle.error ? Infinity : cycle.ms);
    }
    t.check(
      `firefox core: the reader in tab B opens (and closes) within ${PAINT_BOUND_MS} ms of the click (nine in ten; none past ${STALL_MS} ms) while tab A analyses ${PARAGRAPHS.toLocaleString("en-US")} paragraphs`,
      during.length >= 3 && withinBounds(during),
      `tab B ${during.length} opens and closes during tab A's auto-declutter, the longer of each: ${list(during)} ms (quiet: ${list(quiet)} ms); tab A loaded in ${(loaded / 1000).toFixed(1)} s, then "${titleA}" after ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    t.timing("firefox, tab B while tab A analyses a huge page", percentilesOf(during));
  } finally {
    await driver.quit().catch(() => {});
    await server.close();
  }
}
