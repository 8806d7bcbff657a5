// The reason Chrome's offscreen document is opened with (lib/core-host.js)
// must be one of Chrome's and say what the document does: it hosts the
// wasm core in workers and parses no HTML, so DOM_PARSER (what it declared
// until issue 16) is not one. Run by `node --test extension/`; not shipped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// chrome.offscreen.Reason in Chromium's extensions/common/api/offscreen.idl.
const CHROME_REASONS = ["TESTING", "AUDIO_PLAYBACK", "IFRAME_SCRIPTING", "DOM_SCRAPING", "BLOBS", "DOM_PARSER", "USER_MEDIA", "DISPLAY_MEDIA", "WEB_RTC", "CLIPBOARD", "LOCAL_STORAGE", "WORKERS", "BATTERY_STATUS", "MATCH_MEDIA", "GEOLOCATION"];

const created = [];
globalThis.chrome = {
  runtime: { getContexts: async () => [] },
  offscreen: { createDocument: async (params) => created.push(params) },
};
const { ensureOffscreenCore } = await import("./core-host.js");

/** The source of the offscreen document's script and every module it imports, by relative path. */
function documentSources() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const seen = new Map();
  // The wasm package (../pkg/) is copied in by the packager and parses no HTML.
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    const text = readFileSync(file, "utf8");
    seen.set(file, text);
    for (const [, spec] of text.matchAll(/(?:import|export)\s[^"']*?from\s*["'](\.{1,2}\/[^"']+)["']/g)) visit(join(dirname(file), spec));
  };
  visit(join(root, "offscreen.js"));
  return [...seen.values()].join("\n");
}

test("the offscreen document declares Chrome's reasons, and only for what its code does", async () => {
  await ensureOffscreenCore();
  assert.equal(created.length, 1);
  const { reasons } = created[0];
  assert.ok(reasons.length > 0 && reasons.every((r) => CHROME_REASONS.includes(r)), `reasons ${reasons}`);
  const code = documentSources();
  if (reasons.includes("DOM_PARSER")) assert.match(code, /\bDOMParser\b/, "declares DOM_PARSER but parses nothing");
  if (/new\s+(?:Shared)?Worker\s*\(/.test(code)) assert.ok(reasons.includes("WORKERS"), "spawns workers without declaring WORKERS");
});
