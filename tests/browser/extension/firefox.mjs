// The extension in headless Firefox through geckodriver. A driver cannot
// click Firefox's toolbar or press extension shortcuts, so:
// - the extension's own page (options.html, which the extension opens on
//   install; a driver may not navigate to moz-extension: URLs) sends the
//   `run` message, which calls the same handler the toolbar button,
//   shortcut and context menu call;
// - auto-declutter is turned on from the options page by a real click,
//   which asks for the optional <all_urls> permission (granted without a
//   prompt by `extensions.webextOptionalPermissionPrompts`); so Firefox
//   also tests the permission request, the registered content script and
//   the decluttered page on arrival.
// Closed shadow roots are read through WebDriver's shadow-root command.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { By, until } from "selenium-webdriver";
import { launchFirefox } from "../lib/browsers.mjs";
import { WAIT, autoDeclutterOffKeepingAccess, extensionPrefs, findOptionsWindow, findWelcomeWindow, grantHostAccessByClick, hostAccessWithoutAuto, inWindowOf, waitStatus } from "../lib/firefox-extension.mjs";
import { serve } from "../../../scripts/serve.mjs";
import { XSS_HEADERS, XssTally, auditReader, describeElements, writeXssPages } from "./xss.mjs";
import { firstDifference, pageState, percentiles, scoreCollapse, scoreReader, snippetStates } from "./pages.mjs";

// The popup, opened in a tab (from the settings page: a driver cannot
// open moz-extension: URLs) for the decluttered page's tab: its counts
// match the page's control.
async function checkPopup({ driver, inOptions, pageWindow, url, count, artifacts, t }) {
  const before = new Set(await driver.getAllWindowHandles());
  await inOptions(() =>
    driver.executeAsyncScript(
      (url, done) =>
        browser.tabs
          .query({})
          .then((tabs) => browser.tabs.create({ url: `/popup/popup.html?tab=${tabs.find((x) => x.url === url).id}` }))
          .then(() => done(), (e) => done(String(e))),
      url,
    ),
  );
  let handle = null;
  await driver.wait(async () => (handle = (await driver.getAllWindowHandles()).find((h) => !before.has(h))), WAIT);
  await driver.switchTo().window(handle);
  try {
    const shown = await driver
      .wait(() => driver.executeScript(() => document.getElementById("declutter")?.getAttribute("aria-pressed") === "true" && {
        total: document.getElementById("total").textContent,
        byLabel: [...document.querySelectorAll("#labels li")].map((li) => Number(li.textContent.match(/: (\d+)$/)?.[1])),
      }), WAIT)
      .catch(() => null);
    await writeFile(join(artifacts, "firefox-popup.png"), await driver.takeScreenshot(), "base64");
    const sum = shown ? shown.byLabel.reduce((a, b) => a + b, 0) : -1;
    t.check("firefox popup: its count matches the page's control", shown?.total === `${count} things hidden` && sum === count, `${shown?.total}; by label ${shown?.byLabel.join("+")}; the control says ${count}`);
  } finally {
    await driver.close();
    await driver.switchTo().window(pageWindow);
  }
}

/** The page-level control's count (through WebDriver's shadow-root command: its root is closed). */
async function controlCount(driver) {
  const [host] = await driver.findElements(By.css('[data-declutter="control"]'));
  if (!host) return 0;
  const text = await (await (await host.getShadowRoot()).findElement(By.css(".pill"))).getText();
  return Number(text.match(/^(\d+) hidden$/)?.[1] ?? -1);
}

