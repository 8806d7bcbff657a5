// One driver interface over the two browsers the extension's tests run in,
// so that each behaviour check is written once (tests/browser/extension/
// end-to-end.mjs, settings-survive.mjs) and run in both. Chromium is driven
// through playwright-core and CDP, Firefox ESR through geckodriver; each
// keeps the mechanisms its tests found to work:
// - Chromium: real toolbar clicks (CDP `Extensions.triggerAction`, which
//   grants activeTab) and the popup's "Reader view" (chromium-toolbar.mjs);
//   closed shadow roots read through CDP (a page script cannot see them).
// - Firefox: a driver can neither click the toolbar nor open moz-extension:
//   URLs, so the extension's settings page (reached from the welcome page
//   it opens on install: firefox-extension.mjs) sends the `run` message,
//   the handler the toolbar button, shortcuts and context menu call; closed
//   shadow roots are read through WebDriver's shadow-root command. Each
//   window is a tab of its own, and the driver switches to the window an
//   operation is for.
//
// `startBrowser(name, options)` resolves to a Browser:
//   name, raw (the playwright context or selenium driver), grantsByClick
//   (the extension may touch a page only after a toolbar click there),
//   welcome(), settings(), newPage(), inExtension(fn, ...args), run(page,
//   mode), pressReader(page, beforePress), badge(page), grantTab(page),
//   allowEverywhere({auto}), openPopup(page), showFirstHidden(page),
//   restart(), update(package, version), close();
// each Page: goto, url, evaluate, waitFor, shadow, click, fill, select,
// keys, screenshot, resize, reload, front, close, and `quiet` (reads of an
// XSS page that run no helper code in its world).
import { writeFile } from "node:fs/promises";
import { By, Key } from "selenium-webdriver";
import { installSettingsPage, launchChromium, launchFirefox } from "./browsers.mjs";
import { WAIT, autoDeclutterOffKeepingAccess, extensionPrefs, findOptionsWindow, findWelcomeWindow, grantHostAccessByClick, waitStatus } from "./firefox-extension.mjs";
import { clickToolbar, popupWindow } from "../extension/chromium-toolbar.mjs";

export { WAIT };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** `fn` called with JSON `args`, as an expression either browser evaluates. */
const call = (fn, args) => `(${fn})(...${JSON.stringify(args)})`;
/** In an extension page: the tab showing `url`'s id (Firefox's `browser`, Chromium's `chrome`). */
const TAB_BY_URL = async (url) => (await (globalThis.browser ?? chrome).tabs.query({})).find((x) => x.url === url)?.id ?? null;

/** Starts `name` ("chromium" or "firefox") with the packaged extension `dist`; see the file's header. */
export function startBrowser(name, options) {
  if (name === "chromium") return startChromium(options);
  if (name === "firefox") return startFirefox(options);
  throw new Error(`no driver for ${name}`);
}

/** Reads inside the first closed shadow root under the element `selector` matches: `fn` runs with `this` = the shadow root. */
export async function inShadow(cdp, selector, fn) {
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  if (!nodeId) return null;
  const { node } = await cdp.send("DOM.describeNode", { nodeId, depth: 2, pierce: true });
  const find = (n) => n.shadowRoots?.[0] || (n.children || []).map(find).find(Boolean);
  const shadow = find(node);
  if (!shadow) return null;
  const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: shadow.backendNodeId });
  const { result } = await cdp.send("Runtime.callFunctionOn", {
    objectId: object.objectId,
    functionDeclaration: `function () { return JSON.stringify((${fn}).call(this)); }`,
    returnByValue: true,
  });
  return JSON.parse(result.value);
}

// ---- Chromium ----

// Playwright passes one argument, and compiles the function itself: an
// expression string would be eval'd in the page, which the extension
// pages' CSP forbids.
const one = (args) => {
  if (args.length > 1) throw new Error("Chromium's evaluate takes one argument");
  return args[0];
};

/**
 * Chromium with the extension `dist` loaded; `args` extra command-line
 * flags, `profile` a folder kept for restart(); `onContext(context)` runs
 * on each start (request routing, listeners).
 */
