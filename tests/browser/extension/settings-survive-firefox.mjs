// Settings that survive, in Firefox ESR: the packaged add-on (an XPI with a
// fixed gecko id) installed for good, not as a temporary add-on, into a
// profile folder the test keeps; ESR honours
// `xpinstall.signatures.required=false`, so the unsigned package installs.
// Restart: Firefox quits and starts again on the same profile. Update: an
// XPI of the same id with a higher version is installed over it.
//
// A driver cannot open moz-extension: pages, and after a restart the
// settings page (opened on install) is gone, so Firefox starts with that
// page as its home page (`browser.startup.homepage`): from there the test
// reads storage and sends the `run` message that opens the reader. An
// update closes the extension's pages, so the reader is checked after the
// update on one more restart.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { By, Key } from "selenium-webdriver";
import { launchFirefox } from "../lib/browsers.mjs";
import { WAIT, extensionPrefs, findOptionsWindow, waitStatus } from "../lib/firefox-extension.mjs";
import { zipFolder } from "../../../scripts/package-extension.mjs";
import { snippetStates } from "./pages.mjs";
import { startRefusingProxy } from "./refusing-proxy.mjs";
import { barsAndFirstBlock, bumpVersion, checkStage, copyExtension, scratch, serveSite } from "./settings-survive.mjs";

/** Starts Firefox on `profile`, its home page `home` if given; requests for other hosts go to the refusing `proxy`. */
function start(profile, proxy, home = null) {
  return launchFirefox({
    profile,
    prefs: {
      "xpinstall.signatures.required": false,
      ...extensionPrefs(proxy.port),
      ...(home ? { "browser.startup.page": 1, "browser.startup.homepage": home } : {}),
    },
  });
}


/** In the settings page: resolves to `expression` evaluated there (a promise is awaited). */
function inExtension(driver, expression, ...args) {
  return driver.executeAsyncScript(`const done = arguments[arguments.length - 1]; Promise.resolve((${expression})(...Array.from(arguments).slice(0, -1))).then(done, (e) => done({ error: String(e) }));`, ...args);
}

/**
 * The choices, made the way a user makes them (clicks; the sites box is
 * filled by script, since typed keys do not reach extension pages in
 * headless Firefox; the slim marks among them), then "always show on this
 * site" by keyboard in the first mark of the decluttered page. Resolves to what was chosen.
 */
async function choose(driver, options, site) {
  await driver.findElement(By.css("#theme-sepia")).click();
  await waitStatus(driver, "Saved");
  await driver.findElement(By.css('#font option[value="mono"]')).click();
  await waitStatus(driver, "Saved");
  // Marks on (off by default): a mark's keyboard path is the choice below.
  await driver.findElement(By.css("#marks")).click();
  await waitStatus(driver, "Saved");
  await driver.executeScript((host) => (document.getElementById("autoSites").value = host), site.host);
  await driver.findElement(By.css("#save-sites")).click();
  await waitStatus(driver, "Saved");
  await driver.switchTo().newWindow("window");
  const pageWindow = await driver.getWindowHandle();
  await driver.get(site.url);
  const arrived = await driver.wait(async () => (await driver.executeScript(barsAndFirstBlock)).bars > 0, WAIT).then(() => true, () => false);
  if (!arrived) return { bars: 0, problem: "the site was not decluttered on arrival after choosing it" };
  const first = await driver.executeScript(barsAndFirstBlock);
  await driver.executeScript(() => document.querySelector('[data-declutter="bar"] div, div[data-declutter="bar"]').focus());
  await driver.switchTo().activeElement().sendKeys(Key.ENTER);
  await driver.switchTo().activeElement().sendKeys(Key.TAB);
  await driver.switchTo().activeElement().sendKeys(Key.ENTER);
  await driver.switchTo().window(options);
  const key = `alwaysShow:${site.host}`;
  const remembered = await driver
    .wait(async () => ((await inExtension(driver, "(key) => browser.storage.local.get(key)", key))[key] || []).length === 1, WAIT)
    .then(() => true, () => false);
  await driver.switchTo().window(pageWindow);
  await driver.close();
  await driver.switchTo().window(options);
  if (!remembered) return { bars: first.bars, problem: '"Always show this block on this site" was not remembered' };
  return { bars: first.bars, block: first.block, reader: { theme: "sepia", font: "mono" } };
}

