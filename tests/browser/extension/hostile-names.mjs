// Page markup that names things in the content script's world. In Chromium
// the ids and names of a page's elements show through as properties of the
// isolated world's `window` (named properties, found behind every real
// property), so a content script that reaches its parts through globals can
// be switched off by markup: `<img name="declutterPage">` made the toolbar
// click do nothing, `<div id="DeclutterReader">` made it throw, and
// `<div id=exports><div id=module>` made DOMPurify's UMD wrapper export
// into the element instead of the global, so the reader opened empty
// (issue 12, item 4; issue 16, item 2). The content script is now one
// bundle per entry with nothing reachable by name; this checks it on the
// seed page carrying each such element, in both browsers: the reader opens
// with the article and declutter collapses the promo (the Jase Medical
// pitch). Chromium by toolbar click and the `run` message; Firefox by
// auto-declutter on arrival (the registered bundle) and the `run` message.
import { pressReader } from "./chromium-toolbar.mjs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { By } from "selenium-webdriver";
import { installSettingsPage, launchChromium, launchFirefox } from "../lib/browsers.mjs";
import { WAIT, extensionPrefs, findOptionsWindow, grantHostAccessByClick, inWindowOf, waitStatus } from "../lib/firefox-extension.mjs";
import { serve } from "../../../scripts/serve.mjs";
import { inShadow } from "../lib/driver.mjs";
import { readerInfo } from "./end-to-end.mjs";
import { sendRun } from "./firefox.mjs";
import { SHARED, isLocal, scoreReader, snippetStates } from "./pages.mjs";

/**
 * The seed page's variants, each with hostile markup right after <body>:
 * the three of the issue, and one with every name the classic scripts
 * used or read (and the namespaces' names).
 */
export const VARIANTS = [
  { name: "name-declutterPage", markup: '<img name="declutterPage" alt="">' },
  { name: "id-DeclutterReader", markup: '<div id="DeclutterReader"></div>' },
  { name: "ids-exports-module", markup: '<div id="exports"><div id="module"></div></div>' },
  {
    name: "every-old-global",
    markup: ["declutterPage", "DeclutterSnapshot", "DeclutterSlices", "DeclutterAnalysisPort", "DeclutterBlocks", "DeclutterReader", "DeclutterCollapse", "DeclutterPlace", "DOMPurify", "exports", "module", "browser", "chrome"]
      .map((id) => `<div id="${id}"></div><img name="${id}" alt="">`)
      .join(""),
  },
];

/** The promo block the seed page must lose to declutter: its opening words, as in the labels. */
const PROMO = "Our partners at Jase Medical offer a simple solution";

/** Runs in the page: scrolls to where the promo paragraph holding `text` was (its hidden block's neighbour), for the screenshot. */
function showBarBefore(text) {
  const promo = [...document.querySelectorAll("p")].find((e) => e.textContent.includes(text));
  let at = promo;
  while (at && !at.checkVisibility()) at = at.previousElementSibling || at.parentElement;
  at?.scrollIntoView({ block: "center" });
}

/** Writes the variants of the seed page into `dir` and serves them; resolves to {pages: [{name, url}], labels, close()}. */
async function serveVariants(dir) {
  const seed = await readFile(join(SHARED, "fixtures/seed-news-page.html"), "utf8");
  const labels = JSON.parse(await readFile(join(SHARED, "corpus/blocks/labels.json"), "utf8")).find((p) => p.page === "seed-news-page").blocks;
  await mkdir(dir, { recursive: true });
  for (const v of VARIANTS) {
    const html = seed.replace(/<body[^>]*>/i, (body) => `${body}\n${v.markup}`);
    if (html === seed) throw new Error("the seed page has no <body> tag");
    await writeFile(join(dir, `${v.name}.html`), html);
  }
  const server = await serve({ root: dir });
  return { pages: VARIANTS.map((v) => ({ name: v.name, url: `${server.url}${v.name}.html` })), labels, close: server.close };
}

/** Records the reader's and declutter's checks for one page: `reader` = {text} or null, `promo` = the promo's state before and after declutter. */
function judge(t, name, labels, reader, promo) {
  const r = scoreReader(reader?.text || "", labels);
  t.check(`${name}: the reader opens with the article`, !!reader && r.kept >= Math.ceil(r.content / 2), reader ? `${r.kept}/${r.content} content snippets` : "no reader");
  t.check(`${name}: declutter collapses the promo`, promo.before === "visible" && promo.after === "hidden", `Jase Medical pitch ${promo.before} -> ${promo.after}`);
}

