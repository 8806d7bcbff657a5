// The extension in headless Chromium: real toolbar clicks through CDP
// `Extensions.triggerAction`; the closed shadow roots are read through CDP
// too (a page script cannot see them, and neither can Playwright's
// selectors). Declutter is driven through the extension's own page
// (options.html) with the `run` message, the handler the shortcut and
// context menu call, since a test cannot press extension shortcuts.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launchChromium } from "../lib/browsers.mjs";
import { clickToolbar, popupWindow } from "./chromium-toolbar.mjs";
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

/** Runs in the page-level control's shadow root (see inShadow): its button and list. */
export function controlInfo() {
  const pill = this.querySelector(".pill");
  const first = this.querySelector("li");
  return {
    mode: this.mode,
    label: pill.textContent,
    count: Number(pill.textContent.match(/^(\d+) hidden$/)?.[1] ?? -1),
    expanded: pill.getAttribute("aria-expanded"),
    entries: this.querySelectorAll("li").length,
    first: first ? { label: first.querySelector(".label").textContent, act: first.querySelector("button.act").textContent, why: first.querySelector(".why")?.textContent || "" } : null,
  };
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
    // The extension opens its welcome page on install, with the shortcuts.
    const welcomeUrl = `chrome-extension://${extId}/welcome/welcome.html`;
    let welcome = null;
    for (const deadline = Date.now() + WAIT; !welcome && Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      welcome = context.pages().find((p) => p.url() === welcomeUrl) || null;
    }
    t.check("chromium: the welcome page opens on install", !!welcome);
    if (!welcome) return;
    const keys = await welcome.waitForFunction(() => document.querySelectorAll("#shortcuts kbd").length >= 2 && [...document.querySelectorAll("#shortcuts li")].map((li) => `${li.dataset.command}=${li.querySelector("kbd")?.textContent || ""}`), null, { timeout: WAIT }).then((h) => h.jsonValue()).catch(() => null);
    t.check("chromium: the welcome page shows both shortcuts set", keys?.includes("toggle-reader=Alt+Shift+E") && keys.includes("toggle-declutter=Alt+Shift+D"), JSON.stringify(keys));
    await welcome.setViewportSize({ width: 1000, height: 900 });
    await welcome.screenshot({ path: join(artifacts, "chromium-welcome.png"), fullPage: true });
    const optionsUrl = `chrome-extension://${extId}/options.html`;
    const options = welcome;
    await options.goto(optionsUrl);
    await options.waitForSelector("html[data-ready]", { timeout: WAIT });
    const page = context.pages().find((p) => p !== options && !p.url().startsWith("chrome-extension:")) || (await context.newPage());
    const cdp = await context.newCDPSession(page);

    // The toolbar button opens the popup (and grants activeTab); the test
    // presses the popup's "Reader view" in a copy of it for the page's tab,
    // in a window of its own (a driver cannot reach the toolbar's popup).
    let popup = null;
    // `beforePress` runs with the popup ready, just before the press.
    const click = async (beforePress) => {
      await clickToolbar({ browserCdp, extId, page });
      if (popup) await popup.reopen();
      else popup = await popupWindow({ context, options, page, extId, wait: WAIT });
      if (beforePress) {
        await popup.page.waitForFunction(() => document.getElementById("reader").hasAttribute("aria-pressed"), null, { timeout: WAIT });
        await beforePress();
      }
      // The time of the press, for the click-to-paint figures.
      return popup.press();
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
      const t0 = await click();
      await waitReader(true);
      times.push(performance.now() - t0);
      const reader = await inShadow(cdp, '[data-declutter="reader"]', readerInfo);
      const r = scoreReader(reader?.text || "", p.labels);
      t.check(`${name}: reader view opens from the toolbar`, !!reader && reader.hostVisible && reader.mode === "closed", reader ? `title "${reader.title}", ${times.at(-1).toFixed(0)} ms click to paint` : "no reader");
      t.check(`${name}: reader shows the article`, r.kept >= Math.ceil(r.content / 2), `${r.kept}/${r.content} content snippets`);
      t.check(`${name}: reader has no labelled promo/related snippet`, r.leaked.length === 0, r.leaked.join(" | "));
      const open = await page.evaluate(pageState);
      t.check(`${name}: page scripts cannot reach the reader`, !open.readerShadowVisibleToPage);
      const readerBadge = await options.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), await tabId());
      t.check(`${name}: the badge is empty while the reader is open`, readerBadge === "", `badge "${readerBadge}"`);
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
      const control = await inShadow(cdp, '[data-declutter="control"]', controlInfo);
      const count = result?.value?.collapsed;
      t.check(
        `${name}: declutter hides blocks, leaves no bar, and one control counts them`,
        count > 0 && state.bars === 0 && state.controls === 1 && control?.count === count && control.entries === count,
        `${state.bars} bars, ${state.controls} controls saying "${control?.label}", ${control?.entries} entries, ${count} hidden; ${c.collapsed}/${c.target} labelled promo/related hidden`,
      );
      t.check(`${name}: declutter leaves content visible`, c.contentHidden.length === 0, c.contentHidden.join(" | "));
      const badge = await options.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), await tabId());
      t.check(`${name}: badge counts the hidden widgets`, badge === String(count), `badge "${badge}"`);
      if (p === pages[0]) await checkPopup({ context, page, extId, tabId: await tabId(), count, artifacts, t });
      await page.screenshot({ caret: "initial", path: join(artifacts, `chromium-${p.name}-decluttered.png`) });
      t.check(`${name}: the control is a labelled button, its list closed`, control?.mode === "closed" && control.expanded === "false", control?.label);
      // By keyboard: focus goes into the control's button, Enter opens the
      // list, Tab reaches the first entry's "show", Enter presses it.
      await page.evaluate(() => document.querySelector('[data-declutter="control"]').focus());
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      const shown = await page.evaluate(pageState);
      const listed = await inShadow(cdp, '[data-declutter="control"]', controlInfo);
      await page.screenshot({ caret: "initial", path: join(artifacts, `chromium-${p.name}-list.png`) });
      t.check(
        `${name}: the list opens by keyboard, and its first "show" brings one widget back`,
        shown.hidden < state.hidden && listed?.expanded === "true" && listed.first?.act === "hide" && !/\bconfidence\b|%/.test(listed.first.why),
        `${state.hidden} -> ${shown.hidden} hidden elements; first entry ${JSON.stringify(listed?.first)}`,
      );
      if (p === pages[0]) await checkListActions({ page, cdp, pageUrl: p.url, runMode, count, t });
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
/** Runs in the page: how many elements Declutter hides in it. */
function hiddenCount() {
  return document.querySelectorAll("[data-declutter-hidden]").length;
}

