// Automatic declutter: a registered content script on the sites the user
// chose (or everywhere), limited to the origins they granted.
import { api } from "./api.js";
import { CONTENT_FILES } from "./content-files.js";
import { loadSettings } from "./settings.js";

const SCRIPT_ID = "declutter-auto";

/** Match patterns for one host as stored in the settings (ports are not part of a match pattern). */
export function patternsFor(host) {
  return [`*://${host.replace(/:\d+$/, "")}/*`];
}

/** The origins auto-declutter needs for the given settings. */
export function wantedOrigins(settings) {
  if (settings.auto === "everywhere") return ["<all_urls>"];
  if (settings.auto === "sites") return settings.autoSites.flatMap(patternsFor);
  return [];
}

let queue = Promise.resolve();

/** Re-registers the auto-declutter content script to match the settings and granted permissions; calls are serialized. */
export function syncAutoDeclutter() {
  queue = queue.then(apply, apply);
  return queue;
}

async function apply() {
  const settings = await loadSettings(api.storage);
  const matches = [];
  for (const origin of wantedOrigins(settings)) {
    if (await api.permissions.contains({ origins: [origin] })) matches.push(origin);
  }
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await api.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!matches.length) return [];
  await api.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches, js: [...CONTENT_FILES, "content/auto.js"], runAt: "document_idle" },
  ]);
  return matches;
}
