// background.js against a fake extension API: what a content script may
// ask of it, judged by the sender the browser fills in (issue 16), and
// what a private tab leaves behind. The wasm package is replaced by a stub
// (it is only copied beside the extension when packaging); nothing here
// analyses a page. Run by `node --test extension/`; not shipped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { register } from "node:module";
import { fakeI18n } from "./lib/fake-i18n.test.js";

// ../pkg/declutter.js exists only in the packaged extension: a stub stands in.
const stub = "export default async function init() {} export function warmUp() {} export function analyzeSnapshot() { throw new Error('stub'); }";
const hooks = `export async function resolve(specifier, context, next) {
  if (specifier.endsWith("/pkg/declutter.js")) return { url: "data:text/javascript,${encodeURIComponent(stub)}", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const ID = "declutterextensionid";
const BASE = `chrome-extension://${ID}/`;

/** A storage area kept in a Map, with a log of the keys written. */
function area() {
  const data = new Map();
  const writes = [];
  return {
    data,
    writes,
    get: async (keys) => {
      if (keys === null) return Object.fromEntries(data);
      const list = typeof keys === "string" ? [keys] : keys;
      return Object.fromEntries(list.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) {
        writes.push(k);
        data.set(k, structuredClone(v));
      }
    },
    remove: async (keys) => {
      for (const k of [keys].flat()) data.delete(k);
    },
  };
}

const event = () => {
  const listeners = [];
  return { listeners, addListener: (f) => listeners.push(f) };
};

const calls = [];
const fake = {
  i18n: fakeI18n(),
  runtime: {
    id: ID,
    getURL: (path) => BASE + path,
    onMessage: event(),
    onInstalled: event(),
    onStartup: event(),
    onConnect: event(),
    getContexts: async () => [{ contextType: "OFFSCREEN_DOCUMENT" }],
    openOptionsPage: async () => calls.push("openOptionsPage"),
  },
  offscreen: { createDocument: async () => calls.push("createDocument") },
  action: {
    onClicked: event(),
    setTitle: async ({ title }) => calls.push(`title ${title}`),
    setBadgeText: async () => {},
    setBadgeBackgroundColor: async () => {},
  },
  commands: { onCommand: event() },
  contextMenus: { onClicked: event(), removeAll: async () => {}, create: () => {} },
  storage: { sync: area(), local: area(), session: area(), onChanged: event() },
  permissions: {
    onAdded: event(),
    onRemoved: event(),
    request: async ({ origins }) => (calls.push(`request ${origins}`), true),
    contains: async () => true,
    getAll: async () => ({ origins: [] }),
    remove: async () => true,
  },
  windows: { onRemoved: event(), getAll: async () => fake.openWindows },
  openWindows: [],
  // Either way of reaching the content script: a toggle message, or a function run in the page.
  tabs: { query: async () => [], sendMessage: async (tabId, msg) => (calls.push(`run ${msg.mode} in tab ${tabId}`), { mode: msg.mode }) },
  scripting: {
    executeScript: async ({ target, args }) => (calls.push(`run ${args?.[0]} in tab ${target.tabId}`), [{ result: { mode: "declutter" } }]),
    getRegisteredContentScripts: async () => [],
    registerContentScripts: async () => {},
    updateContentScripts: async () => {},
    unregisterContentScripts: async () => {},
  },
};
globalThis.chrome = fake;
await import("./background.js");

/** Sends `msg` from `sender` through the background's message listener; resolves to its reply. */
function send(msg, sender) {
  return new Promise((resolve) => {
    const [listener] = fake.runtime.onMessage.listeners;
    const async = listener(msg, { id: ID, ...sender }, resolve);
    if (!async) setTimeout(() => resolve(undefined), 50);
  });
}

const PAGE = "https://news.example/story";
const contentScript = { url: PAGE, origin: "https://news.example", tab: { id: 7, url: PAGE, incognito: false }, frameId: 0 };
const privateScript = { ...contentScript, tab: { ...contentScript.tab, incognito: true } };
const optionsPage = { url: `${BASE}options.html`, origin: BASE.slice(0, -1), tab: { id: 3, url: `${BASE}options.html` } };
const stored = async () => (await fake.storage.sync.get("settings")).settings;
/** Waits (up to a second) for `cond()`: a menu click's handler is not awaited by its listener. */
const until = async (cond) => {
  for (let i = 0; i < 100 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 10));
};
const quietly = async (f) => {
  const warn = console.warn;
  const warnings = [];
  console.warn = (...a) => warnings.push(a.join(" "));
  try {
    return { value: await f(), warnings };
  } finally {
    console.warn = warn;
  }
};

