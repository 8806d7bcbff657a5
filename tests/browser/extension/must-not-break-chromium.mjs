// Must-not-break's tab in headless Chromium (the checks and the run are
// must-not-break.mjs's; what is here is how Chromium is watched, which
// geckodriver cannot do the same way): several tabs test pages in parallel.
// On each page the reader is opened by a real toolbar click (CDP
// `Extensions.triggerAction`, which also grants activeTab, then the popup's
// "Reader view": chromium-toolbar.mjs), then the other
// toggles go through the `run` message from the extension's settings page,
// the handler the shortcuts and the context menu call. Every request to a
// host other than 127.0.0.1 is aborted by `context.route` and counted; the
// host resolver answers nothing but loopback, so no preconnect reaches DNS.
// Errors are told apart by where they were thrown: the extension's
// content-script world (its origin is chrome-extension://), its service
// worker (console errors, uncaught errors and rejections), or the page.
import { pressReader } from "./chromium-toolbar.mjs";
import { installSettingsPage, launchChromium } from "../lib/browsers.mjs";
import { isLocal } from "./pages.mjs";
import { installProbe } from "./page-probe.mjs";
import { LOAD_MS, TOGGLE_MS } from "./must-not-break.mjs";

const WAIT = 15000;
const PROBE_WORLD = "must-not-break-probe";

let tabCount = 0;

/** Runs tasks one at a time. */
class Mutex {
  tail = Promise.resolve();
  run(task) {
    const result = this.tail.then(task);
    this.tail = result.catch(() => {});
    return result;
  }
}
const clicking = new Mutex();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// In the service worker: uncaught errors and rejections become console
// errors, which playwright reports.
function hookWorkerErrors() {
  if (self.__mnbHooked) return;
  self.__mnbHooked = true;
  self.addEventListener("error", (e) => console.error(`uncaught: ${e.message} at ${e.filename}:${e.lineno}`));
  self.addEventListener("unhandledrejection", (e) => console.error(`unhandled rejection: ${e.reason?.stack || e.reason}`));
}

/** The extension's service worker, its id, and a log of what it reported as errors or warnings. */
async function watchWorker(context) {
  const log = [];
  const watch = async (worker) => {
    // Pages may start service workers of their own.
    if (!worker.url().startsWith("chrome-extension://")) return;
    worker.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") log.push({ at: performance.now(), type: m.type(), text: m.text() });
    });
    await worker.evaluate(hookWorkerErrors).catch((e) => log.push({ at: performance.now(), type: "error", text: `cannot watch the worker: ${e.message}` }));
  };
  context.on("serviceworker", watch);
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent("serviceworker", { timeout: WAIT });
  await watch(worker);
  return { id: new URL(worker.url()).host, log };
}

