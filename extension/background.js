// The extension's own context (Chrome's service worker, Firefox's background
// page). It routes the toolbar button, the keyboard commands and the context
// menu to the content script, keeps settings, and registers auto-declutter.
// The content script's analysis requests are served by Chrome's offscreen
// document and by Firefox's background page (lib/core-host.js); either
// runs the wasm core in workers of its own (lib/core-pool.js).
import { api } from "./lib/api.js";
import { serveCore } from "./lib/answer.js";
import { coreIsOffscreen, ensureOffscreenCore } from "./lib/core-host.js";
import { showStatus } from "./lib/status.js";
import { runInTab } from "./lib/inject.js";
import { syncAutoDeclutter, patternsFor } from "./lib/auto.js";
import { loadSettings, saveSettings, normalizeHost } from "./lib/settings.js";
import { rememberShown, shownOn, forgetSession } from "./lib/always-show.js";
import { checkMessage } from "./lib/validate-message.js";
import { MSG } from "./lib/protocol.js";
import { openWelcome } from "./lib/welcome.js";
import { t } from "./lib/i18n.js";

/** The pool of core workers, where this context serves the core itself (Firefox). */
let localCore = null;

/** Makes sure the core is loaded, or loading, wherever it runs. */
async function ensureCore() {
  if (coreIsOffscreen) await ensureOffscreenCore();
  else localCore.warm();
}

const MENU = {
  reader: "declutter-reader",
  declutter: "declutter-declutter",
  site: "declutter-always-site",
};

/** Runs a mode in a tab and turns a page the extension may not touch into a tooltip rather than an uncaught error. */
async function run(tabId, mode, clickTime) {
  try {
    const result = await runInTab(tabId, mode, clickTime);
    if (result?.error) {
      console.warn(`Declutter: could not read this page: ${result.error}`);
      await api.action.setTitle({ tabId, title: t("status_couldNotRead", result.error) });
    }
    return result;
  } catch (e) {
    console.warn(`Declutter: cannot run on this tab: ${e.message}`);
    await api.action.setTitle({ tabId, title: t("status_cannotRun") }).catch(() => {});
    return { error: e.message };
  }
}

// The toolbar button opens the popup (popup/popup.html), which asks for
// modes with the `run` message; the shortcuts and the context menu come here.

api.commands.onCommand.addListener((command, tab) => {
  const mode = { "toggle-reader": "reader", "toggle-declutter": "declutter" }[command];
  if (mode && tab) run(tab.id, mode, Date.now());
});

api.runtime.onInstalled.addListener((details) => {
  // First run: the welcome page explains the modes, the shortcuts and the button.
  if (details.reason === "install") openWelcome();
  api.contextMenus.removeAll().then(() => {
    const contexts = ["page", "action"];
    api.contextMenus.create({ id: MENU.reader, title: t("readerView"), contexts });
    api.contextMenus.create({ id: MENU.declutter, title: t("menu_declutter"), contexts });
    api.contextMenus.create({ id: MENU.site, title: t("alwaysDeclutterSite"), contexts });
  });
  syncAutoDeclutter();
});

api.runtime.onStartup?.addListener(() => syncAutoDeclutter());

api.contextMenus.onClicked.addListener((info, tab) => {
  if (!tab) return;
  if (info.menuItemId === MENU.reader) run(tab.id, "reader", Date.now());
  else if (info.menuItemId === MENU.declutter) run(tab.id, "declutter", Date.now());
  else if (info.menuItemId === MENU.site) alwaysDeclutterSite(tab, info.pageUrl);
});

// The permission request must happen in the click's own task (it needs the
// user gesture), so it is the first thing this does.
async function alwaysDeclutterSite(tab, pageUrl) {
  const host = normalizeHost(new URL(pageUrl || "about:blank").host);
  if (!host) return;
  // A private tab's site is neither stored nor synced, nor granted a
  // permission (the browser keeps that on disk): this page only.
  if (tab.incognito) {
    await run(tab.id, "declutter", Date.now());
    await api.action.setTitle({ tabId: tab.id, title: t("status_privateNotRemembered") }).catch(() => {});
    return;
  }
  const granted = await api.permissions.request({ origins: patternsFor(host) });
  if (!granted) return;
  const settings = await loadSettings(api.storage);
  await saveSettings(api.storage, {
    auto: settings.auto === "everywhere" ? "everywhere" : "sites",
    autoSites: [...settings.autoSites, host],
  });
  await run(tab.id, "declutter", Date.now());
}

