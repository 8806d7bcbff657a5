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

/**
 * Ceilings of the walk whatever the options say, far past any real page (the
 * extension stops at 200,000 nodes and 16 Mi characters): the core's memory
 * grows some 60 times a page's size, and wasm has 4 GB at most. An option
 * above its ceiling is lowered to it. Keep maxChars within the core's
 * `snapshot::MAX_STRING_BYTES` (a character is at most 3 bytes of UTF-8).
 */
export const CEILINGS = Object.freeze({ maxNodes: 2 ** 23, maxChars: 2 ** 25, maxAttributes: 2 ** 16 });

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
function keepsText(d, el, name) {
  if (name === "script") {
    return d.getAttribute.call(el, "type") === "application/ld+json";
  }
  return name !== "style";
}

// A page can clobber DOM properties: `<form><input name=parentNode>` makes
// `form.parentNode` the input. Every property the walk depends on is read
// through the prototypes' own getters and methods, which no markup can
// shadow, called as `get.call(node)` (no wrapper between the walk and the
// getter: the walk makes some ten such calls per node).
let dom = null;
function accessors() {
  if (dom) return dom;
  const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
  const N = Node.prototype;
  const E = Element.prototype;
  const D = Document.prototype;
  dom = {
    nodeType: getter(N, "nodeType"),
    parentNode: getter(N, "parentNode"),
    firstChild: getter(N, "firstChild"),
    nextSibling: getter(N, "nextSibling"),
    textContent: getter(N, "textContent"),
    ownerDocument: getter(N, "ownerDocument"),
    data: getter(CharacterData.prototype, "data"),
    length: getter(CharacterData.prototype, "length"),
    attributes: getter(E, "attributes"),
    localName: getter(E, "localName"),
    namespaceURI: getter(E, "namespaceURI"),
    firstElementChild: getter(E, "firstElementChild"),
    innerHTML: getter(E, "innerHTML"),
    hasAttributes: E.hasAttributes,
    getAttribute: E.getAttribute,
    getAttributeNames: E.getAttributeNames,
    checkVisibility: E.checkVisibility || null,
    documentElement: getter(D, "documentElement"),
    defaultView: getter(D, "defaultView"),
    url: getter(D, "URL"),
  };
  return dom;
}

/** A node's type, read so that no markup can shadow it (see above). */
export function nodeTypeOf(node) {
  return accessors().nodeType.call(node);
}

/**
 * Walks `root` (a Document or an Element) and returns
 * `{ops, strings, nodes, url}`. With `layout` (default: when the document is
 * rendered), elements hidden by CSS are flagged HIDDEN. `maxNodes` (of
 * `nodes`), `maxChars` (of `strings`) and `maxAttributes` (on one element)
 * bound the walk, by default and at most at `CEILINGS`: past one it throws
 * a RangeError whose `limit` names the option. A bad option is a TypeError.
 */
export function snapshot(root, options = {}) {
  const walk = begin(root, options);
  advance(walk, null);
  return finish(walk);
}

/**
 * The same walk in slices of about `sliceMs` milliseconds (default 8), each
 * in its own task, so a huge page keeps its main thread: resolves to exactly
 * what `snapshot` returns for a document that does not change meanwhile. If
 * the page moves or removes a node the walk has not finished, the walk
 * leaves out what it can no longer reach in order (the result is still one
 * well-formed tree of live nodes) and carries on.
 */
export async function snapshotAsync(root, options = {}) {
  const sliceMs = options.sliceMs ?? 8;
  const walk = begin(root, options);
  let deadline = performance.now() + sliceMs;
  const due = () => performance.now() >= deadline;
  while (!advance(walk, due)) {
    await nextTask();
    deadline = performance.now() + sliceMs;
  }
  return finish(walk);
}

