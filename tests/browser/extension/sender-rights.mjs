// What a page's tab may ask of the extension (issue 16), in Chromium and
// Firefox: messages sent from the extension's content-script world in a
// page's tab (code injected there with scripting.executeScript, the world
// the extension's own content script runs in and the one a compromised
// renderer could speak for) may change only the reader's display settings
// and remember a well-formed block hash for their own site; a private
// window's "always show this block" is not written to disk; and, in
// Firefox (headless Chromium cannot answer the optional-permission
// prompt), narrowing or turning off auto-declutter on the settings page
// gives back the host permissions it no longer needs.
//
// The Chromium copy declares the test site in `host_permissions`, so the
// test can inject into its tabs without a toolbar click; it is loaded with
// CDP `Extensions.loadUnpacked` and `enableInIncognito`, as a user allows
// an extension in incognito. Firefox installs the add-on through
// geckodriver with `allowPrivateBrowsing`, as a user allows it in private
// windows (see runPrivateWindowFirefox).
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { By } from "selenium-webdriver";
import { Command } from "selenium-webdriver/lib/command.js";
import { zipFolder } from "../../../scripts/package-extension.mjs";
import { installSettingsPage, launchChromium, launchFirefox } from "../lib/browsers.mjs";
import { WAIT, extensionPrefs, findOptionsWindow, hostAccessWithoutAuto, waitStatus } from "../lib/firefox-extension.mjs";
import { copyExtension, scratch } from "./settings-survive.mjs";

/** Settings a page must not be able to change: auto-declutter on for another site. */
const GUARDED = { auto: "sites", autoSites: ["other.example"] };
/** What a hostile page asks for: auto-declutter off everywhere, nothing collapsed. */
const HOSTILE_PATCH = { auto: "off", autoSites: [], collapse: { promo: false, related: false, boilerplate: false } };
const HUGE_HASH = "a".repeat(100_000);
/** Hashes shaped like lib/block-text.js's: the page's own and the private window's. */
const PAGE_HASH = "0badf00d:1k";
const PRIVATE_HASH = "5ec7e7ed:2a";
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The checks of what a page may ask, the same in both browsers, on
 * functions each browser part provides: fromTab(url, msg, {incognito})
 * sends `msg` from the content-script world of the tab showing `url`;
 * fromOptions(msg) from the settings page; storage(area) reads a whole
 * storage area; setSettings(value); `warnings` collects the background's
 * console warnings where the browser lets a test read them (else null).
 */
async function checkPageRights({ name, site, fromTab, fromOptions, storage, setSettings, warnings, t }) {
  await setSettings(GUARDED);
  const host = new URL(site).host;
  const settings = async () => (await storage("sync")).settings || {};

  const hostile = await fromTab(site, { type: "saveSettings", patch: HOSTILE_PATCH });
  const after = await settings();
  t.check(
    `${name}: a page's content-script world cannot turn auto-declutter off or change what is collapsed`,
    hostile?.ok === false && after.auto === "sites" && JSON.stringify(after.autoSites) === '["other.example"]' && after.collapse?.promo !== false,
    `reply ${JSON.stringify(hostile)}; settings auto ${after.auto}, sites ${JSON.stringify(after.autoSites)}, collapse ${JSON.stringify(after.collapse)}`,
  );
  const huge = await fromTab(site, { type: "alwaysShow", hash: HUGE_HASH });
  const local = await storage("local");
  const stored = Object.entries(local).filter(([k]) => k.startsWith("alwaysShow:"));
  t.check(
    `${name}: a 100,000-character block hash is refused and not stored`,
    huge?.ok === false && !stored.some(([, list]) => list.some((h) => h.length > 100)),
    `reply ${JSON.stringify(huge)?.slice(0, 200)}; stored ${stored.map(([k, l]) => `${k}: ${l.map((h) => h.length)} chars`).join(", ") || "nothing"}`,
  );
  if (warnings) {
    await sleep(200);
    const named = warnings.filter((w) => w.startsWith("Declutter: refused "));
    t.check(`${name}: each refusal is a console warning in the background`, named.length >= 2, named.map((w) => w.slice(0, 120)).join(" | "));
  }

  // What a page may still do.
  const display = await fromTab(site, { type: "saveSettings", patch: { theme: "dark", fontSize: 22 } });
  const shown = await fromTab(site, { type: "alwaysShow", hash: PAGE_HASH, host: "elsewhere.example" });
  const now = await settings();
  const remembered = (await storage("local"))[`alwaysShow:${host}`] || [];
  t.check(
    `${name}: a page may still save the reader's display settings and remember a block for its own site`,
    display?.ok === true && now.theme === "dark" && now.fontSize === 22 && shown?.ok === true && remembered.includes(PAGE_HASH) && !(await storage("local"))["alwaysShow:elsewhere.example"],
    `replies ${JSON.stringify(display?.ok)} ${JSON.stringify(shown?.ok)}; theme ${now.theme}, size ${now.fontSize}; ${host}: ${JSON.stringify(remembered)}`,
  );
  const full = await fromOptions({ type: "saveSettings", patch: { auto: "off", autoSites: [] } });
  t.check(`${name}: the settings page keeps full rights`, full?.ok === true && (await settings()).auto === "off", JSON.stringify(full));
}

