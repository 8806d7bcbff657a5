// The extension in the browser's language (issue 14 item 8), in Chromium
// and Firefox: the popup, the page-level control's list and the welcome
// page show the messages of _locales/<ui language>, English by default and
// German when the browser's UI is German; the reader's meta line ("6 min
// read") is in the page's language where the extension has it (a French
// page: "min de lecture", whatever the UI), else in the UI's.
//
// How the UI language is set, as found with Debian's browsers here
// (2026-12): Chromium takes `--lang=de` for the extension's messages even
// though it ships only en-US.pak (its i18n.getUILanguage() still says
// en-US: the extension's own "locale" message says which messages it got);
// LANGUAGE=de alone did nothing. Firefox ESR takes the pref
// `intl.locale.requested` only for a language it has a language pack for,
// and firefox-esr here ships none but en-US: the German pack of Debian's
// firefox-esr-l10n-de (installed, or its XPI named by FIREFOX_LANGPACK_DE)
// is installed as a temporary add-on before the extension; without it
// German is not checked in Firefox (the run says so), English and the
// page-language meta line always are.
//
// Chromium is also checked in French and Spanish, Firefox in French
// (Debian's firefox-esr-l10n-fr, unpacked by scripts/setup.sh like the
// German one). In each language but English, the list's reasons ("why",
// from the engine's whyMessages) are that language's why_* messages, each
// clause, and none is an English one.
//
// Screenshots: {chromium,firefox}-i18n-{en,de,fr}-{popup,list,welcome}.png
// (the list open; Chromium also es),
// chromium-i18n-{en,de}-{settings,reader}.png (the reader on the French page).
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { By } from "selenium-webdriver";
import { installSettingsPage, launchChromium, launchFirefox } from "../lib/browsers.mjs";
import { WAIT, extensionPrefs, findOptionsWindow, openPopupFor, findWelcomeWindow, hostAccessWithoutAuto, inWindowOf } from "../lib/firefox-extension.mjs";
import { serve } from "../../../scripts/serve.mjs";
import { inShadow } from "../lib/driver.mjs";
import { sendRun } from "./firefox.mjs";
import { REPO, SHARED } from "./pages.mjs";

/** The seed page, in English and as if in French and Italian (the extension has no Italian), by its <html lang>. */
async function i18nPages(repo) {
  const dir = join(repo, "target", "i18n-pages");
  await mkdir(dir, { recursive: true });
  const seed = await readFile(join(SHARED, "fixtures/seed-news-page.html"), "utf8");
  if (!seed.includes('<html lang="en">')) throw new Error("the seed page's <html lang> changed");
  for (const lang of ["en", "fr", "it"]) await writeFile(join(dir, `seed-${lang}.html`), seed.replace('<html lang="en">', `<html lang="${lang}">`));
  const server = await serve({ root: dir });
  return { url: (lang) => `${server.url}seed-${lang}.html`, close: server.close };
}

/** The packaged extension's messages for `lang`: {name: text}. */
async function messages(dist, lang) {
  const json = JSON.parse(await readFile(join(dist, "_locales", lang, "messages.json"), "utf8"));
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, v.message]));
}