api.storage.onChanged.addListener((changes, area) => {
  if (area === "sync" && changes.settings) syncAutoDeclutter();
});
api.permissions.onAdded?.addListener(() => syncAutoDeclutter());
api.permissions.onRemoved?.addListener(() => syncAutoDeclutter());
// Blocks shown from private tabs are kept until the last private window closes.
api.windows?.onRemoved.addListener(() => forgetSession(api.storage, api.windows));

/** What a page needs besides its analysis: the settings and the blocks the user chose to keep showing on its host. */
async function pageContext(host) {
  const [settings, shown] = await Promise.all([loadSettings(api.storage), host ? shownOn(api.storage, host) : []]);
  return { settings, shown };
}

// Where this context runs the core (Firefox), it answers the content
// scripts' analysis ports. In Chrome it only opens the offscreen document
// and adds no port listener, so a port reaches only that document and does
// not wake this worker.
if (coreIsOffscreen) ensureOffscreenCore().catch((e) => console.error("Declutter: cannot open the core's offscreen document", e));
else localCore = serveCore(pageContext);

/** Message handlers, by type. Content-script messages carry their tab in `sender`. */
const handlers = {
  async [MSG.status](msg, sender) {
    if (sender.tab) await showStatus(sender.tab.id, msg.status);
    return true;
  },
  [MSG.saveSettings]: (msg) => saveSettings(api.storage, msg.patch),
  // The host is the sender's own (lib/validate-message.js checked the hash).
  async [MSG.alwaysShow](msg, sender, { host, incognito }) {
    await rememberShown(api.storage, host, msg.hash, { incognito });
    return true;
  },
  [MSG.openOptions]: () => api.runtime.openOptionsPage(),
  // A content script whose analysis port found nobody listening (Chrome
  // closed the offscreen document, or it crashed) asks for the core again.
  async [MSG.ensureCore]() {
    await ensureCore();
    return true;
  },
  // From the offscreen document, for the page it analyses.
  async [MSG.pageContext](msg, sender) {
    if (sender.tab || !isExtensionPage(sender)) throw new Error(`${MSG.pageContext} is for the extension's own pages`);
    return pageContext(typeof msg.host === "string" ? msg.host : "");
  },
  // From the extension's own pages only (the popup): the same handler the
  // shortcuts call, for a given tab (the Firefox test drives the toolbar action this
  // way, since a driver cannot click Firefox's toolbar). The caller may give
  // the time of its click, so the time this context took to start counts.
  async [MSG.run](msg, sender) {
    if (sender.tab && !isExtensionPage(sender)) throw new Error("run is for extension pages");
    return run(msg.tabId, msg.mode, Number.isFinite(msg.clickTime) ? msg.clickTime : Date.now());
  },
};

function isExtensionPage(sender) {
  return typeof sender.url === "string" && sender.url.startsWith(api.runtime.getURL(""));
}

// What lib/validate-message.js tells this extension's own senders by.
const thisExtension = { id: api.runtime.id, base: api.runtime.getURL("") };

// sendResponse with `return true` works in every browser version; a
// returned promise does not in older Chrome. A message its sender may not
// send (lib/validate-message.js) is refused with a warning.
api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (sender.id !== api.runtime.id) return false;
  const handler = msg && Object.hasOwn(handlers, msg.type) ? handlers[msg.type] : null;
  if (!handler) return false;
  const checked = checkMessage(msg, sender, thisExtension);
  if (!checked.ok) {
    const error = `refused ${msg.type} from ${sender.url}: ${checked.why}`;
    console.warn(`Declutter: ${error}`);
    sendResponse({ ok: false, error });
    return false;
  }
  Promise.resolve()
    .then(() => handler(msg, sender, checked))
    .then(
      (value) => sendResponse({ ok: true, value }),
      (e) => sendResponse({ ok: false, error: String(e?.message || e) }),
    );
  return true;
});
