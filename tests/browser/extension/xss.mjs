// Hostile pages: DOMPurify's XSS vectors (../shared/corpus/xss) wrapped in
// article pages, for checking that the reader view runs nothing and shows
// no markup outside the allowlist, and that declutter mode, which builds
// its page-level control and its marks from hostile promo and related
// blocks, adds nothing that runs and no markup but its own.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SHARED, firstDifference } from "./pages.mjs";

const PER_PAGE = 16;

/**
 * Headers for serving the pages: frames and plugins of the page's own are
 * blocked, since their dialogs (out of reach of the page's counter) would
 * stall the page; scripts and handlers stay allowed, so anything the reader
 * let through would run and be counted.
 */
export const XSS_HEADERS = { "Content-Security-Policy": "frame-src 'none'; object-src 'none'" };
const PROSE =
  "This paragraph is ordinary article prose, long enough for the page to read as a story, with names, places and numbers like 42 and 2024.";

// Logs every call of a dialog function with its event, marked "EXTENSION"
// when the event's target is the extension's markup (the reader or a bar)
// and "page" otherwise. A handler firing inside a closed shadow tree has no
// window.event, so it logs as "page no event": the checks therefore count
// every call a mode's load made that the untoggled control did not
// (extraCalls), not the marks.
const COUNTER = `<script>
window.__xssLog = [];
window.alert = window.confirm = window.prompt = window.print = function () {
  var e = window.event, t = e && e.target;
  var root = t && typeof t.getRootNode === "function" ? t.getRootNode() : null;
  var host = root instanceof ShadowRoot ? root.host : t;
  var fromExtension = !!host && typeof host.closest === "function" && !!host.closest("[data-declutter]");
  window.__xssLog.push((fromExtension ? "EXTENSION " : "page ") + (e ? e.type + " on " + (t && t.outerHTML ? t.outerHTML.slice(0, 120) : t) : "no event"));
};
</script>`;

// Each vector also sits in a "more stories" list and in a newsletter
// pitch after its part, so declutter mode collapses blocks that carry it.
const related = (n, payload) =>
  `<aside><h3>More stories</h3><ul>` +
  [1, 2, 3].map((k) => `<li><a href="/story-${n}-${k}.html">Another story in this series, number ${k}</a></li>`).join("") +
  `<li><a href="/story-${n}-4.html">One more story</a> ${payload}</li></ul></aside>`;
const promo = (payload) =>
  `<div><p>Subscribe to our newsletter and get the best stories in your inbox every morning. Sign up now, it is free. ${payload}</p></div>`;

/**
 * Writes the vectors as article pages (PER_PAGE vectors each, so one broken
 * vector cannot swallow them all) into `dir`; resolves to their file names.
 */