/** A message's text as a pattern: its placeholders match anything. */
const pattern = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\$[A-Z]+\\\$/g, "(.+?)")}$`);

/** The patterns of the engine's reasons as `ui` says them (its why_* messages), first letters in lower case. */
const whyPatterns = (ui) =>
  Object.entries(ui)
    .filter(([name]) => name.startsWith("why_"))
    .map(([, text]) => pattern(lowerFirst(text)));
const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);

/** The clauses of the list's reason lines ("Says “Share on”; a link to another page."), first letters in lower case. */
// Split by the language's own separator (French " ; "): a list joined
// with another one leaves clauses that match no message.
const whyClauses = (lines, separator) => lines.flatMap((line) => line.replace(/\.$/, "").split(separator)).map(lowerFirst);

/** English messages (without placeholders) still showing in a page in another language: the texts of `texts` that are one and no message of `ui` ("Declutter" is both the name and, in English, the mode). */
function englishLeft(texts, en, ui) {
  const own = new Set(Object.values(ui));
  const english = new Set(Object.values(en).filter((v) => !v.includes("$") && !own.has(v)));
  return texts.filter((s) => english.has(s));
}

// ---- in the pages ----

/** In the popup, once it shows a decluttered page: its words. */
function popupTexts() {
  // Every text the page shows or names (titles, accessible names, alternative texts).
  const visibleTexts = () => {
    const out = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) if (walk.currentNode.data.trim()) out.push(walk.currentNode.data.trim());
    for (const e of document.querySelectorAll("[title], [aria-label], [alt]")) for (const a of ["title", "aria-label", "alt"]) if (e.getAttribute(a)) out.push(e.getAttribute(a));
    return out;
  };
  if (document.getElementById("declutter")?.getAttribute("aria-pressed") !== "true") return null;
  const text = (id) => document.getElementById(id)?.textContent.trim();
  return {
    lang: document.documentElement.lang,
    hiddenHead: text("hidden-head"),
    reader: text("reader"),
    declutter: text("declutter"),
    total: text("total"),
    labels: [...document.querySelectorAll("#labels li")].map((li) => li.textContent),
    kinds: [...document.querySelectorAll("#kinds label")].map((l) => l.textContent.trim()),
    texts: visibleTexts(),
  };
}

/** In the welcome page, once it shows the shortcuts: its words. */
function welcomeTexts() {
  // Every text the page shows or names (titles, accessible names, alternative texts).
  const visibleTexts = () => {
    const out = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) if (walk.currentNode.data.trim()) out.push(walk.currentNode.data.trim());
    for (const e of document.querySelectorAll("[title], [aria-label], [alt]")) for (const a of ["title", "aria-label", "alt"]) if (e.getAttribute(a)) out.push(e.getAttribute(a));
    return out;
  };
  if (!document.querySelector("#shortcuts li[data-command]")) return null;
  return {
    lang: document.documentElement.lang,
    title: document.title,
    h1: document.querySelector("h1").textContent,
    shortcuts: [...document.querySelectorAll("#shortcuts li")].map((li) => li.textContent),
    texts: visibleTexts(),
  };
}

/** In the control's shadow root `root`: opens the list and returns its words. */
function controlTexts(root) {
  const pill = root.querySelector(".pill");
  if (root.querySelector(".panel").hidden) pill.click();
  const out = [];
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) if (walk.currentNode.data.trim() && walk.currentNode.parentElement.localName !== "style") out.push(walk.currentNode.data.trim());
  return {
    pill: pill.textContent,
    pillName: pill.getAttribute("aria-label"),
    head: root.querySelector("h2").textContent,
    acts: [...root.querySelectorAll("button.act:not(.always)")].map((b) => b.textContent),
    labels: [...root.querySelectorAll(".label")].map((l) => l.textContent),
    footer: [...root.querySelectorAll(".footer button")].map((b) => b.textContent),
    whys: [...root.querySelectorAll(".why")].map((e) => e.textContent),
    texts: out.filter((s) => !root.querySelector(".what, .why") || ![...root.querySelectorAll(".what, .why")].some((e) => e.textContent.includes(s))),
  };
}

// ---- checks ----

function checkUi(t, name, lang, { popup, control, welcome }, ui, en) {
  t.check(`${name}: the popup is in ${lang}`,
    popup && popup.lang === lang && popup.hiddenHead === ui.hiddenOnPage && popup.reader === ui.readerView && pattern(ui.popup_total_other).test(popup.total) &&
      popup.kinds.join("|") === [ui.kind_promo, ui.kind_related, ui.kind_boilerplate].join("|"),
    JSON.stringify(popup && { ...popup, texts: undefined }));
  t.check(`${name}: the control and its list are in ${lang}`,
    control && pattern(ui.control_pill_other).test(control.pill) && pattern(ui.control_name).test(control.pillName) && control.head === ui.hiddenOnPage &&
      control.acts.length > 0 && control.acts.every((a) => a === ui.action_show) && control.footer.join("|") === [ui.showAll, ui.copyReport].join("|"),
    JSON.stringify(control && { ...control, texts: undefined }));
  t.check(`${name}: the welcome page is in ${lang}`,
    welcome && welcome.lang === lang && welcome.h1 === ui.welcome_title && welcome.title === ui.welcome_title &&
      welcome.shortcuts.some((s) => s.includes(ui.cmdReader)) && welcome.shortcuts.some((s) => s.includes(ui.cmdDeclutter)),
    JSON.stringify(welcome && { ...welcome, texts: undefined }));
  if (lang !== "en") {
    // The seed page's widgets each say why (labels, counts of links, markup names).
    const clauses = whyClauses(control?.whys || [], ui.reasonSeparator);
    const ownWhy = whyPatterns(ui);
    const englishWhy = whyPatterns(en);
    const notOwn = clauses.filter((c) => !ownWhy.some((p) => p.test(c)));
    const inEnglish = clauses.filter((c) => englishWhy.some((p) => p.test(c)) && !ownWhy.some((p) => p.test(c)));
    t.check(`${name}: the list says why in ${lang}, each reason by its message`,
      clauses.length >= 10 && notOwn.length === 0 && inEnglish.length === 0,
      `${clauses.length} reasons; not ${lang}: ${notOwn.join(" | ") || "none"}; English: ${inEnglish.join(" | ") || "none"}`);
    const left = [...(popup?.texts || []), ...(control?.texts || []), ...(welcome?.texts || [])];
    const english = englishLeft(left, en, ui);
    t.check(`${name}: no English words left in the popup, the list and the welcome page`, english.length === 0, english.join(" | "));
  }
}

/** The meta line wanted for a page in `pageLang` with the UI in `uiLang`: the page's language where the extension has it. */
function checkMeta(t, name, meta, pageLang, want) {
  t.check(`${name}: the reader's meta line for a page in ${pageLang} says ${JSON.stringify(want.readingTime_other.replace("$COUNT$", "N"))}`,
    typeof meta === "string" && meta.split(" · ").some((part) => pattern(want.readingTime_other).test(part) || pattern(want.readingTime_one).test(part)), String(meta));
}

