// The reader's place on the page: its scroll position and focused element.
// Collapsing blocks can take the focus from an element inside a hidden block
// and move the page under the reader (scroll anchoring); turning declutter
// off puts both back, unless the reader moved in the meantime.

// Input that scrolls, or may (a press can start dragging the scroll bar).
// Scroll events alone would not tell the reader's scrolling from the page
// moving itself as it lays out again.
const INPUT = ["wheel", "touchmove", "mousedown", "keydown"];
const SCROLL_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Home", "End", " "]);
const LISTEN = { capture: true, passive: true };

/** Remembers the place now, before the page changes; returns {restore(putBack)}, which awaits putBack() to undo the change and then puts the place back. */
export function remember() {
  const before = { x: window.scrollX, y: window.scrollY };
  const focused = document.activeElement;
  let moved = false;
  const onInput = (e) => {
    if (e.type !== "keydown" || SCROLL_KEYS.has(e.key)) moved = true;
  };
  for (const type of INPUT) window.addEventListener(type, onInput, LISTEN);
  return {
    async restore(putBack) {
      for (const type of INPUT) window.removeEventListener(type, onInput, LISTEN);
      const active = document.activeElement;
      const focusLost = (!active || active === document.body) && focused && focused !== document.body;
      await putBack();
      if (focusLost && focused.isConnected) focused.focus({ preventScroll: true });
      if (!moved && (window.scrollX !== before.x || window.scrollY !== before.y)) window.scrollTo(before.x, before.y);
    },
  };
}
