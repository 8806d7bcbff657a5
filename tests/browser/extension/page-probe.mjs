// The must-not-break check's eyes inside a page: it records the DOM before
// the extension is toggled, watches which parts the page's own scripts
// change by themselves, sets a scroll position and a focused element, and
// tells afterwards whether the DOM, the scroll and the focus came back.
//
// `installProbe` is sent to the page as source text and defines
// `globalThis.__mnbProbe`: in Chromium inside a world of the test's own (the
// page cannot tamper with it), in Firefox in the page's world.

/**
 * Runs in the page: defines `globalThis.__mnbProbe` = {begin(), phase(name),
 * compare(), focusAndScroll(), exercise(), replace(), place()}. Every property the walk reads goes
 * through the prototypes' own getters, so markup that clobbers DOM
 * properties (`<form><input name=attributes>`) cannot mislead it.
 */
export function installProbe() {
  if (globalThis.__mnbProbe) return;
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

  // The DOM as it is now: per node its attributes or text and its children.
  function capture() {
    const nodes = new Map();
    const visit = (node) => {
      const type = nodeType(node);
      if (type === ELEMENT) {
        const attrs = Array.from(attributesOf(node), (a) => [attrName(a), attrValue(a)]);
        const kids = Array.from(childNodes(node));
        nodes.set(node, { name: localName(node), attrs, kids });
        for (const k of kids) visit(k);
      } else if (CHARACTER_DATA.has(type)) nodes.set(node, { type, data: dataOf(node) });
    };
    const root = document.documentElement;
    visit(root);
    return { root, nodes };
  }

  const esc = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

  // Serializes `node` as `side` holds it. Where the page changed something
  // by itself during the control phase, that part is left out of both
  // sides: an attribute it set, a text it rewrote, and under an element
  // whose children it changed, the children that are not there in both.
  function serialize(node, side, other, mask, out) {
    const info = side.nodes.get(node);
    if (!info) return;
    if (info.type) {
      const data = mask.text.has(node) ? "(changed by the page)" : esc(info.data);
      out.push(info.type === 8 ? `<!--${data}-->` : data);
      return;
    }
    const skip = mask.attrs.get(node);
    out.push(`<${info.name}`);
    for (const [n, v] of info.attrs) if (!skip?.has(n)) out.push(` ${n}="${esc(v)}"`);
    out.push(">");
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

  globalThis.__mnbProbe = {
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
    /**
     * Whether the DOM now serializes as it did at begin(), leaving out what
     * the page changed by itself in the control phase; with the first
     * difference and the page's own change counts.
     */
    compare() {
      const now = capture();
      const records = { control: changed.control.records, toggles: changed.toggles.records };
      if (now.root !== before.root) return { same: false, diff: "the page replaced its document element", records };
      const mask = changed.control;
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
      saved = { x: window.scrollX, y: window.scrollY, focused };
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
      if (saved.focused && document.activeElement !== saved.focused) saved.focused.focus({ preventScroll: true });
    },
    /** Whether the scroll position and the focus set by focusAndScroll() are as they were. */
    place() {
      const active = document.activeElement;
      return {
        x: window.scrollX,
        y: window.scrollY,
        scrollKept: window.scrollX === saved.x && window.scrollY === saved.y,
        focusKept: !saved.focused || active === saved.focused,
        active: describe(active),
      };
    },
  };
}