test("a content script cannot change settings beyond the reader's display, and is told why", async () => {
  await fake.storage.sync.set({ settings: { auto: "sites", autoSites: ["other.example"] } });
  for (const patch of [{ auto: "off" }, { autoSites: [] }, { collapse: { promo: false } }, { theme: "dark", auto: "everywhere" }]) {
    const { value: reply, warnings } = await quietly(() => send({ type: "saveSettings", patch }, contentScript));
    assert.equal(reply?.ok, false, `patch ${JSON.stringify(patch)} was accepted`);
    assert.match(warnings.join("\n"), /Declutter: refused saveSettings/);
  }
  const after = await stored();
  assert.equal(after.auto, "sites");
  assert.deepEqual(after.autoSites, ["other.example"]);
  assert.equal(after.theme ?? "system", "system");
});

test("a content script may still change the reader's display settings", async () => {
  const reply = await send({ type: "saveSettings", patch: { theme: "sepia", fontSize: 23 } }, contentScript);
  assert.equal(reply?.ok, true, reply?.error);
  assert.equal((await stored()).theme, "sepia");
  assert.equal((await stored()).fontSize, 23);
});

test("the extension's own pages keep full rights over the settings", async () => {
  const reply = await send({ type: "saveSettings", patch: { auto: "off", autoSites: [] } }, optionsPage);
  assert.equal(reply?.ok, true, reply?.error);
  assert.equal((await stored()).auto, "off");
});

test("a block hash that is not one is refused and not stored", async () => {
  for (const hash of ["a".repeat(100_000), "0123abcd:zz:extra", "", 42]) {
    const { value: reply } = await quietly(() => send({ type: "alwaysShow", hash }, contentScript));
    assert.equal(reply?.ok, false, `hash of ${String(hash).length} characters was accepted`);
  }
  assert.deepEqual([...fake.storage.local.data.keys()], []);
});

test("a real block hash is remembered for the sender's own host, whatever the message says", async () => {
  const reply = await send({ type: "alwaysShow", hash: "0badf00d:1k", host: "elsewhere.example" }, contentScript);
  assert.equal(reply?.ok, true, reply?.error);
  assert.deepEqual([...fake.storage.local.data.keys()], ["alwaysShow:news.example"]);
  assert.deepEqual(fake.storage.local.data.get("alwaysShow:news.example"), ["0badf00d:1k"]);
});

test("a block shown in a private tab is kept for the session only, until the last private window closes", async () => {
  fake.storage.local.writes.length = 0;
  const reply = await send({ type: "alwaysShow", hash: "12345678:9" }, { ...privateScript, url: "https://private.example/a", tab: { ...privateScript.tab, url: "https://private.example/a" } });
  assert.equal(reply?.ok, true, reply?.error);
  assert.deepEqual(fake.storage.local.writes, [], "a private tab's host was written to disk");
  assert.deepEqual(fake.storage.session.data.get("alwaysShow:private.example"), ["12345678:9"]);
  fake.openWindows = [{ id: 1, incognito: false }, { id: 2, incognito: true }];
  await Promise.all(fake.windows.onRemoved.listeners.map((f) => f(3)));
  assert.ok(fake.storage.session.data.has("alwaysShow:private.example"), "forgotten while a private window is open");
  fake.openWindows = [{ id: 1, incognito: false }];
  await Promise.all(fake.windows.onRemoved.listeners.map((f) => f(2)));
  assert.ok(!fake.storage.session.data.has("alwaysShow:private.example"), "kept after the last private window closed");
});

test("run and pageContext are refused from a content script", async () => {
  for (const type of ["run", "pageContext"]) {
    const { value: reply } = await quietly(() => send({ type, mode: "reader", tabId: 1, host: "news.example" }, contentScript));
    assert.equal(reply?.ok, false, `${type} was accepted`);
  }
});

test("\"Always declutter this site\" from a private tab declutters the page, stores, syncs and asks for nothing", async () => {
  calls.length = 0;
  fake.storage.sync.writes.length = 0;
  const [listener] = fake.contextMenus.onClicked.listeners;
  await listener({ menuItemId: "declutter-always-site", pageUrl: "https://private.example/a" }, { id: 9, url: "https://private.example/a", incognito: true });
  await until(() => calls.some((c) => c.startsWith("title") || c.startsWith("request")) && calls.some((c) => c.startsWith("run")));
  assert.deepEqual(fake.storage.sync.writes, [], "the private tab's site was saved to synced settings");
  assert.ok(!calls.some((c) => c.startsWith("request")), `a permission was asked for: ${calls}`);
  assert.ok(calls.includes("run declutter in tab 9"), `the page was not decluttered: ${calls}`);
});

test("\"Always declutter this site\" from an ordinary tab still saves the site", async () => {
  calls.length = 0;
  const [listener] = fake.contextMenus.onClicked.listeners;
  await listener({ menuItemId: "declutter-always-site", pageUrl: "https://news.example/story" }, { id: 7, url: PAGE, incognito: false });
  await until(async () => (await stored()).autoSites.length > 0);
  assert.ok(calls.includes("request *://news.example/*"), String(calls));
  assert.deepEqual((await stored()).autoSites, ["news.example"]);
});
