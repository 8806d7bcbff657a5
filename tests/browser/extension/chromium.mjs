// The extension in headless Chromium: real toolbar clicks through CDP
// `Extensions.triggerAction`; the closed shadow roots are read through CDP
// too (a page script cannot see them, and neither can Playwright's
// selectors). Declutter is driven through the extension's own page
// (options.html) with the `run` message, the handler the shortcut and
// context menu call, since a test cannot press extension shortcuts.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { installSettingsPage, launchChromium } from "../lib/browsers.mjs";
import { serve } from "../../../scripts/serve.mjs";
import { XSS_HEADERS, XssTally, auditReader, writeXssPages } from "./xss.mjs";
import { firstDifference, isLocal, namedByPages, pageState, percentiles, scoreCollapse, scoreReader, snippetStates } from "./pages.mjs";

const WAIT = 15000;

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

/** Runs in the reader's shadow root (see inShadow): what it shows and how. */
export function readerInfo() {
  const view = this.querySelector(".reader");
  return {
    font: view.style.getPropertyValue("--font"),
    mode: this.mode,
    text: this.querySelector("main").textContent,
    title: this.querySelector("h1")?.textContent,
    theme: view.dataset.theme,
    size: view.style.getPropertyValue("--size"),
    h1Color: getComputedStyle(this.querySelector("h1")).color,
    hostVisible: this.host.checkVisibility(),
  };
}

function barInfo() {
  const button = this.querySelector("button.toggle");
  return { mode: this.mode, label: button.textContent, expanded: button.getAttribute("aria-expanded"), reasons: this.querySelectorAll("li").length };
}

