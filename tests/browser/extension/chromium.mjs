// The end-to-end checks (end-to-end.mjs) in headless Chromium, with the
// checks only Chromium has: they rest on what only Chromium's driver
// (playwright and CDP) reaches or only Chromium does.
// - "Always show on this site" and "Copy report" by keyboard, from the
//   control's list: keys sent through geckodriver did not reach the closed
//   shadow tree's focused button, and only playwright grants the clipboard.
// - The stopped service worker and the offscreen document: Chromium's own
//   (Firefox's suspended background page is firefox.mjs's).
// - Corrupt settings named in console warnings, and no request leaving
//   localhost: read from playwright's console events and request routing.
import { startBrowser } from "../lib/driver.mjs";
import { isLocal, namedByPages, percentiles } from "./pages.mjs";
import { controlInfo, runEndToEnd, toggleReader } from "./end-to-end.mjs";

/** Runs every Chromium check; `t` records checks, timings and artifacts. */
export async function runChromium({ pages, html, dist, artifacts, t }) {
  // Remote requests, by when they were made: while a page loads (the
  // page's own), or after the extension was started on it (b.phase).
  const remote = [];
  let b = null;
  b = await startBrowser("chromium", {
    dist,
    async onContext(context) {
      await context.route("**/*", (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
      context.on("request", (r) => {
        if (!isLocal(r.url())) remote.push({ url: r.url(), phase: b?.phase ?? "page", worker: !!r.serviceWorker() });
      });
      if (process.env.DEBUG_EXTENSION) context.on("console", (m) => console.log(`  [console] ${m.text()}`));
    },
  });
  try {
    await runEndToEnd(b, {
      pages,
      html,
      artifacts,
      t,
      only: {
        afterShow: checkListActions,
        afterPages: checkStoppedWorker,
        consoleWarnings,
        // After the extension started, a remote request is the page's own
        // only if the page already made it while loading, or its markup
        // names it (an article image the reader view shows).
        atEnd(b, { html, t }) {
          const loaded = new Set(remote.filter((r) => r.phase === "page").map((r) => r.url));
          const foreign = remote.filter((r) => r.worker || (r.phase === "extension" && !loaded.has(r.url) && !namedByPages(r.url, html)));
          t.check("chromium: no request leaves localhost except the pages' own", foreign.length === 0, `${remote.length} remote requests by the pages, all blocked; ${foreign.length} not the pages' own${foreign.length ? ": " + foreign.slice(0, 3).map((r) => r.url).join(", ") : ""}`);
        },
      },
    });
  } finally {
    await b.close();
  }
}

// Each corrupt setting named in a console warning of the settings page.
async function consoleWarnings(settings, reload, t) {
  const warnings = [];
  const onConsole = (m) => m.type() === "warning" && warnings.push(m.text());
  settings.raw.on("console", onConsole);
  await reload();
  settings.raw.off("console", onConsole);
  const warned = ["theme", "fontSize", "collapse"].filter((key) => warnings.some((w) => w.startsWith(`Declutter: setting ${key} `)));
  t.check("chromium: each corrupt setting is named in a console warning", warned.length === 3, warnings.join(" | "));
}

// The open list's actions, by keyboard from the first entry's "hide" (just
// pressed "show"): "Always show this block on this site" (the next
// declutter leaves it), then "Copy report" (the clipboard gets the page's
// address and the reasons).
async function checkListActions(b, page, { url: pageUrl, count, t }) {
  const p = page.raw;
  await p.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(pageUrl).origin });
  await p.keyboard.press("Tab");
  await p.keyboard.press("Enter");
  await p.waitForTimeout(200);
  await b.run(page, "declutter");
  await b.run(page, "declutter");
  const again = await page.shadow('[data-declutter="control"]', controlInfo);
  t.check("chromium: \"Always show on this site\" is remembered", again?.count === count - 1, `${count} -> ${again?.count} hidden`);
  // The address with a query and a fragment: the report leaves both out.
  await p.evaluate(() => history.replaceState(null, "", `${location.pathname}?session=s3cret#part-2`));
  await p.evaluate(() => document.querySelector('[data-declutter="control"]').focus());
  await p.keyboard.press("Enter");
  await page.shadow('[data-declutter="control"]', function () {
    [...this.querySelectorAll(".footer button")].find((b) => b.textContent === "Copy report").focus();
    return true;
  });
  await p.keyboard.press("Enter");
  await p.waitForTimeout(200);
  const report = await p.evaluate(() => navigator.clipboard.readText()).catch((e) => `clipboard: ${e.message}`);
  await p.evaluate((url) => history.replaceState(null, "", url), pageUrl);
  const clean = new URL(pageUrl).origin + new URL(pageUrl).pathname;
  t.check("chromium: \"Copy report\" copies the address and the reasons", report.includes(clean) && /promo \(\d\.\d\d\)/.test(report) && /^ {2}- /m.test(report), report.split("\n").slice(0, 4).join(" / "));
  t.check("chromium: the copied report's address has no query or fragment", report.startsWith(`Declutter report for ${clean}\n`) && !/s3cret|part-2/.test(report), report.split("\n")[0]);
}

// Chromium stops an extension's service worker after 30 s without events,
// so a user's click usually starts it again: the reader must still open,
// and the time it takes (worker start, the core's load and first-use
// costs, the analysis) is reported beside the warm figures.
async function checkStoppedWorker(b, page, { pages, t }) {
  const options = b.options.raw;
  const optionsCdp = await options.context().newCDPSession(options);
  await optionsCdp.send("ServiceWorker.enable");
  const times = [];
  const failed = [];
  for (const p of pages.slice(0, 6)) {
    await page.goto(p.url);
    // Stopped after the popup asked for the page's state, before its press.
    const opened = await toggleReader(b, page, true, async () => {
      await optionsCdp.send("ServiceWorker.stopAllWorkers");
      await page.raw.waitForTimeout(300);
    });
    if (!opened.ok) {
      failed.push(p.name);
      continue;
    }
    times.push(opened.at - opened.pressed);
    await toggleReader(b, page, false);
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
    await page.goto(pages[0].url);
    await options.evaluate(() => chrome.offscreen.closeDocument().catch(() => {}));
    if (stopWorker) await optionsCdp.send("ServiceWorker.stopAllWorkers");
    await page.raw.waitForTimeout(300);
    const opened = (await toggleReader(b, page, true)).ok;
    reopened.push(`${stopWorker ? "worker stopped" : "worker running"}: ${opened ? "opens" : "does not open"}, ${(await offscreen()).length} offscreen document`);
    if (opened) await toggleReader(b, page, false);
  }
  t.check("chromium: the reader opens after the core's offscreen document was closed", reopened.every((r) => r.includes(": opens, 1 ")), reopened.join("; "));
}
