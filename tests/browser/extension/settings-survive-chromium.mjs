// Settings that survive, in Chromium: an unpacked copy of dist/chrome in a
// folder of the test's own and a persistent user-data-dir. The browser is
// closed and started again on the same profile (restart), then the folder
// is overwritten with a copy whose manifest has a higher version and loaded
// again over the installed one (CDP `Extensions.loadUnpacked` on the same
// folder, so the same id: what "Load unpacked" does) as an update.
// chrome.runtime.reload() would be the other way, but in headless Chromium
// the extension does not come back from it.
//
// Headless Chromium cannot answer the optional-permission prompt, so both
// copies declare the test site in `host_permissions`: the options page's
// request for it then resolves at once, as it does for a user who already
// granted it. The permission itself is not what this tests.
import { pressReader } from "./chromium-toolbar.mjs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { installSettingsPage, launchChromium } from "../lib/browsers.mjs";
import { inShadow } from "../lib/driver.mjs";
import { readerInfo } from "./end-to-end.mjs";
import { snippetStates } from "./pages.mjs";
import { barsAndFirstBlock, bumpVersion, checkStage, copyExtension, scratch, serveSite } from "./settings-survive.mjs";

const WAIT = 15000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const hostAccess = (m) => {
  m.host_permissions = ["*://127.0.0.1/*"];
};

