// Settings that survive: the user's per-site choices (auto-declutter for a
// site, "Always show this block on this site") and reader settings must
// outlive a browser restart on the same profile and an update of the
// extension to a higher version with the same id, and still act on a page
// afterwards (the page arrives decluttered, the remembered block stays
// shown, the reader wears the chosen theme and font), not merely sit in
// storage. The browser parts are settings-survive-chromium.mjs and
// settings-survive-firefox.mjs; this module has what they share.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../../scripts/serve.mjs";
import { SHARED } from "./pages.mjs";

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
