// The extension's end-to-end checks, each written once over the driver
// interface (../lib/driver.mjs) and run in Chromium and Firefox: the
// welcome page, settings kept and used, on each page the reader opened and
// closed (it shows the article, page scripts cannot reach it, the page
// comes back exactly), declutter in place (blocks hidden, one control
// counting them, its list, the page restored exactly), the popup, page CSS
// that cannot restyle the reader, and DOMPurify's XSS vectors. What only
// one browser has is in chromium.mjs and firefox.mjs, which start the
// browser and hand their own checks in as hooks (`only`).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serve } from "../../../scripts/serve.mjs";
import { XSS_HEADERS, XssTally, auditReader, describeElements, writeXssPages } from "./xss.mjs";
import { firstDifference, pageState, percentiles, scoreCollapse, scoreReader, snippetStates } from "./pages.mjs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs in the reader's shadow root (page.shadow): what it shows and how. */
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

/** Runs in the page-level control's shadow root (page.shadow): its button and list. */
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

/** Runs in the page: how many elements Declutter hides in it. */
export function hiddenCount() {
  return document.querySelectorAll("[data-declutter-hidden]").length;
}

const readerIs = (open) => !!document.querySelector('[data-declutter="reader"]') === open;
/** Waits for the reader to be open (or closed) in `page`; resolves to whether it was in time. */
export const waitReader = (page, open) => page.waitFor(readerIs, open, { raf: true }).then(() => true, () => false);

/** Toggles the reader the user's way (the toolbar); resolves to {reply, pressed}. */
export async function toggleReader(b, page, open, beforePress) {
  const press = await b.pressReader(page, beforePress);
  const ok = await waitReader(page, open);
  return { ...press, ok, at: performance.now() };
}

/** The settings page's status line says "Saved"; cleared for the next wait. */
export async function saved(settings) {
  await settings.waitFor(() => document.getElementById("status").textContent === "Saved");
  await settings.evaluate(() => (document.getElementById("status").textContent = ""));
}

/**
 * Runs every end-to-end check in browser `b` (a started driver); `t`
 * records checks, timings and artifacts. `only` holds the browser's own
 * checks, each called at its place: beforePages, onArrival, afterShow,
 * afterPages, consoleWarnings, beforeXss, atEnd.
 */