export async function writeXssPages(dir) {
  const vectors = JSON.parse(await readFile(join(SHARED, "corpus/xss/vectors.json"), "utf8"));
  await mkdir(dir, { recursive: true });
  const names = [];
  for (let i = 0; i < vectors.length; i += PER_PAGE) {
    const sections = vectors
      .slice(i, i + PER_PAGE)
      .map((v, j) => `<section><h2>Part ${i + j + 1}</h2><p>${PROSE}</p><div>${v.payload}</div><p>${PROSE}</p></section>${related(i + j + 1, v.payload)}${promo(v.payload)}`)
      .join("\n");
    const name = `xss-${String(i / PER_PAGE + 1).padStart(2, "0")}.html`;
    await writeFile(
      join(dir, name),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile markup ${name}</title>${COUNTER}</head>` +
        `<body><article><h1>Hostile markup in an article</h1><p>${PROSE}</p><p>${PROSE}</p>\n${sections}\n</article></body></html>`,
    );
    names.push(name);
  }
  return { names, count: vectors.length };
}

/**
 * Runs in the page on the reader's <main> (inside its shadow root): markup
 * that must never reach the reader, as short descriptions.
 */
export function auditReader(main) {
  const bad = [];
  const forbidden = "script, iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, style, link, meta, base, template, noscript, math";
  for (const el of main.querySelectorAll(forbidden)) bad.push(`<${el.localName}>`);
  for (const el of main.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) || a.name === "style" || a.name === "srcdoc") bad.push(`${el.localName}[${a.name}]`);
      else if (/^\s*(?:javascript|vbscript|data:text\/html)/i.test(a.value)) bad.push(`${el.localName}[${a.name}=${a.value.slice(0, 30)}]`);
    }
  }
  return bad;
}

// Declutter mode's own markup. In the page: the page-level control's host
// (a div), each mark's wrapper (a div, or an li / tr with a td where the
// container needs one) and one stylesheet; in their closed shadow roots:
// the control's button and list (labels, reasons, show buttons), a mark's
// line. Attribute names allowed per tag; nothing else may appear (`lang`:
// the control and a mark say which language the extension speaks there).
const EXTENSION_LIGHT = {
  div: ["data-declutter"],
  li: ["data-declutter"],
  tr: ["data-declutter"],
  td: ["colspan"],
  style: ["data-declutter"],
};
const EXTENSION_SHADOW = {
  style: [],
  div: ["class", "hidden", "id", "role", "aria-label", "title", "lang"],
  button: ["type", "class", "aria-expanded", "aria-controls", "aria-label", "title", "disabled", "hidden", "lang"],
  span: ["class", "role"],
  ul: ["aria-label"],
  li: [],
  h2: [],
  p: ["class"],
};

/**
 * Checks declutter mode's markup against its allowlist: `light` and
 * `shadow` are the elements it put in the page and in its control's and
 * marks' shadow roots, as {tag, attrs: [[name, value]], text} (text for <style> only).
 * Returns short descriptions of what is not allowed.
 */
export function auditExtensionMarkup({ light, shadow }) {
  const bad = [];
  const check = (where, allow, el) => {
    const names = allow[el.tag];
    if (!names) return bad.push(`${where} <${el.tag}>`);
    for (const [name, value] of el.attrs) {
      if (!names.includes(name)) bad.push(`${where} ${el.tag}[${name}]`);
      else if (/^\s*(?:javascript|vbscript|data):/i.test(value)) bad.push(`${where} ${el.tag}[${name}=${value.slice(0, 30)}]`);
    }
    // The stylesheets are the extension's own constants: nothing fetched, nothing from the page.
    if (el.tag === "style" && /url\(|@import|expression\(/i.test(el.text || "")) bad.push(`${where} <style> that loads something`);
  };
  for (const el of light) check("page", EXTENSION_LIGHT, el);
  for (const el of shadow) check("shadow", EXTENSION_SHADOW, el);
  return bad;
}

/**
 * Runs in the page: elements as auditExtensionMarkup lists them, read
 * through the DOM's own getters (a hostile form clobbers `attributes`).
 */
export function describeElements(elements) {
  const get = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
  const [attributes, localName, textContent] = [get(Element.prototype, "attributes"), get(Element.prototype, "localName"), get(Node.prototype, "textContent")];
  return elements.map((el) => {
    const tag = localName.call(el);
    return { tag, attrs: Array.from(attributes.call(el), (a) => [a.name, a.value]), text: tag === "style" ? textContent.call(el) : undefined };
  });
}

/**
 * The page's serialization without declutter mode's marks: its control and marks, its
 * stylesheet and the attribute on hidden blocks. Applied to the page
 * before and during declutter, the two must be equal: declutter adds no
 * markup to the page's own, moves nothing and removes nothing.
 */
export function withoutExtensionMarks(html) {
  return html
    .replace(/<div data-declutter="(?:bar|control)"><\/div>/g, "")
    .replace(/<li data-declutter="bar"><div><\/div><\/li>/g, "")
    .replace(/<tr data-declutter="bar"><td colspan="999"><div><\/div><\/td><\/tr>/g, "")
    .replace(/<style data-declutter="style">[^<]*<\/style>/g, "")
    .replace(/ data-declutter-hidden="[a-z]+"/g, "");
}

// Events a reader sets off on any page by scrolling, resizing or moving
// focus: collapsing blocks moves the page's layout, so the page's own
// handlers for these may run, as they would for the reader's own scroll.
const LAYOUT_EVENTS = /^page (?:scroll|scrollend|resize|focus|blur|focusin|focusout) on /;

/**
 * What the page's own scripts and handlers did in the toggled load and not
 * in the untoggled control load (the trap's log entries, as a multiset
 * difference), split into {layout} (handlers of scroll, resize and focus
 * events, which a reader's own scrolling fires too) and {other}: the
 * page's own code that declutter mode set off.
 */
export function extraCalls(toggled, control) {
  const extra = multisetDifference(toggled, control);
  return { layout: extra.filter((e) => LAYOUT_EVENTS.test(e)), other: extra.filter((e) => !LAYOUT_EVENTS.test(e)) };
}

function multisetDifference(toggled, control) {
  const left = new Map();
  for (const e of control) left.set(e, (left.get(e) || 0) + 1);
  const extra = [];
  for (const e of toggled) {
    if (left.get(e) > 0) left.set(e, left.get(e) - 1);
    else extra.push(e);
  }
  return extra;
}

/**
 * The XSS checks' findings over the vector pages, each loaded through the
 * reader, through declutter mode and untoggled (the control), and their
 * report as checks; the browser parts feed it what they read.
 */
export class XssTally {
  notOpened = [];
  readerBad = [];
  widgets = 0;
  notCollapsed = [];
  bad = [];
  changed = [];
  selfChanging = [];
  extra = { reader: { other: [], layout: [] }, declutter: { other: [], layout: [] } };

  constructor(names, count) {
    this.names = names;
    this.count = count;
  }

  /** The reader on page `name`: whether it opened, and auditReader's findings in it. */
  reader(name, opened, bad = []) {
    if (!opened) this.notOpened.push(name);
    this.readerBad.push(...bad.map((b) => `${name}: ${b}`));
  }

  /**
   * Declutter mode on page `name`: the run message's `result` and its
   * `markup` ({light, shadow, controls}); or `failed`, why it could not be run.
   */
  declutter(name, { result, markup, failed }) {
    if (failed) return this.notCollapsed.push(`${name} (${failed})`);
    if (!(result?.collapsed > 0) || markup.controls !== 1) this.notCollapsed.push(`${name} (${JSON.stringify(result)}, ${markup.controls} controls)`);
    this.widgets += result?.collapsed || 0;
    this.bad.push(...auditExtensionMarkup(markup).map((b) => `${name}: ${b}`));
  }

  /**
   * The control load of page `name`: its serialization `first` and
   * `second` (did the page change itself?), its trap log `control`; the
   * modes' trap logs `calls` = {reader, declutter} (null when the mode did
   * not run), the page's serialization `decluttered` = {before, during}
   * declutter (null when it did not run), and dialogs counted per mode and
   * in the control.
   */
  control(name, { first, second, control, calls, decluttered, dialogs = { reader: 0, declutter: 0, control: 0 } }) {
    for (const mode of ["reader", "declutter"]) {
      if (!calls[mode]) continue;
      const more = extraCalls(calls[mode], control);
      this.extra[mode].other.push(...more.other.map((l) => `${name}: ${l}`));
      this.extra[mode].layout.push(...more.layout.map((l) => `${name}: ${l}`));
      if (dialogs[mode] > dialogs.control) this.extra[mode].other.push(`${name}: ${dialogs[mode] - dialogs.control} dialogs more than the control`);
    }
    if (first !== second) this.selfChanging.push(name);
    else if (decluttered) {
      const [before, during] = [withoutExtensionMarks(decluttered.before), withoutExtensionMarks(decluttered.during)];
      if (during !== before) this.changed.push(`${name}: ${firstDifference(before, during)}`);
    }
  }

  /** Records the checks in `t`, named for `browser`. */
  report(t, browser) {
    const { names, count } = this;
    const calls = ({ other, layout }) =>
      `${other.length} calls${other.length ? ": " + other.slice(0, 3).join(", ") : ""}; page handlers of scroll/focus events that moving the layout fires: ${layout.length}${layout.length ? ` (${layout.slice(0, 3).join(", ")})` : ""}`;
    const pages = (failed) => `${names.length - failed.length}/${names.length} pages`;
    t.check(`${browser}: XSS vectors: the reader opens on every hostile page`, this.notOpened.length === 0, `${pages(this.notOpened)}, ${count} vectors${this.notOpened.length ? "; not on " + this.notOpened.join(", ") : ""}`);
    t.check(`${browser}: XSS vectors: nothing runs when the reader opens (against the untoggled control)`, this.extra.reader.other.length === 0, calls(this.extra.reader));
    t.check(`${browser}: XSS vectors: no markup outside the allowlist in the reader`, this.readerBad.length === 0, this.readerBad.slice(0, 5).join(", "));
    t.check(`${browser}: XSS vectors: declutter collapses the hostile promo and related blocks on every page`, this.notCollapsed.length === 0, `${pages(this.notCollapsed)}, ${this.widgets} widgets hidden${this.notCollapsed.length ? "; not on " + this.notCollapsed.join(", ") : ""}`);
    t.check(`${browser}: XSS vectors: nothing runs when declutter collapses (against the untoggled control)`, this.extra.declutter.other.length === 0, calls(this.extra.declutter));
    t.check(`${browser}: XSS vectors: declutter adds only its allowlisted markup`, this.bad.length === 0, this.bad.slice(0, 5).join(", "));
    t.check(
      `${browser}: XSS vectors: declutter leaves the page's own markup as it was but for the hiding mark`,
      this.changed.length === 0,
      `${names.length - this.selfChanging.length} pages compared${this.selfChanging.length ? `, ${this.selfChanging.length} change themselves in the control` : ""}${this.changed.length ? "; " + this.changed.slice(0, 2).join(", ") : ""}`,
    );
  }
}