/** Runs every Chromium check; `t` records checks, timings and artifacts. */
export async function runChromium({ pages, html, dist, artifacts, t }) {
  const context = await launchChromium({ extension: dist });
  // Remote requests, by when they were made: while a page loads (the
  // page's own), or after the extension was started on it.
  const remote = [];
  let phase = "page";
  try {
    await context.route("**/*", (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
    context.on("request", (r) => {
      if (!isLocal(r.url())) remote.push({ url: r.url(), phase, worker: !!r.serviceWorker() });
    });
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent("serviceworker", { timeout: WAIT });
    const extId = new URL(worker.url()).host;
    if (process.env.DEBUG_EXTENSION) {
      worker.on("console", (m) => console.log(`  [worker] ${m.text()}`));
      context.on("console", (m) => console.log(`  [console] ${m.text()}`));
    }
    const browserCdp = await context.browser().newBrowserCDPSession();
    // The extension opens its settings page on install.
    const options = await installSettingsPage(context, extId, WAIT);
    t.check("chromium: the settings page opens on install", !!options);
    if (!options) return;
    const page = context.pages().find((p) => p !== options && !p.url().startsWith("chrome-extension:")) || (await context.newPage());
    const cdp = await context.newCDPSession(page);

    const click = async () => {
      const { targetInfos } = await browserCdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
      const tab = targetInfos.find((i) => i.url === page.url());
      await browserCdp.send("Extensions.triggerAction", { id: extId, targetId: tab.targetId });
    };
    const tabId = () => options.evaluate(async (url) => (await chrome.tabs.query({})).find((x) => x.url === url)?.id, page.url());
    const runMode = async (mode) => options.evaluate(({ mode, tabId }) => chrome.runtime.sendMessage({ type: "run", mode, tabId }), { mode, tabId: await tabId() });
    const waitReader = (open) =>
      page.waitForFunction((open) => !!document.querySelector('[data-declutter="reader"]') === open, open, { polling: "raf", timeout: WAIT });

    const times = [];
    for (const p of pages) {
      const name = `chromium ${p.name}`;
      await page.bringToFront();
      phase = "page";
      await page.goto(p.url, { waitUntil: "load" });
      await page.waitForTimeout(200);
      phase = "extension";
      await page.evaluate(() => window.scrollTo(0, 400));
      const base = await page.evaluate(pageState);
      const snippets = p.labels.map((b) => b.text);
      const before = await page.evaluate(snippetStates, snippets);

      // Reader view through the toolbar button.
      const t0 = performance.now();
      await click();
      await waitReader(true);
      times.push(performance.now() - t0);
      const reader = await inShadow(cdp, '[data-declutter="reader"]', readerInfo);
      const r = scoreReader(reader?.text || "", p.labels);
      t.check(`${name}: reader view opens from the toolbar`, !!reader && reader.hostVisible && reader.mode === "closed", reader ? `title "${reader.title}", ${times.at(-1).toFixed(0)} ms click to paint` : "no reader");
      t.check(`${name}: reader shows the article`, r.kept >= Math.ceil(r.content / 2), `${r.kept}/${r.content} content snippets`);
      t.check(`${name}: reader has no labelled promo/related snippet`, r.leaked.length === 0, r.leaked.join(" | "));
      const open = await page.evaluate(pageState);
      t.check(`${name}: page scripts cannot reach the reader`, !open.readerShadowVisibleToPage);
      await page.screenshot({ caret: "initial", path: join(artifacts, `chromium-${p.name}-reader.png`) });
      await click();
      await waitReader(false);
      const back = await page.evaluate(pageState);
      t.check(`${name}: toggling back restores the page`, back.html === base.html && back.scrollY === base.scrollY, `scrollY ${base.scrollY} -> ${back.scrollY} ${firstDifference(base.html, back.html)}`);

      // Declutter in place.
      const result = await runMode("declutter");
      const after = await page.evaluate(snippetStates, snippets);
      const c = scoreCollapse(p.labels, before, after);
      const state = await page.evaluate(pageState);
      t.collapse("chromium", p.name, c);
      t.check(`${name}: declutter collapses blocks behind bars`, result?.value?.collapsed > 0 && state.bars === result.value.collapsed, `${state.bars} bars, ${c.collapsed}/${c.target} labelled promo/related hidden`);
      t.check(`${name}: declutter leaves content visible`, c.contentHidden.length === 0, c.contentHidden.join(" | "));
      const badge = await options.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), await tabId());
      t.check(`${name}: badge counts the collapsed blocks`, badge === String(state.bars), `badge "${badge}"`);
      await page.evaluate(() => document.querySelector('[data-declutter="bar"]')?.scrollIntoView({ block: "center" }));
      await page.screenshot({ caret: "initial", path: join(artifacts, `chromium-${p.name}-decluttered.png`) });
      const bar = await inShadow(cdp, '[data-declutter="bar"]', barInfo);
      t.check(`${name}: bar is a labelled button`, bar?.mode === "closed" && bar.expanded === "false" && /· show$/.test(bar.label), bar?.label);
      // By keyboard: focus goes into the bar's button, Enter presses it.
      await page.evaluate(() => {
        const bar = document.querySelector('[data-declutter="bar"]');
        (bar.localName === "div" ? bar : bar.querySelector("div")).focus();
      });
      await page.keyboard.press("Enter");
      const shown = await page.evaluate(pageState);
      const barOpen = await inShadow(cdp, '[data-declutter="bar"]', barInfo);
      t.check(`${name}: "show" restores one block with its reasons`, shown.hidden < state.hidden && barOpen?.expanded === "true" && barOpen.reasons > 0, `${state.hidden} -> ${shown.hidden} hidden elements, ${barOpen?.reasons} reasons`);
      if (p === pages[0]) await checkBarActions({ page, pageUrl: p.url, runMode, bars: state.bars, t });
      await runMode("declutter");
      const restored = await page.evaluate(pageState);
      t.check(`${name}: declutter off restores the DOM exactly`, restored.html === base.html, firstDifference(base.html, restored.html));
    }
    t.timing("chromium, all pages", percentiles(times));
    // The first click also waits for the extension's context to finish
    // loading the core, as after a browser start.
    t.timing("chromium, after the first click", percentiles(times.slice(1)));
    await checkStoppedWorker({ page, pages, options, click, waitReader, t });

    await checkSettings({ options, page, pages, click, waitReader, cdp, t });
    await checkHostileCss({ page, pages, click, waitReader, cdp, t });
    phase = "page";
    await checkXss({ page, options, click, cdp, artifacts, html, setPhase: (p) => (phase = p), t });
    // After the extension started, a remote request is the page's own only
    // if the page already made it while loading, or its markup names it
    // (an article image the reader view shows).
    const loaded = new Set(remote.filter((r) => r.phase === "page").map((r) => r.url));
    const foreign = remote.filter((r) => r.worker || (r.phase === "extension" && !loaded.has(r.url) && !namedByPages(r.url, html)));
    t.check("chromium: no request leaves localhost except the pages' own", foreign.length === 0, `${remote.length} remote requests by the pages, all blocked; ${foreign.length} not the pages' own${foreign.length ? ": " + foreign.slice(0, 3).map((r) => r.url).join(", ") : ""}`);
  } finally {
    await context.close();
  }
}