// The popup, opened in a tab for the page's tab (the decluttered seed
// page): its counts match the page, its declutter toggle acts, its kinds
// persist in the settings.
async function checkPopup({ context, page, extId, tabId, count, artifacts, t }) {
  const popup = await context.newPage();
  try {
    await popup.setViewportSize({ width: 360, height: 620 });
    await popup.goto(`chrome-extension://${extId}/popup/popup.html?tab=${tabId}`);
    const ready = () => popup.waitForFunction(() => document.getElementById("declutter").hasAttribute("aria-pressed") && document.getElementById("total").textContent, null, { timeout: WAIT });
    await ready();
    const shown = await popup.evaluate(() => ({
      article: document.getElementById("article").textContent,
      total: document.getElementById("total").textContent,
      byLabel: [...document.querySelectorAll("#labels li")].map((li) => Number(li.textContent.match(/: (\d+)$/)?.[1])),
      pressed: document.getElementById("declutter").getAttribute("aria-pressed"),
      live: document.getElementById("total").getAttribute("aria-live"),
      buttons: [...document.querySelectorAll("button")].map((b) => b.textContent),
    }));
    await popup.screenshot({ path: join(artifacts, "chromium-popup.png") });
    const sum = shown.byLabel.reduce((a, b) => a + b, 0);
    t.check("chromium popup: says whether the page is an article", /looks like an article/.test(shown.article), shown.article);
    t.check("chromium popup: its count matches the page's", shown.total === `${count} things hidden` && sum === count && shown.live === "polite", `${shown.total}; by label ${shown.byLabel.join("+")}; ${count} hidden`);
    t.check("chromium popup: has the mode and site buttons", shown.pressed === "true" && ["Reader view", "Always declutter this site", "Never declutter this site", "Show all"].every((b) => shown.buttons.includes(b)), shown.buttons.join(" | "));
    // "Show all" brings the page back; "Declutter" collapses again.
    const before = await page.evaluate(hiddenCount);
    await popup.click("#showAll");
    await popup.waitForFunction(() => document.getElementById("declutter").getAttribute("aria-pressed") === "false", null, { timeout: WAIT });
    const afterShow = await page.evaluate(hiddenCount);
    await popup.click("#declutter");
    await popup.waitForFunction(() => document.getElementById("declutter").getAttribute("aria-pressed") === "true", null, { timeout: WAIT });
    const afterDeclutter = await page.evaluate(hiddenCount);
    t.check("chromium popup: \"Show all\" and \"Declutter\" act on the page", afterShow === 0 && afterDeclutter === before, `${afterShow} hidden elements after show all, ${afterDeclutter} after declutter (${before} before)`);
    // A kind unticked persists in the settings (and the options page shows it).
    await popup.click("#collapse-related");
    await popup.waitForFunction(() => /Saved/.test(document.getElementById("say").textContent), null, { timeout: WAIT });
    const saved = await popup.evaluate(() => chrome.storage.sync.get("settings"));
    await popup.reload();
    await ready();
    const ticked = await popup.evaluate(() => document.getElementById("collapse-related").checked);
    t.check("chromium popup: the kinds to hide persist", saved.settings?.collapse?.related === false && ticked === false, JSON.stringify(saved.settings?.collapse));
    await popup.click("#collapse-related");
    await popup.waitForFunction(() => /Saved/.test(document.getElementById("say").textContent), null, { timeout: WAIT });
  } finally {
    await popup.close();
    await page.bringToFront();
  }
}

