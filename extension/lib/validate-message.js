// What each sender may ask of the background, decided from `sender` (filled
// in by the browser) and never from the message itself. A content script
// runs in the page's own process, so a compromised renderer can send
// anything a content script can (issue 16: one turned auto-declutter off
// everywhere and stored a 100,000-character block hash). The extension's
// own pages (settings page, offscreen document) run in the extension's
// process and keep full rights.

import { MSG, RUN_MODES } from "./protocol.js";

/** The settings a content script may change: the reader's own display settings (content/reader.js saves these). */
export const READER_SETTINGS = Object.freeze(["theme", "font", "fontSize", "lineWidth", "lineHeight"]);

/**
 * A block hash as lib/block-text.js makes it: 8 hex digits of FNV-1a, a
 * colon, the text's length in base 36. A page's text is capped at 16 M
 * characters (content/page.js), 5 base-36 digits; 7 leave room.
 */
export const BLOCK_HASH = /^[0-9a-f]{8}:[0-9a-z]{1,7}$/;

/**
 * Who sent a message: "extension" for the extension's own pages, "tab" for
 * its content scripts (which carry their tab), null for anything else.
 * `base` is the extension's root URL (runtime.getURL("")), `id` its id.
 */
export function senderKind(sender, { id, base }) {
  if (!sender || sender.id !== id) return null;
  // Chrome also gives the sender's origin, taken from the frame the browser
  // itself tracks; where it is there, it must agree with the URL.
  const originOk = typeof sender.origin !== "string" || `${sender.origin}/` === base;
  if (typeof sender.url === "string" && sender.url.startsWith(base) && originOk) return "extension";
  if (sender.tab && typeof sender.url === "string" && !sender.url.startsWith(base)) return "tab";
  return null;
}

/** The host of the page a content script runs in (its own frame's URL, else its tab's); "" when it has none. */
export function senderHost(sender) {
  for (const url of [sender?.url, sender?.tab?.url]) {
    if (typeof url !== "string") continue;
    try {
      const { protocol, host } = new URL(url);
      if ((protocol === "http:" || protocol === "https:") && host) return host;
    } catch {}
  }
  return "";
}

/**
 * Checks a message against what its sender may do. Resolves to
 * {ok: true, kind, host, incognito} or {ok: false, why}; `context` is
 * {id, base} as for senderKind. Message types not named here pass with the
 * sender's kind, for their handlers to check.
 */
export function checkMessage(msg, sender, context) {
  const kind = senderKind(sender, context);
  if (!kind) return { ok: false, why: "it does not come from this extension's pages or content scripts" };
  const host = kind === "tab" ? senderHost(sender) : "";
  const incognito = !!sender.tab?.incognito;
  const pass = { ok: true, kind, host, incognito };
  switch (msg?.type) {
    case MSG.saveSettings: {
      const patch = msg.patch;
      if (!patch || typeof patch !== "object" || Array.isArray(patch)) return { ok: false, why: "its patch is not an object" };
      if (kind === "extension") return pass;
      const others = Object.keys(patch).filter((key) => !READER_SETTINGS.includes(key));
      if (others.length) return { ok: false, why: `a page may change only the reader's display settings, not ${others.join(", ")}` };
      return pass;
    }
    case MSG.alwaysShow:
      if (kind !== "tab" || !host) return { ok: false, why: "it does not come from a web page" };
      if (typeof msg.hash !== "string" || !BLOCK_HASH.test(msg.hash)) {
        const shown = typeof msg.hash === "string" ? `a ${msg.hash.length}-character string` : typeof msg.hash;
        return { ok: false, why: `the block hash is not one (${shown})` };
      }
      return pass;
    case MSG.run:
      // The popup's buttons (popup/popup.js): a mode for one tab.
      if (kind !== "extension") return { ok: false, why: `${msg.type} is for the extension's own pages` };
      if (!Number.isInteger(msg.tabId) || msg.tabId < 0) return { ok: false, why: "its tabId is not a tab's id" };
      if (!RUN_MODES.includes(msg.mode)) return { ok: false, why: `its mode is not one of ${RUN_MODES.join(", ")}` };
      return pass;
    case MSG.pageContext:
      return kind === "extension" ? pass : { ok: false, why: `${msg.type} is for the extension's own pages` };
    default:
      return pass;
  }
}