async function startChromium({ dist, args = [], profile, onContext = async () => {} }) {
  const b = { name: "chromium", grantsByClick: true, phase: "page" };
  let options = null;
  let popup = null;
  let browserCdp = null;
  const start = async () => {
    b.raw = await launchChromium({ extension: dist, args, profile });
    await onContext(b.raw);
    let [worker] = b.raw.serviceWorkers().filter((w) => w.url().startsWith("chrome-extension://"));
    worker ??= await b.raw.waitForEvent("serviceworker", { predicate: (w) => w.url().startsWith("chrome-extension://"), timeout: WAIT });
    b.worker = worker;
    b.extId = new URL(worker.url()).host;
    browserCdp = await b.raw.browser().newBrowserCDPSession();
    b.browserCdp = browserCdp;
    options = null;
    popup = null;
  };
  await start();
  const wrap = (p) => chromiumPage(b, p);
  // A tab's URL shows in tabs.query once the extension may see the tab (activeTab, after a toolbar click).
  const tabId = async (page) => {
    for (const deadline = Date.now() + WAIT; page.tabId == null && Date.now() < deadline; await sleep(100)) page.tabId = await options.evaluate(TAB_BY_URL, page.raw.url());
    return page.tabId;
  };
  Object.assign(b, {
    async welcome() {
      const url = `chrome-extension://${b.extId}/welcome/welcome.html`;
      for (const deadline = Date.now() + WAIT; Date.now() < deadline; await sleep(100)) {
        const p = b.raw.pages().find((p) => p.url() === url);
        if (p) return wrap(p);
      }
      return null;
    },
    /** The settings page: the welcome page navigated there on install; else an open one, or a new tab. */
    async settings() {
      const url = `chrome-extension://${b.extId}/options.html`;
      let p = await installSettingsPage(b.raw, b.extId, 2000);
      if (!p) {
        p = b.raw.pages().find((x) => x.url() === url) || (await b.raw.newPage());
        if (p.url() !== url) await p.goto(url);
        await p.waitForSelector("html[data-ready]", { timeout: WAIT });
      }
      options = p;
      // A popup window opened from an earlier settings page may be gone with it (an update).
      popup = null;
      b.options = wrap(p);
      return b.options;
    },
    async newPage() {
      // After a restart Chromium restores the last session's tabs (the
      // settings page) and may land one in a blank tab the test just
      // opened ("navigation ... is interrupted by another navigation to
      // options.html", a CI simulation under load 20): that tab is the
      // browser's, and the test opens another.
      for (let attempt = 1; ; attempt++) {
        const p = await b.raw.newPage();
        try {
          await p.goto(`about:blank#${attempt}`);
          return wrap(p);
        } catch (e) {
          if (attempt === 3 || !/interrupted by another navigation/.test(e.message)) throw e;
        }
      }
    },
    inExtension: (fn, ...args) => options.evaluate(fn, one(args)),
    tabId,
    async run(page, mode) {
      const id = await tabId(page);
      return options.evaluate(({ mode, id }) => chrome.runtime.sendMessage({ type: "run", mode, tabId: id }), { mode, id });
    },
    /**
     * The toolbar button for `page`'s tab, then the popup's "Reader view"
     * (in a window of its own: chromium-toolbar.mjs); `beforePress` runs
     * with the popup ready. Resolves to {pressed: performance.now() at the press}.
     */
    async pressReader(page, beforePress) {
      await clickToolbar({ browserCdp, extId: b.extId, page: page.raw });
      if (popup) await popup.reopen();
      else popup = await popupWindow({ context: b.raw, options, page: page.raw, extId: b.extId, wait: WAIT });
      if (beforePress) {
        await popup.page.waitForFunction(() => document.getElementById("reader").hasAttribute("aria-pressed"), null, { timeout: WAIT });
        await beforePress();
      }
      return { pressed: await popup.press() };
    },
    badge: async (page) => options.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), await tabId(page)),
    /** A toolbar click for `page` (it acts on its window's active tab): it opens the popup and grants the tab (activeTab). */
    async grantTab(page) {
      await page.front();
      await clickToolbar({ browserCdp, extId: b.extId, page: page.raw });
      await page.front();
    },
    /** Headless Chromium cannot answer the optional-permission prompt: pages are granted one by one (grantTab). */
    allowEverywhere: async () => null,
    /** The popup for `page`'s tab, in a tab of its own (a driver cannot reach the toolbar's popup). */
    async openPopup(page, { height = 620 } = {}) {
      const p = await b.raw.newPage();
      await p.setViewportSize({ width: 360, height });
      await p.goto(`chrome-extension://${b.extId}/popup/popup.html?tab=${await tabId(page)}`);
      return wrap(p);
    },
    /** By keyboard: focus into the control's button, Enter opens the list, Tab reaches the first entry's "show", Enter presses it. */
    async showFirstHidden(page) {
      await page.raw.evaluate(() => document.querySelector('[data-declutter="control"]').focus());
      for (const key of ["Enter", "Tab", "Enter"]) await page.raw.keyboard.press(key);
    },
    /** Closes the browser and starts it again on the same profile. */
    async restart() {
      await b.raw.close();
      await start();
    },
    /**
     * An update: the unpacked folder `dir` (the one loaded, now holding a
     * higher version) loaded again over the installed extension (CDP
     * `Extensions.loadUnpacked` on the same folder, so the same id: what
     * "Load unpacked" does; needs --enable-unsafe-extension-debugging).
     * chrome.runtime.reload() would be the other way, but in headless
     * Chromium the extension does not come back from it. Resolves to the
     * id it was loaded under, once its worker runs `version`.
     */
    async update(dir, version) {
      const { id } = await browserCdp.send("Extensions.loadUnpacked", { path: dir });
      for (const deadline = Date.now() + WAIT; Date.now() < deadline; await sleep(100)) {
        for (const w of b.raw.serviceWorkers()) {
          if (w.url().startsWith(`chrome-extension://${id}/`) && (await w.evaluate(() => chrome.runtime.getManifest().version).catch(() => null)) === version) return id;
        }
      }
      return null;
    },
    close: () => b.raw.close(),
  });
  return b;
}

