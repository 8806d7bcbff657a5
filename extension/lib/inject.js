// Runs a mode (reader / declutter) in a tab: the background sends the
// content script a toggle message, with the time of the click so the page
// can report how long the reader took to appear; when nobody answers, the
// content script is injected first (on first use in the tab).
import { api } from "./api.js";
import { CONTENT_SCRIPT } from "./content-files.js";
import { TOGGLE } from "./protocol.js";

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

// The error both browsers give when no content script of this extension
// listens in the tab.
const NOBODY = /Receiving end does not exist/i;

/** Toggles `mode` ("reader", "declutter" or "auto") in the tab's top frame; resolves to the content script's answer. */
export async function runInTab(tabId, mode, clickTime = Date.now()) {
  const toggle = () => api.tabs.sendMessage(tabId, { type: TOGGLE, mode, clickTime }, { frameId: 0 });
  try {
    return await toggle();
  } catch (e) {
    if (!NOBODY.test(e?.message || "")) throw e;
  }
  await withAccessRetry(() => api.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] }));
  return toggle();
}
