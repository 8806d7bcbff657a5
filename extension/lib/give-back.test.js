// Unit tests of giving host permissions back, against a fake permissions
// API that behaves like Chromium's: remove() of a pattern also takes every
// granted pattern it mightTake, and a pattern the manifest requires cannot be
// removed (run by `node --test extension/`; not shipped in the package).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mightTake, giveBackUnneeded } from "./give-back.js";
import { wantedOrigins } from "./auto.js";

function fakePermissions(granted, required = []) {
  const state = { granted: [...granted], removeCalls: [] };
  state.getAll = async () => ({ origins: [...state.granted] });
  state.remove = async ({ origins }) => {
    state.removeCalls.push(...origins);
    if (origins.some((o) => required.includes(o))) throw new Error("You cannot remove required permissions.");
    state.granted = state.granted.filter((g) => !origins.some((o) => mightTake(o, g)));
    return true;
  };
  return state;
}

const settings = (auto, autoSites) => ({ auto, autoSites });

test("narrowing the site list gives back the sites left out", async () => {
  const p = fakePermissions(["*://a.example/*", "*://b.example/*", "*://c.example/*"]);
  assert.deepEqual(await giveBackUnneeded(p, wantedOrigins(settings("sites", ["a.example"]))), ["*://b.example/*", "*://c.example/*"]);
  assert.deepEqual(p.granted, ["*://a.example/*"]);
});

test("turning auto-declutter off gives back every host permission, <all_urls> included", async () => {
  const p = fakePermissions(["<all_urls>", "*://a.example/*", "*://b.example:8080/*"]);
  await giveBackUnneeded(p, wantedOrigins(settings("off", ["a.example"])));
  assert.deepEqual(p.granted, []);
});

test("everywhere needs everything: nothing is given back", async () => {
  const p = fakePermissions(["<all_urls>", "*://a.example/*"]);
  assert.deepEqual(await giveBackUnneeded(p, wantedOrigins(settings("everywhere", []))), []);
  assert.deepEqual(p.removeCalls, []);
});

test("a wider grant that mightTake a wanted site is kept, since removing it would take the site along", async () => {
  const p = fakePermissions(["*://*.example/*", "https://*/*", "*://a.example/*", "*://z.test/*"]);
  await giveBackUnneeded(p, wantedOrigins(settings("sites", ["a.example"])));
  assert.deepEqual(p.granted, ["*://*.example/*", "https://*/*", "*://a.example/*"]);
});

test("a permission the manifest requires does not stop the others from going back", async () => {
  const p = fakePermissions(["*://127.0.0.1/*", "*://b.example/*"], ["*://127.0.0.1/*"]);
  assert.deepEqual(await giveBackUnneeded(p, []), ["*://b.example/*"]);
  assert.deepEqual(p.granted, ["*://127.0.0.1/*"]);
});

test("mightTake() knows schemes, wildcard hosts and paths, and is cautious with what it cannot read", () => {
  assert.ok(mightTake("*://*/*", "*://a.example/*"));
  assert.ok(mightTake("*://*.example/*", "*://example/*"));
  assert.ok(mightTake("*://*.example/*", "*://x.y.example/*"));
  assert.ok(!mightTake("*://*.example/*", "*://notexample/*"));
  assert.ok(mightTake("https://a.example/*", "*://a.example/*"));
  assert.ok(!mightTake("https://a.example/*", "http://a.example/*"));
  assert.ok(!mightTake("*://a.example/x/*", "*://a.example/*"));
  assert.ok(!mightTake("*://b.example/*", "*://a.example/*"));
  assert.ok(mightTake("<all_urls>", "*://a.example/*"));
  assert.ok(mightTake("weird", "*://a.example/*"));
});
