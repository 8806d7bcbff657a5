import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_MARKS, articleAround, withinBudget } from "./mark-budget.js";

test("within the budget every candidate keeps its mark", () => {
  const c = ["a", "b", "c"];
  assert.deepEqual(withinBudget(c, () => [0, 0]), c);
});

test("past the budget the marks go to the widgets in the middle of the article, in page order", () => {
  // 20 widgets spread over 20 paragraphs of 100 characters each.
  const content = Array.from({ length: 20 }, (_, i) => ({ at: i * 2, textContent: "x".repeat(100) }));
  const widgets = Array.from({ length: 20 }, (_, i) => ({ at: i * 2 + 1 }));
  const around = articleAround(content, (a, b) => a.at < b.at);
  const kept = withinBudget(widgets, around, 4);
  assert.deepEqual(
    kept.map((w) => w.at),
    [15, 17, 19, 21],
  );
  assert.equal(withinBudget(widgets, around).length, MAX_MARKS);
});

test("the article text around an element", () => {
  const content = [{ at: 0, textContent: "aaaa" }, { at: 2, textContent: "bb" }];
  const around = articleAround(content, (a, b) => a.at < b.at);
  assert.deepEqual(around({ at: 1 }), [4, 2]);
  assert.deepEqual(around({ at: 3 }), [6, 0]);
  assert.deepEqual(around({ at: -1 }), [0, 6]);
});