// ---- Chromium ----

async function chromiumIn({ dist, pages, artifacts, t, lang, en }) {
  const ui = await messages(dist, lang);
  const name = `chromium i18n ${lang}`;
  const context = await launchChromium({ extension: dist, args: lang === "en" ? [] : [`--lang=${lang}`] });
  try {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent("serviceworker", { timeout: WAIT });
    const extId = new URL(worker.url()).host;
    const options = await installSettingsPage(context, extId, WAIT);
    if (!options) throw new Error("the welcome page did not open on install");
    const browserCdp = await context.browser().newBrowserCDPSession();
    const page = context.pages().find((p) => p !== options && !p.url().startsWith("chrome-extension:")) || (await context.newPage());
    await page.setViewportSize({ width: 1280, height: 900 });
    const cdp = await context.newCDPSession(page);
    const tabId = async () => {
      for (const deadline = Date.now() + WAIT; ; await page.waitForTimeout(100)) {
        const id = await options.evaluate(async (url) => (await chrome.tabs.query({})).find((x) => x.url === url)?.id, page.url());
        if (id !== undefined || Date.now() > deadline) return id;
      }
    };
    // A toolbar click (it grants the tab: activeTab), then the mode.
    const run = async (mode) => {
      await page.bringToFront();
      const { targetInfos } = await browserCdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
      await browserCdp.send("Extensions.triggerAction", { id: extId, targetId: targetInfos.find((i) => i.url === page.url()).targetId });
      const reply = await options.evaluate(({ tabId, mode }) => chrome.runtime.sendMessage({ type: "run", mode, tabId }), { tabId: await tabId(), mode });
      if (!reply?.ok || reply.value?.mode !== mode) throw new Error(`${mode}: ${JSON.stringify(reply)}`);
      await page.bringToFront();
    };

    // The seed page decluttered: the control's list, then the popup.
    await page.goto(pages.url("en"), { waitUntil: "load" });
    await run("declutter");
    const control = await inShadow(cdp, '[data-declutter="control"]', `function () { return (${controlTexts})(this); }`);
    await page.screenshot({ path: join(artifacts, `chromium-i18n-${lang}-list.png`) });
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.goto(`chrome-extension://${extId}/popup/popup.html?tab=${await tabId()}`);
    const popupSeen = await popup.waitForFunction(popupTexts, { timeout: WAIT }).then((h) => h.jsonValue()).catch(() => null);
    await popup.screenshot({ path: join(artifacts, `chromium-i18n-${lang}-popup.png`), fullPage: true });
    await popup.close();
    const welcome = await context.newPage();
    await welcome.setViewportSize({ width: 1000, height: 900 });
    await welcome.goto(`chrome-extension://${extId}/welcome/welcome.html`);
    const welcomeSeen = await welcome.waitForFunction(welcomeTexts, { timeout: WAIT }).then((h) => h.jsonValue()).catch(() => null);
    await welcome.screenshot({ path: join(artifacts, `chromium-i18n-${lang}-welcome.png`), fullPage: true });
    await welcome.close();
    await options.setViewportSize({ width: 1000, height: 900 });
    await options.screenshot({ path: join(artifacts, `chromium-i18n-${lang}-settings.png`), fullPage: true });
    checkUi(t, name, lang, { popup: popupSeen, control, welcome: welcomeSeen }, ui, en);

    // The reader's meta line, on the page in three languages.
    for (const pageLang of ["en", "fr", "it"]) {
      await page.goto(pages.url(pageLang), { waitUntil: "load" });
      await run("reader");
      const meta = await inShadow(cdp, '[data-declutter="reader"]', "function () { return this.querySelector('.meta')?.textContent ?? null; }");
      const want = pageLang === "it" ? ui : await messages(dist, pageLang);
      checkMeta(t, name, meta, pageLang, want);
      if (pageLang === "fr") await page.screenshot({ path: join(artifacts, `chromium-i18n-${lang}-reader.png`) });
    }
  } finally {
    await context.close();
  }
}