/** Runs every Firefox check; `t` records checks, timings and artifacts. */
export async function runFirefox({ pages, dist, artifacts, t }) {
  const driver = await launchFirefox({
    addon: dist,
    // Every remote request goes to a closed local port and fails at once.
    prefs: extensionPrefs(),
  });
  try {
    await driver.manage().setTimeouts({ script: WAIT, pageLoad: 30000 });
    const welcomeWindow = await findWelcomeWindow(driver);
    t.check("firefox: the welcome page opens on install", !!welcomeWindow);
    if (welcomeWindow) {
      const keys = await driver
        .wait(() => driver.executeScript(() => document.querySelectorAll("#shortcuts kbd").length >= 2 && [...document.querySelectorAll("#shortcuts li")].map((li) => `${li.dataset.command}=${li.querySelector("kbd")?.textContent || ""}`)), WAIT)
        .catch(() => null);
      t.check("firefox: the welcome page shows both shortcuts set", keys?.includes("toggle-reader=Alt+Shift+E") && keys.includes("toggle-declutter=Alt+Shift+D"), JSON.stringify(keys));
      await writeFile(join(artifacts, "firefox-welcome.png"), await driver.takeScreenshot(), "base64");
    }
    const optionsWindow = await findOptionsWindow(driver).catch(() => null);
    t.check("firefox: the settings page opens from the welcome page", !!optionsWindow);
    if (!optionsWindow) return;

    await checkSettings(driver, t);

    // Auto-declutter everywhere: a real click, so the permission request
    // has its user gesture.
    const granted = await grantHostAccessByClick(driver);
    await waitStatus(driver, "Saved");
    t.check("firefox: auto-declutter asks for and gets the optional host permission", granted === true);

    // The pages in their own window: a background tab would not paint.
    await driver.switchTo().newWindow("window");
    const pageWindow = await driver.getWindowHandle();
    const inOptions = inWindowOf(driver, optionsWindow, pageWindow);
    const runMode = async (url, mode) => (await inOptions(() => sendRun(driver, url, mode))).reply;
    const state = () => driver.executeScript(pageState);
    const times = [];

    for (const p of pages) {
      const name = `firefox ${p.name}`;
      const snippets = p.labels.map((b) => b.text);
      await driver.get(p.url);
      // Declutter ran by itself on arrival.
      const auto = await driver
        .wait(async () => (await state()).controls > 0, WAIT)
        .then(() => true, () => false);
      const after = await driver.executeScript(snippetStates, snippets);
      const autoState = await state();
      const count = auto ? await controlCount(driver) : 0;
      t.check(
        `${name}: auto-declutter hides blocks on arrival${p.csp ? " (strict CSP)" : ""}, with one control and no bar`,
        auto && autoState.controls === 1 && autoState.bars === 0 && count > 0,
        `${autoState.controls} controls saying ${count}, ${autoState.bars} bars`,
      );
      await writeFile(join(artifacts, `firefox-${p.name}-decluttered.png`), await driver.takeScreenshot(), "base64");
      if (p === pages[0]) await checkPopup({ driver, inOptions, pageWindow, url: p.url, count, artifacts, t });

      // "show" by clicks (the control's button opens the list, then the
      // first entry's "show"; the keyboard path is Chromium's check: keys
      // sent through geckodriver did not reach the closed shadow tree's
      // focused button), then declutter off: the page as it was.
      const controlRoot = await (await driver.findElement(By.css('[data-declutter="control"]'))).getShadowRoot();
      await (await controlRoot.findElement(By.css(".pill"))).click();
      await (await controlRoot.findElement(By.css("li button.act"))).click();
      const shown = await state();
      t.check(`${name}: "show" in the control's list restores one widget`, shown.hidden < autoState.hidden, `${autoState.hidden} -> ${shown.hidden} hidden elements`);
      const off = await runMode(p.url, "declutter");
      const base = await state();
      t.check(`${name}: declutter off leaves no trace`, off?.value?.mode === "page" && !/data-declutter/.test(base.html) && base.bars === 0);
      const before = await driver.executeScript(snippetStates, snippets);
      const c = scoreCollapse(p.labels, before, after);
      t.collapse("firefox", p.name, c);
      t.check(`${name}: declutter leaves content visible`, c.contentHidden.length === 0, `${c.collapsed}/${c.target} labelled promo/related hidden; ${c.contentHidden.join(" | ")}`);

      // Reader view through the toolbar's handler.
      const opened = await runMode(p.url, "reader");
      const ms = opened?.value?.clickToPaintMs;
      if (typeof ms === "number") times.push(ms);
      const reader = await readerInfo(driver);
      const r = scoreReader(reader?.text || "", p.labels);
      t.check(`${name}: reader view opens`, opened?.value?.mode === "reader" && !!reader, reader ? `title "${reader.title}", ${ms?.toFixed(0)} ms to paint` : JSON.stringify(opened));
      if (p === pages[0]) t.check("firefox: reader uses the saved settings", reader?.theme === "dark", reader?.theme);
      t.check(`${name}: reader shows the article`, r.kept >= Math.ceil(r.content / 2), `${r.kept}/${r.content} content snippets`);
      t.check(`${name}: reader has no labelled promo/related snippet`, r.leaked.length === 0, r.leaked.join(" | "));
      t.check(`${name}: page scripts cannot reach the reader`, !(await state()).readerShadowVisibleToPage);
      const readerBadge = await inOptions(() => driver.executeAsyncScript((url, done) => browser.tabs.query({}).then((tabs) => browser.action.getBadgeText({ tabId: tabs.find((x) => x.url === url).id })).then(done, (e) => done(String(e))), p.url));
      t.check(`${name}: the badge is empty while the reader is open`, readerBadge === "", `badge "${readerBadge}"`);
      await writeFile(join(artifacts, `firefox-${p.name}-reader.png`), await driver.takeScreenshot(), "base64");
      await runMode(p.url, "reader");
      const back = await state();
      t.check(`${name}: toggling back restores the page`, back.html === base.html, firstDifference(base.html, back.html));
    }
    t.timing("firefox (handler call to paint)", percentiles(times));
    await checkXss({ driver, runMode, inOptions, artifacts, t });
  } finally {
    await driver.quit().catch(() => {});
  }
}