// The open bar's actions, by keyboard from its button: "Always show this
// block on this site" (the next declutter leaves it), then "Copy report"
// (the clipboard gets the page's address and the reasons).
async function checkBarActions({ page, pageUrl, runMode, bars, t }) {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(pageUrl).origin });
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(200);
  await runMode("declutter");
  await runMode("declutter");
  const again = await page.evaluate(pageState);
  t.check("chromium: \"Always show this block on this site\" is remembered", again.bars === bars - 1, `${bars} -> ${again.bars} bars`);
  await page.evaluate(() => {
    const bar = document.querySelector('[data-declutter="bar"]');
    (bar.localName === "div" ? bar : bar.querySelector("div")).focus();
  });
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(200);
  const report = await page.evaluate(() => navigator.clipboard.readText()).catch((e) => `clipboard: ${e.message}`);
  t.check("chromium: \"Copy report\" copies the address and the reasons", report.includes(pageUrl) && /promo \(\d\.\d\d\)/.test(report) && /^ {2}- /m.test(report), report.split("\n").slice(0, 4).join(" / "));
}

// Settings: saved from the options page, kept over a reload, used by the
// reader; corrupt stored values fall back to the defaults.
async function checkSettings({ options, page, pages, click, waitReader, cdp, t }) {
  await options.bringToFront();
  await options.check("#theme-sepia");
  await options.fill("#fontSize", "23");
  await options.locator("#fontSize").dispatchEvent("change");
  await options.waitForFunction(() => document.getElementById("status").textContent === "Saved");
  await options.reload();
  await options.waitForSelector("html[data-ready]");
  const kept = await options.evaluate(() => ({ theme: document.querySelector("#theme-sepia").checked, size: document.querySelector("#fontSize").value }));
  t.check("chromium: settings survive a reload", kept.theme && kept.size === "23", JSON.stringify(kept));
  await page.bringToFront();
  await page.goto(pages[0].url);
  await click();
  await waitReader(true);
  const reader = await inShadow(cdp, '[data-declutter="reader"]', readerInfo);
  t.check("chromium: reader uses the saved settings", reader?.theme === "sepia" && reader.size === "23px", `${reader?.theme} ${reader?.size}`);
  await click();
  await waitReader(false);
  await options.evaluate(() => chrome.storage.sync.set({ settings: { theme: "purple", fontSize: "huge", collapse: 3 } }));
  const warnings = [];
  const onConsole = (m) => m.type() === "warning" && warnings.push(m.text());
  options.on("console", onConsole);
  await options.reload();
  await options.waitForSelector("html[data-ready]");
  options.off("console", onConsole);
  const fallback = await options.evaluate(() => ({ theme: document.querySelector("#theme-system").checked, size: document.querySelector("#fontSize").value, promo: document.querySelector("#collapse-promo").checked }));
  t.check("chromium: corrupt settings fall back to defaults", fallback.theme && fallback.size === "19" && fallback.promo, JSON.stringify(fallback));
  const warned = ["theme", "fontSize", "collapse"].filter((key) => warnings.some((w) => w.startsWith(`Declutter: setting ${key} `)));
  t.check("chromium: each corrupt setting is named in a console warning", warned.length === 3, warnings.join(" | "));
  await options.evaluate(() => chrome.storage.sync.remove("settings"));
}

