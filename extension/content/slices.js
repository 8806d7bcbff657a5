// Long work in the page, cut into slices: whoever does it asks `due()`
// between two steps and awaits `pause()` when it says so, which hands the
// main thread back to the page (its input, painting and scripts) for a task.

/** How long one slice may keep the page's main thread, in milliseconds. */
export const SLICE_MS = 8;

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
export function slicer(ms = SLICE_MS) {
  let deadline = performance.now() + ms;
  return {
    due: () => performance.now() >= deadline,
    async pause() {
      await nextTask();
      deadline = performance.now() + ms;
    },
  };
}
