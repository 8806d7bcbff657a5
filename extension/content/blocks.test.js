// Unit tests of the words people see for hidden blocks (run by
// `node --test extension/`; not shipped in the package).
import { test } from "node:test";
import assert from "node:assert/strict";
import { fakeI18n } from "../lib/fake-i18n.test.js";

// The content script's words come from the browser's i18n API: English here.
globalThis.chrome = { i18n: fakeI18n() };
const { labelOf, labelText, whyOf, whyText, widgetLabel } = await import("./blocks.js");

test("the engine's label is used when there is one", () => {
  assert.equal(labelOf({ kind: "promo", label: "Share buttons" }), "Share buttons");
  assert.equal(labelOf({ kind: "related", label: "  Most read " }), "Most read");
});

test("without the engine's label, the fallback never claims advertising", () => {
  for (const kind of ["promo", "related", "boilerplate", "unknown"]) {
    const label = labelOf({ kind });
    assert.ok(label && !/sponsor|advert/i.test(label), `${kind}: ${label}`);
  }
  assert.equal(labelOf({ kind: "promo", label: "" }), "Promotion");
  assert.equal(labelOf({ kind: "related" }), "Related links");
});

test("reasons are the engine's sentences, never codes or confidences", () => {
  const block = { kind: "promo", confidence: 0.8, reasons: [{ code: "promo-class", detail: "class/id '-share'" }], why: ["Labelled 'Advertisement'."] };
  assert.deepEqual(whyOf(block), ["Labelled 'Advertisement'."]);
  const bare = whyOf({ kind: "related", confidence: 0.8, reasons: [{ code: "link-density", detail: "0.9" }] }, 6);
  assert.deepEqual(bare, ["6 links to other pages."]);
  assert.ok(!bare.join(" ").match(/%|confidence|link-density|0\.9/));
});

test("neighbouring blocks hidden as one widget get one label", () => {
  assert.equal(widgetLabel(["Share buttons", "Share buttons"]), "Share buttons");
  assert.equal(widgetLabel(["Share buttons", "Most read"]), "Most read and Share buttons");
  assert.equal(widgetLabel(["Most read", "Share buttons", "Most read"]), "Most read and Share buttons");
  assert.equal(widgetLabel(["C", "B", "A"]), "A, B and more");
});

test("labels are shown in the browser's language, each engine label by a message of its own", () => {
  assert.equal(labelText("Newsletter sign-up"), "Newsletter sign-up");
  assert.equal(labelText("Previous or next article"), "Previous or next article");
  // A label the extension has no message for is shown as the engine wrote it.
  assert.equal(labelText("Something new"), "Something new");
});

test("every label the engine gives has a message", async () => {
  const { readFile } = await import("node:fs/promises");
  const { LABEL_MESSAGES } = await import("./blocks.js");
  const model = await readFile(new URL("../../src/model.rs", import.meta.url), "utf8");
  const labels = [...model.matchAll(/Label::\w+ => "([^"]+)"/g)].map((m) => m[1]).filter((l) => l !== "Article");
  assert.ok(labels.length >= 25, `${labels.length} labels in src/model.rs`);
  assert.deepEqual(labels.filter((l) => !Object.hasOwn(LABEL_MESSAGES, l)), []);
});

// A block as the engine gives it: its reasons in English and as messages.
const withReasons = (pairs) => ({ kind: "promo", why: pairs.map(([english]) => english), whyMessages: pairs.map(([, message]) => message) });

test("the engine's reasons are said by the extension's messages, quoting the page as it wrote it", () => {
  const block = withReasons([
    ["labelled 'Anzeige'", { id: "labelled", args: ["Anzeige"] }],
    ["6 links to other stories on this site", { id: "links_here_stories", args: [6] }],
    ["a link to another site", { id: "links_away", args: [1] }],
    ["12 links to other stories, 2 of them on this site", { id: "links_some_here_stories", args: [12, 2] }],
  ]);
  assert.deepEqual(whyOf(block), ["labelled “Anzeige”", "6 links to other stories on this site", "a link to another site", "12 links to other stories, 2 of them on this site"]);
  // In German, the browser's language.
  globalThis.chrome.i18n = fakeI18n("de");
  try {
    assert.deepEqual(whyOf(block), [
      "als „Anzeige“ gekennzeichnet",
      "6 Links zu anderen Artikeln dieser Website",
      "ein Link zu einer anderen Website",
      "12 Links zu anderen Artikeln, 2 davon auf dieser Website",
    ]);
  } finally {
    globalThis.chrome.i18n = fakeI18n();
  }
});

test("a reason the extension has no message for is the engine's English; a malformed one too, never its id", () => {
  const block = withReasons([
    ["a brand-new reason", { id: "brand_new_reason", args: [] }],
    ["labelled 'Ad'", { id: "labelled", args: [{ not: "text" }] }],
    ["a sidebar", { id: "Landmark Sidebar!", args: [] }],
  ]);
  assert.deepEqual(whyOf(block), ["a brand-new reason", "labelled 'Ad'", "a sidebar"]);
  assert.equal(whyText({ id: "brand_new_reason", args: [] }), "");
  // An older engine: sentences only.
  assert.deepEqual(whyOf({ kind: "promo", why: ["says 'Subscribe'"] }), ["says 'Subscribe'"]);
});
