// At most a dozen marks on a page. Issue 14 judges marks on real pages: a
// median of at most 6 per page and never more than 15. The survey over the
// labelled wcxb pages (`node tests/browser/extension/run.mjs survey`) found
// 36, 27 and 19 marks on three listing-like pages whose article text runs
// from the top of the page to its foot, so every sidebar ad lay inside it.
// Past the budget, the marks go to the widgets that interrupt the most
// reading: the most article text on both sides of them. The others stay in
// the page-level control's list, as every hidden widget does.

/** The most marks a page gets. */
export const MAX_MARKS = 12;

/**
 * Which of `candidates` (in page order) get a mark: all of them when there
 * are at most `max`, else the `max` with the most article text on their
 * less-read side (`around(c)` gives [charsBefore, charsAfter]), back in
 * page order.
 */
export function withinBudget(candidates, around, max = MAX_MARKS) {
  if (candidates.length <= max) return candidates;
  return candidates
    .map((c, i) => {
      const [before, after] = around(c);
      return { c, i, score: Math.min(before, after) };
    })
    .sort((x, y) => y.score - x.score || x.i - y.i)
    .slice(0, max)
    .sort((x, y) => x.i - y.i)
    .map((x) => x.c);
}

/**
 * For elements in page order `content` (the article's), a function giving
 * for an element `e` the article characters before and after it; `before(a,
 * b)` tells whether `a` comes before `b`. Text lengths are read once, on
 * the first call.
 */
export function articleAround(content, before) {
  let prefix = null;
  return (e) => {
    if (!prefix) {
      prefix = [0];
      for (const c of content) prefix.push(prefix[prefix.length - 1] + (c.textContent?.length || 0));
    }
    // The number of content elements before `e` (binary search: page order).
    let lo = 0;
    let hi = content.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(content[mid], e)) lo = mid + 1;
      else hi = mid;
    }
    const total = prefix[prefix.length - 1];
    return [prefix[lo], total - prefix[lo]];
  };
}
