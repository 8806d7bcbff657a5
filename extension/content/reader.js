// The reader view, shown over the page in a closed shadow root on one
// full-viewport host element: the page's CSS cannot reach inside (the
// host's own rules are !important from inside, which wins over the page)
// and the page's scripts cannot read it. The page's DOM is left as it was;
// only the host is added, and removed again on close.
import DOMPurify from "dompurify";
import { CHOICES, FONT_LABELS, RANGES } from "../lib/protocol.js";
import { t, uiLocale } from "../lib/i18n.js";
import { readingTime } from "./reading-time.js";

const FONTS = {
  serif: 'Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif',
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  mono: 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace',
};

// Page-level rule: print only the reader. It is in the document only
// while printing: adding or removing any stylesheet there makes the
// browser restyle the whole page (a tenth of a second at 200,000
// elements). The page's own scrolling is left alone for the same reason
// (the host's overscroll-behavior keeps wheel and keys in the reader):
// `html { overflow: hidden }` lays the whole page out again, seconds on
// such a page.
const PAGE_CSS = `
@media print {
html > :not([data-declutter="reader"]) { display: none !important; }
}`;

const READER_CSS = `
:host {
all: initial !important;
display: block !important;
position: fixed !important;
inset: 0 !important;
z-index: 2147483647 !important;
overflow: auto !important;
overscroll-behavior: contain !important;
visibility: visible !important;
opacity: 1 !important;
transform: none !important;
filter: none !important;
}
.reader {
--bg: #ffffff; --fg: #1b1b1b; --muted: #5f6368; --link: #0b57d0; --rule: #dadce0; --bar: #f6f7f8;
min-height: 100%;
background: var(--bg); color: var(--fg);
font-family: var(--font); font-size: var(--size); line-height: var(--leading);
-webkit-text-size-adjust: 100%;
}
.reader[data-theme="sepia"] { --bg: #f4ecd8; --fg: #3b2f20; --muted: #6e5f4b; --link: #7a4a12; --rule: #d9ccb0; --bar: #ebe0c6; }
.reader[data-theme="dark"] { --bg: #1c1b22; --fg: #e8e6e3; --muted: #a8a49c; --link: #8ab4f8; --rule: #3c3b44; --bar: #26252d; }
@media (prefers-color-scheme: dark) {
.reader[data-theme="system"] { --bg: #1c1b22; --fg: #e8e6e3; --muted: #a8a49c; --link: #8ab4f8; --rule: #3c3b44; --bar: #26252d; }
}
.toolbar {
position: sticky; top: 0; z-index: 1;
display: flex; flex-wrap: wrap; gap: 6px; align-items: center; justify-content: center;
padding: 6px 12px; background: var(--bar); border-bottom: 1px solid var(--rule);
font: 14px/1.2 system-ui, sans-serif;
}
.toolbar .group { display: inline-flex; gap: 2px; align-items: center; }
.toolbar .spacer { flex: 1; }
button, select {
font: inherit; color: var(--fg); background: transparent; border: 1px solid var(--rule);
border-radius: 6px; padding: 4px 9px; cursor: pointer; min-height: 30px;
}
button[aria-pressed="true"] { border-color: var(--link); box-shadow: inset 0 0 0 1px var(--link); }
button:focus-visible, select:focus-visible, a:focus-visible, .reader:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
.swatch { width: 30px; padding: 0; }
.swatch[data-value="light"] { background: #fff; color: #1b1b1b; }
.swatch[data-value="sepia"] { background: #f4ecd8; color: #3b2f20; }
.swatch[data-value="dark"] { background: #1c1b22; color: #e8e6e3; }
.note { color: var(--muted); min-width: 6em; }
main { max-width: var(--measure); margin: 0 auto; padding: 32px 20px 96px; }
header { margin-bottom: 1.6em; padding-bottom: 1em; border-bottom: 1px solid var(--rule); }
.site { margin: 0 0 .4em; color: var(--muted); font-size: .85em; text-transform: uppercase; letter-spacing: .04em; }
h1 { font-size: 1.9em; line-height: 1.2; margin: 0 0 .4em; }
.meta { color: var(--muted); font-size: .9em; margin: 0; }
.body { overflow-wrap: break-word; }
.body :is(h1, h2, h3, h4, h5, h6) { line-height: 1.25; margin: 1.4em 0 .5em; }
.body p, .body ul, .body ol, .body blockquote, .body pre, .body table, .body figure { margin: 0 0 1em; }
.body a { color: var(--link); }
.body img, .body video, .body picture, .body svg { max-width: 100%; height: auto; }
.body figure { margin-inline: 0; }
.body figcaption { color: var(--muted); font-size: .85em; margin-top: .4em; }
.body blockquote { border-inline-start: 3px solid var(--rule); margin-inline: 0; padding-inline-start: 1em; color: var(--muted); }
.body pre { overflow-x: auto; padding: .8em; background: var(--bar); border-radius: 6px; font-size: .85em; line-height: 1.45; }
.body code { font-family: ${FONTS.mono}; font-size: .9em; }
.body table { border-collapse: collapse; display: block; overflow-x: auto; font-size: .9em; }
.body th, .body td { border: 1px solid var(--rule); padding: .3em .6em; text-align: start; vertical-align: top; }
.empty { color: var(--muted); font-style: italic; }
@media print {
:host { position: absolute !important; overflow: visible !important; height: auto !important; }
.toolbar { display: none; }
.reader { --bg: #fff; --fg: #000; --muted: #444; --link: #000; background: #fff; }
main { max-width: none; padding: 0; }
.body a::after { content: " (" attr(href) ")"; font-size: .8em; color: #444; }
.body img, .body figure, .body pre, .body table { break-inside: avoid; }
}`;

