// Settings that survive: the user's per-site choices (auto-declutter for a
// site, "Always show this block on this site") and reader settings must
// outlive a browser restart on the same profile and an update of the
// extension to a higher version with the same id, and still act on a page
// afterwards (the page arrives decluttered, the remembered block stays
// shown, the reader wears the chosen theme, size and font), not merely sit
// in storage. Written once over the driver (../lib/driver.mjs), run in
// both browsers:
// - Chromium: an unpacked copy of dist/chrome in a folder of the test's own
//   and a kept user-data-dir; the update is that folder overwritten with a
//   higher version and loaded again (driver update()). Headless Chromium
//   cannot answer the optional-permission prompt, so both copies declare
//   the test site in `host_permissions`: the settings page's request for it
//   then resolves at once, as for a user who already granted it (the
//   permission itself is not what this tests).
// - Firefox ESR: the packaged add-on (an XPI with a fixed gecko id)
//   installed for good, not as a temporary add-on, into a kept profile (ESR
//   honours `xpinstall.signatures.required=false`, so the unsigned package
//   installs); the update is an XPI of the same id with a higher version.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../../scripts/serve.mjs";
import { SHARED, snippetStates } from "./pages.mjs";
import { startBrowser } from "../lib/driver.mjs";
import { zipFolder } from "../../../scripts/package-extension.mjs";
import { startRefusingProxy } from "./refusing-proxy.mjs";
import { READER_LOOK, chooseReaderLook, readerInfo, readerLook, saved, toggleReader } from "./end-to-end.mjs";

/** The next version after `version` (its last number plus one). */
export function bumpVersion(version) {
  const parts = version.split(".").map(Number);
  parts[parts.length - 1] += 1;
  return parts.join(".");
}

/**
 * Copies the packaged extension `dist` to `dir`, changing its manifest with
 * `edit(manifest)`; resolves to the manifest written.
 */