export async function runEndToEnd(b, { pages, html, artifacts, t, only = {} }) {
  const n = b.name;
  const welcome = await b.welcome();
  t.check(`${n}: the welcome page opens on install`, !!welcome);
  if (welcome) {
    const keys = await welcome
      .waitFor(() => document.querySelectorAll("#shortcuts kbd").length >= 2 && [...document.querySelectorAll("#shortcuts li")].map((li) => `${li.dataset.command}=${li.querySelector("kbd")?.textContent || ""}`))
      .catch(() => null);
    t.check(`${n}: the welcome page shows both shortcuts set`, keys?.includes("toggle-reader=Alt+Shift+E") && keys.includes("toggle-declutter=Alt+Shift+D"), JSON.stringify(keys));
    await welcome.resize(1000, 900);
    await welcome.screenshot(join(artifacts, `${n}-welcome.png`));
  }
  const settings = await b.settings().catch(() => null);
  t.check(`${n}: the settings page opens from the welcome page`, !!settings);
  if (!settings) return;
  await checkSettings(b, settings, t);
  await only.beforePages?.(b, { t });

  const page = await b.newPage();
  const times = [];
  for (const p of pages) {
    const name = `${n} ${p.name}`;
    await page.front();
    await page.goto(p.url);
    await sleep(200);
    b.phase = "extension";
    // Firefox: the page arrived decluttered (its own check), and is brought back.
    await only.onArrival?.(b, page, p, { artifacts, t, first: p === pages[0] });
    await page.evaluate(() => window.scrollTo(0, 400));
    const base = await page.evaluate(pageState);
    const snippets = p.labels.map((b) => b.text);
    const before = await page.evaluate(snippetStates, snippets);

    // Reader view through the toolbar.
    const opened = await toggleReader(b, page, true);
    const ms = opened.reply?.value?.clickToPaintMs ?? opened.at - opened.pressed;
    if (opened.ok && typeof ms === "number") times.push(ms);
    const reader = opened.ok ? await page.shadow('[data-declutter="reader"]', readerInfo) : null;
    const r = scoreReader(reader?.text || "", p.labels);
    t.check(`${name}: reader view opens from the toolbar`, !!reader && reader.hostVisible && reader.mode === "closed", reader ? `title "${reader.title}", ${ms?.toFixed(0)} ms click to paint` : `no reader ${JSON.stringify(opened.reply ?? "")}`);
    if (p === pages[0]) t.check(`${n}: reader uses the saved settings`, JSON.stringify(readerLook(reader)) === JSON.stringify(READER_LOOK), JSON.stringify(readerLook(reader)));
    t.check(`${name}: reader shows the article`, r.kept >= Math.ceil(r.content / 2), `${r.kept}/${r.content} content snippets`);
    t.check(`${name}: reader has no labelled promo/related snippet`, r.leaked.length === 0, r.leaked.join(" | "));
    const open = await page.evaluate(pageState);
    t.check(`${name}: page scripts cannot reach the reader`, !open.readerShadowVisibleToPage);
    const readerBadge = await b.badge(page);
    t.check(`${name}: the badge is empty while the reader is open`, readerBadge === "", `badge "${readerBadge}"`);
    await page.screenshot(join(artifacts, `${n}-${p.name}-reader.png`));
    await toggleReader(b, page, false);
    const back = await page.evaluate(pageState);
    t.check(`${name}: toggling back restores the page`, back.html === base.html && back.scrollY === base.scrollY, `scrollY ${base.scrollY} -> ${back.scrollY} ${firstDifference(base.html, back.html)}`);

    // Declutter in place.
    const result = await b.run(page, "declutter");
    const after = await page.evaluate(snippetStates, snippets);
    const c = scoreCollapse(p.labels, before, after);
    const state = await page.evaluate(pageState);
    t.collapse(n, p.name, c);
    const control = await page.shadow('[data-declutter="control"]', controlInfo);
    const count = result?.value?.collapsed;
    t.check(
      `${name}: declutter hides blocks, leaves no bar, and one control counts them`,
      count > 0 && state.bars === 0 && state.controls === 1 && control?.count === count && control.entries === count,
      `${state.bars} bars, ${state.controls} controls saying "${control?.label}", ${control?.entries} entries, ${count} hidden; ${c.collapsed}/${c.target} labelled promo/related hidden`,
    );
    t.check(`${name}: declutter leaves content visible`, c.contentHidden.length === 0, c.contentHidden.join(" | "));
    const badge = await b.badge(page);
    t.check(`${name}: badge counts the hidden widgets`, badge === String(count), `badge "${badge}"`);
    if (p === pages[0]) await checkPopup(b, page, { count, artifacts, t });
    await page.screenshot(join(artifacts, `${n}-${p.name}-decluttered.png`));
    t.check(`${name}: the control is a labelled button, its list closed`, control?.mode === "closed" && control.expanded === "false", control?.label);
    // Chromium by keyboard, Firefox by clicks (driver.mjs).
    await b.showFirstHidden(page);
    const shown = await page.evaluate(pageState);
    const listed = await page.shadow('[data-declutter="control"]', controlInfo);
    await page.screenshot(join(artifacts, `${n}-${p.name}-list.png`));
    t.check(
      `${name}: the list opens, and its first "show" brings one widget back`,
      shown.hidden < state.hidden && listed?.expanded === "true" && listed.first?.act === "hide" && !/\bconfidence\b|%/.test(listed.first.why),
      `${state.hidden} -> ${shown.hidden} hidden elements; first entry ${JSON.stringify(listed?.first)}`,
    );
    if (p === pages[0]) await only.afterShow?.(b, page, { url: p.url, count, t });
    await b.run(page, "declutter");
    const restored = await page.evaluate(pageState);
    t.check(`${name}: declutter off restores the DOM exactly`, restored.html === base.html, firstDifference(base.html, restored.html));
  }
  t.timing(`${n}, all pages`, percentiles(times));
  // The first click also waits for the extension's context to finish
  // loading the core, as after a browser start.
  t.timing(`${n}, after the first click`, percentiles(times.slice(1)));
  await only.afterPages?.(b, page, { pages, t });
  await checkCorruptSettings(b, settings, only, t);
  await checkHostileCss(b, page, pages[0], t);
  b.phase = "page";
  await only.beforeXss?.(b);
  await checkXss(b, page, { artifacts, html, t });
  await only.atEnd?.(b, { html, t });
}

/** The reader's look a user chooses in the tests, as the reader shows it (its font by name). */
export const READER_LOOK = { theme: "sepia", size: "23px", font: "mono" };

/** Chooses READER_LOOK on the settings page, each choice waited for until saved. */
export async function chooseReaderLook(settings) {
  await settings.front();
  await settings.click("#theme-sepia");
  await saved(settings);
  await settings.select("#font", "mono");
  await saved(settings);
  await settings.fill("#fontSize", "23");
  await saved(settings);
}

