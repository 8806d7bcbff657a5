// The reader's place on the page: its scroll position and focused element.
// Collapsing blocks can take the focus from an element inside a hidden block
// and move the page under the reader (scroll anchoring); turning declutter
// off puts both back, unless the reader moved in the meantime.
// A classic content script: it defines one global in the isolated world.
globalThis.DeclutterPlace ??= (() => {
  const scroll = () => ({ x: window.scrollX, y: window.scrollY });
  const same = (a, b) => a.x === b.x && a.y === b.y;

  /** Remembers the place now, before the page changes; returns {restore(putBack)}, which calls putBack() to undo the change and then puts the place back. */
  function remember() {
    const before = scroll();
    const focused = document.activeElement;
    // Where the browser left the page once the change was laid out: if the
    // page is still there at restore, the reader did not scroll.
    let settled = null;
    requestAnimationFrame(() => requestAnimationFrame(() => (settled = scroll())));
    return {
      restore(putBack) {
        const stayed = !settled || same(settled, scroll());
        const active = document.activeElement;
        const focusLost = (!active || active === document.body) && focused && focused !== document.body;
        putBack();
        if (focusLost && focused.isConnected) focused.focus({ preventScroll: true });
        if (stayed && !same(before, scroll())) window.scrollTo(before.x, before.y);
      },
    };
  }

  return { remember };
})();
