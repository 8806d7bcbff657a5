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
// pitch), written once over the driver (runHostile).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { serve } from "../../../scripts/serve.mjs";
import { startBrowser } from "../lib/driver.mjs";
import { readerInfo, toggleReader } from "./end-to-end.mjs";
import { SHARED, isLocal, scoreReader, snippetStates } from "./pages.mjs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

/**
 * The hostile-name checks in browser `name`, written once: on each
 * variant the reader opened the user's way (Chromium's toolbar click,
 * Firefox's toolbar handler: driver.mjs) shows the article, and declutter
 * by the `run` message collapses the promo. Firefox also declutters on
 * arrival, through its registered content script (the host permission
 * granted by a click, which headless Chromium cannot answer); Chromium also
 * counts the errors thrown into the pages (playwright's page errors; a
 * classic geckodriver session does not report them).
 */
export async function runHostile(name, { dist, artifacts, t }) {
  const served = await serveVariants(join(artifacts, "..", "hostile-name-pages"));
  const b = await startBrowser(name, { dist, onContext: (context) => context.route("**/*", (route) => (isLocal(route.request().url()) ? route.continue() : route.abort())) });
  try {
    await b.settings();
    if ((await b.allowEverywhere({ auto: true })) === false) throw new Error("the host permission was not granted");
    const page = await b.newPage();
    const errors = [];
    page.raw?.on("pageerror", (e) => errors.push(e.message));
    for (const p of served.pages) {
      const label = `${name} hostile ${p.name}`;
      await page.front();
      await page.goto(p.url);
      if (name === "firefox") {
        const auto = await page.waitFor(() => document.querySelectorAll("[data-declutter-hidden]").length > 0).then(() => true, () => false);
        const [promo] = await page.evaluate(snippetStates, [PROMO]);
        await page.evaluate(showBarBefore, PROMO);
        await page.screenshot(join(artifacts, `firefox-hostile-${p.name}-arrival.png`));
        t.check(`${label}: auto-declutter collapses blocks on arrival, the promo among them`, auto && promo === "hidden", `Jase Medical pitch ${promo}`);
        await b.run(page, "declutter");
      }
      const promo = { before: (await page.evaluate(snippetStates, [PROMO]))[0] };
      const opened = await toggleReader(b, page, true);
      let reader = null;
      if (opened.ok) {
        // The article goes in over a few frames.
        await sleep(200);
        reader = await page.shadow('[data-declutter="reader"]', readerInfo);
        await page.screenshot(join(artifacts, `${name}-hostile-${p.name}-reader.png`));
        await toggleReader(b, page, false);
      }
      const result = await b.run(page, "declutter").catch((e) => ({ error: e.message }));
      promo.after = (await page.evaluate(snippetStates, [PROMO]))[0];
      await page.evaluate(showBarBefore, PROMO);
      await page.screenshot(join(artifacts, `${name}-hostile-${p.name}-decluttered.png`));
      const r = scoreReader(reader?.text || "", served.labels);
      t.check(`${label}: the reader opens with the article`, !!reader && r.kept >= Math.ceil(r.content / 2), reader ? `${r.kept}/${r.content} content snippets` : `no reader ${JSON.stringify(opened.reply ?? "").slice(0, 300)}`);
      t.check(`${label}: declutter collapses the promo`, promo.before === "visible" && promo.after === "hidden", `Jase Medical pitch ${promo.before} -> ${promo.after}${promo.after === "hidden" ? "" : `; ${JSON.stringify(result).slice(0, 300)}`}`);
      await b.run(page, "declutter");
    }
    if (name === "chromium") t.check("chromium hostile: the extension threw nothing into the pages", errors.length === 0, errors.slice(0, 3).join(" | "));
  } finally {
    await b.close();
    await served.close();
  }
}