export async function copyExtension(dist, dir, edit) {
  await cp(dist, dir, { recursive: true });
  const path = join(dir, "manifest.json");
  const manifest = JSON.parse(await readFile(path, "utf8"));
  edit(manifest);
  await writeFile(path, JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

/** A scratch folder for profiles and extension copies. */
export function scratch(prefix) {
  return mkdtemp(join(tmpdir(), `declutter-${prefix}-`));
}

/**
 * Serves the seed page on 127.0.0.1 for the whole test: the port, and so
 * the site the choices are remembered for, stays the same across browser
 * restarts. Resolves to {url, host, close()}.
 */
export async function serveSite() {
  const server = await serve({ root: join(SHARED, "fixtures") });
  return { url: `${server.url}seed-news-page.html`, host: new URL(server.url).host, close: server.close };
}

/**
 * Runs in the page: the declutter bars, and the opening text of the block
 * the first bar stands for (to name the block the user asks to always see).
 */
export function barsAndFirstBlock() {
  const bars = document.querySelectorAll('[data-declutter="bar"]');
  const block = bars[0]?.nextElementSibling;
  return { bars: bars.length, block: block ? block.textContent.replace(/\s+/g, " ").trim().slice(0, 60) : null };
}

/**
 * Records the checks of one stage ("before restart", "after restart",
 * "after update") against what was chosen: `seen` = {autoBars, blockState,
 * reader: {theme, font, size}}, `chosen` = {bars, reader: {...}}.
 */
export function checkStage(t, browser, stage, seen, chosen) {
  t.check(`${browser}: ${stage}: auto-declutter for the site still acts on arrival`, seen.autoBars > 0, `${seen.autoBars} bars without a click`);
  t.check(
    `${browser}: ${stage}: the block chosen to always show stays shown`,
    seen.blockState === "visible" && seen.autoBars === chosen.bars - 1,
    `block ${seen.blockState}; ${seen.autoBars} bars, ${chosen.bars} before the choice`,
  );
  const wrong = Object.entries(chosen.reader).filter(([k, v]) => seen.reader?.[k] !== v);
  t.check(`${browser}: ${stage}: the reader uses the chosen settings`, !!seen.reader && wrong.length === 0, JSON.stringify(seen.reader));
}

const hasBars = () => document.querySelectorAll('[data-declutter="bar"]').length > 0;

/**
 * The choices, made the way a user makes them on the settings page (the
 * reader's theme, font and text size, the slim marks, the site to
 * declutter automatically), then "always show on this site" by keyboard in
 * the first mark of the decluttered page. Resolves to what was chosen.
 */
async function choose(b, site) {
  const settings = await b.settings();
  await chooseReaderLook(settings);
  // Marks on (off by default): a mark's keyboard path is the choice below.
  await settings.click("#marks");
  await saved(settings);
  await settings.fill("#autoSites", site.host);
  await settings.click("#save-sites");
  await saved(settings);
  const page = await b.newPage();
  try {
    await page.goto(site.url);
    if (!(await page.waitFor(hasBars).then(() => true, () => false))) return { bars: 0, problem: "the site was not decluttered on arrival after choosing it" };
    const first = await page.evaluate(barsAndFirstBlock);
    await page.evaluate(() => document.querySelector('[data-declutter="bar"] div, div[data-declutter="bar"]').focus());
    await page.keys("Enter", "Tab", "Enter");
    const key = `alwaysShow:${site.host}`;
    const remembered = await settings
      .waitFor(async (key) => ((await (globalThis.browser ?? chrome).storage.local.get(key))[key] || []).length === 1, key)
      .then(() => true, () => false);
    if (!remembered) return { bars: first.bars, problem: '"Always show this block on this site" was not remembered' };
    return { bars: first.bars, block: first.block, reader: READER_LOOK };
  } finally {
    await page.close();
  }
}

/**
 * What the choices do on a fresh visit to the site: bars on arrival, the
 * block's state and, unless `reader` is false, the reader's look (opened
 * the user's way: driver pressReader).
 */
async function observe(b, site, chosen, { reader = true } = {}) {
  const page = await b.newPage();
  try {
    await page.goto(site.url);
    const arrived = await page.waitFor(hasBars).then(() => true, () => false);
    const seen = { autoBars: arrived ? (await page.evaluate(barsAndFirstBlock)).bars : 0 };
    [seen.blockState] = await page.evaluate(snippetStates, [chosen.block]);
    if (reader) {
      await page.front();
      const opened = await toggleReader(b, page, true);
      const info = opened.ok ? await page.shadow('[data-declutter="reader"]', readerInfo) : null;
      seen.reader = readerLook(info);
    }
    return seen;
  } finally {
    await page.close();
  }
}

/** Runs the restart and update checks in browser `name` with the packaged extension `dist`; records them in `t`. */
export async function runSettingsSurvive(name, { dist, t }) {
  const site = await serveSite();
  const origin = new URL(site.url).origin + "/";
  const proxy = name === "firefox" ? await startRefusingProxy() : null;
  const dir = await scratch(`survive-${name}`);
  const profile = join(dir, "profile");
  await mkdir(profile);
  let b = null;
  try {
    const installed = await copyExtension(dist, join(dir, "installed"), name === "chromium" ? hostAccess : () => {});
    const next = bumpVersion(installed.version);
    let update;
    if (name === "chromium") {
      b = await startBrowser(name, {
        dist: join(dir, "installed"),
        profile,
        args: ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost", "--enable-unsafe-extension-debugging"],
        // Every request for another host is refused.
        onContext: (context) => context.route("**/*", (route) => (route.request().url().startsWith(origin) || !/^https?:/.test(route.request().url()) ? route.continue() : route.abort())),
      });
      update = async () => {
        await rm(join(dir, "installed"), { recursive: true, force: true });
        await copyExtension(dist, join(dir, "installed"), (m) => (hostAccess(m), (m.version = next)));
        return b.update(join(dir, "installed"), next);
      };
    } else {
      await copyExtension(dist, join(dir, "next"), (m) => (m.version = next));
      for (const n of ["installed", "next"]) await writeFile(join(dir, `${n}.xpi`), await zipFolder(join(dir, n)));
      // Requests for other hosts go to the refusing proxy.
      b = await startBrowser(name, { xpi: join(dir, "installed.xpi"), profile, proxyPort: proxy.port });
      update = () => b.update(join(dir, "next.xpi"));
    }
    const chosen = await choose(b, site);
    t.check(`${name}: choices made: site auto-declutter, a block always shown, reader settings`, chosen.bars > 1 && !!chosen.block, chosen.problem || `${chosen.bars} bars; always show "${chosen.block}"`);
    if (!chosen.block) return;
    checkStage(t, name, "before restart", await observe(b, site, chosen), chosen);

    await b.restart();
    await b.settings();
    checkStage(t, name, "after a browser restart", await observe(b, site, chosen), chosen);

    const id = b.extId;
    let stage = "after an update";
    if (name === "firefox") {
      // Firefox's update closes the extension's pages, from which a driver
      // opens the reader (it cannot open moz-extension: pages itself): the
      // site's own window keeps the browser open, the page is checked
      // without the reader, and the reader after one more restart.
      await b.newPage();
      await update();
      const seen = await observe(b, site, chosen, { reader: false });
      t.check("firefox: after an update: auto-declutter for the site still acts on arrival", seen.autoBars > 0, `${seen.autoBars} bars without a click`);
      t.check("firefox: after an update: the block chosen to always show stays shown", seen.blockState === "visible" && seen.autoBars === chosen.bars - 1, `block ${seen.blockState}; ${seen.autoBars} bars`);
      await b.restart();
      stage = "after an update and a restart";
    }
    const loaded = name === "chromium" ? await update() : undefined;
    await b.settings();
    const version = await b.inExtension(() => (globalThis.browser ?? chrome).runtime.getManifest().version);
    const sameId = (loaded === undefined ? b.extId : loaded) === id;
    t.check(`${name}: the extension updates in place from ${installed.version} to ${next} with the same id`, sameId && version === next, `id ${sameId ? "kept" : "changed"}, version ${version}`);
    if (version === next) checkStage(t, name, stage, await observe(b, site, chosen), chosen);
  } finally {
    await b?.close();
    await proxy?.close();
    await site.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// Chromium's copies declare the test site (see the header: the prompt).
function hostAccess(m) {
  m.host_permissions = ["*://127.0.0.1/*"];
}
