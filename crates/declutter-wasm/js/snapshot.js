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
    return d.getAttribute(el, "type") === "application/ld+json";
  }
  return name !== "style";
}

// A page can clobber DOM properties: `<form><input name=parentNode>` makes
// `form.parentNode` the input. Every property the walk depends on is read
// through the prototypes' own getters, which no markup can shadow.
let dom = null;
function accessors() {
  if (dom) return dom;
  const getter = (proto, name) => {
    const get = Object.getOwnPropertyDescriptor(proto, name).get;
    return (node) => get.call(node);
  };
  const method = (proto, name) => {
    const fn = proto[name];
    return fn ? (node, ...args) => fn.apply(node, args) : null;
  };
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
    getAttribute: method(E, "getAttribute"),
    checkVisibility: method(E, "checkVisibility"),
    documentElement: getter(D, "documentElement"),
    defaultView: getter(D, "defaultView"),
    url: getter(D, "URL"),
  };
  return dom;
}

/** A node's type, read so that no markup can shadow it (see above). */
export function nodeTypeOf(node) {
  return accessors().nodeType(node);
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
  const isDoc = d.nodeType(root) === 9;
  const doc = isDoc ? root : d.ownerDocument(root);
  const rendered = !!(doc && d.defaultView(doc));
  return {
    d,
    layout: options.layout !== false && rendered && d.checkVisibility !== null,
    url: doc ? d.url(doc) || null : null,
    maxNodes: limitOption(options, "maxNodes"),
    maxChars: limitOption(options, "maxChars"),
    maxAttributes: limitOption(options, "maxAttributes"),
    ops: [],
    strings: [],
    chars: -1,
    nodes: [],
    open: [],
    next: isDoc ? d.documentElement(root) : root,
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

// Moves on from `node`, whose subtree is done: to its next sibling, or up,
// closing what it leaves. A node no longer under the element it was found
// in (the page moved it between slices) has no siblings for this walk.
// Returns the next node, or null when the walk is over.
function climb(walk, node) {
  const { d, open } = walk;
  for (;;) {
    if (open.length === 0) return null;
    if (d.parentNode(node) === open[open.length - 1]) {
      const sibling = d.nextSibling(node);
      if (sibling) return sibling;
    }
    node = open.pop();
    close(walk, node);
  }
}

// Walks until done (returns true) or until `due()`, asked every few nodes,
// says the slice is over (returns false). Iterative: pages can nest deeper
// than any call stack.
function advance(walk, due) {
  const { d, ops, layout, open } = walk;
  let node = walk.next;
  // A slice resumes where the last one stopped, unless the page has since
  // taken that node away from its parent.
  if (node && open.length && d.parentNode(node) !== open[open.length - 1]) {
    const parent = open.pop();
    close(walk, parent);
    node = climb(walk, parent);
  }
  for (let n = 0; node; n++) {
    if (due && (n & 31) === 31 && due()) {
      walk.next = node;
      return false;
    }
    const type = d.nodeType(node);
    if (type === ELEMENT_NODE) {
      const ns = d.namespaceURI(node);
      const name = d.localName(node);
      let flags = ns === HTML_NS ? 0 : NS_FLAGS[ns] || OTHER_NS;
      if (layout && walk.hiddenRoot === null && !d.checkVisibility(node)) {
        flags |= HIDDEN;
        walk.hiddenRoot = node;
      }
      const attrs = d.attributes(node);
      // Checked before reading any: in Blink each attribute read looks the
      // attribute up again, so one element's cost grows with their square.
      if (attrs.length > walk.maxAttributes) throw tooLarge("maxAttributes", walk.maxAttributes);
      ops.push(OPEN, flags, attrs.length);
      addString(walk, name);
      for (let i = 0; i < attrs.length; i++) {
        addString(walk, attrs[i].name);
        addString(walk, clean(attrs[i].value));
      }
      addNode(walk, node);
      const first = d.firstChild(node);
      if (name === "noscript") {
        // With scripting on, a noscript holds its markup as text; in a
        // DOMParser document (scripting off) it holds parsed elements.
        // The core reads the text form, as html5ever gives it.
        const markup = d.firstElementChild(node) ? d.innerHTML(node) : d.textContent(node);
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
      if (walk.maxChars !== Infinity && walk.chars + d.length(node) + 1 > walk.maxChars) {
        throw tooLarge("maxChars", walk.maxChars);
      }
      addString(walk, clean(d.data(node)));
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
