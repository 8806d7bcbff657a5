// Flattens a live DOM into the form Declutter's core reads, in one pass and
// without wasm: the extension's content script runs this on strict-CSP pages
// where it cannot compile wasm, and hands the result to the extension's own
// context. The same walker feeds `analyze()` in `declutter.js`.
//
// Format (read by src/snapshot.rs): `ops` is a stream of numbers, depth
// first; `strings` holds every string the ops consume, in order, joined by
// U+0000.
//   OPEN flags nattrs   consumes: local name, then name and value per attribute;
//                       flags: HIDDEN, and SVG / MATHML / OTHER_NS
//   TEXT                consumes: the text
//   CLOSE
// Every OPEN and TEXT is one entry of `nodes`, the live node it came from,
// so the core's answer can name nodes by index.

/** Op codes; keep in step with src/snapshot.rs. */
export const OPEN = 1;
export const TEXT = 2;
export const CLOSE = 3;
/** OPEN flag: the element is not rendered (a stylesheet or script hid it). */
export const HIDDEN = 1;
/** OPEN flags: the element's namespace when it is not HTML. */
export const SVG = 2;
export const MATHML = 4;
export const OTHER_NS = 8;

const HTML_NS = "http://www.w3.org/1999/xhtml";
const NS_FLAGS = {
  "http://www.w3.org/2000/svg": SVG,
  "http://www.w3.org/1998/Math/MathML": MATHML,
};

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const SEP = "\u0000";
const SEP_RE = /\u0000/g;

// Script and style bodies are never article text; only JSON-LD carries
// metadata the core reads. Skipping the rest keeps megabytes of inline code
// off the boundary.
function keepsText(el) {
  const name = el.localName;
  if (name === "script") {
    return el.getAttribute("type") === "application/ld+json";
  }
  return name !== "style";
}

/**
 * Walks `root` (a Document or an Element) and returns
 * `{ops, strings, nodes, url}`. With `layout` (default: when the document is
 * rendered), elements hidden by CSS are flagged HIDDEN.
 */
export function snapshot(root, options = {}) {
  const doc = root.nodeType === 9 ? root : root.ownerDocument;
  const start = root.nodeType === 9 ? root.documentElement : root;
  const rendered = !!(doc && doc.defaultView);
  const layout = options.layout !== false && rendered && typeof start?.checkVisibility === "function";
  const ops = [];
  const strings = [];
  const nodes = [];
  if (!start) return { ops, strings: "", nodes, url: doc ? doc.URL || null : null };

  // Iterative: pages can nest deeper than any call stack. Elements inside
  // a hidden one are not measured again: the core hides the whole subtree.
  let hiddenRoot = null;
  const close = (el) => {
    ops.push(CLOSE);
    if (el === hiddenRoot) hiddenRoot = null;
  };
  let node = start;
  for (;;) {
    const type = node.nodeType;
    if (type === ELEMENT_NODE) {
      const ns = node.namespaceURI;
      let flags = ns === HTML_NS ? 0 : NS_FLAGS[ns] || OTHER_NS;
      if (layout && hiddenRoot === null && !node.checkVisibility()) {
        flags |= HIDDEN;
        hiddenRoot = node;
      }
      const attrs = node.attributes;
      ops.push(OPEN, flags, attrs.length);
      strings.push(node.localName);
      for (let i = 0; i < attrs.length; i++) {
        strings.push(attrs[i].name, clean(attrs[i].value));
      }
      nodes.push(node);
      if (node.localName === "noscript") {
        // With scripting on, a noscript holds its markup as text; in a
        // DOMParser document (scripting off) it holds parsed elements.
        // The core reads the text form, as html5ever gives it.
        const markup = node.firstElementChild ? node.innerHTML : node.textContent;
        if (markup) {
          ops.push(TEXT);
          strings.push(clean(markup));
          nodes.push(node.firstChild);
        }
      } else if (node.firstChild && keepsText(node)) {
        node = node.firstChild;
        continue;
      }
      close(node);
    } else if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      ops.push(TEXT);
      strings.push(clean(node.data));
      nodes.push(node);
    }
    while (node !== start && !node.nextSibling) {
      node = node.parentNode;
      close(node);
    }
    if (node === start) break;
    node = node.nextSibling;
  }
  return { ops, strings: strings.join(SEP), nodes, url: doc ? doc.URL || null : null };
}

// U+0000 separates strings; the HTML parser never leaves one in text, but
// script can.
function clean(s) {
  return s.indexOf(SEP) === -1 ? s : s.replace(SEP_RE, "\uFFFD");
}