/**
 * With the settings window current: sends the `run` message (the toolbar
 * handler's) for the tab showing `url`; resolves to {reply, clickTime}.
 * `timed` hands the handler the click time as sent from here, so the
 * background's own start counts in the reader's click to paint.
 */
export function sendRun(driver, url, mode, { timed = false } = {}) {
  return driver.executeAsyncScript(
    `const [url, mode, timed, done] = arguments;
     (async () => {
       const tab = (await browser.tabs.query({})).find((x) => x.url === url);
       const clickTime = Date.now();
       const reply = await browser.runtime.sendMessage({ type: "run", mode, tabId: tab.id, ...(timed ? { clickTime } : {}) });
       return { reply, clickTime };
     })().then(done, (e) => done({ reply: { error: String(e) } }));`,
    url,
    mode,
    timed,
  );
}

/** How long the background page may idle before Firefox suspends it, in the suspended-background check (Firefox's default is 30 s). */
const IDLE_MS = 2000;

// Firefox suspends an idle background page after 30 s, and the next click
// starts it again: the core is loaded and pays its first-use costs on that
// click (Firefox has no offscreen document to keep it in). A second Firefox
// with a short idle timeout: each click comes after the background was
// suspended, the reader must open, the background must have been started
// for that click (its timeOrigin is later than the click), and the time
// from the click (as the settings page sent it) to paint is reported apart.
export async function runFirefoxSuspended({ pages, dist, t }) {
  const driver = await launchFirefox({ addon: dist, prefs: { ...extensionPrefs(), "extensions.background.idle.timeout": IDLE_MS } });
  try {
    await driver.manage().setTimeouts({ script: WAIT, pageLoad: 30000 });
    const optionsWindow = await findOptionsWindow(driver);
    await hostAccessWithoutAuto(driver);
    await driver.switchTo().newWindow("window");
    const inOptions = inWindowOf(driver, optionsWindow, await driver.getWindowHandle());
    const backgroundStart = () => driver.executeAsyncScript("const done = arguments[0]; browser.runtime.getBackgroundPage().then((bg) => done(bg.performance.timeOrigin));");
    const click = (url) =>
      inOptions(async () => {
        const sent = await sendRun(driver, url, "reader", { timed: true });
        return { ...sent, backgroundStart: await backgroundStart() };
      });
    const times = [];
    const problems = [];
    for (const p of pages.slice(0, 6)) {
      await driver.get(p.url);
      await driver.sleep(IDLE_MS + 1500);
      const r = await click(p.url);
      const ms = r?.reply?.value?.clickToPaintMs;
      if (r?.reply?.value?.mode !== "reader" || typeof ms !== "number") problems.push(`${p.name}: ${JSON.stringify(r).slice(0, 200)}`);
      else if (!(r.backgroundStart > r.clickTime)) problems.push(`${p.name}: the background was not suspended (started ${(r.clickTime - r.backgroundStart).toFixed(0)} ms before the click)`);
      else times.push(ms);
      await click(p.url);
    }
    t.check("firefox: the reader opens on a click that has to start the suspended background page", problems.length === 0, `${times.length} pages${problems.length ? "; " + problems.join("; ") : ""}`);
    t.timing("firefox, background suspended before the click (click to paint)", percentiles(times));
  } finally {
    await driver.quit().catch(() => {});
  }
}

// Runs a driver command, dismissing (and counting in `dialogs.n`) the
// dialogs that make it fail.
async function dismissing(command, dialogs) {
  for (let i = 0; ; i++) {
    try {
      return await command();
    } catch (e) {
      if (e.name !== "UnexpectedAlertOpenError" || i >= 50) throw e;
      dialogs.n++;
    }
  }
}