/**
 * A private window: "always show this block" there is kept in memory
 * (storage.session) only, and forgotten with the last private window.
 * openPrivate(url) opens one on `url` (true, or why not); closePrivate().
 */
async function checkPrivateWindow({ name, site, fromTab, storage, openPrivate, closePrivate, t }) {
  const host = new URL(site).host;
  const opened = await openPrivate(site).catch((e) => String(e?.message || e));
  if (opened !== true) {
    t.check(`${name}: a private window opens with the extension allowed in it`, false, String(opened));
    return;
  }
  const privately = await fromTab(site, { type: "alwaysShow", hash: PRIVATE_HASH }, { incognito: true });
  const onDisk = Object.values(await storage("local")).flat();
  const session = (await storage("session"))[`alwaysShow:${host}`] || [];
  t.check(
    `${name}: "always show this block" in a private window is kept for the session, not written to disk`,
    privately?.ok === true && !onDisk.includes(PRIVATE_HASH) && session.includes(PRIVATE_HASH),
    `reply ${JSON.stringify(privately)}; on disk ${onDisk.includes(PRIVATE_HASH)}; session ${JSON.stringify(session)}`,
  );
  await closePrivate();
  let left = session;
  for (const deadline = Date.now() + WAIT; left.includes(PRIVATE_HASH) && Date.now() < deadline; await sleep(100)) {
    left = (await storage("session"))[`alwaysShow:${host}`] || [];
  }
  t.check(`${name}: it is forgotten when the last private window closes`, !left.includes(PRIVATE_HASH), JSON.stringify(left));
}

/** The extension's service worker in `context`. */
async function extensionWorker(context) {
  for (const deadline = Date.now() + WAIT; Date.now() < deadline; await sleep(100)) {
    const w = context.serviceWorkers().find((x) => x.url().startsWith("chrome-extension://"));
    if (w) return w;
  }
  throw new Error("no extension service worker");
}

