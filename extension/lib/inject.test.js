// Unit tests of running a mode in a tab (lib/inject.js) against a fake
// extension API: the toggle message first, the content script injected
// only when nobody answers it (run by `node --test extension/`; not shipped).
import { test } from "node:test";
import assert from "node:assert/strict";
import { TOGGLE } from "./protocol.js";

const NOBODY = "Could not establish connection. Receiving end does not exist.";

/** A fake API whose tab has a content script once `injected` (or from the start), and whose first `denied` injections fail for want of access. */
function fakeApi({ injected = false, denied = 0, sendError = null }) {
  const calls = [];
  return {
    calls,
    tabs: {
      sendMessage: async (tabId, msg, options) => {
        calls.push(`send ${msg.type} ${msg.mode} to tab ${tabId} frame ${options?.frameId}`);
        if (sendError) throw new Error(sendError);
        if (!injected) throw new Error(NOBODY);
        return { mode: msg.mode };
      },
    },
    scripting: {
      executeScript: async ({ target, files, func }) => {
        calls.push(`inject ${files?.join(",") ?? "a function"} into tab ${target.tabId}`);
        if (denied-- > 0) throw new Error("Cannot access contents of the page. Extension manifest must request permission to access the respective host.");
        injected = true;
        return [{ result: undefined }];
      },
    },
  };
}

// lib/api.js reads the namespace once, when it loads: each test puts its fake's parts into this one.
const chromeInUse = fakeApi({});
globalThis.chrome = chromeInUse;
const { runInTab } = await import("./inject.js");

test("a tab whose content script answers gets the toggle message only", async () => {
  Object.assign(chromeInUse, fakeApi({ injected: true }));
  assert.deepEqual(await runInTab(7, "reader", 1), { mode: "reader" });
  assert.deepEqual(chromeInUse.calls, [`send ${TOGGLE} reader to tab 7 frame 0`]);
});

test("a tab nobody answers in gets the content script bundle, then the toggle", async () => {
  Object.assign(chromeInUse, fakeApi({}));
  assert.deepEqual(await runInTab(7, "declutter", 1), { mode: "declutter" });
  assert.deepEqual(chromeInUse.calls, [`send ${TOGGLE} declutter to tab 7 frame 0`, "inject content.js into tab 7", `send ${TOGGLE} declutter to tab 7 frame 0`]);
});

test("an injection refused for want of access (activeTab not yet granted) is tried again", async () => {
  Object.assign(chromeInUse, fakeApi({ denied: 2 }));
  assert.deepEqual(await runInTab(7, "reader", 1), { mode: "reader" });
  assert.equal(chromeInUse.calls.filter((c) => c.startsWith("inject")).length, 3);
});

test("any other messaging failure is the caller's, with no injection", async () => {
  Object.assign(chromeInUse, fakeApi({ sendError: "No tab with id: 7." }));
  await assert.rejects(runInTab(7, "reader", 1), /No tab with id/);
  assert.deepEqual(chromeInUse.calls, [`send ${TOGGLE} reader to tab 7 frame 0`]);
});
