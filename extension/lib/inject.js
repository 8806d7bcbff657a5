// Runs a mode (reader / declutter) in a tab: the content script is injected
// on first use only, then its toggle is called with the time of the click
// so the page can report how long the reader took to appear.
import { api } from "./api.js";
import { CONTENT_FILES } from "./content-files.js";

function toggle(mode, clickTime) {
  const page = globalThis.declutterPage;
  return page ? page.toggle(mode, clickTime) : "not-injected";
}

// Chromium can deliver the click before the tab's activeTab grant has
// reached the page's process; the first injection then fails with an
// access error that a moment later does not recur.
const RETRIES = [30, 100, 300, 600, 1000];

async function withAccessRetry(inject) {
  for (let i = 0; ; i++) {
    try {
      return await inject();
    } catch (e) {
      if (i >= RETRIES.length || !/Cannot access|permission/i.test(e?.message || "")) throw e;
      await new Promise((resolve) => setTimeout(resolve, RETRIES[i]));
    }
  }
}

/** Toggles `mode` ("reader" or "declutter") in the tab's top frame; resolves to the content script's answer. */
export async function runInTab(tabId, mode, clickTime = Date.now()) {
  const call = () => api.scripting.executeScript({ target: { tabId }, func: toggle, args: [mode, clickTime] });
  let [first] = await withAccessRetry(call);
  if (first?.result === "not-injected") {
    await api.scripting.executeScript({ target: { tabId }, files: CONTENT_FILES });
    [first] = await call();
  }
  return first?.result;
}
