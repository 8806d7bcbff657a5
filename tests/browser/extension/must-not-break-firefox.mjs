// Must-not-break's tab in headless Firefox through geckodriver (the checks
// and the run are must-not-break.mjs's; what is here is how Firefox is
// watched, which differs from Chromium's CDP). A driver cannot
// click Firefox's toolbar, so the extension is given the host permission
// the way a user gives it (a real click on "On every site" in its settings
// page, granted without a prompt by `extensions.webextOptionalPermissionPrompts`),
// auto-declutter is then switched off again in storage so pages arrive
// untouched, and every toggle is the `run` message, the handler the toolbar
// button, the shortcuts and the context menu call. Requests for other
// hosts go to a refusing proxy that counts them. Errors: WebDriver BiDi
// reports the tab's (a content script's carry moz-extension:// frames; an
// error or rejection without a stack is the extension's when it comes
// while the extension is being toggled, since the pages' own come with
// stacks here), and the background page reports its own through hooks set
// from the settings page.
import LogInspector from "selenium-webdriver/bidi/logInspector.js";
import { launchFirefox } from "../lib/browsers.mjs";
import { extensionPrefs, findOptionsWindow, hostAccessWithoutAuto, inWindowOf } from "../lib/firefox-extension.mjs";
import { installProbe } from "./page-probe.mjs";
import { startRefusingProxy } from "./refusing-proxy.mjs";
import { LOAD_MS, TOGGLE_MS } from "./must-not-break.mjs";
// A thrown error or a rejection, as BiDi words it; the rest of its
// stackless entries are the network's and security's (blocked loads, CORS).
const JS_ERROR = /^(?:uncaught exception|(?:[A-Z][A-Za-z]*)?Error\b)/;

// In the settings page: hooks on the background page (same extension, so
// reachable) that collect its errors, and a drain of what they collected.
const HOOK_BACKGROUND = `const done = arguments[arguments.length - 1];
browser.runtime.getBackgroundPage().then((bg) => {
  if (!bg.__mnb) {
    bg.__mnb = { errors: [], warnings: [] };
    bg.addEventListener("error", (e) => bg.__mnb.errors.push("uncaught: " + e.message + " at " + e.filename + ":" + e.lineno));
    bg.addEventListener("unhandledrejection", (e) => bg.__mnb.errors.push("unhandled rejection: " + (e.reason && e.reason.stack || e.reason)));
    const { error, warn } = bg.console;
    bg.console.error = (...a) => { bg.__mnb.errors.push("console.error: " + a.join(" ")); error.apply(bg.console, a); };
    bg.console.warn = (...a) => { bg.__mnb.warnings.push("console.warn: " + a.join(" ")); warn.apply(bg.console, a); };
  }
  const out = { errors: bg.__mnb.errors.splice(0), warnings: bg.__mnb.warnings.splice(0) };
  out.requests = bg.performance.getEntriesByType("resource").map((e) => e.name).filter((u) => !u.startsWith("moz-extension:"));
  done(out);
}, (e) => done({ errors: ["cannot reach the background page: " + e], warnings: [], requests: [] }));`;

const RUN = `const [tabId, mode, done] = arguments;
browser.runtime.sendMessage({ type: "run", mode, tabId }).then(done, (e) => done({ ok: false, error: String(e) }));`;

/**
 * Firefox for must-not-break: the extension installed with the host
 * permission and auto-declutter off, requests for other hosts sent to a
 * refusing proxy, one window for the pages (a driver talks to one at a
 * time). Resolves to the session run.mjs's runner drives ({name, tabs,
 * newTab(), blocked(), close()}): one tab, its newTab() the same one (a
 * retry reloads the page in it).
 */