function chromiumPage(b, p) {
  let cdp = null;
  const session = async () => (cdp ??= await b.raw.newCDPSession(p));
  const page = {
    raw: p,
    tabId: null,
    async goto(url) {
      b.phase = "page";
      await p.goto(url, { waitUntil: "load" });
    },
    url: async () => p.url(),
    evaluate: (fn, ...args) => p.evaluate(fn, one(args)),
    /** Resolves to `fn(arg)`'s first truthy value in the page; throws after `timeout`. */
    waitFor: (fn, arg = null, { timeout = WAIT, raf = false } = {}) => p.waitForFunction(fn, arg, { timeout, polling: raf ? "raf" : 100 }).then((h) => h.jsonValue()),
    shadow: async (selector, fn) => inShadow(await session(), selector, fn),
    click: (selector) => p.click(selector, { timeout: WAIT }),
    async fill(selector, value) {
      await p.fill(selector, value);
      await p.locator(selector).dispatchEvent("change");
    },
    select: (selector, value) => p.selectOption(selector, value),
    /** Presses keys ("Enter", "Tab") on the focused element. */
    async keys(...names) {
      for (const name of names) await p.keyboard.press(name);
    },
    screenshot: (path) => p.screenshot({ caret: "initial", path }),
    resize: (width, height) => p.setViewportSize({ width, height }),
    reload: () => p.reload(),
    front: () => p.bringToFront(),
    close: () => p.close(),
    dialogs: 0,
    // Nothing runs in the page's world but its own code: the DOM is read
    // through the debugger (one XSS vector booby-traps Object.prototype,
    // which a helper's code in that world would spring).
    quiet: {
      async hasReader(open) {
        const c = await session();
        for (const deadline = Date.now() + WAIT; Date.now() < deadline; await sleep(20)) {
          const { root } = await c.send("DOM.getDocument", { depth: 0 });
          const { nodeId } = await c.send("DOM.querySelector", { nodeId: root.nodeId, selector: '[data-declutter="reader"]' });
          if (!!nodeId === open) return true;
        }
        return false;
      },
      async log() {
        const { result } = await (await session()).send("Runtime.evaluate", { expression: "JSON.stringify(window.__xssLog || [])", returnByValue: true });
        return JSON.parse(result.value || "[]");
      },
      async outerHtml() {
        const c = await session();
        const { root } = await c.send("DOM.getDocument", { depth: 0 });
        const { nodeId } = await c.send("DOM.querySelector", { nodeId: root.nodeId, selector: "html" });
        return (await c.send("DOM.getOuterHTML", { nodeId })).outerHTML;
      },
      auditReader: async (audit) => page.shadow('[data-declutter="reader"]', `function () { return (${audit})(this.querySelector("main")); }`),
      extensionMarkup: async () => chromiumExtensionMarkup(await session()),
    },
  };
  return page;
}