// The state of one walk. `next` is the node to visit next and `open` the
// elements opened and not yet closed, outermost first: the last is
// `next`'s parent. Climbing pops `open` rather than reading parentNode, so
// the ops stay balanced whatever the page does between two slices.
function begin(root, options) {
  if (options === null || typeof options !== "object") {
    throw new TypeError(`declutter: options must be an object, got ${options === null ? "null" : typeof options}`);
  }
  const d = accessors();
  const isDoc = d.nodeType.call(root) === 9;
  const doc = isDoc ? root : d.ownerDocument.call(root);
  const rendered = !!(doc && d.defaultView.call(doc));
  return {
    d,
    layout: options.layout !== false && rendered && d.checkVisibility !== null,
    url: doc ? d.url.call(doc) || null : null,
    maxNodes: limitOption(options, "maxNodes"),
    maxChars: limitOption(options, "maxChars"),
    maxAttributes: limitOption(options, "maxAttributes"),
    ops: [],
    strings: [],
    chars: -1,
    nodes: [],
    open: [],
    // How many of `open` were opened before the current slice.
    openBefore: 0,
    next: isDoc ? d.documentElement.call(root) : root,
    // Elements inside a hidden one are not measured again: the core hides
    // the whole subtree.
    hiddenRoot: null,
  };
}

// A size option, checked: a number of at least 0, lowered to its ceiling
// (no option means the ceiling).
function limitOption(options, name) {
  const v = options[name];
  if (v === undefined || v === null) return CEILINGS[name];
  if (typeof v !== "number" || Number.isNaN(v) || v < 0) {
    throw new TypeError(`declutter: options.${name} must be a number of at least 0, got ${String(v)}`);
  }
  return Math.min(v, CEILINGS[name]);
}

function finish(walk) {
  return { ops: walk.ops, strings: walk.strings.join(SEP), nodes: walk.nodes, url: walk.url };
}

// What a walk past `maxNodes` or `maxChars` throws: a RangeError whose
// `limit` names the option, so a caller can tell it from a bug.
function tooLarge(limit, max) {
  const what = { maxNodes: "nodes", maxChars: "characters of text and attributes", maxAttributes: "attributes on one element" }[limit];
  const e = new RangeError(`declutter: the page is too large: more than ${max} ${what}`);
  e.limit = limit;
  return e;
}

function addString(walk, s) {
  walk.strings.push(s);
  walk.chars += s.length + 1;
  if (walk.chars > walk.maxChars) throw tooLarge("maxChars", walk.maxChars);
}

function addNode(walk, node) {
  walk.nodes.push(node);
  if (walk.nodes.length > walk.maxNodes) throw tooLarge("maxNodes", walk.maxNodes);
}

function close(walk, el) {
  walk.ops.push(CLOSE);
  if (el === walk.hiddenRoot) walk.hiddenRoot = null;
}

// Most attributes an element can have for its values to be read by name:
// each read by name is a search of the element's attributes.
const BY_NAME_MAX = 16;

// The OPEN of `el`, which has attributes, with its name and attributes.
// Read by name (getAttributeNames, then getAttribute): in Blink, reading
// `attributes[i]` makes an Attr node per attribute, which the element keeps,
// and the walk took a quarter less time without them (scripts/walker-ab.mjs,
// Chromium 156, corpus pages). A name that getAttribute would not find as
// it is, or that names two attributes, falls back to the Attr nodes: an
// HTML element's attribute named with capitals (getAttribute lowercases
// the name it is given), or two attributes in different namespaces with
// the same qualified name (only script can make either).
function addAttributes(walk, el, name, flags, html) {
  const { d } = walk;
  const names = d.getAttributeNames.call(el);
  const count = names.length;
  // Checked before reading any value: each read looks the attribute up
  // again, so one element's cost grows with the square of their number.
  if (count > walk.maxAttributes) throw tooLarge("maxAttributes", walk.maxAttributes);
  walk.ops.push(OPEN, flags, count);
  addString(walk, name);
  if (count <= BY_NAME_MAX && byName(names, html)) {
    for (let i = 0; i < count; i++) {
      const q = names[i];
      addString(walk, q);
      addString(walk, clean(d.getAttribute.call(el, q)));
    }
    return;
  }
  const attrs = d.attributes.call(el);
  for (let i = 0; i < count; i++) {
    const attr = attrs[i];
    addString(walk, attr.name);
    addString(walk, clean(attr.value));
  }
}