/**
 * What the choices do on a fresh visit to the site: bars on arrival, the
 * block's state and, when the settings page is open (`options`), the
 * reader's look (opened with the toolbar button's handler).
 */
async function observe(driver, site, chosen, options = null) {
  await driver.switchTo().newWindow("window");
  await driver.get(site.url);
  const arrived = await driver.wait(async () => (await driver.executeScript(barsAndFirstBlock)).bars > 0, WAIT).then(() => true, () => false);
  const seen = { autoBars: arrived ? (await driver.executeScript(barsAndFirstBlock)).bars : 0 };
  [seen.blockState] = await driver.executeScript(snippetStates, [chosen.block]);
  if (options) {
    const page = await driver.getWindowHandle();
    await driver.switchTo().window(options);
    const opened = await inExtension(
      driver,
      "(url) => browser.tabs.query({}).then((tabs) => browser.runtime.sendMessage({ type: 'run', mode: 'reader', tabId: tabs.find((t) => t.url === url).id }))",
      site.url,
    );
    await driver.switchTo().window(page);
    const host = await driver.findElement(By.css('[data-declutter="reader"]')).catch(() => null);
    if (opened?.value?.mode === "reader" && host) {
      const view = await (await host.getShadowRoot()).findElement(By.css(".reader"));
      const font = (await view.getAttribute("style")) || "";
      seen.reader = { theme: await view.getAttribute("data-theme"), font: /--font:\s*ui-monospace/.test(font) ? "mono" : font };
    } else seen.reader = null;
  }
  await driver.close();
  if (options) await driver.switchTo().window(options);
  return seen;
}

/** Runs the restart and update checks in Firefox; records them in `t`. */
export async function runSettingsSurviveFirefox({ dist, t }) {
  const site = await serveSite();
  const proxy = await startRefusingProxy();
  const dir = await scratch("survive-firefox");
  const profile = join(dir, "profile");
  await mkdir(profile);
  let driver = null;
  try {
    const installed = await copyExtension(dist, join(dir, "installed"), () => {});
    const next = bumpVersion(installed.version);
    await copyExtension(dist, join(dir, "next"), (m) => (m.version = next));
    for (const name of ["installed", "next"]) await writeFile(join(dir, `${name}.xpi`), await zipFolder(join(dir, name)));

    driver = await start(profile, proxy);
    await driver.installAddon(join(dir, "installed.xpi"), false);
    let options = await findOptionsWindow(driver);
    const home = await driver.getCurrentUrl();
    const chosen = await choose(driver, options, site);
    t.check("firefox: choices made: site auto-declutter, a block always shown, reader settings", !!chosen.block, chosen.problem || `${chosen.bars} bars; always show "${chosen.block}"`);
    if (!chosen.block) return;
    checkStage(t, "firefox", "before restart", await observe(driver, site, chosen, options), chosen);

    await driver.quit();
    driver = await start(profile, proxy, home);
    options = await findOptionsWindow(driver);
    checkStage(t, "firefox", "after a browser restart", await observe(driver, site, chosen, options), chosen);

    // The update closes the extension's pages: the site's own window keeps the browser open.
    await driver.switchTo().newWindow("window");
    await driver.installAddon(join(dir, "next.xpi"), false);
    const seen = await observe(driver, site, chosen);
    t.check("firefox: after an update: auto-declutter for the site still acts on arrival", seen.autoBars > 0, `${seen.autoBars} bars without a click`);
    t.check("firefox: after an update: the block chosen to always show stays shown", seen.blockState === "visible" && seen.autoBars === chosen.bars - 1, `block ${seen.blockState}; ${seen.autoBars} bars`);

    await driver.quit();
    driver = await start(profile, proxy, home);
    options = await findOptionsWindow(driver);
    const version = await inExtension(driver, "() => browser.runtime.getManifest().version");
    t.check(`firefox: the add-on updated from ${installed.version} to ${next} with the same id`, version === next, `version ${version}`);
    checkStage(t, "firefox", "after an update and a restart", await observe(driver, site, chosen, options), chosen);
  } finally {
    await driver?.quit().catch(() => {});
    await proxy.close();
    await site.close();
    await rm(dir, { recursive: true, force: true });
  }
}