// DOMPurify's XSS vectors in article pages, each page loaded three times:
// through the reader, through declutter mode, and left alone (the control:
// the vector pages run their own scripts; auto-declutter is turned off for
// it). The checks are those of chromium.mjs's checkXss. Dialogs the
// page's own vectors open (from frames, out of reach of the trap) are
// dismissed, and counted against a mode only when the control has fewer.
async function checkXss({ driver, runMode, inOptions, artifacts, t }) {
  // The control load needs the extension idle on the page.
  await inOptions(() => autoDeclutterOffKeepingAccess(driver));
  const dir = join(artifacts, "..", "extension-xss-pages");
  const { names, count } = await writeXssPages(dir);
  const server = await serve({ root: dir, headers: XSS_HEADERS });
  const tally = new XssTally(names, count);
  try {
    for (const name of names) {
      const dialogs = { n: 0 };
      const d = (command) => dismissing(command, dialogs);
      const log = () => d(() => driver.executeScript(() => window.__xssLog || []));
      const serialized = () => d(() => driver.executeScript(() => document.documentElement.outerHTML));
      const load = async () => {
        await d(() => driver.get(server.url + name));
        const loaded = Date.now();
        // A vector may have moved the page (history, fragment): its tab is found by where it is now.
        const here = await d(() => driver.getCurrentUrl());
        await driver.sleep(200);
        return { loaded, here, atLoad: dialogs.n };
      };
      const calls = { reader: null, declutter: null };
      const modeDialogs = { reader: 0, declutter: 0, control: 0 };

      // Through the reader.
      let { loaded, here, atLoad } = await load();
      const opened = await d(() => runMode(here, "reader"));
      const host = await d(() => driver.findElement(By.css('[data-declutter="reader"]')).catch(() => null));
      let longest = 0;
      if (opened?.value?.mode === "reader" && host) {
        await driver.sleep(150);
        calls.reader = await log();
        modeDialogs.reader = dialogs.n - atLoad;
        longest = Date.now() - loaded;
        const main = await (await host.getShadowRoot()).findElement(By.css("main"));
        tally.reader(name, true, await driver.executeScript(auditReader, main));
        await d(() => runMode(here, "reader"));
      } else tally.reader(`${name} (${JSON.stringify(opened?.value ?? opened)})`, false);

      // Through declutter mode.
      ({ loaded, here, atLoad } = await load());
      const before = await serialized();
      const result = (await d(() => runMode(here, "declutter")))?.value;
      await driver.sleep(150);
      const during = await serialized();
      const markup = await d(() => extensionMarkup(driver));
      calls.declutter = await log();
      modeDialogs.declutter = dialogs.n - atLoad;
      longest = Math.max(longest, Date.now() - loaded);
      await d(() => runMode(here, "declutter"));
      tally.declutter(name, { result, markup });

      // The control, left alone for longer than either mode's load.
      ({ atLoad } = await load());
      const first = await serialized();
      await driver.sleep(longest + 300);
      const second = await serialized();
      const control = await log();
      modeDialogs.control = dialogs.n - atLoad;
      tally.control(name, { first, second, control, calls, decluttered: { before, during }, dialogs: modeDialogs });
    }
  } finally {
    await server.close();
  }
  tally.report(t, "firefox");
}

// Declutter mode's markup: the elements it added to the page, and those in
// its control's and marks' closed shadow roots (through WebDriver's
// shadow-root command).
async function extensionMarkup(driver) {
  const light = await driver.executeScript(describeElements, await driver.findElements(By.css("[data-declutter], [data-declutter] *")));
  const shadow = [];
  const outers = await driver.findElements(By.css('[data-declutter="bar"], [data-declutter="control"]'));
  for (const outer of outers) {
    const host = (await outer.getTagName()) === "div" ? outer : await outer.findElement(By.css("div"));
    const inside = await (await host.getShadowRoot()).findElements(By.css("*"));
    shadow.push(...(await driver.executeScript(describeElements, inside)));
  }
  return { light, shadow, controls: (await driver.findElements(By.css('[data-declutter="control"]'))).length };
}

async function readerInfo(driver) {
  const host = await driver.findElement(By.css('[data-declutter="reader"]')).catch(() => null);
  if (!host) return null;
  const root = await host.getShadowRoot();
  const main = await root.findElement(By.css("main"));
  const view = await root.findElement(By.css(".reader"));
  return {
    text: await main.getAttribute("textContent"),
    title: await (await root.findElement(By.css("h1"))).getText(),
    theme: await view.getAttribute("data-theme"),
  };
}

// Settings saved on the options page survive a reload.
async function checkSettings(driver, t) {
  await driver.findElement(By.css("#theme-dark")).click();
  await waitStatus(driver, "Saved");
  // Clicks reach the extension's page; typed keys do not (headless Firefox).
  await driver.findElement(By.css('#font option[value="mono"]')).click();
  await waitStatus(driver, "Saved");
  await driver.navigate().refresh();
  await driver.wait(until.elementLocated(By.css("html[data-ready]")), WAIT);
  const kept = await driver.executeScript(() => ({ dark: document.querySelector("#theme-dark").checked, font: document.querySelector("#font").value }));
  t.check("firefox: settings survive a reload", kept.dark && kept.font === "mono", JSON.stringify(kept));
}