// Declutter mode's markup, read through the debugger (its shadow roots are
// closed): the elements it added to the page and those in its control's
// and marks' shadow roots, as auditExtensionMarkup takes them.
async function chromiumExtensionMarkup(cdp) {
  const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
  const light = [];
  const shadow = [];
  const describe = (n) => {
    const attrs = [];
    for (let i = 0; i < (n.attributes || []).length; i += 2) attrs.push([n.attributes[i], n.attributes[i + 1]]);
    const text = n.localName === "style" ? (n.children || []).map((c) => c.nodeValue || "").join("") : undefined;
    return { tag: n.localName, attrs, text };
  };
  const collect = (n, into) => {
    if (n.nodeType !== 1) return;
    into.push(describe(n));
    for (const r of n.shadowRoots || []) for (const c of r.children || []) collect(c, shadow);
    for (const c of n.children || []) collect(c, into);
  };
  const walk = (n) => {
    if (n.nodeType === 1 && describe(n).attrs.some(([name]) => name === "data-declutter")) return collect(n, light);
    for (const c of n.children || []) walk(c);
  };
  walk(root);
  return { light, shadow, controls: light.filter((e) => e.attrs.some(([k, v]) => k === "data-declutter" && v === "control")).length };
}

// ---- Firefox ----

/** In an extension page or a web page: `fn(...args)` awaited, as {v} or {error}. */
const ASYNC = (fn, args) => `const done = arguments[arguments.length - 1];
Promise.resolve().then(() => ${call(fn, args)}).then((v) => done({ v }), (e) => done({ error: String(e && e.stack || e) }));`;

/**
 * Firefox with the extension `dist` installed as a temporary add-on (after
 * the temporary add-ons `before`), or
 * with `xpi` installed for good (then `profile`, a kept folder, is used and
 * restart() starts again on it); `prefs` added to extensionPrefs(`proxyPort`).
 */