// Whether getAttribute(name) finds each of `names` itself (see above).
function byName(names, html) {
  for (let i = 0; i < names.length; i++) {
    const q = names[i];
    if (html && q.toLowerCase() !== q) return false;
    for (let j = 0; j < i; j++) if (names[j] === q) return false;
  }
  return true;
}

// Moves on from `node`, whose subtree is done: to its next sibling, or up,
// closing what it leaves. Returns the next node, or null when the walk is
// over. The page can move nodes only between two slices, so a node whose
// parent this slice saw needs no check (one parentNode call less per node);
// an element opened in an earlier slice (one of the first
// `walk.openBefore` of `open`), or `node` when `checked`, might have been
// moved, and one no longer under the element it was found in has no
// siblings for this walk.
function climb(walk, node, checked = false) {
  const { d, open } = walk;
  for (;;) {
    const depth = open.length;
    if (depth === 0) return null;
    if (!checked || d.parentNode.call(node) === open[depth - 1]) {
      const sibling = d.nextSibling.call(node);
      if (sibling) return sibling;
    }
    node = open.pop();
    close(walk, node);
    checked = depth - 1 < walk.openBefore;
    if (checked) walk.openBefore = depth - 1;
  }
}

// Walks until done (returns true) or until `due()`, asked every few nodes,
// says the slice is over (returns false). Iterative: pages can nest deeper
// than any call stack.
function advance(walk, due) {
  const { d, ops, layout, open } = walk;
  const { nodeType, namespaceURI, localName, hasAttributes, firstChild, data, length } = d;
  let node = walk.next;
  // Everything opened so far was opened in an earlier slice.
  walk.openBefore = open.length;
  // A slice resumes where the last one stopped, unless the page has since
  // taken that node away from its parent.
  if (node && open.length && d.parentNode.call(node) !== open[open.length - 1]) {
    const parent = open.pop();
    close(walk, parent);
    walk.openBefore = open.length;
    node = climb(walk, parent, true);
  }
  for (let n = 0; node; n++) {
    if (due && (n & 31) === 31 && due()) {
      walk.next = node;
      return false;
    }
    const type = nodeType.call(node);
    if (type === ELEMENT_NODE) {
      const ns = namespaceURI.call(node);
      const name = localName.call(node);
      let flags = ns === HTML_NS ? 0 : NS_FLAGS[ns] || OTHER_NS;
      if (layout && walk.hiddenRoot === null && !d.checkVisibility.call(node)) {
        flags |= HIDDEN;
        walk.hiddenRoot = node;
      }
      // Most elements have no attributes: asking first saves making the
      // list of names.
      if (hasAttributes.call(node)) {
        addAttributes(walk, node, name, flags, ns === HTML_NS);
      } else {
        ops.push(OPEN, flags, 0);
        addString(walk, name);
      }
      addNode(walk, node);
      const first = firstChild.call(node);
      if (name === "noscript") {
        // With scripting on, a noscript holds its markup as text; in a
        // DOMParser document (scripting off) it holds parsed elements.
        // The core reads the text form, as html5ever gives it.
        const markup = d.firstElementChild.call(node) ? d.innerHTML.call(node) : d.textContent.call(node);
        if (markup) {
          ops.push(TEXT);
          addString(walk, clean(markup));
          addNode(walk, first);
        }
      } else if (first && keepsText(d, node, name)) {
        open.push(node);
        node = first;
        continue;
      }
      close(walk, node);
    } else if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      ops.push(TEXT);
      // One text can hold megabytes: a limit is checked before copying it.
      if (walk.chars + length.call(node) + 1 > walk.maxChars) throw tooLarge("maxChars", walk.maxChars);
      addString(walk, clean(data.call(node)));
      addNode(walk, node);
    }
    node = climb(walk, node);
  }
  walk.next = null;
  return true;
}

// A task of its own, after whatever the page has queued: a message to
// ourselves (unlike setTimeout, not clamped to 4 ms when repeated).
function nextTask() {
  return new Promise((resolve) => {
    if (typeof MessageChannel !== "function") {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

// U+0000 separates strings; the HTML parser never leaves one in text, but
// script can.
function clean(s) {
  return s.indexOf(SEP) === -1 ? s : s.replace(SEP_RE, "\uFFFD");
}