/** The reader's look in readerInfo's answer `info`, as READER_LOOK says it. */
export const readerLook = (info) => info && { theme: info.theme, size: info.size, font: /ui-monospace/.test(info.font) ? "mono" : info.font };

// Settings: saved from the settings page (the way a user sets them: clicks;
// the text size filled, as typed keys do not reach extension pages in
// headless Firefox), kept over a reload, used by the reader (on the first page).
async function checkSettings(b, settings, t) {
  await chooseReaderLook(settings);
  await settings.reload();
  await settings.waitFor(() => document.documentElement.hasAttribute("data-ready"));
  const kept = await settings.evaluate(() => ({ theme: document.querySelector("#theme-sepia").checked, size: document.querySelector("#fontSize").value, font: document.querySelector("#font").value }));
  t.check(`${b.name}: settings survive a reload`, kept.theme && kept.size === "23" && kept.font === "mono", JSON.stringify(kept));
}

// Corrupt stored values fall back to the defaults (and, where the console
// can be read, each is named in a warning: chromium.mjs).
async function checkCorruptSettings(b, settings, only, t) {
  await b.inExtension(() => (globalThis.browser ?? chrome).storage.sync.set({ settings: { theme: "purple", fontSize: "huge", collapse: 3 } }));
  const reload = async () => {
    await settings.reload();
    await settings.waitFor(() => document.documentElement.hasAttribute("data-ready"));
  };
  await (only.consoleWarnings ? only.consoleWarnings(settings, reload, t) : reload());
  const fallback = await settings.evaluate(() => ({ theme: document.querySelector("#theme-system").checked, size: document.querySelector("#fontSize").value, promo: document.querySelector("#collapse-promo").checked }));
  t.check(`${b.name}: corrupt settings fall back to defaults`, fallback.theme && fallback.size === "19" && fallback.promo, JSON.stringify(fallback));
  await b.inExtension(() => (globalThis.browser ?? chrome).storage.sync.remove("settings"));
}

// The popup, opened for the page's tab (the decluttered first page): its
// counts match the page, its declutter toggle acts, its kinds persist in
// the settings.
async function checkPopup(b, page, { count, artifacts, t }) {
  const n = `${b.name} popup`;
  const popup = await b.openPopup(page);
  try {
    // Ready once it shows the page's state: the page is decluttered (its
    // button starts unpressed, and "Reading this page…").
    const ready = () => popup.waitFor(() => document.getElementById("declutter").getAttribute("aria-pressed") === "true");
    await ready();
    const shown = await popup.evaluate(() => ({
      article: document.getElementById("article").textContent,
      total: document.getElementById("total").textContent,
      byLabel: [...document.querySelectorAll("#labels li")].map((li) => Number(li.textContent.match(/: (\d+)$/)?.[1])),
      pressed: document.getElementById("declutter").getAttribute("aria-pressed"),
      live: document.getElementById("total").getAttribute("aria-live"),
      buttons: [...document.querySelectorAll("button")].map((b) => b.textContent),
    }));
    await popup.screenshot(join(artifacts, `${b.name}-popup.png`));
    const sum = shown.byLabel.reduce((a, b) => a + b, 0);
    t.check(`${n}: says whether the page is an article`, /looks like an article/.test(shown.article), shown.article);
    t.check(`${n}: its count matches the page's`, shown.total === `${count} things hidden` && sum === count && shown.live === "polite", `${shown.total}; by label ${shown.byLabel.join("+")}; ${count} hidden`);
    t.check(`${n}: has the mode and site buttons`, shown.pressed === "true" && ["Reader view", "Always declutter this site", "Never declutter this site", "Show all"].every((x) => shown.buttons.includes(x)), shown.buttons.join(" | "));
    // "Show all" brings the page back; "Declutter" collapses again.
    const before = await page.evaluate(hiddenCount);
    await popup.click("#showAll");
    await popup.waitFor(() => document.getElementById("declutter").getAttribute("aria-pressed") === "false");
    const afterShow = await page.evaluate(hiddenCount);
    await popup.click("#declutter");
    await popup.waitFor(() => document.getElementById("declutter").getAttribute("aria-pressed") === "true");
    const afterDeclutter = await page.evaluate(hiddenCount);
    t.check(`${n}: "Show all" and "Declutter" act on the page`, afterShow === 0 && afterDeclutter === before, `${afterShow} hidden elements after show all, ${afterDeclutter} after declutter (${before} before)`);
    // A kind unticked persists in the settings (and the options page shows it).
    await popup.click("#collapse-related");
    await popup.waitFor(() => /Saved/.test(document.getElementById("say").textContent));
    const stored = await popup.evaluate(() => (globalThis.browser ?? chrome).storage.sync.get("settings"));
    await popup.reload();
    await ready();
    const ticked = await popup.evaluate(() => document.getElementById("collapse-related").checked);
    t.check(`${n}: the kinds to hide persist`, stored.settings?.collapse?.related === false && ticked === false, JSON.stringify(stored.settings?.collapse));
    await popup.click("#collapse-related");
    await popup.waitFor(() => /Saved/.test(document.getElementById("say").textContent));
  } finally {
    await popup.close();
    await page.front();
  }
}