/** The themes' names (messages), shared with the options page. */
const THEME_MESSAGES = { system: "theme_system", light: "theme_light", sepia: "theme_sepia", dark: "theme_dark" };

const SANITIZE = {
  FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select", "iframe", "object", "embed"],
  FORBID_ATTR: ["style"],
  ALLOW_DATA_ATTR: false,
  IN_PLACE: true,
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, v);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function formatDate(value, lang) {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}/.test(value)) return value;
  try {
    return new Intl.DateTimeFormat(lang || undefined, { dateStyle: "long" }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

// The byline, the date and the reading time; the last in the article's
// language where the extension has it (a span of its own language where
// it is not the article's).
function header(article, lang) {
  const minutes = article.readingMinutes ? readingTime(Math.max(1, Math.round(article.readingMinutes)), lang) : null;
  const meta = [
    article.byline,
    formatDate(article.published, lang),
    minutes && (minutes.lang === lang ? minutes.text : el("span", { lang: minutes.lang }, minutes.text)),
  ].filter(Boolean);
  return el(
    "header",
    {},
    article.siteName ? el("p", { class: "site" }, article.siteName) : null,
    el("h1", {}, article.title || document.title || t("reader_untitled")),
    meta.length ? el("p", { class: "meta" }, ...meta.flatMap((part, i) => (i ? [" · ", part] : [part]))) : null,
  );
}

// The article goes into the view in slices of about this many elements,
// one slice a frame: sanitising and laying out thousands of table cells
// at once holds the page's main thread for a quarter of a second.
const FILL_ELEMENTS = 250;
// Elements a slice may enter to take their children apart: plain
// containers, which DOMPurify keeps and whose children it judges alone.
const SPLITTABLE = new Set(["div", "section", "article", "main", "table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl", "blockquote", "figure"]);

// The article parsed into a document without a browsing context: nothing
// in it runs or loads until a slice of it, sanitised, joins the view.
const inert = (html) => new DOMParser().parseFromString(`<!doctype html><body>${html}`, "text/html").body;

// `nodes` (taken out of the inert document) sanitised in a box of their
// own, with links and images made safe to follow and lazy; the box.
function sanitised(nodes, doc) {
  const box = doc.createElement("div");
  box.append(...nodes);
  DOMPurify.sanitize(box, SANITIZE);
  for (const img of box.querySelectorAll("img")) img.setAttribute("loading", "lazy");
  for (const a of box.querySelectorAll("a[href]")) a.setAttribute("rel", "noopener noreferrer");
  return box;
}

const elementsIn = (node) => (node.nodeType === Node.ELEMENT_NODE ? 1 + node.getElementsByTagName("*").length : 0);
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

// Moves the nodes of `from` (inert) into `into` in document order,
// sanitising them a slice at a time and waiting for a frame after every
// FILL_ELEMENTS elements. A container larger than a slice (a giant table)
// goes in as a sanitised empty copy and its children follow the same
// way. Stops when `stopped()` says the reader was closed.
async function fill(from, into, stopped, budget = { left: FILL_ELEMENTS }) {
  const doc = from.ownerDocument;
  let batch = [];
  const flush = () => {
    if (batch.length) into.append(...sanitised(batch, doc).childNodes);
    batch = [];
  };
  while (from.firstChild && !stopped()) {
    const node = from.firstChild;
    const size = elementsIn(node);
    if (size > FILL_ELEMENTS && node.firstChild && SPLITTABLE.has(node.localName)) {
      flush();
      const shell = sanitised([node.cloneNode(false)], doc).firstChild;
      if (shell) {
        into.append(shell);
        budget.left--;
        await fill(node, shell, stopped, budget);
        node.remove();
        continue;
      }
    }
    node.remove();
    batch.push(node);
    budget.left -= size;
    if (budget.left <= 0) {
      flush();
      await nextFrame();
      budget.left = FILL_ELEMENTS;
    }
  }
  if (!stopped()) flush();
}

// Fills `body` with the article, then says so if it holds nothing to read.
async function fillBody(body, article, stopped) {
  await fill(inert(article.contentHtml || ""), body, stopped);
  if (!stopped() && !body.textContent.trim() && !body.querySelector("img")) {
    body.append(el("p", { class: "empty" }, t("reader_noArticle")));
  }
}

function applySettings(view, s) {
  view.dataset.theme = s.theme;
  view.style.setProperty("--font", FONTS[s.font] || FONTS.serif);
  view.style.setProperty("--size", `${s.fontSize}px`);
  view.style.setProperty("--measure", `${s.lineWidth}ch`);
  view.style.setProperty("--leading", String(s.lineHeight));
}

function toolbar(state, actions) {
  const bar = el("div", { class: "toolbar", role: "toolbar", "aria-label": t("readerView"), lang: uiLocale() });
  const note = el("span", { class: "note", role: "status", "aria-live": "polite" });
  const close = el("button", { type: "button", title: t("reader_closeTitle") }, t("reader_close"));
  close.addEventListener("click", actions.close);

  const themes = el("span", { class: "group", role: "group", "aria-label": t("theme") });
  for (const theme of CHOICES.theme) {
    const name = t("reader_themeName", t(THEME_MESSAGES[theme]));
    const b = el("button", { type: "button", class: theme === "system" ? "" : "swatch", "data-value": theme, "aria-label": name, title: name }, theme === "system" ? t("reader_auto") : "A");
    b.addEventListener("click", () => actions.set({ theme }));
    themes.append(b);
  }
  const font = el("select", { "aria-label": t("font") });
  for (const [value, label] of Object.entries(FONT_LABELS)) {
    font.append(el("option", { value }, t(label)));
  }
  font.addEventListener("change", () => actions.set({ font: font.value }));

  // `label`, `less` and `more` are messages.
  const stepper = (key, labelName, less, more) => {
    const label = t(labelName);
    const [min, max, step] = RANGES[key];
    const round = (v) => Math.round(v * 10) / 10;
    const minus = el("button", { type: "button", "aria-label": t(less) }, "−");
    const plus = el("button", { type: "button", "aria-label": t(more) }, "+");
    minus.addEventListener("click", () => actions.set({ [key]: round(Math.max(min, state.settings[key] - step)) }));
    plus.addEventListener("click", () => actions.set({ [key]: round(Math.min(max, state.settings[key] + step)) }));
    return el("span", { class: "group", role: "group", "aria-label": label }, minus, el("span", { "aria-hidden": "true" }, label), plus);
  };
  const declutter = el("button", { type: "button", title: t("reader_declutterTitle") }, t("reader_declutter"));
  declutter.addEventListener("click", actions.declutter);
  const report = el("button", { type: "button", title: t("reader_reportTitle") }, t("copyReport"));
  report.addEventListener("click", async () => {
    note.textContent = (await actions.report()) ? t("reportCopied") : t("couldNotCopy");
  });

  bar.append(
    close,
    themes,
    font,
    stepper("fontSize", "reader_size", "reader_smaller", "reader_larger"),
    stepper("lineWidth", "reader_width", "reader_narrower", "reader_wider"),
    stepper("lineHeight", "reader_spacing", "reader_tighter", "reader_looser"),
    el("span", { class: "spacer" }),
    note,
    declutter,
    report,
  );
  const sync = () => {
    for (const b of themes.children) b.setAttribute("aria-pressed", String(b.dataset.value === state.settings.theme));
    font.value = state.settings.font;
  };
  sync();
  return { bar, sync };
}

/**
 * Opens the reader over the page. `actions` = {close, declutter, report,
 * save(patch) -> Promise<settings>}. Returns {close(), host, painted,
 * filled} where `painted` resolves after the first frame that shows it
 * and `filled` once the whole article is in (a long one goes in over
 * several frames).
 */
export function open({ article, settings }, actions) {
  const scroll = { x: window.scrollX, y: window.scrollY };
  const focused = document.activeElement;
  const host = document.createElement("div");
  host.setAttribute("data-declutter", "reader");
  const pageStyle = document.createElement("style");
  pageStyle.textContent = PAGE_CSS;
  const printing = () => host.append(pageStyle);
  const printed = () => pageStyle.remove();
  addEventListener("beforeprint", printing);
  addEventListener("afterprint", printed);
  const root = host.attachShadow({ mode: "closed" });

  const state = { settings: { ...settings } };
  const view = el("div", { class: "reader", tabindex: "-1", role: "document" });
  const set = async (patch) => {
    state.settings = { ...state.settings, ...patch };
    applySettings(view, state.settings);
    controls.sync();
    state.settings = (await actions.save(patch)) || state.settings;
  };
  const controls = toolbar(state, { ...actions, set });
  applySettings(view, state.settings);
  // The article's language: the engine's, else the page's own.
  const lang = article.lang || document.documentElement.lang || null;
  const main = el("main", { lang, dir: article.dir || "auto" });
  const body = el("div", { class: "body" });
  main.append(el("article", {}, header(article, lang), body));
  view.append(controls.bar, main);
  root.append(el("style", {}, READER_CSS), view);
  view.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      actions.close();
    }
  });

  document.documentElement.append(host);
  view.focus({ preventScroll: true });
  let closed = false;
  const filling = fillBody(body, article, () => closed);
  const painted = new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))));
  const filled = Promise.all([filling, painted]).then(() => undefined);

  function close() {
    closed = true;
    removeEventListener("beforeprint", printing);
    removeEventListener("afterprint", printed);
    host.remove();
    if (window.scrollX !== scroll.x || window.scrollY !== scroll.y) window.scrollTo(scroll.x, scroll.y);
    if (focused && focused.isConnected && typeof focused.focus === "function") focused.focus({ preventScroll: true });
  }
  return { close, host, painted, filled };
}
