// The must-not-break check's eyes inside a page: it records the DOM before
// the extension is toggled, watches which parts the page's own scripts
// change by themselves, sets a scroll position and a focused element, and
// tells afterwards whether the DOM, the scroll and the focus came back.
//
// `installProbe` is sent to the page as source text and defines
// `window.__mnbProbe`: in Chromium inside a world of the test's own (the
// page cannot tamper with it), in Firefox in the page's world.

/**
 * Runs in the page: defines `window.__mnbProbe` = {begin(), phase(name),
 * changes(), compare(excused), focusAndScroll(), exercise(), replace(),
 * place()}. Every property the walk reads goes through the prototypes' own
 * getters, so markup that clobbers DOM properties (`<form><input
 * name=attributes>`) cannot mislead it.
 */
export function installProbe() {
  if (window.__mnbProbe) return;
  const getter = (proto, name) => {
    const get = Object.getOwnPropertyDescriptor(proto, name).get;
    return (node) => get.call(node);
  };
  const nodeType = getter(Node.prototype, "nodeType");
  const childNodes = getter(Node.prototype, "childNodes");
  const attributesOf = getter(Element.prototype, "attributes");
  const localName = getter(Element.prototype, "localName");
  const dataOf = getter(CharacterData.prototype, "data");
  const attrName = getter(Attr.prototype, "name");
  const attrValue = getter(Attr.prototype, "value");
  const ELEMENT = 1;
  const CHARACTER_DATA = new Set([3, 4, 7, 8]);

  // What the page changed by itself, per phase: "control" (before any
  // toggle, so only the page can have done it) and "toggles".
  const sites = () => ({ attrs: new Map(), text: new Set(), children: new Set(), records: 0 });
  let changed = { control: sites(), toggles: sites() };
  let phase = "control";
  let before = null;
  let saved = null;
  const tally = (records) => {
    const s = changed[phase];
    for (const r of records) {
      s.records++;
      if (r.type === "attributes") {
        if (!s.attrs.has(r.target)) s.attrs.set(r.target, new Set());
        s.attrs.get(r.target).add(r.attributeName);
      } else if (r.type === "characterData") s.text.add(r.target);
      else s.children.add(r.target);
    }
  };
  const observer = new MutationObserver(tally);

  // The DOM as it is now: per node its attributes or text, its children
  // and its path (child indexes from the root, the same in a fresh load of
  // the same page, so changes seen in one load can be named in another).
  function capture() {
    const nodes = new Map();
    const byPath = new Map();
    const visit = (node, path) => {
      const type = nodeType(node);
      if (type === ELEMENT) {
        const attrs = Array.from(attributesOf(node), (a) => [attrName(a), attrValue(a)]);
        const kids = Array.from(childNodes(node));
        nodes.set(node, { name: localName(node), attrs, kids, path });
        kids.forEach((k, i) => visit(k, `${path}/${i}`));
      } else if (CHARACTER_DATA.has(type)) nodes.set(node, { type, data: dataOf(node), path });
      byPath.set(path, node);
    };
    const root = document.documentElement;
    visit(root, "");
    return { root, nodes, byPath };
  }

  const parentOf = getter(Node.prototype, "parentNode");
  // A node's path in the DOM as it is now (for one the page added since begin()).
  function livePath(node) {
    const steps = [];
    for (let n = node; n !== before.root; n = parentOf(n)) {
      const parent = parentOf(n);
      if (!parent) return undefined;
      steps.push(Array.prototype.indexOf.call(childNodes(parent), n));
    }
    return steps.reverse().map((i) => `/${i}`).join("");
  }

  // The sites in `list` (of tallies), named by path in the recorded DOM, or
  // in the DOM as it is now for nodes the page added.
  function pathsOf(list) {
    const out = { attrs: [], text: [], children: [] };
    const path = (node) => before.nodes.get(node)?.path ?? livePath(node);
    for (const s of list) {
      for (const [node, names] of s.attrs) if (path(node) !== undefined) for (const n of names) out.attrs.push([path(node), n]);
      for (const node of s.text) if (path(node) !== undefined) out.text.push(path(node));
      for (const node of s.children) if (path(node) !== undefined) out.children.push(path(node));
    }
    return out;
  }

  // The control phase's sites, plus `extra` ones named by path. An element
  // whose children the page changed in another load is left out whole (it
  // may have rebuilt it with other nodes), unless it is the root, the head
  // or the body: those keep only their children that are there in both.
  function maskWith(extra) {
    const mask = { attrs: new Map(changed.control.attrs), text: new Set(changed.control.text), children: new Set(changed.control.children), subtrees: new Set() };
    if (!extra) return mask;
    const at = (path) => before.byPath.get(path);
    for (const [path, name] of extra.attrs) {
      const node = at(path);
      if (node) mask.attrs.set(node, new Set([...(mask.attrs.get(node) || []), name]));
    }
    for (const path of extra.text) if (at(path)) mask.text.add(at(path));
    for (const path of extra.children) {
      const node = at(path);
      if (!node) continue;
      if (node === before.root || node === document.head || node === document.body) mask.children.add(node);
      else mask.subtrees.add(node);
    }
    return mask;
  }

  const esc = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

  // Serializes `node` as `side` holds it. Where the page changed something
  // by itself (`mask`), that part is left out of both sides: an attribute
  // it set, a text it rewrote, under an element whose children it changed
  // the children that are not there in both, and whole subtrees it rebuilt.
  function serialize(node, side, other, mask, out) {
    const info = side.nodes.get(node);
    if (!info) return;
    if (info.type) {
      const data = mask.text.has(node) ? "(changed by the page)" : esc(info.data);
      out.push(info.type === 8 ? `<!--${data}-->` : data);
      return;
    }
    const skip = mask.attrs.get(node);
    // Attributes: only the extension's own (data-declutter*) are compared,
    // on every element. The extension writes nothing else on page elements
    // (extension/content-writes.test.js holds it to that), while a page
    // reacts to the layout its collapse changes in ways an untoggled load
    // never shows: a lazy loader swaps an image's placeholder once
    // collapsing brings it into view (Firefox, focus.de.leasen; CI,
    // Chromium: greator.com, nytimes-4, each loader touching other
    // attributes), and a Wix menu re-measured after a resize set
    // tabindex="-1" on a label (CI, Chromium: strive-magazin.de.dating).
    // Children and text stay compared in full.
    out.push(`<${info.name}`);
    for (const [n, v] of info.attrs) if (!skip?.has(n) && n.startsWith("data-declutter")) out.push(` ${n}="${esc(v)}"`);
    out.push(">");
    if (mask.subtrees?.has(node)) {
      out.push(`(changed by the page)</${info.name}>`);
      return;
    }
    let kids = info.kids;
    if (mask.children.has(node)) {
      const theirs = new Set(other.nodes.get(node)?.kids || []);
      kids = kids.filter((k) => theirs.has(k));
    }
    for (const k of kids) serialize(k, side, other, mask, out);
    out.push(`</${info.name}>`);
  }

  function firstDifference(a, b) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 60), i + 80))} became ${JSON.stringify(b.slice(Math.max(0, i - 60), i + 80))}`;
  }

  const describe = (el) => {
    if (!el || nodeType(el) !== ELEMENT) return String(el);
    const id = el.getAttribute("id");
    const text = (el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 30);
    return `<${localName(el)}${id ? `#${id}` : ""}>${text}`;
  };

  const FOCUSABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

  window.__mnbProbe = {
    /** Records the DOM and starts watching the page's own changes (the control phase). */
    begin() {
      changed = { control: sites(), toggles: sites() };
      phase = "control";
      observer.disconnect();
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      before = capture();
    },
    /** From now on, changes go to `name`'s tally ("control" or "toggles"). */
    phase(name) {
      tally(observer.takeRecords());
      phase = name;
    },
    /** Everything that changed since begin(), named by path, for a later load's compare(). */
    changes() {
      tally(observer.takeRecords());
      return pathsOf([changed.control, changed.toggles]);
    },
    /**
     * Whether the DOM now serializes as it did at begin(), leaving out what
     * the page changed by itself in the control phase and the `excused`
     * sites (from changes() in a load that was not toggled); with the first
     * difference and the page's own change counts.
     */
    compare(excused = null) {
      const now = capture();
      const records = { control: changed.control.records, toggles: changed.toggles.records };
      if (now.root !== before.root) return { same: false, diff: "the page replaced its document element", records };
      const mask = maskWith(excused);
      const a = [];
      const b = [];
      serialize(before.root, before, now, mask, a);
      serialize(now.root, now, before, mask, b);
      const sa = a.join("");
      const sb = b.join("");
      const masked = mask.attrs.size + mask.text.size + mask.children.size;
      return { same: sa === sb, diff: sa === sb ? "" : firstDifference(sa, sb), records, masked, length: sa.length };
    },
    /**
     * Scrolls a way down the page and focuses a focusable element, the first
     * in view if any; returns where and what.
     */
    focusAndScroll() {
      const se = document.scrollingElement || document.documentElement;
      const room = se.scrollHeight - window.innerHeight;
      window.scrollTo(0, Math.max(0, Math.min(Math.round(room * 0.4), 4000)));
      const all = Array.from(document.querySelectorAll(FOCUSABLE)).filter((e) => e.checkVisibility?.() ?? true);
      const inView = all.filter((e) => {
        const r = e.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.width > 0 && r.height > 0;
      });
      let focused = null;
      for (const e of [...inView, ...all].slice(0, 60)) {
        e.focus({ preventScroll: true });
        if (document.activeElement === e) {
          focused = e;
          break;
        }
      }
      // What is in view: the element under the top middle of the viewport.
      const anchor = document.elementFromPoint(window.innerWidth / 2, Math.min(40, window.innerHeight / 4));
      saved = { x: window.scrollX, y: window.scrollY, focused, anchor, anchorTop: anchor?.getBoundingClientRect().top };
      return { x: saved.x, y: saved.y, focused: focused ? describe(focused) : null };
    },
    /**
     * Does to the page, without the extension, what the toggles do to it as
     * events: the focused element loses the focus and gets it back, the
     * page scrolls and comes back, the window "resizes". What the page's
     * own handlers change then is the page's doing, recorded in the
     * current phase.
     */
    async exercise() {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      saved.focused?.blur();
      await frame();
      saved.focused?.focus({ preventScroll: true });
      window.scrollTo(saved.x, saved.y > 0 ? saved.y - 1 : saved.y + 1);
      await frame();
      window.scrollTo(saved.x, saved.y);
      window.dispatchEvent(new Event("resize"));
      await frame();
    },
    /** Goes back to the scroll position and focus set by focusAndScroll(), so each mode is judged on its own. */
    replace() {
      window.scrollTo(saved.x, saved.y);
      if (saved.anchor) saved.anchorTop = saved.anchor.getBoundingClientRect().top;
      if (saved.focused && document.activeElement !== saved.focused) saved.focused.focus({ preventScroll: true });
    },
    /** Whether the scroll position and the focus set by focusAndScroll() are as they were. */
    place() {
      const active = document.activeElement;
      // Kept: the same offset (Firefox scrolls by fractions of a pixel; less
      // than one is not a move), or the same content in view where the page
      // laid itself out again and the browser's scroll anchoring held it.
      const offset = Math.abs(window.scrollX - saved.x) < 1 && Math.abs(window.scrollY - saved.y) < 1;
      const anchored = !!saved.anchor?.isConnected && Math.abs(saved.anchor.getBoundingClientRect().top - saved.anchorTop) < 2;
      return {
        x: window.scrollX,
        y: window.scrollY,
        scrollKept: offset || anchored,
        focusKept: !saved.focused || active === saved.focused,
        active: describe(active),
      };
    },
  };
}
