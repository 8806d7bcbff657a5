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
// The checks and the run are written once over the driver (../lib/driver.mjs).
// Screenshots: {chromium,firefox}-i18n-{en,de,fr}-{popup,list,welcome,settings,reader}.png
// (the list open, the reader on the French page; Chromium also es).
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { serve } from "../../../scripts/serve.mjs";
import { startBrowser } from "../lib/driver.mjs";
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

// ---- The run, once for both browsers (../lib/driver.mjs) ----

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

/**
 * The checks in browser `name` with its UI in `lang`: Chromium by
 * `--lang=`, Firefox by the pref `intl.locale.requested` and that
 * language's pack installed before the extension. Resolves to false when
 * Firefox has no pack for `lang` (said, and skipped).
 */
async function checkIn(name, { dist, pages, artifacts, t, lang, en }) {
  const label = `${name} i18n ${lang}`;
  const langpack = name === "firefox" && lang !== "en" ? languagePack(lang) : null;
  const b = await startBrowser(name, {
    dist,
    args: lang === "en" ? [] : [`--lang=${lang}`],
    prefs: lang === "en" ? {} : { "intl.locale.requested": lang },
    before: langpack ? [langpack] : [],
  });
  try {
    const shot = (page, what) => page.screenshot(join(artifacts, `${name}-i18n-${lang}-${what}.png`));
    const welcomePage = await b.welcome();
    if (!welcomePage) throw new Error("the welcome page did not open on install");
    await welcomePage.resize(1000, 1100);
    const welcome = await welcomePage.waitFor(welcomeTexts).catch(() => null);
    const got = await welcomePage.evaluate(() => (globalThis.browser ?? chrome).i18n.getMessage("locale"));
    if (name === "firefox" && got !== lang) {
      // No language pack: Firefox gives the extension English.
      const available = await welcomePage.evaluate(() => navigator.languages.join(","));
      console.log(`skip ${label}: Firefox here has no ${lang} language pack (the extension got "${got}" messages; navigator.languages ${available}): set FIREFOX_LANGPACK_${lang.toUpperCase()} to its XPI (Debian: firefox-esr-l10n-${lang}); only English and the meta line are checked in Firefox`);
      return false;
    }
    const ui = await messages(dist, lang);
    await shot(welcomePage, "welcome");
    const settings = await b.settings();
    await settings.resize(1000, 900);
    await shot(settings, "settings");
    if ((await b.allowEverywhere({ auto: false })) === false) throw new Error("the host permission was not granted");
    const page = await b.newPage();
    await page.resize(1280, 900);
    // The tab granted (Chromium's toolbar click), then the mode.
    const run = async (mode) => {
      await b.grantTab(page);
      const reply = await b.run(page, mode);
      if (!reply?.ok || reply.value?.mode !== mode) throw new Error(`${mode}: ${JSON.stringify(reply)}`);
    };

    // The seed page decluttered: the control's list, then the popup.
    await page.goto(pages.url("en"));
    await run("declutter");
    const control = await page.shadow('[data-declutter="control"]', `function () { return (${controlTexts})(this); }`);
    await shot(page, "list");
    const popupPage = await b.openPopup(page, { height: 820 });
    const popup = await popupPage.waitFor(popupTexts).catch(() => null);
    await shot(popupPage, "popup");
    await popupPage.close();
    checkUi(t, label, lang, { popup, control, welcome }, ui, en);

    // The reader's meta line, on the page in three languages.
    for (const pageLang of ["en", "fr", "it"]) {
      await page.goto(pages.url(pageLang));
      await run("reader");
      const meta = await page.shadow('[data-declutter="reader"]', "function () { return this.querySelector('.meta')?.textContent ?? null; }");
      checkMeta(t, label, meta, pageLang, pageLang === "it" ? ui : await messages(dist, pageLang));
      if (pageLang === "fr") await shot(page, "reader");
    }
    return true;
  } finally {
    await b.close();
  }
}

/** Runs the checks in browser `name`: English by default; German, French and (Chromium) Spanish. */
export async function runI18n(name, { dist, repo, artifacts, t }) {
  const pages = await i18nPages(repo);
  const en = await messages(dist, "en");
  try {
    for (const lang of name === "chromium" ? ["en", "de", "fr", "es"] : ["en", "de", "fr"]) await checkIn(name, { dist, pages, artifacts, t, lang, en });
  } finally {
    await pages.close();
  }
}
