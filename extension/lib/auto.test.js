// Unit tests of the auto-declutter registration against a fake scripting
// API that keeps the registration and a log of the calls made to it
// (run by `node --test extension/`; not shipped in the package).
import { test } from "node:test";
import assert from "node:assert/strict";

/** A fake WebExtension API: stored settings, granted origins, registered scripts, and the calls seen. */
function fakeApi({ settings, granted, tabs }) {
  const scripts = new Map();
  const calls = [];
  // Match patterns without a port match every port.
  const matching = (url, pattern) => new RegExp(`^${pattern.replace(/[.]/g, "\\.").replace(/\*/g, "[^/]*")}`).test(url.replace(/:\d+\//, "/"));
  return {
    calls,
    scripts,
    settings,
    tabs: {
      query: async ({ url }) => tabs.filter((tab) => url.some((p) => matching(tab.url, p))),
      // The content script answers the toggle (the pages here already have it).
      sendMessage: async (tabId, msg) => {
        calls.push(`run ${msg.mode} in tab ${tabId}`);
        return { mode: "declutter" };
      },
    },
    storage: { sync: { get: async () => ({ settings: fake.settings }) } },
    permissions: { contains: async ({ origins }) => origins.every((o) => granted.includes(o)) },
    scripting: {
      getRegisteredContentScripts: async ({ ids }) => ids.filter((id) => scripts.has(id)).map((id) => structuredClone(scripts.get(id))),
      registerContentScripts: async (list) => {
        calls.push("register");
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`duplicate script id ${s.id}`);
          scripts.set(s.id, structuredClone(s));
        }
      },
      updateContentScripts: async (list) => {
        calls.push("update");
        for (const s of list) scripts.set(s.id, { ...scripts.get(s.id), ...structuredClone(s) });
      },
      unregisterContentScripts: async ({ ids }) => {
        calls.push("unregister");
        for (const id of ids) scripts.delete(id);
      },
    },
  };
}

const fake = fakeApi({
  settings: { auto: "sites", autoSites: ["news.example:8080"] },
  granted: ["*://news.example/*", "*://other.example/*"],
  tabs: [
    { id: 1, url: "http://news.example:8080/story" },
    { id: 2, url: "https://elsewhere.example/" },
    { id: 3, url: "https://other.example/a" },
    { id: 4, url: "https://news.example/b", discarded: true },
  ],
});
const settled = () => new Promise((resolve) => setTimeout(resolve, 10));
globalThis.chrome = fake;
const { syncAutoDeclutter, sameRegistration } = await import("./auto.js");

test("a new registration declutters the site's open tabs, which loaded before it", async () => {
  assert.deepEqual(await syncAutoDeclutter(), ["*://news.example/*"]);
  await settled();
  assert.deepEqual(fake.calls, ["register", "run auto in tab 1"]);
});

test("a start-up sync with unchanged settings leaves the registration and the tabs alone", async () => {
  fake.calls.length = 0;
  await syncAutoDeclutter();
  await syncAutoDeclutter();
  await settled();
  // An unregister here is the window in which a tab opened at start-up got no content script.
  assert.deepEqual(fake.calls, []);
  assert.deepEqual(fake.scripts.get("declutter-auto").matches, ["*://news.example/*"]);
});

test("a changed site list updates the registration without removing it, and declutters the added site's tabs only", async () => {
  fake.calls.length = 0;
  fake.settings = { auto: "sites", autoSites: ["news.example", "other.example"] };
  assert.deepEqual(await syncAutoDeclutter(), ["*://news.example/*", "*://other.example/*"]);
  await settled();
  assert.deepEqual(fake.calls, ["update", "run auto in tab 3"]);
  assert.deepEqual(fake.scripts.get("declutter-auto").matches, ["*://news.example/*", "*://other.example/*"]);
});

test("a site without a granted permission is left out", async () => {
  fake.calls.length = 0;
  fake.settings = { auto: "sites", autoSites: ["news.example", "denied.example"] };
  assert.deepEqual(await syncAutoDeclutter(), ["*://news.example/*"]);
  await settled();
  assert.deepEqual(fake.calls, ["update"]);
});

test("turning auto-declutter off unregisters the script", async () => {
  fake.calls.length = 0;
  fake.settings = { auto: "off", autoSites: ["news.example"] };
  assert.deepEqual(await syncAutoDeclutter(), []);
  assert.deepEqual(fake.calls, ["unregister"]);
  assert.equal(fake.scripts.size, 0);
  await syncAutoDeclutter();
  assert.deepEqual(fake.calls, ["unregister"]);
});

test("sameRegistration ignores order and a leading slash, not a changed file list", () => {
  const wanted = { matches: ["*://a/*", "*://b/*"], js: ["x.js", "y.js"], runAt: "document_idle" };
  assert.ok(sameRegistration({ matches: ["*://b/*", "*://a/*"], js: ["/x.js", "/y.js"], runAt: "document_idle" }, wanted));
  assert.ok(!sameRegistration({ matches: ["*://a/*"], js: ["x.js", "y.js"], runAt: "document_idle" }, wanted));
  assert.ok(!sameRegistration({ matches: ["*://a/*", "*://b/*"], js: ["x.js"], runAt: "document_idle" }, wanted));
  assert.ok(!sameRegistration({ matches: ["*://a/*", "*://b/*"], js: ["x.js", "y.js"], runAt: "document_end" }, wanted));
});