async function checkListActions({ page, cdp, pageUrl, runMode, count, t }) {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(pageUrl).origin });
  // From the first entry's "hide" (just pressed "show"): Tab to "always
  // show on this site", Enter.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(200);
  await runMode("declutter");
  await runMode("declutter");
  const again = await inShadow(cdp, '[data-declutter="control"]', controlInfo);
  t.check("chromium: \"Always show on this site\" is remembered", again?.count === count - 1, `${count} -> ${again?.count} hidden`);
  // The address with a query and a fragment: the report leaves both out.
  await page.evaluate(() => history.replaceState(null, "", `${location.pathname}?session=s3cret#part-2`));
  await page.evaluate(() => document.querySelector('[data-declutter="control"]').focus());
  await page.keyboard.press("Enter");
  await inShadow(cdp, '[data-declutter="control"]', function () {
    [...this.querySelectorAll(".footer button")].find((b) => b.textContent === "Copy report").focus();
    return true;
  });
  await page.keyboard.press("Enter");
  await page.waitForTimeout(200);
  const report = await page.evaluate(() => navigator.clipboard.readText()).catch((e) => `clipboard: ${e.message}`);
  await page.evaluate((url) => history.replaceState(null, "", url), pageUrl);
  const clean = new URL(pageUrl).origin + new URL(pageUrl).pathname;
  t.check("chromium: \"Copy report\" copies the address and the reasons", report.includes(clean) && /promo \(\d\.\d\d\)/.test(report) && /^ {2}- /m.test(report), report.split("\n").slice(0, 4).join(" / "));
  t.check("chromium: the copied report's address has no query or fragment", report.startsWith(`Declutter report for ${clean}\n`) && !/s3cret|part-2/.test(report), report.split("\n")[0]);
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

// Declutter mode's markup, read through the debugger (its shadow roots are
// closed): the elements it added to the page and those in its control's
// and marks' shadow roots, as auditExtensionMarkup takes them.
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
  return { light, shadow, controls: light.filter((e) => e.attrs.some(([k, v]) => k === "data-declutter" && v === "control")).length };
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
    // Stopped after the popup asked for the page's state, before its press.
    const t0 = await click(async () => {
      await optionsCdp.send("ServiceWorker.stopAllWorkers");
      await page.waitForTimeout(300);
    });
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
