// Automatic declutter: a registered content script on the sites the user
// chose (or everywhere), limited to the origins they granted.
import { api } from "./api.js";
import { AUTO_SCRIPT } from "./content-files.js";
import { runInTab } from "./inject.js";
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

/**
 * Re-registers the auto-declutter content script to match the settings and
 * granted permissions; calls are serialized. A registration that already
 * matches is left alone and a changed one is updated in place: the
 * registration persists across restarts, and unregistering it at start-up
 * left a window in which a tab loading the site got no content script.
 */
export function syncAutoDeclutter() {
  queue = queue.then(apply, apply);
  return queue;
}

/** True when a registered script is already the one wanted (same files, same match patterns in any order). */
export function sameRegistration(registered, wanted) {
  const same = (a = [], b = []) => {
    const [x, y] = [[...a].sort(), [...b].sort()];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  };
  const file = (path) => path.replace(/^\//, "");
  return (
    same(registered.matches, wanted.matches) &&
    same((registered.js ?? []).map(file), wanted.js.map(file)) &&
    (registered.runAt ?? "document_idle") === wanted.runAt
  );
}

async function apply() {
  const settings = await loadSettings(api.storage);
  const matches = [];
  for (const origin of wantedOrigins(settings)) {
    if (await api.permissions.contains({ origins: [origin] })) matches.push(origin);
  }
  const [existing] = await api.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (!matches.length) {
    if (existing) await api.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return [];
  }
  const wanted = { id: SCRIPT_ID, matches, js: [AUTO_SCRIPT], runAt: "document_idle" };
  if (!existing) await api.scripting.registerContentScripts([wanted]);
  else if (!sameRegistration(existing, wanted)) await api.scripting.updateContentScripts([wanted]);
  const added = matches.filter((m) => !(existing?.matches ?? []).includes(m));
  // Not awaited: a tab that never finishes loading must not hold up the next sync.
  if (added.length) catchUp(added);
  return matches;
}

/**
 * Declutters the open tabs on newly covered sites: a registration only acts
 * on pages loaded after it, and an unpacked (developer-loaded) extension
 * comes back from a browser restart without its registrations, so tabs
 * restored or opened before the service worker re-registers would be left
 * cluttered. The "auto" toggle is a no-op on a page already decluttered.
 */
async function catchUp(patterns) {
  const tabs = await api.tabs.query({ url: patterns }).catch(() => []);
  // One tab at a time: "everywhere" may cover dozens of open tabs.
  for (const tab of tabs) {
    if (tab.discarded) continue;
    await runInTab(tab.id, "auto").catch((e) => console.warn(`Declutter: cannot declutter tab ${tab.id} on arrival: ${e.message}`));
  }
}