/** Starts Chromium on `profile` with the extension in `ext`; every request for another host is refused. Resolves to {context, extId}. */
async function start(ext, profile, site) {
  const context = await launchChromium({ extension: ext, profile, args: ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost", "--enable-unsafe-extension-debugging"] });
  await context.route("**/*", (route) => (route.request().url().startsWith(site.origin) || !/^https?:/.test(route.request().url()) ? route.continue() : route.abort()));
  const extId = new URL((await extensionWorker(context)).url()).host;
  return { context, extId };
}

/** The extension's service worker, optionally the one whose manifest says `version`. */
async function extensionWorker(context, version = null) {
  for (const deadline = Date.now() + WAIT; Date.now() < deadline; await sleep(100)) {
    for (const w of context.serviceWorkers()) {
      if (!w.url().startsWith("chrome-extension://")) continue;
      if (!version) return w;
      if ((await w.evaluate(() => chrome.runtime.getManifest().version).catch(() => null)) === version) return w;
    }
  }
  throw new Error(`no extension service worker${version ? ` at version ${version}` : ""}`);
}

/**
 * The extension's settings page. On the first start it is the tab the
 * extension opens on install, waited for: a tab the test opened meanwhile
 * could otherwise be the one that navigation lands in.
 */
async function optionsPage(context, extId, { openedOnInstall = false } = {}) {
  const url = `chrome-extension://${extId}/options.html`;
  // On install the extension opens its welcome page: installSettingsPage takes it there.
  if (openedOnInstall) {
    const page = await installSettingsPage(context, extId, WAIT);
    if (!page) throw new Error("the welcome page did not open on install");
    return page;
  }
  let page = context.pages().find((p) => p.url() === url);
  if (!page) {
    page = await context.newPage();
    await page.goto(url);
  }
  await page.waitForSelector("html[data-ready]", { timeout: WAIT });
  return page;
}

// A tab for the site, with the id of its tab target for toolbar clicks.
async function siteTab(context) {
  const marker = `about:blank#settings-survive-${Date.now()}`;
  let page = null;
  // After a restart Chromium restores the last session's tabs (the
  // settings page) and may land one in the blank tab the test just opened:
  // "navigation to about:blank#... is interrupted by another navigation to
  // options.html" (CI simulation under load 20). That tab is the browser's;
  // the test opens another.
  for (let attempt = 1; ; attempt++) {
    page = await context.newPage();
    try {
      await page.goto(marker);
      break;
    } catch (e) {
      if (attempt === 3 || !/interrupted by another navigation/.test(e.message)) throw e;
    }
  }
  const cdp = await context.browser().newBrowserCDPSession();
  const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
  return { page, cdp, target: targetInfos.find((i) => i.url === marker).targetId };
}

/**
 * The choices, made the way a user makes them: reader theme and text size
 * the slim marks and the site to declutter automatically on the settings
 * page, then "always show on this site" by keyboard in the first mark of
 * the decluttered page. Resolves to what was chosen.
 */
async function choose({ context, extId, site }) {
  const options = await optionsPage(context, extId, { openedOnInstall: true });
  await options.check("#theme-sepia");
  await options.fill("#fontSize", "23");
  await options.press("#fontSize", "Tab");
  await options.waitForFunction(() => document.getElementById("status").textContent === "Saved", null, { timeout: WAIT });
  await options.evaluate(() => (document.getElementById("status").textContent = ""));
  // Marks on (off by default): a mark's keyboard path is the choice below.
  await options.check("#marks");
  await options.waitForFunction(() => document.getElementById("status").textContent === "Saved", null, { timeout: WAIT });
  await options.evaluate(() => (document.getElementById("status").textContent = ""));
  await options.fill("#autoSites", site.host);
  await options.click("#save-sites");
  await options.waitForFunction(() => document.getElementById("status").textContent === "Saved", null, { timeout: WAIT });
  const { page } = await siteTab(context);
  await page.goto(site.url);
  const arrived = await page
    .waitForFunction(() => document.querySelectorAll('[data-declutter="bar"]').length > 0, null, { timeout: WAIT })
    .then(() => true, () => false);
  if (!arrived) return { bars: 0, problem: "the site was not decluttered on arrival after choosing it" };
  const first = await page.evaluate(barsAndFirstBlock);
  await page.evaluate(() => document.querySelector('[data-declutter="bar"] div, div[data-declutter="bar"]').focus());
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const key = `alwaysShow:${site.host}`;
  await options.waitForFunction(async (key) => ((await chrome.storage.local.get(key))[key] || []).length === 1, key, { timeout: WAIT, polling: 100 });
  await page.close();
  return { bars: first.bars, block: first.block, reader: { theme: "sepia", size: "23px" } };
}

/** What the choices do on a fresh visit to the site: bars on arrival, the block's state, the reader's look (opened by a toolbar click). */
async function observe({ context, extId, site, chosen }) {
  const { page, cdp } = await siteTab(context);
  try {
    await page.goto(site.url);
    const arrived = await page
      .waitForFunction(() => document.querySelectorAll('[data-declutter="bar"]').length > 0, null, { timeout: WAIT })
      .then(() => true, () => false);
    const autoBars = arrived ? (await page.evaluate(barsAndFirstBlock)).bars : 0;
    const [blockState] = await page.evaluate(snippetStates, [chosen.block]);
    await page.bringToFront();
    await pressReader({ context, browserCdp: cdp, extId, page, options: await optionsPage(context, extId) });
    const opened = await page
      .waitForSelector('[data-declutter="reader"]', { state: "attached", timeout: WAIT })
      .then(() => true, () => false);
    const pageCdp = await context.newCDPSession(page);
    const info = opened ? await inShadow(pageCdp, '[data-declutter="reader"]', readerInfo) : null;
    return { autoBars, blockState, reader: info && { theme: info.theme, size: info.size } };
  } finally {
    await page.close();
  }
}

/** Runs the restart and update checks in Chromium; records them in `t`. */
export async function runSettingsSurviveChromium({ dist, t }) {
  const site = await serveSite();
  site.origin = new URL(site.url).origin + "/";
  const dir = await scratch("survive-chromium");
  const ext = join(dir, "extension");
  const profile = join(dir, "profile");
  let context = null;
  try {
    const installed = await copyExtension(dist, ext, hostAccess);
    let extId;
    ({ context, extId } = await start(ext, profile, site));
    const chosen = await choose({ context, extId, site });
    t.check("chromium: choices made: site auto-declutter, a block always shown, reader settings", chosen.bars > 1 && !!chosen.block, chosen.problem || `${chosen.bars} bars; always show "${chosen.block}"`);
    if (!chosen.block) return;
    checkStage(t, "chromium", "before restart", await observe({ context, extId, site, chosen }), chosen);

    await context.close();
    ({ context, extId } = await start(ext, profile, site));
    checkStage(t, "chromium", "after a browser restart", await observe({ context, extId, site, chosen }), chosen);

    // The update: version N+1 of the same folder (so the same id), reloaded in place.
    const next = bumpVersion(installed.version);
    await rm(ext, { recursive: true, force: true });
    await copyExtension(dist, ext, (m) => {
      hostAccess(m);
      m.version = next;
    });
    const cdp = await context.browser().newBrowserCDPSession();
    const { id } = await cdp.send("Extensions.loadUnpacked", { path: ext });
    const worker = await extensionWorker(context, next).catch(() => null);
    t.check(`chromium: the extension updates in place from ${installed.version} to ${next}`, id === extId && !!worker, `id ${id}`);
    if (worker) checkStage(t, "chromium", "after an update", await observe({ context, extId, site, chosen }), chosen);
  } finally {
    await context?.close();
    await site.close();
    await rm(dir, { recursive: true, force: true });
  }
}