/** Runs the Chromium checks: English by default, German, French and Spanish with `--lang=`. */
export async function runI18nChromium({ dist, repo, artifacts, t }) {
  const pages = await i18nPages(repo);
  const en = await messages(dist, "en");
  try {
    for (const lang of ["en", "de", "fr", "es"]) await chromiumIn({ dist, pages, artifacts, t, lang, en });
  } finally {
    await pages.close();
  }
}

// ---- Firefox ----

/**
 * Firefox's language pack for `lang`: FIREFOX_LANGPACK_DE (and so on),
 * target/langpacks (scripts/setup.sh unpacks Debian's firefox-esr-l10n-de
 * there), or where that package installs it; null if none is there.
 * Debian's language packs are unsigned: they install as temporary add-ons.
 */
function languagePack(lang) {
  const file = `langpack-${lang}@firefox-esr.mozilla.org.xpi`;
  const paths = [process.env[`FIREFOX_LANGPACK_${lang.toUpperCase()}`], join(REPO, "target/langpacks", file), `/usr/lib/firefox-esr/browser/extensions/${file}`];
  return paths.find((p) => p && existsSync(p)) ?? null;
}

async function firefoxIn({ dist, pages, artifacts, t, lang, en }) {
  const name = `firefox i18n ${lang}`;
  const prefs = { ...extensionPrefs(), ...(lang === "en" ? {} : { "intl.locale.requested": lang }) };
  // The language pack goes in before the extension, which then gets its messages in that language.
  const langpack = lang === "en" ? null : languagePack(lang);
  const driver = await launchFirefox({ addon: langpack ? null : dist, prefs });
  try {
    if (langpack) {
      await driver.installAddon(langpack, true);
      await driver.installAddon(dist, true);
    }
    await driver.manage().setTimeouts({ script: WAIT, pageLoad: 30000 });
    const shot = async (file) => writeFile(join(artifacts, file), await driver.takeScreenshot(), "base64");
    const welcomeWindow = await findWelcomeWindow(driver);
    if (!welcomeWindow) throw new Error("the welcome page did not open on install");
    await driver.manage().window().setRect({ width: 1000, height: 1100 });
    const welcome = await driver.wait(() => driver.executeScript(welcomeTexts), WAIT).catch(() => null);
    const got = await driver.executeScript(() => browser.i18n.getMessage("locale"));
    if (got !== lang) {
      // No language pack: Firefox gives the extension English.
      const available = await driver.executeScript(() => navigator.languages.join(","));
      console.log(`skip ${name}: Firefox here has no ${lang} language pack (the extension got "${got}" messages; navigator.languages ${available}): set FIREFOX_LANGPACK_${lang.toUpperCase()} to its XPI (Debian: firefox-esr-l10n-${lang}); only English and the meta line are checked in Firefox`);
      return false;
    }
    const ui = await messages(dist, lang);
    await shot(`firefox-i18n-${lang}-welcome.png`);
    const optionsWindow = await findOptionsWindow(driver);
    await hostAccessWithoutAuto(driver);
    await driver.switchTo().newWindow("window");
    const pageWindow = await driver.getWindowHandle();
    await driver.manage().window().setRect({ width: 1280, height: 900 });
    const inOptions = inWindowOf(driver, optionsWindow, pageWindow);
    const run = async (url, mode) => {
      const { reply } = await inOptions(() => sendRun(driver, url, mode));
      if (!reply?.ok || reply.value?.mode !== mode) throw new Error(`${mode}: ${JSON.stringify(reply)}`);
    };
    const seed = pages.url("en");
    await driver.get(seed);
    await run(seed, "declutter");
    const host = await driver.findElement(By.css('[data-declutter="control"]'));
    const inside = await (await host.getShadowRoot()).findElement(By.css(".pill"));
    const control = await driver.executeScript(`return (${controlTexts})(arguments[0].getRootNode());`, inside);
    await shot(`firefox-i18n-${lang}-list.png`);
    await openPopupFor(driver, inOptions, seed, 820);
    const popup = await driver.wait(() => driver.executeScript(popupTexts), WAIT).catch(() => null);
    await shot(`firefox-i18n-${lang}-popup.png`);
    await driver.close();
    await driver.switchTo().window(pageWindow);
    checkUi(t, name, lang, { popup, control, welcome }, ui, en);

    for (const pageLang of ["en", "fr", "it"]) {
      const url = pages.url(pageLang);
      await driver.get(url);
      await run(url, "reader");
      const readerHost = await driver.findElement(By.css('[data-declutter="reader"]'));
      const metas = await (await readerHost.getShadowRoot()).findElements(By.css(".meta"));
      const meta = metas.length ? await metas[0].getText() : null;
      checkMeta(t, name, meta, pageLang, pageLang === "it" ? ui : await messages(dist, pageLang));
    }
    return true;
  } finally {
    await driver.quit();
  }
}

/** Runs the Firefox checks: English by default, German and French where Firefox has them. */
export async function runI18nFirefox({ dist, repo, artifacts, t }) {
  const pages = await i18nPages(repo);
  const en = await messages(dist, "en");
  try {
    for (const lang of ["en", "de", "fr"]) await firefoxIn({ dist, pages, artifacts, t, lang, en });
  } finally {
    await pages.close();
  }
}
