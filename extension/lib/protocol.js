// What the extension's contexts say to each other, written once: the
// message types and their shapes, the analysis port's name and parts, and
// the settings schema (choices, ranges with their steps, defaults).
// Imported by the background, the offscreen document, the options page and
// the content script (bundled into it at package time).

/**
 * Runtime messages to the background (`runtime.sendMessage`), by type. Each
 * is answered {ok: true, value} or {ok: false, error}.
 * - `status` {status: {collapsed, skipped, article, words, minutes} | {tooLarge}}: the tab's badge and tooltip
 * - `saveSettings` {patch}: resolves to the saved settings
 * - `alwaysShow` {hash}: remember a block on the sender's site
 * - `openOptions` {}
 * - `ensureCore` {}: a content script's analysis port found nobody listening
 * - `pageContext` {host}: from the offscreen document, the page's {settings, shown}
 * - `run` {tabId, mode, clickTime?}: from the extension's own pages (the popup), mode one of RUN_MODES
 */
export const MSG = Object.freeze({
  status: "status",
  saveSettings: "saveSettings",
  alwaysShow: "alwaysShow",
  openOptions: "openOptions",
  ensureCore: "ensureCore",
  pageContext: "pageContext",
  run: "run",
});

/**
 * The one message the background sends a tab's content script
 * (`tabs.sendMessage`): {type: TOGGLE, mode, clickTime}, mode "reader",
 * "declutter" or "auto"; answered with the content script's result
 * ({mode, ...} or {error}).
 */
export const TOGGLE = "declutter-toggle";

/**
 * The modes a `run` message may ask of a tab (content/page.js toggle()):
 * the reader, declutter, declutter unless done ("auto"), the page as it
 * was ("page"), and what the popup shows ("state").
 */
export const RUN_MODES = Object.freeze(["reader", "declutter", "auto", "page", "state"]);

/** The analysis port's name, as the content script connects with it. */
export const ANALYSIS_PORT = "declutter-analysis";

/**
 * The analysis port's messages, by type (lib/analysis-port.js and
 * content/analysis-port.js are its two ends).
 * Page -> core: {type: part, ops, strings} ..., then {type: end, url}.
 * Core -> page: {type: head, value}, {type: blocks, blocks} ...,
 * {type: html, part} ..., {type: end}; or {type: error, error}.
 */
export const PART = Object.freeze({ part: "part", end: "end", head: "head", blocks: "blocks", html: "html", error: "error" });

/** Most UTF-16 units of text (snapshot strings, article HTML) in one port message: about 1 MB of JSON. */
export const CHARS_PER_PART = 1 << 20;

/**
 * `text` cut into pieces of at most `size` UTF-16 units, never between the
 * two halves of a surrogate pair (Chrome's JSON would turn each half into
 * U+FFFD).
 */
export function pieces(text, size) {
  const out = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

/** Kinds of block the core reports that the user may collapse. */
export const COLLAPSIBLE_KINDS = Object.freeze(["promo", "related", "boilerplate"]);

/** The reader's fonts, by setting value, with their labels' messages (the font stacks live in content/reader.js). */
export const FONT_LABELS = Object.freeze({ serif: "font_serif", sans: "font_sans", mono: "font_mono" });

/** The settings that take one of a list of values. */
export const CHOICES = Object.freeze({
  theme: Object.freeze(["system", "light", "sepia", "dark"]),
  font: Object.freeze(Object.keys(FONT_LABELS)),
  auto: Object.freeze(["off", "sites", "everywhere"]),
});

/**
 * The numeric settings: [min, max, step]; the options page's inputs and
 * the reader's − / + buttons both step by `step`.
 */
export const RANGES = Object.freeze({
  fontSize: Object.freeze([12, 32, 1]),
  lineWidth: Object.freeze([40, 100, 4]),
  lineHeight: Object.freeze([1.2, 2.2, 0.1]),
});

/** Every setting and its default. */
export const DEFAULTS = Object.freeze({
  theme: "system",
  font: "serif",
  fontSize: 19,
  lineWidth: 68,
  lineHeight: 1.6,
  collapse: Object.freeze({ promo: true, related: true, boilerplate: false }),
  // Quiet by default (issue 14): hidden widgets leave no mark in the page,
  // only the one page-level control; true leaves one slim mark per widget.
  marks: false,
  auto: "off",
  autoSites: Object.freeze([]),
});
