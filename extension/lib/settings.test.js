// Unit tests for lib/settings.js (node --test extension/).
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadSettings, saveSettings } from "./settings.js";

// storage.sync whose reads and writes each take a task, as the browser's do.
function fakeStorage() {
  let stored = {};
  const later = (value) => new Promise((resolve) => setTimeout(() => resolve(value), 1));
  return {
    sync: {
      get: (key) => later({ [key]: stored[key] }),
      set: (items) => later(void (stored = { ...stored, ...structuredClone(items) })),
    },
  };
}

test("two saves at once keep both changes", async () => {
  const storage = fakeStorage();
  await Promise.all([saveSettings(storage, { theme: "sepia" }), saveSettings(storage, { fontSize: 23 })]);
  const s = await loadSettings(storage);
  assert.equal(s.theme, "sepia");
  assert.equal(s.fontSize, 23);
});

test("a refused value does not stop the next save", async () => {
  const storage = fakeStorage();
  await saveSettings(storage, { fontSize: "not a number" }).catch(() => {});
  await saveSettings(storage, { theme: "dark" });
  assert.equal((await loadSettings(storage)).theme, "dark");
});

test("marks are off by default, saved when turned on, and a stored non-boolean falls back to off", async () => {
  const storage = fakeStorage();
  assert.equal((await loadSettings(storage)).marks, false);
  await saveSettings(storage, { marks: true });
  assert.equal((await loadSettings(storage)).marks, true);
  await storage.sync.set({ settings: { marks: "yes" } });
  const warn = console.warn;
  console.warn = () => {};
  try {
    assert.equal((await loadSettings(storage)).marks, false);
  } finally {
    console.warn = warn;
  }
});