async function startFirefox({ dist, xpi, profile, proxyPort, prefs = {}, before = [] }) {
  const b = { name: "firefox", grantsByClick: false };
  let current = null;
  let optionsHandle = null;
  let home = null;
  const start = async (homePage) => {
    b.raw = await launchFirefox({
      addon: before.length ? null : dist,
      profile,
      prefs: {
        ...extensionPrefs(proxyPort),
        ...(xpi ? { "xpinstall.signatures.required": false } : {}),
        ...(homePage ? { "browser.startup.page": 1, "browser.startup.homepage": homePage } : {}),
        ...prefs,
      },
    });
    await b.raw.manage().setTimeouts({ script: WAIT, pageLoad: 30000 });
    current = null;
    optionsHandle = null;
  };
  await start();
  // Add-ons `before` the extension (a language pack, whose language the extension then gets).
  for (const addon of before) await b.raw.installAddon(addon, true);
  if (before.length) await b.raw.installAddon(dist, true);
  if (xpi) await b.raw.installAddon(xpi, false);
  const driver = () => b.raw;
  /** Makes the window `handle` current. */
  const use = async (handle) => {
    if (current === handle) return;
    await driver().switchTo().window(handle);
    current = handle;
  };
  const wrap = (handle) => firefoxPage(b, handle, use, () => (current = null));
  // After a command that switched windows by itself.
  const sync = async () => (current = await driver().getWindowHandle());
  const inExtension = async (fn, ...args) => {
    await use(optionsHandle);
    const r = await driver().executeAsyncScript(ASYNC(fn, args));
    if (r?.error) throw new Error(`in the settings page: ${r.error}`);
    return r?.v;
  };
  const tabId = async (page) => (page.tabId ??= await inExtension(TAB_BY_URL, await page.url()));
  const run = async (page, mode, extra = {}) => {
    const id = await tabId(page);
    return inExtension((message) => browser.runtime.sendMessage(message), { type: "run", mode, tabId: id, ...extra }).catch((e) => ({ error: e.message }));
  };
  Object.assign(b, {
    async welcome() {
      const handle = await findWelcomeWindow(driver());
      await sync();
      return handle && wrap(handle);
    },
    async settings() {
      optionsHandle = await findOptionsWindow(driver());
      await sync();
      home = await driver().getCurrentUrl();
      b.extId = new URL(home).host;
      b.options = wrap(optionsHandle);
      return b.options;
    },
    /** A window of its own: a background tab would not paint. */
    async newPage() {
      await driver().switchTo().newWindow("window");
      return wrap(await sync());
    },
    inExtension,
    tabId,
    run,
    /**
     * The toolbar's handler, handed the click time as the settings page
     * sends it (so a background's start counts in the reader's click to
     * paint). Resolves to {reply, clickTime}.
     */
    async pressReader(page) {
      const id = await tabId(page);
      return inExtension(async (tabId) => {
        const clickTime = Date.now();
        return { reply: await browser.runtime.sendMessage({ type: "run", mode: "reader", tabId, clickTime }), clickTime };
      }, id).catch((e) => ({ reply: { error: e.message } }));
    },
    badge: async (page) => inExtension((tabId) => browser.action.getBadgeText({ tabId }), await tabId(page)),
    /** Nothing to do: the host permission comes from allowEverywhere (a driver cannot click the toolbar). */
    grantTab: async () => {},
    /**
     * A real click on the settings page's "On every site" asks for and gets
     * the optional host permission (granted without a prompt by
     * `extensions.webextOptionalPermissionPrompts`); with `auto` false,
     * auto-declutter is then turned off again in storage, keeping the
     * permission. Resolves to whether it was granted.
     */
    async allowEverywhere({ auto }) {
      await use(optionsHandle);
      const granted = await grantHostAccessByClick(driver());
      // The status line speaks the extension's language: with a language
      // pack installed first (the i18n part), "Saved" reads "Gespeichert".
      const saved = await driver().executeScript(() => globalThis.browser?.i18n?.getMessage("options_saved") || "Saved");
      await waitStatus(driver(), saved);
      if (granted && !auto) await autoDeclutterOffKeepingAccess(driver());
      return granted;
    },
    /** The popup for `page`'s tab in a window of its own (a driver cannot reach the toolbar's popup). */
    async openPopup(page, { height = 620 } = {}) {
      const id = await tabId(page);
      const before = new Set(await driver().getAllWindowHandles());
      await inExtension(({ id, height }) => browser.windows.create({ url: `/popup/popup.html?tab=${id}`, width: 380, height }).then(() => true), { id, height });
      let handle = null;
      await driver().wait(async () => (handle = (await driver().getAllWindowHandles()).find((h) => !before.has(h))), WAIT);
      return wrap(handle);
    },
    /**
     * By clicks: the control's button opens the list, then the first
     * entry's "show" (keys sent through geckodriver did not reach the
     * closed shadow tree's focused button).
     */
    async showFirstHidden(page) {
      await use(page.handle);
      const root = await (await driver().findElement(By.css('[data-declutter="control"]'))).getShadowRoot();
      await (await root.findElement(By.css(".pill"))).click();
      await (await root.findElement(By.css("li button.act"))).click();
    },
    /** Quits and starts again on the same profile, with the settings page as the home page (the one opened on install is gone). */
    async restart() {
      await driver().quit();
      await start(home);
    },
    /**
     * An update: the XPI `xpi` (same id, higher version) installed over the
     * add-on. It closes the extension's pages; the id it runs under is
     * known from the settings page after a restart, so this resolves to undefined.
     */
    async update(xpi) {
      await driver().installAddon(xpi, false);
    },
    close: () => driver().quit().catch(() => {}),
  });
  return b;
}

// Runs a driver command, dismissing (and counting in `page.dialogs`) the
// page's own dialogs that make it fail (XSS vectors open them).
async function dismissing(page, command) {
  for (let i = 0; ; i++) {
    try {
      return await command();
    } catch (e) {
      if (e.name !== "UnexpectedAlertOpenError" || i >= 50) throw e;
      page.dialogs++;
    }
  }
}