/** The hostile-name checks in Chromium: reader by toolbar click, declutter by the `run` message. */
export async function runHostileChromium({ dist, artifacts, t }) {
  const served = await serveVariants(join(artifacts, "..", "hostile-name-pages"));
  const context = await launchChromium({ extension: dist });
  try {
    await context.route("**/*", (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent("serviceworker", { timeout: WAIT });
    const extId = new URL(worker.url()).host;
    const options = await installSettingsPage(context, extId, WAIT);
    if (!options) throw new Error("the settings page did not open on install");
    const page = context.pages().find((p) => p !== options && !p.url().startsWith("chrome-extension:")) || (await context.newPage());
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    const browserCdp = await context.browser().newBrowserCDPSession();
    const click = () => pressReader({ context, browserCdp, extId, page, options, wait: WAIT });
    const tabId = () => options.evaluate(async (url) => (await chrome.tabs.query({})).find((x) => x.url === url)?.id, page.url());
    const runMode = async (mode) => options.evaluate(({ mode, tabId }) => chrome.runtime.sendMessage({ type: "run", mode, tabId }), { mode, tabId: await tabId() });
    const waitReader = (open) =>
      page.waitForFunction((open) => !!document.querySelector('[data-declutter="reader"]') === open, open, { polling: "raf", timeout: WAIT }).then(
        () => true,
        () => false,
      );
    for (const p of served.pages) {
      const name = `chromium hostile ${p.name}`;
      await page.bringToFront();
      await page.goto(p.url, { waitUntil: "load" });
      const promo = { before: (await page.evaluate(snippetStates, [PROMO]))[0] };
      await click();
      let reader = null;
      if (await waitReader(true)) {
        // The article goes in over a few frames.
        await page.waitForTimeout(200);
        reader = await inShadow(cdp, '[data-declutter="reader"]', readerInfo);
        await page.screenshot({ path: join(artifacts, `chromium-hostile-${p.name}-reader.png`) });
        await click();
        await waitReader(false);
      }
      const result = await runMode("declutter").catch((e) => ({ error: e.message }));
      promo.after = (await page.evaluate(snippetStates, [PROMO]))[0];
      await page.evaluate(showBarBefore, PROMO);
      await page.screenshot({ path: join(artifacts, `chromium-hostile-${p.name}-decluttered.png`) });
      judge(t, name, served.labels, reader, promo);
      if (promo.after !== "hidden") t.check(`${name}: the declutter answer`, false, JSON.stringify(result).slice(0, 300));
      await runMode("declutter");
    }
    t.check("chromium hostile: the extension threw nothing into the pages", errors.length === 0, errors.slice(0, 3).join(" | "));
  } finally {
    await context.close();
    await served.close();
  }
}

/** The hostile-name checks in Firefox: auto-declutter on arrival (the registered bundle), then the reader and declutter by the `run` message. */
export async function runHostileFirefox({ dist, artifacts, t }) {
  const served = await serveVariants(join(artifacts, "..", "hostile-name-pages"));
  const driver = await launchFirefox({ addon: dist, prefs: extensionPrefs() });
  try {
    await driver.manage().setTimeouts({ script: WAIT, pageLoad: 30000 });
    const optionsWindow = await findOptionsWindow(driver);
    if (!(await grantHostAccessByClick(driver))) throw new Error("the host permission was not granted");
    await waitStatus(driver, "Saved");
    await driver.switchTo().newWindow("window");
    const inOptions = inWindowOf(driver, optionsWindow, await driver.getWindowHandle());
    const runMode = async (url, mode) => (await inOptions(() => sendRun(driver, url, mode))).reply;
    const hidden = () => driver.executeScript(() => document.querySelectorAll("[data-declutter-hidden]").length);
    for (const p of served.pages) {
      const name = `firefox hostile ${p.name}`;
      await driver.get(p.url);
      const auto = await driver.wait(async () => (await hidden()) > 0, WAIT).then(() => true, () => false);
      const promo = { after: (await driver.executeScript(snippetStates, [PROMO]))[0] };
      await driver.executeScript(showBarBefore, PROMO);
      await writeFile(join(artifacts, `firefox-hostile-${p.name}-decluttered.png`), await driver.takeScreenshot(), "base64");
      t.check(`${name}: auto-declutter collapses blocks on arrival`, auto, `${await hidden()} hidden elements`);
      const off = await runMode(p.url, "declutter");
      promo.before = (await driver.executeScript(snippetStates, [PROMO]))[0];
      const opened = await runMode(p.url, "reader");
      let reader = null;
      const host = await driver.findElement(By.css('[data-declutter="reader"]')).catch(() => null);
      if (host) {
        await driver.sleep(200);
        reader = { text: await (await (await host.getShadowRoot()).findElement(By.css("main"))).getAttribute("textContent") };
        await writeFile(join(artifacts, `firefox-hostile-${p.name}-reader.png`), await driver.takeScreenshot(), "base64");
        await runMode(p.url, "reader");
      }
      judge(t, name, served.labels, reader, promo);
      if (!reader) t.check(`${name}: the reader's answer`, false, JSON.stringify({ off, opened }).slice(0, 300));
    }
  } finally {
    await driver.quit().catch(() => {});
    await served.close();
  }
}