/** A tab that tests pages: {goto, probe, toggle, drainErrors, pageNavigated, close}. */
async function openTab({ context, browserCdp, options, extId, worker }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const contexts = new Map();
  const noErrors = () => ({ extension: [], warnings: [], page: [] });
  let errors = noErrors();
  let probeContext = null;
  let navigated = false;
  let granted = false;
  let tabId = null;
  let since = performance.now();
  const fromExtension = (id, urls) => contexts.get(id)?.origin?.startsWith("chrome-extension://") || urls.some((u) => u?.startsWith("chrome-extension://"));
  cdp.on("Runtime.executionContextCreated", ({ context: c }) => contexts.set(c.id, c));
  cdp.on("Runtime.executionContextDestroyed", ({ executionContextId }) => {
    if (executionContextId === probeContext) navigated = true;
  });
  cdp.on("Runtime.executionContextsCleared", () => {
    if (probeContext !== null) navigated = true;
  });
  cdp.on("Runtime.exceptionThrown", ({ exceptionDetails: d }) => {
    const text = `${d.exception?.description || d.text} (${d.url || "?"}:${d.lineNumber})`.slice(0, 500);
    const urls = [d.url, ...(d.stackTrace?.callFrames || []).map((f) => f.url)];
    if (contexts.get(d.executionContextId)?.name === PROBE_WORLD) errors.page.push(`test probe: ${text}`);
    else (fromExtension(d.executionContextId, urls) ? errors.extension : errors.page).push(text);
  });
  cdp.on("Runtime.consoleAPICalled", ({ type, args, executionContextId, stackTrace }) => {
    if (type !== "error" && type !== "warning" && type !== "assert") return;
    if (!fromExtension(executionContextId, (stackTrace?.callFrames || []).map((f) => f.url))) return;
    (type === "warning" ? errors.warnings : errors.extension).push(`console.${type}: ${args.map((a) => a.value ?? a.description).join(" ")}`.slice(0, 500));
  });
  await cdp.send("Runtime.enable");
  // Toolbar clicks name the tab target, not the page's: found by a blank page's unique address.
  const marker = `about:blank#must-not-break-${++tabCount}`;
  await page.goto(marker);
  const { targetInfos } = await browserCdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
  const tabTarget = targetInfos.find((i) => i.url === marker).targetId;

  async function evaluate(expression) {
    const { result, exceptionDetails } = await cdp
      .send("Runtime.evaluate", { expression, contextId: probeContext, returnByValue: true, awaitPromise: true })
      .catch((e) => {
        // The probe's world went with the document the page navigated away from.
        if (/Cannot find context|navigated or closed/.test(e.message)) navigated = true;
        throw e;
      });
    if (exceptionDetails) throw new Error(`probe: ${exceptionDetails.exception?.description || exceptionDetails.text}`);
    return result.value;
  }

  async function readerOpen() {
    return evaluate(`!!document.querySelector('[data-declutter="reader"]')`);
  }

  // The first reader toggle on a page is a toolbar click: it grants the
  // extension this tab (activeTab) for the later `run` messages. The button
  // acts on the window's active tab, so one tab at a time comes to the front
  // and clicks, until the extension has begun injecting into it.
  async function click() {
    const injected = () => [...contexts.values()].some((c) => c.origin?.startsWith("chrome-extension://"));
    await clicking.run(async () => {
      await page.bringToFront();
      // The button opens the popup; its "Reader view" asks for the reader.
      await pressReader({ context, browserCdp, extId, page, options, wait: TOGGLE_MS }).catch(() => {});
      for (const deadline = Date.now() + TOGGLE_MS; !injected() && Date.now() < deadline; ) await sleep(5);
    });
    for (const deadline = Date.now() + TOGGLE_MS; Date.now() < deadline; await sleep(25)) {
      if (await readerOpen()) {
        granted = true;
        tabId ??= await options.evaluate(async (url) => (await chrome.tabs.query({})).find((x) => x.url === url)?.id ?? null, page.url());
        return { ok: true, value: { mode: "reader" } };
      }
    }
    return { ok: false, error: "no reader view after the toolbar click" };
  }

  return {
    async goto(url) {
      navigated = false;
      granted = false;
      probeContext = null;
      const t0 = performance.now();
      let timedOut = false;
      for (let tries = 2; tries > 0; tries--) {
        try {
          await page.goto(url, { waitUntil: "load", timeout: LOAD_MS });
          break;
        } catch (e) {
          // The previous page in this tab may still send itself somewhere.
          if (/interrupted by another navigation/.test(e.message)) {
            if (tries > 1) continue;
            return { failed: "it keeps navigating itself", ms: Math.round(performance.now() - t0) };
          }
          if (!/Timeout/i.test(e.message)) return { failed: e.message.split("\n")[0], ms: Math.round(performance.now() - t0) };
          timedOut = true;
          break;
        }
      }
      const { frameTree } = await cdp.send("Page.getFrameTree");
      // A page that sent itself elsewhere on load is no longer the page to test.
      if (frameTree.frame.url !== url.replace(/#.*/, "")) return { failed: `it went to ${frameTree.frame.url}`, ms: Math.round(performance.now() - t0) };
      ({ executionContextId: probeContext } = await cdp.send("Page.createIsolatedWorld", { frameId: frameTree.frame.id, worldName: PROBE_WORLD }));
      await evaluate(`(${installProbe})()`);
      return { timedOut, ms: Math.round(performance.now() - t0) };
    },
    probe: (method, ...args) => evaluate(`window.__mnbProbe.${method}(...${JSON.stringify(args)})`),
    async toggle(mode) {
      if (!granted) {
        if (mode !== "reader") return { ok: false, error: "the first toggle on a page must be the toolbar's" };
        return click();
      }
      return options.evaluate(({ mode, tabId }) => chrome.runtime.sendMessage({ type: "run", mode, tabId }), { mode, tabId });
    },
    drainErrors() {
      const out = errors;
      errors = noErrors();
      // The service worker serves every tab: its reports go to each page being tested when they came.
      for (const l of worker.log) if (l.at >= since) (l.type === "error" ? out.extension : out.warnings).push(`service worker: ${l.text}`);
      since = performance.now();
      return out;
    },
    pageNavigated: () => navigated,
    close: () => page.close().catch(() => {}),
  };
}

/**
 * Chromium for must-not-break: the extension loaded, every request to a
 * host other than the test server's refused and counted, the settings page
 * open. Resolves to the session run.mjs's runner drives ({name, tabs,
 * newTab(), blocked(), extra, close()}): `tabs` tabs test pages in parallel.
 */
export async function openChromium({ dist, server, tabs = 4 }) {
  const context = await launchChromium({
    extension: dist,
    args: ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"],
  });
  // Only the test's own server is let through: not other ports, not https on 127.0.0.1.
  const isOurs = (url) => url.startsWith(`${server.origin}/`) || (!/^(?:https?|wss?|ftp):/i.test(url) && isLocal(url));
  const blocked = { total: 0, byExtension: 0, samples: [] };
  try {
    await context.route("**/*", (route) => {
      const request = route.request();
      if (isOurs(request.url())) return route.continue();
      blocked.total++;
      let fromExtension = false;
      try {
        fromExtension = !!request.serviceWorker() || request.frame().url().startsWith("chrome-extension:");
      } catch {
        fromExtension = !!request.serviceWorker();
      }
      if (fromExtension) {
        blocked.byExtension++;
        blocked.samples.push(request.url());
      }
      return route.abort();
    });
    // Windows the pages open by themselves are closed at once.
    context.on("page", async (p) => {
      if (await p.opener()) await p.close().catch(() => {});
    });
    const worker = await watchWorker(context);
    const extId = worker.id;
    const options = await installSettingsPage(context, extId, WAIT);
    if (!options) throw new Error("the welcome page did not open on install");
    const browserCdp = await context.browser().newBrowserCDPSession();
    for (const p of context.pages()) if (p !== options) await p.close();
    return {
      name: "chromium",
      tabs,
      newTab: () => openTab({ context, browserCdp, options, extId, worker }),
      blocked: async () => blocked,
      extra: { tabs },
      close: () => context.close(),
    };
  } catch (e) {
    await context.close();
    throw e;
  }
}
