// Unit tests of what each sender may ask of the background (run by
// `node --test extension/`; not shipped in the package).
import { test } from "node:test";
import assert from "node:assert/strict";
import { BLOCK_HASH, checkMessage, senderHost, senderKind } from "./validate-message.js";
import { hashBlockText } from "./block-text.js";

const self = { id: "ext", base: "chrome-extension://ext/" };
const page = { id: "ext", url: "https://news.example:8443/a?b", origin: "https://news.example:8443", tab: { id: 4, url: "https://news.example:8443/a?b" } };
const options = { id: "ext", url: "chrome-extension://ext/options.html", origin: "chrome-extension://ext", tab: { id: 2 } };
const offscreen = { id: "ext", url: "chrome-extension://ext/offscreen.html", origin: "chrome-extension://ext" };
const firefoxOptions = { id: "ext", url: "moz-extension://uuid/options.html", tab: { id: 2 } };

test("senders are told apart by the URL and origin the browser gives, not by the message", () => {
  assert.equal(senderKind(page, self), "tab");
  assert.equal(senderKind(options, self), "extension");
  assert.equal(senderKind(offscreen, self), "extension");
  assert.equal(senderKind(firefoxOptions, { id: "ext", base: "moz-extension://uuid/" }), "extension");
  assert.equal(senderKind({ ...page, id: "another" }, self), null);
  // A URL that claims the extension while the browser's origin says otherwise.
  assert.equal(senderKind({ ...options, origin: "https://news.example" }, self), null);
  assert.equal(senderKind({ id: "ext", url: "https://news.example/" }, self), null, "a web page without a tab");
});

test("a content script's host is its page's, only for web pages", () => {
  assert.equal(senderHost(page), "news.example:8443");
  assert.equal(senderHost({ url: "about:blank", tab: { url: "https://top.example/" } }), "top.example");
  assert.equal(senderHost({ url: "file:///etc/passwd" }), "");
  assert.equal(senderHost({ url: "not a url" }), "");
});

test("a content script may save the reader's display settings and nothing else", () => {
  assert.equal(checkMessage({ type: "saveSettings", patch: { theme: "dark", fontSize: 20, font: "mono", lineWidth: 70, lineHeight: 1.5 } }, page, self).ok, true);
  for (const patch of [{ auto: "off" }, { autoSites: [] }, { collapse: {} }, { theme: "dark", auto: "everywhere" }, { ["__proto__"]: 1 }, null, [], "theme"]) {
    const r = checkMessage({ type: "saveSettings", patch }, page, self);
    assert.equal(r.ok, false, JSON.stringify(patch));
    assert.ok(r.why);
  }
});

test("the extension's pages may save any setting", () => {
  assert.equal(checkMessage({ type: "saveSettings", patch: { auto: "off", autoSites: [] } }, options, self).ok, true);
});

test("a block hash must look like the ones lib/block-text.js makes", () => {
  for (const text of ["", "x", "Sponsored: buy now", "a".repeat(16 * 2 ** 20)]) assert.match(hashBlockText(text), BLOCK_HASH);
  const ok = checkMessage({ type: "alwaysShow", hash: hashBlockText("More stories") }, page, self);
  assert.deepEqual(ok, { ok: true, kind: "tab", host: "news.example:8443", incognito: false });
  for (const hash of ["a".repeat(100_000), "0123abcd:", "0123ABCD:1", "0123abcd:12345678", "0123abcd:1\n", 7, undefined]) {
    assert.equal(checkMessage({ type: "alwaysShow", hash }, page, self).ok, false, String(hash).slice(0, 20));
  }
});

test("always-show needs a web page to take the host from", () => {
  assert.equal(checkMessage({ type: "alwaysShow", hash: "0123abcd:1" }, options, self).ok, false);
  assert.equal(checkMessage({ type: "alwaysShow", hash: "0123abcd:1" }, { ...page, url: "file:///a.html", tab: { id: 1, url: "file:///a.html" } }, self).ok, false);
});

test("a private tab is reported as such", () => {
  const r = checkMessage({ type: "alwaysShow", hash: "0123abcd:1" }, { ...page, tab: { ...page.tab, incognito: true } }, self);
  assert.equal(r.incognito, true);
});

test("run and pageContext are for the extension's pages; status and ensureCore for anyone of the extension", () => {
  for (const type of ["run", "pageContext"]) {
    assert.equal(checkMessage({ type, tabId: 4, mode: "reader" }, page, self).ok, false);
    assert.equal(checkMessage({ type, tabId: 4, mode: "reader" }, offscreen, self).ok, true);
  }
  for (const type of ["status", "ensureCore", "openOptions"]) assert.equal(checkMessage({ type }, page, self).ok, true);
  assert.equal(checkMessage({ type: "status" }, { ...page, id: "other" }, self).ok, false);
});

test("the popup may run the modes it has buttons for in a tab, and nothing else", () => {
  const popup = { id: "ext", url: "chrome-extension://ext/popup/popup.html", origin: "chrome-extension://ext" };
  const firefoxPopup = { id: "ext", url: "moz-extension://uuid/popup/popup.html" };
  for (const mode of ["reader", "declutter", "auto", "page", "state"]) {
    assert.equal(checkMessage({ type: "run", tabId: 7, mode }, popup, self).ok, true, mode);
    assert.equal(checkMessage({ type: "run", tabId: 7, mode }, firefoxPopup, { id: "ext", base: "moz-extension://uuid/" }).ok, true, mode);
  }
  assert.equal(checkMessage({ type: "run", tabId: 7, mode: "eval" }, popup, self).ok, false, "an unknown mode");
  assert.equal(checkMessage({ type: "run", tabId: 7, mode: "toString" }, popup, self).ok, false, "a name every object has");
  assert.equal(checkMessage({ type: "run", tabId: "7", mode: "reader" }, popup, self).ok, false, "a tab id that is not a number");
  assert.equal(checkMessage({ type: "run", tabId: 7, mode: "reader" }, page, self).ok, false, "a content script");
  assert.equal(checkMessage({ type: "saveSettings", patch: { auto: "everywhere" } }, popup, self).ok, true, "the popup keeps the settings' rights");
});
