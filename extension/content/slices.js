// Long work in the page, cut into slices: whoever does it asks `due()`
// between two steps and awaits `pause()` when it says so, which hands the
// main thread back to the page (its input, painting and scripts) for a task.
// A classic content script: it defines one global in the isolated world.
globalThis.DeclutterSlices ??= (() => {
  /** How long one slice may keep the page's main thread, in milliseconds. */
  const SLICE_MS = 8;

  // A task of its own behind whatever the page has queued: a message to
  // ourselves (unlike setTimeout, not clamped to 4 ms when repeated).
  function nextTask() {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }

  /** A slicer: `due()` says whether the current slice is used up; `pause()` yields and starts the next one. */
  function slicer(ms = SLICE_MS) {
    let deadline = performance.now() + ms;
    return {
      due: () => performance.now() >= deadline,
      async pause() {
        await nextTask();
        deadline = performance.now() + ms;
      },
    };
  }

  // `text` cut into pieces of at most `size` UTF-16 units, never between
  // the two halves of a surrogate pair (Chrome's JSON would turn each half
  // into U+FFFD); lib/analysis-port.js cuts the same way.
  function pieces(text, size) {
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

  return { SLICE_MS, slicer, pieces };
})();