export async function openFirefox({ dist }) {
  const proxy = await startRefusingProxy();
  const driver = await launchFirefox({
    bidi: true,
    dismissDialogs: true,
    prefs: {
      // Everything for another host goes to the refusing proxy.
      ...extensionPrefs(proxy.port),
      "network.dns.disablePrefetch": true,
      "network.prefetch-next": false,
      "network.predictor.enabled": false,
      "network.http.speculative-parallel-limit": 0,
      // Stacks on the pages' own rejections, so a stackless one is not theirs.
      "javascript.options.asyncstack": true,
      "javascript.options.asyncstack_capture_debuggee_only": false,
    },
  });
  const close = async () => {
    await driver.quit().catch(() => {});
    await proxy.close();
  };
  try {
    await driver.manage().setTimeouts({ script: TOGGLE_MS, pageLoad: LOAD_MS });
    const log = [];
    const inspector = await LogInspector(driver);
    await inspector.onJavascriptLog((e) => {
      const frames = e.stackTrace?.callFrames || [];
      log.push({ at: Date.now(), text: `${e.text} (${frames[0]?.url || "no stack"}:${frames[0]?.lineNumber ?? ""})`.slice(0, 500), stack: frames.length > 0, extension: frames.some((f) => f.url?.startsWith("moz-extension://")) });
    });
    await driver.installAddon(dist, true);
    const optionsWindow = await findOptionsWindow(driver);
    await hostAccessWithoutAuto(driver);
    await driver.executeAsyncScript(HOOK_BACKGROUND);
    // The pages in a window of their own: a background tab would not paint.
    await driver.switchTo().newWindow("window");
    const inOptions = inWindowOf(driver, optionsWindow, await driver.getWindowHandle());
    const tab = firefoxTab({ driver, inOptions, log });
    return {
      name: "firefox",
      tabs: 1,
      newTab: async () => tab,
      async blocked() {
        const background = await inOptions(() => driver.executeAsyncScript(HOOK_BACKGROUND));
        return { total: proxy.refused.total, byExtension: background.requests.length, samples: background.requests.slice(0, 5), hosts: [...proxy.refused.hosts].sort((a, b) => b[1] - a[1]).slice(0, 10) };
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** The one tab that tests pages in Firefox: {goto, probe, toggle, drainErrors, pageNavigated}. */
function firefoxTab({ driver, inOptions, log }) {
  let tabId = null;
  let since = Date.now();
  let togglesFrom = null;
  let navigated = false;
  const call = (method, args) =>
    driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve().then(() => window.__mnbProbe.${method}(...${JSON.stringify(args)})).then((v) => done({ v }), (e) => done({ error: String(e) }));`,
    );
  const windows = [];
  return {
    async goto(url) {
      navigated = false;
      const t0 = performance.now();
      let timedOut = false;
      try {
        await driver.get(url);
      } catch (e) {
        if (e.name !== "TimeoutError") return { failed: e.message.split("\n")[0], ms: Math.round(performance.now() - t0) };
        timedOut = true;
      }
      const here = await driver.getCurrentUrl();
      if (here.replace(/#.*/, "") !== url) return { failed: `it went to ${here}`, ms: Math.round(performance.now() - t0) };
      await driver.executeScript(`(${installProbe})()`);
      tabId ??= await inOptions(() => driver.executeAsyncScript("const [url, done] = arguments; browser.tabs.query({}).then((tabs) => done(tabs.find((t) => t.url === url)?.id ?? null));", url));
      return { timedOut, ms: Math.round(performance.now() - t0) };
    },
    async probe(method, ...args) {
      if (method === "phase" && args[0] === "toggles") togglesFrom = Date.now();
      const r = await call(method, args);
      if (r?.error) {
        // The probe is gone with the document it was in.
        if (/__mnbProbe/.test(r.error)) navigated = true;
        throw new Error(`probe: ${r.error}`);
      }
      if (method === "compare") windows.push([togglesFrom, Date.now()]);
      return r?.v;
    },
    pageNavigated: () => navigated,
    toggle: (mode) => inOptions(() => driver.executeAsyncScript(RUN, tabId, mode)),
    async drainErrors() {
      const background = await inOptions(() => driver.executeAsyncScript(HOOK_BACKGROUND));
      const out = {
        extension: background.errors.map((e) => `background: ${e}`),
        warnings: background.warnings.map((e) => `background: ${e}`),
        page: [],
      };
      const during = (at) => windows.some(([from, to]) => from !== null && at >= from && at <= to + 50);
      for (const l of log.splice(0)) {
        if (l.at < since) continue;
        if (l.extension) out.extension.push(l.text);
        else if (!l.stack && JS_ERROR.test(l.text) && during(l.at)) out.extension.push(`no stack, while the extension was toggled: ${l.text}`);
        else out.page.push(l.text);
      }
      windows.length = 0;
      since = Date.now();
      return out;
    },
  };
}