/** Runs the checks in Chromium on `site` (a page on 127.0.0.1); records them in `t`. */
export async function runSenderRightsChromium({ dist, site, t }) {
  const dir = await scratch("sender-rights-chromium");
  const ext = join(dir, "extension");
  let context = null;
  try {
    await copyExtension(dist, ext, (m) => {
      m.host_permissions = ["*://127.0.0.1/*"];
    });
    context = await launchChromium({ args: ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost", "--enable-unsafe-extension-debugging"] });
    const cdp = await context.browser().newBrowserCDPSession();
    const { id } = await cdp.send("Extensions.loadUnpacked", { path: ext, enableInIncognito: true });
    const worker = await extensionWorker(context);
    const warnings = [];
    worker.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    // The settings page the extension opens on install, waited for: a tab
    // the test opened meanwhile could be the one that navigation lands in.
    const options = await installSettingsPage(context, id, WAIT);
    if (!options) throw new Error("the settings page did not open on install");
    const page = await context.newPage();
    await page.goto(site);

    const fromTab = (url, msg, { incognito = false } = {}) =>
      worker.evaluate(
        async ({ url, msg, incognito }) => {
          const tab = (await chrome.tabs.query({})).find((x) => x.url === url && x.incognito === incognito);
          if (!tab) return { noTab: url };
          const [first] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: (m) => chrome.runtime.sendMessage(m), args: [msg] });
          return first?.result;
        },
        { url, msg, incognito },
      );
    const storage = (area) => options.evaluate((area) => chrome.storage[area].get(null), area);
    await checkPageRights({
      name: "chromium",
      site,
      fromTab,
      fromOptions: (msg) => options.evaluate((m) => chrome.runtime.sendMessage(m), msg),
      storage,
      setSettings: (settings) => options.evaluate((s) => chrome.storage.sync.set({ settings: s }), settings),
      warnings,
      t,
    });
    let privateWindow = null;
    await checkPrivateWindow({
      name: "chromium",
      site,
      fromTab,
      storage,
      openPrivate: async (url) => {
        privateWindow = await worker.evaluate((url) => chrome.windows.create({ incognito: true, url }).then((w) => w.id), url);
        for (const deadline = Date.now() + WAIT; Date.now() < deadline; await sleep(100)) {
          const ready = await worker.evaluate(async (url) => (await chrome.tabs.query({})).some((x) => x.incognito && x.url === url && x.status === "complete"), url);
          if (ready) return true;
        }
        return "the private window's tab did not load";
      },
      closePrivate: () => worker.evaluate((id) => chrome.windows.remove(id), privateWindow),
      t,
    });
  } finally {
    await context?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `body` (with its arguments as `args`) in the driver's current window, an extension page; resolves to what it returns. */
function inPage(driver, body, ...args) {
  return driver.executeAsyncScript(`const done = arguments[arguments.length - 1]; (async (...args) => { ${body} })(...arguments).then(done, (e) => done({ thrown: String(e) }));`, ...args);
}

/** From the settings page (the current window): sends `msg` from the content-script world of the tab showing `url`. */
function firefoxFromTab(driver, url, msg, { incognito = false } = {}) {
  return inPage(
    driver,
    `const [url, msg, incognito] = args;
     const tab = (await browser.tabs.query({})).find((x) => x.url === url && x.incognito === incognito);
     if (!tab) return { noTab: url };
     const [first] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: (m) => browser.runtime.sendMessage(m), args: [msg] });
     return first?.result ?? { error: first?.error && String(first.error) };`,
    url,
    msg,
    incognito,
  );
}

const firefoxStorage = (driver) => (area) => inPage(driver, "return browser.storage[args[0]].get(null);", area);

/** Runs the checks in Firefox on `site` (a page on 127.0.0.1), and the permissions given back; records them in `t`. */
export async function runSenderRightsFirefox({ dist, site, t }) {
  const driver = await launchFirefox({ addon: dist, prefs: extensionPrefs() });
  try {
    await driver.manage().setTimeouts({ script: WAIT, pageLoad: 30000 });
    const optionsWindow = await findOptionsWindow(driver);
    await checkGiveBack(driver, t);
    await hostAccessWithoutAuto(driver);
    await driver.switchTo().newWindow("window");
    await driver.get(site);
    await driver.switchTo().window(optionsWindow);
    await checkPageRights({
      name: "firefox",
      site,
      fromTab: (url, msg, options) => firefoxFromTab(driver, url, msg, options),
      fromOptions: (msg) => inPage(driver, "return browser.runtime.sendMessage(args[0]);", msg),
      storage: firefoxStorage(driver),
      setSettings: (settings) => inPage(driver, "await browser.storage.sync.set({ settings: args[0] });", settings),
      warnings: null,
      t,
    });
  } finally {
    await driver.quit().catch(() => {});
  }
  await runPrivateWindowFirefox({ dist, site, t });
}

/** The add-on's internal UUID in the private-window Firefox, fixed so its settings page's address is known before it is installed. */
const FIREFOX_UUID = "0e1f2d3c-4b5a-4697-8889-aabbccddeeff";
const FIREFOX_ID = "declutter@declutter.example";

// Firefox runs an add-on in private windows only when the user allows it,
// which geckodriver does at install (`allowPrivateBrowsing`); it then
// reloads the add-on, which closes the settings page it opened on install,
// and a driver cannot open moz-extension: pages. So the add-on is installed
// for good into a kept profile and Firefox is started again with its
// settings page as the home page (as settings-survive.mjs does in Firefox).
async function runPrivateWindowFirefox({ dist, site, t }) {
  const dir = await scratch("sender-rights-firefox");
  const profile = join(dir, "profile");
  await mkdir(profile);
  const home = `moz-extension://${FIREFOX_UUID}/options.html`;
  const prefs = { ...extensionPrefs(), "xpinstall.signatures.required": false, "extensions.webextensions.uuids": JSON.stringify({ [FIREFOX_ID]: FIREFOX_UUID }) };
  let driver = null;
  try {
    driver = await launchFirefox({ profile, prefs });
    const addon = (await zipFolder(dist)).toString("base64");
    await driver.execute(new Command("install addon").setParameter("addon", addon).setParameter("temporary", false).setParameter("allowPrivateBrowsing", true));
    await driver.quit();
    driver = await launchFirefox({ profile, prefs: { ...prefs, "browser.startup.page": 1, "browser.startup.homepage": home } });
    await driver.manage().setTimeouts({ script: WAIT, pageLoad: 30000 });
    await findOptionsWindow(driver);
    await hostAccessWithoutAuto(driver);
    let privateWindow = null;
    await checkPrivateWindow({
      name: "firefox",
      site,
      fromTab: (url, msg, options) => firefoxFromTab(driver, url, msg, options),
      storage: firefoxStorage(driver),
      openPrivate: async (url) => {
        const opened = await inPage(driver, "const w = await browser.windows.create({ incognito: true, url: args[0] }); return w.id;", url);
        if (typeof opened !== "number") return `windows.create: ${JSON.stringify(opened)}`;
        privateWindow = opened;
        for (const deadline = Date.now() + WAIT; Date.now() < deadline; await sleep(100)) {
          const ready = await inPage(driver, "return (await browser.tabs.query({})).some((x) => x.incognito && x.url === args[0] && x.status === 'complete');", url);
          if (ready === true) return true;
        }
        return "the private window's tab did not load";
      },
      closePrivate: () => inPage(driver, "await browser.windows.remove(args[0]);", privateWindow),
      t,
    });
  } finally {
    await driver?.quit().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}

// With the settings window current: auto-declutter on three sites by real
// clicks (Firefox grants the optional permissions without a prompt in
// tests), then narrowed to one, then off; the host permissions must follow.
async function checkGiveBack(driver, t) {
  const granted = () => driver.executeAsyncScript("const done = arguments[0]; browser.permissions.getAll().then((p) => done([...p.origins].sort()));");
  const settle = async (want) => {
    let got = await granted();
    for (const deadline = Date.now() + WAIT; JSON.stringify(got) !== JSON.stringify(want) && Date.now() < deadline; await driver.sleep(100)) got = await granted();
    return got;
  };
  const sites = async (text) => {
    const box = await driver.findElement(By.css("#autoSites"));
    await box.clear();
    await box.sendKeys(text);
    await driver.findElement(By.css("#save-sites")).click();
    await waitStatus(driver, "Saved");
  };
  await sites("127.0.0.1\na.example\nb.example");
  const three = ["*://127.0.0.1/*", "*://a.example/*", "*://b.example/*"];
  const first = await settle(three);
  t.check("firefox: auto-declutter on three sites gets their permissions", JSON.stringify(first) === JSON.stringify(three), JSON.stringify(first));
  await sites("127.0.0.1");
  const narrowed = await settle(["*://127.0.0.1/*"]);
  t.check("firefox: narrowing auto-declutter to one site gives back the other sites' permissions", JSON.stringify(narrowed) === '["*://127.0.0.1/*"]', JSON.stringify(narrowed));
  await driver.findElement(By.css("#auto-off")).click();
  await waitStatus(driver, "Saved");
  const off = await settle([]);
  t.check("firefox: turning auto-declutter off gives back every host permission", off.length === 0, JSON.stringify(off));
}