// A value from the page's world, read by the debugger without running any
// helper code there.
async function worldValue(cdp, expression) {
  const { result } = await cdp.send("Runtime.evaluate", { expression, returnByValue: true });
  return result.value;
}

// Waits for the reader host to be there (or gone), polling the DOM through
// the debugger; resolves to whether it happened in time.
async function pollReader(cdp, open) {
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: '[data-declutter="reader"]' });
    if (!!nodeId === open) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

// DOMPurify's XSS vectors in article pages, each page loaded three times:
// through the reader, through declutter mode, and left alone (the control:
// the vector pages run their own scripts). Neither mode may run anything
// of its own (a handler firing in a closed shadow tree has no
// window.event, so it shows as a call the control does not make) or set
// off more of the page's code than the control, the reader shows only
// allowlisted markup, declutter collapses the hostile promo and related
// blocks and adds only its own allowlisted markup, and the page's own
// markup stays as it was but for the hiding mark.
async function checkXss({ page, options, click, cdp, artifacts, html, setPhase, t }) {
  const dir = join(artifacts, "..", "extension-xss-pages");
  const { names, count } = await writeXssPages(dir);
  const server = await serve({ root: dir, headers: XSS_HEADERS });
  // The tab's id, once: a vector may move the page's address, so it cannot
  // be found by it. The page's tab is the one that is not the settings page.
  const [id, ...others] = await options.evaluate(async () => (await chrome.tabs.query({})).filter((x) => !x.url?.startsWith("chrome-extension:")).map((x) => x.id));
  if (others.length) throw new Error("more than one page tab open for the XSS checks");
  const runMode = async (mode) => (await options.evaluate(({ mode, id }) => chrome.runtime.sendMessage({ type: "run", mode, tabId: id }), { mode, id }))?.value;
  // From here on nothing runs in the page's world but the page and this
  // read of the trap's log: one vector booby-traps Object.prototype, which
  // a test helper's code in that world would spring.
  const log = () => worldValue(cdp, "JSON.stringify(window.__xssLog || [])").then((v) => JSON.parse(v || "[]"));
  const load = async (name) => {
    setPhase("page");
    await page.goto(server.url + name, { waitUntil: "load" });
    const loaded = Date.now();
    await page.waitForTimeout(200);
    setPhase("extension");
    return loaded;
  };
  const tally = new XssTally(names, count);
  try {
    for (const name of names) {
      html.push(await readFile(join(dir, name), "utf8"));

      // Through the reader.
      let loaded = await load(name);
      await click();
      const calls = { reader: null, declutter: null };
      let decluttered = null;
      let longest = 0;
      if (await pollReader(cdp, true)) {
        await page.waitForTimeout(150);
        calls.reader = await log();
        longest = Date.now() - loaded;
        tally.reader(name, true, await inShadow(cdp, '[data-declutter="reader"]', `function () { return (${auditReader})(this.querySelector("main")); }`));
        await click();
        await pollReader(cdp, false);
      } else tally.reader(name, false);

      // Through declutter mode. The extension may touch a page once the
      // user clicked its button there (activeTab): the reader is opened and
      // closed first.
      loaded = await load(name);
      await click();
      if ((await pollReader(cdp, true)) && (await click(), await pollReader(cdp, false))) {
        const before = await outerHtml(cdp);
        const result = await runMode("declutter");
        await page.waitForTimeout(150);
        const during = await outerHtml(cdp);
        const markup = await extensionMarkup(cdp);
        calls.declutter = await log();
        longest = Math.max(longest, Date.now() - loaded);
        await runMode("declutter");
        tally.declutter(name, { result, markup });
        decluttered = { before, during };
      } else tally.declutter(name, { failed: "the reader did not open and close" });

      // The control, left alone for longer than either mode's load.
      await load(name);
      const first = await outerHtml(cdp);
      await page.waitForTimeout(longest + 300);
      const second = await outerHtml(cdp);
      tally.control(name, { first, second, control: await log(), calls, decluttered });
    }
  } finally {
    await server.close();
  }
  tally.report(t, "chromium");
}