function firefoxPage(b, handle, use, forget) {
  const driver = () => b.raw;
  const at = async (command) => {
    await dismissing(page, () => use(handle));
    return dismissing(page, command);
  };
  const evaluate = async (fn, ...args) => {
    const r = await at(() => driver().executeAsyncScript(ASYNC(fn, args)));
    if (r?.error) throw new Error(`in the page: ${r.error}`);
    return r?.v;
  };
  // The host of a closed shadow root: the element itself, or the <div> in a mark's <li> / <tr> wrapper.
  const shadowRoot = async (el) => (await el.getShadowRoot().catch(() => null)) ?? (await el.findElement(By.css("div"))).getShadowRoot();
  const page = {
    handle,
    tabId: null,
    dialogs: 0,
    async goto(url) {
      const t0 = performance.now();
      await at(() => driver().get(url));
      return t0;
    },
    url: () => at(() => driver().getCurrentUrl()),
    evaluate,
    waitFor: (fn, arg = null, { timeout = WAIT } = {}) =>
      driver()
        .wait(() => evaluate(fn, arg), timeout)
        .catch((e) => {
          throw new Error(`waited ${timeout} ms for ${String(fn).slice(0, 80)}: ${e.message.split("\n")[0]}`);
        }),
    async shadow(selector, fn) {
      const [host] = await at(() => driver().findElements(By.css(selector)));
      if (!host) return null;
      // A shadow root reference does not reach a script as an argument: an
      // element of the tree does, and its getRootNode() is the root.
      const [inside] = await (await shadowRoot(host)).findElements(By.css("*"));
      if (!inside) return null;
      return JSON.parse(await at(() => driver().executeScript(`return JSON.stringify((${fn}).call(arguments[0].getRootNode()));`, inside)));
    },
    click: async (selector) => (await at(() => driver().findElement(By.css(selector)))).click(),
    // Typed keys do not reach extension pages in headless Firefox: the value is set by script.
    fill: (selector, value) =>
      evaluate(
        (selector, value) => {
          const el = document.querySelector(selector);
          el.value = value;
          el.dispatchEvent(new Event("input", { bubbles: true }));
          el.dispatchEvent(new Event("change", { bubbles: true }));
        },
        selector,
        value,
      ),
    select: async (selector, value) => (await at(() => driver().findElement(By.css(`${selector} option[value="${value}"]`)))).click(),
    /** Sends keys ("Enter", "Tab") to the focused element. */
    async keys(...names) {
      for (const name of names) await (await at(() => driver().switchTo().activeElement())).sendKeys(Key[name.toUpperCase()]);
    },
    screenshot: async (path) => writeFile(path, await at(() => driver().takeScreenshot()), "base64"),
    resize: (width, height) => at(() => driver().manage().window().setRect({ width, height })),
    reload: () => at(() => driver().navigate().refresh()),
    front: () => use(handle),
    // Then another window is made current: commands (a new window too) fail from a closed one.
    async close() {
      await use(handle);
      await driver().close();
      forget();
      const [other] = await driver().getAllWindowHandles();
      if (other) await use(other);
    },
    // WebDriver reads of an XSS page, as the tests did before the driver (executeScript
    // runs apart from the page's own scripts in Firefox).
    quiet: {
      async hasReader(open) {
        return driver()
          .wait(async () => (await at(() => driver().findElements(By.css('[data-declutter="reader"]')))).length > 0 === open, WAIT)
          .then(() => true, () => false);
      },
      log: () => at(() => driver().executeScript(() => window.__xssLog || [])),
      outerHtml: () => at(() => driver().executeScript(() => document.documentElement.outerHTML)),
      async auditReader(audit) {
        const host = await at(() => driver().findElement(By.css('[data-declutter="reader"]')));
        const main = await (await host.getShadowRoot()).findElement(By.css("main"));
        return at(() => driver().executeScript(audit, main));
      },
      async extensionMarkup(describeElements) {
        const light = await at(async () => driver().executeScript(describeElements, await driver().findElements(By.css("[data-declutter], [data-declutter] *"))));
        const shadow = [];
        for (const outer of await at(() => driver().findElements(By.css('[data-declutter="bar"], [data-declutter="control"]')))) {
          const inside = await (await shadowRoot(outer)).findElements(By.css("*"));
          shadow.push(...(await at(() => driver().executeScript(describeElements, inside))));
        }
        return { light, shadow, controls: (await at(() => driver().findElements(By.css('[data-declutter="control"]')))).length };
      },
    },
  };
  return page;
}