// A page that restyles everything cannot restyle or hide the reader.
async function checkHostileCss(b, page, p, t) {
  await page.front();
  await page.goto(p.url);
  await page.evaluate(() => {
    const style = document.createElement("style");
    style.textContent = "div { display: none !important; visibility: hidden !important; opacity: 0 !important; } * { color: rgb(255, 0, 0) !important; font-size: 3px !important; }";
    document.head.append(style);
  });
  await toggleReader(b, page, true);
  const reader = await page.shadow('[data-declutter="reader"]', readerInfo);
  t.check(`${b.name}: page CSS cannot restyle the reader`, reader?.hostVisible && reader.h1Color !== "rgb(255, 0, 0)", `h1 color ${reader?.h1Color}`);
  await toggleReader(b, page, false);
}

// DOMPurify's XSS vectors in article pages, each page loaded three times:
// through the reader, through declutter mode, and left alone (the control:
// the vector pages run their own scripts). Neither mode may run anything
// of its own (a handler firing in a closed shadow tree has no
// window.event, so it shows as a call the control does not make) or set
// off more of the page's code than the control, the reader shows only
// allowlisted markup, declutter collapses the hostile promo and related
// blocks and adds only its own allowlisted markup, and the page's own
// markup stays as it was but for the hiding mark. The page is read through
// `page.quiet` only (driver.mjs). Dialogs the page's own vectors open
// (from frames, out of reach of the trap) are dismissed where the driver
// must (Firefox), and counted against a mode only when the control has fewer.
async function checkXss(b, page, { artifacts, html, t }) {
  const dir = join(artifacts, "..", "extension-xss-pages");
  const { names, count } = await writeXssPages(dir);
  const server = await serve({ root: dir, headers: XSS_HEADERS });
  const q = page.quiet;
  const load = async (name) => {
    await page.goto(server.url + name);
    const loaded = Date.now();
    await sleep(200);
    b.phase = "extension";
    return { loaded, atLoad: page.dialogs };
  };
  const tally = new XssTally(names, count);
  try {
    for (const name of names) {
      html.push(await readFile(join(dir, name), "utf8"));
      const calls = { reader: null, declutter: null };
      const dialogs = { reader: 0, declutter: 0, control: 0 };

      // Through the reader.
      let { loaded, atLoad } = await load(name);
      const opened = await b.pressReader(page);
      let longest = 0;
      if (await q.hasReader(true)) {
        await sleep(150);
        calls.reader = await q.log();
        dialogs.reader = page.dialogs - atLoad;
        longest = Date.now() - loaded;
        tally.reader(name, true, await q.auditReader(auditReader));
        await b.pressReader(page);
        await q.hasReader(false);
      } else tally.reader(`${name} (${JSON.stringify(opened.reply?.value ?? opened.reply ?? "")})`, false);

      // Through declutter mode. Where the extension may touch a page only
      // once the user clicked its button there (Chromium's activeTab), the
      // reader is opened and closed first.
      ({ loaded, atLoad } = await load(name));
      const granted = !b.grantsByClick || ((await b.pressReader(page), await q.hasReader(true)) && (await b.pressReader(page), await q.hasReader(false)));
      let decluttered = null;
      if (granted) {
        const before = await q.outerHtml();
        const result = (await b.run(page, "declutter"))?.value;
        await sleep(150);
        const during = await q.outerHtml();
        const markup = await q.extensionMarkup(describeElements);
        calls.declutter = await q.log();
        dialogs.declutter = page.dialogs - atLoad;
        longest = Math.max(longest, Date.now() - loaded);
        await b.run(page, "declutter");
        tally.declutter(name, { result, markup });
        decluttered = { before, during };
      } else tally.declutter(name, { failed: "the reader did not open and close" });

      // The control, left alone for longer than either mode's load.
      ({ atLoad } = await load(name));
      const first = await q.outerHtml();
      await sleep(longest + 300);
      const second = await q.outerHtml();
      const control = await q.log();
      dialogs.control = page.dialogs - atLoad;
      tally.control(name, { first, second, control, calls, decluttered, dialogs });
    }
  } finally {
    await server.close();
  }
  tally.report(t, b.name);
}