// Declutter mode's markup, read through the debugger (the bars' shadow
// roots are closed): the elements it added to the page and those in its
// bars' shadow roots, as auditExtensionMarkup takes them.
async function extensionMarkup(cdp) {
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
  return { light, shadow, bars: light.filter((e) => e.attrs.some(([k, v]) => k === "data-declutter" && v === "bar")).length };
}

async function outerHtml(cdp) {
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "html" });
  return (await cdp.send("DOM.getOuterHTML", { nodeId })).outerHTML;
}

// Chromium stops an extension's service worker after 30 s without events,
// so a user's click usually starts it again: the reader must still open,
// and the time it takes (worker start, the core's load and first-use
// costs, the analysis) is reported beside the warm figures.
async function checkStoppedWorker({ page, pages, options, click, waitReader, t }) {
  const optionsCdp = await options.context().newCDPSession(options);
  await optionsCdp.send("ServiceWorker.enable");
  const times = [];
  const failed = [];
  for (const p of pages.slice(0, 6)) {
    await page.goto(p.url, { waitUntil: "load" });
    await optionsCdp.send("ServiceWorker.stopAllWorkers");
    await page.waitForTimeout(300);
    const t0 = performance.now();
    await click();
    const opened = await waitReader(true).then(() => true, () => false);
    if (!opened) {
      failed.push(p.name);
      continue;
    }
    times.push(performance.now() - t0);
    await click();
    await waitReader(false);
  }
  t.check("chromium: the reader opens on a click that has to start the stopped service worker", failed.length === 0, `${times.length} pages${failed.length ? "; not on " + failed.join(", ") : ""}`);
  t.timing("chromium, service worker stopped before the click", percentiles(times));
  const offscreen = () => options.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ["OFFSCREEN_DOCUMENT"] })).map((c) => c.documentUrl));
  const open = await offscreen();
  t.check("chromium: the core's offscreen document outlives the stopped worker", open.length === 1 && open[0].endsWith("/offscreen.html"), JSON.stringify(open));

  // Chrome may close the document (or it may crash on a page): the next
  // click must bring it back, whether the worker is running or not.
  const reopened = [];
  for (const stopWorker of [false, true]) {
    await page.goto(pages[0].url, { waitUntil: "load" });
    await options.evaluate(() => chrome.offscreen.closeDocument().catch(() => {}));
    if (stopWorker) await optionsCdp.send("ServiceWorker.stopAllWorkers");
    await page.waitForTimeout(300);
    await click();
    const opened = await waitReader(true).then(() => true, () => false);
    reopened.push(`${stopWorker ? "worker stopped" : "worker running"}: ${opened ? "opens" : "does not open"}, ${(await offscreen()).length} offscreen document`);
    if (opened) {
      await click();
      await waitReader(false);
    }
  }
  t.check("chromium: the reader opens after the core's offscreen document was closed", reopened.every((r) => r.includes(": opens, 1 ")), reopened.join("; "));
}

// A page that restyles everything cannot restyle or hide the reader.
async function checkHostileCss({ page, pages, click, waitReader, cdp, t }) {
  await page.bringToFront();
  await page.goto(pages[0].url);
  await page.addStyleTag({ content: "div { display: none !important; visibility: hidden !important; opacity: 0 !important; } * { color: rgb(255, 0, 0) !important; font-size: 3px !important; }" });
  await click();
  await waitReader(true);
  const reader = await inShadow(cdp, '[data-declutter="reader"]', readerInfo);
  t.check("chromium: page CSS cannot restyle the reader", reader?.hostVisible && reader.h1Color !== "rgb(255, 0, 0)", `h1 color ${reader?.h1Color}`);
  await click();
  await waitReader(false);
}
