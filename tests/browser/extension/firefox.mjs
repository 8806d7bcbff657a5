// The end-to-end checks (end-to-end.mjs) in headless Firefox through
// geckodriver, with the checks only Firefox has:
// - auto-declutter turned on from the settings page by a real click, which
//   asks for the optional <all_urls> permission (granted without a prompt
//   by `extensions.webextOptionalPermissionPrompts`), and each page then
//   decluttered on arrival: headless Chromium cannot answer the permission
//   prompt, so its tests have activeTab only (a toolbar click per page);
// - the suspended background page (runFirefoxSuspended): Firefox suspends
//   an idle background page and has no offscreen document to keep the core
//   in (Chromium's stopped service worker is chromium.mjs's).
import { join } from "node:path";
import { startBrowser } from "../lib/driver.mjs";
import { autoDeclutterOffKeepingAccess } from "../lib/firefox-extension.mjs";
import { pageState, percentiles, scoreCollapse, snippetStates } from "./pages.mjs";
import { runEndToEnd } from "./end-to-end.mjs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs every Firefox end-to-end check; `t` records checks, timings and artifacts. */
export async function runFirefox({ pages, html, dist, artifacts, t }) {
  // Every remote request goes to a closed local port and fails at once (extensionPrefs).
  const b = await startBrowser("firefox", { dist });
  try {
    await runEndToEnd(b, { pages, html, artifacts, t, only: { beforePages, onArrival, beforeXss } });
  } finally {
    await b.close();
  }
}

// Auto-declutter everywhere: a real click, so the permission request has its user gesture.
async function beforePages(b, { t }) {
  const granted = await b.allowEverywhere({ auto: true });
  t.check("firefox: auto-declutter asks for and gets the optional host permission", granted === true);
}

// The page arrived decluttered: one control, no bar, content visible; then
// declutter off leaves no trace, and the shared checks start from there.
async function onArrival(b, page, p, { artifacts, t }) {
  const name = `firefox ${p.name}`;
  const snippets = p.labels.map((b) => b.text);
  const auto = await page.waitFor(() => document.querySelectorAll('[data-declutter="control"]').length > 0).then(() => true, () => false);
  const after = await page.evaluate(snippetStates, snippets);
  const arrived = await page.evaluate(pageState);
  const count = auto ? ((await page.shadow('[data-declutter="control"]', function () {
    return Number(this.querySelector(".pill").textContent.match(/^(\d+) hidden$/)?.[1] ?? -1);
  })) ?? 0) : 0;
  t.check(
    `${name}: auto-declutter hides blocks on arrival${p.csp ? " (strict CSP)" : ""}, with one control and no bar`,
    auto && arrived.controls === 1 && arrived.bars === 0 && count > 0,
    `${arrived.controls} controls saying ${count}, ${arrived.bars} bars`,
  );
  await page.screenshot(join(artifacts, `firefox-${p.name}-arrival.png`));
  const off = await b.run(page, "declutter");
  const base = await page.evaluate(pageState);
  t.check(`${name}: declutter off after arrival leaves no trace`, off?.value?.mode === "page" && !/data-declutter/.test(base.html) && base.bars === 0);
  const c = scoreCollapse(p.labels, await page.evaluate(snippetStates, snippets), after);
  t.check(`${name}: auto-declutter leaves content visible`, c.contentHidden.length === 0, `${c.collapsed}/${c.target} labelled promo/related hidden; ${c.contentHidden.join(" | ")}`);
}

// The control load of the XSS checks needs the extension idle on the page.
async function beforeXss(b) {
  await b.options.front();
  await autoDeclutterOffKeepingAccess(b.raw);
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
  const b = await startBrowser("firefox", { dist, prefs: { "extensions.background.idle.timeout": IDLE_MS } });
  try {
    await b.settings();
    if (!(await b.allowEverywhere({ auto: false }))) throw new Error("the host permission was not granted");
    const page = await b.newPage();
    const backgroundStart = () => b.inExtension(() => browser.runtime.getBackgroundPage().then((bg) => bg.performance.timeOrigin));
    const click = async () => ({ ...(await b.pressReader(page)), backgroundStart: await backgroundStart() });
    const times = [];
    const problems = [];
    for (const p of pages.slice(0, 6)) {
      await page.goto(p.url);
      await sleep(IDLE_MS + 1500);
      const r = await click();
      const ms = r?.reply?.value?.clickToPaintMs;
      if (r?.reply?.value?.mode !== "reader" || typeof ms !== "number") problems.push(`${p.name}: ${JSON.stringify(r).slice(0, 200)}`);
      else if (!(r.backgroundStart > r.clickTime)) problems.push(`${p.name}: the background was not suspended (started ${(r.clickTime - r.backgroundStart).toFixed(0)} ms before the click)`);
      else times.push(ms);
      await click();
    }
    t.check("firefox: the reader opens on a click that has to start the suspended background page", problems.length === 0, `${times.length} pages${problems.length ? "; " + problems.join("; ") : ""}`);
    t.timing("firefox, background suspended before the click (click to paint)", percentiles(times));
  } finally {
    await b.close();
  }
}
