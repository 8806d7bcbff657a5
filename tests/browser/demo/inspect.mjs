// What the demo test reads from a browser: one self-contained function, run
// inside the demo page by Playwright (page.evaluate) and by Selenium
// (executeScript), so both browsers are judged on the same facts.

/**
 * Runs in the demo page after it has analysed the seed page. `labels` is
 * {promo, related, all}: snippet texts, and every labelled {kind, text} of
 * the seed page. Returns plain data for the test to judge; leaves the demo
 * as it found it, scrolled to the sponsored copy for the screenshot.
 */
export function inspectDemo(labels) {
  const state = document.documentElement.dataset.state;
  const status = document.getElementById("status").textContent;
  if (state !== "ready") return { state, status };
  const norm = (s) => s.replace(/\s+/g, " ").trim();
  const page = document.getElementById("page").contentDocument;
  const reader = document.getElementById("reader").contentDocument;
  const legendColour = (kind) => {
    const swatch = document.querySelector(`#legend li[data-kind="${kind}"] b`);
    return swatch ? getComputedStyle(swatch).backgroundColor : "no swatch";
  };

  // The deepest element of the page whose text holds `text`.
  const holder = (text) => {
    const want = norm(text);
    let el = page.body;
    if (!norm(el.textContent).includes(want)) return null;
    for (;;) {
      const child = [...el.children].find((c) => norm(c.textContent).includes(want));
      if (!child) return el;
      el = child;
    }
  };
  const markOf = (el) => el?.closest("[data-declutter-kind]") || null;
  const describe = (text, want, group) => {
    const el = holder(text);
    const mark = markOf(el);
    return {
      text,
      want,
      group,
      kind: el ? mark?.getAttribute("data-declutter-kind") || "unmarked" : "not found",
      outline: mark ? `${getComputedStyle(mark).outlineStyle} ${getComputedStyle(mark).outlineColor}` : "none",
      wantOutline: `solid ${legendColour(want)}`,
    };
  };

  const grouped = new Set([...labels.promo, ...labels.related]);
  const snippets = [
    ...labels.promo.map((t) => describe(t, "promo", "jase")),
    ...labels.related.map((t) => describe(t, "related", "related-list")),
    ...labels.all.filter((l) => !grouped.has(l.text)).map((l) => describe(l.text, l.kind, null)),
  ];

  // The list under "More related stories:": the first list after the heading.
  let heading = holder(labels.related[0]);
  while (heading && !heading.nextElementSibling?.matches("ul, ol")) heading = heading.parentElement;
  const relatedItems = heading
    ? [...heading.nextElementSibling.querySelectorAll("li")].map((li) => ({
        text: norm(li.textContent),
        kind: markOf(li)?.getAttribute("data-declutter-kind") || "unmarked",
      }))
    : [];

  // The outline toggle: off must take every mark away, on must restore them.
  const toggle = document.getElementById("outlines");
  const countMarks = () => page.querySelectorAll("[data-declutter-kind]").length;
  const marks = countMarks();
  toggle.click();
  const marksAfterUndo = countMarks();
  toggle.click();
  const marksAfterRedo = countMarks();

  // The hover card over the Jase Medical paragraph.
  const jase = holder(labels.promo[2]);
  // Scroll the page's frame only, so the demo's header stays in the shot.
  page.defaultView.scrollBy(0, jase.getBoundingClientRect().top - page.defaultView.innerHeight / 3);
  const box = jase.getBoundingClientRect();
  jase.dispatchEvent(new MouseEvent("mousemove", { bubbles: true, clientX: box.left + 4, clientY: box.top + 4 }));
  const card = document.getElementById("tooltip");
  const tooltip = card.hidden ? "" : norm(card.textContent);

  let json;
  try {
    const data = JSON.parse(document.getElementById("json").textContent);
    json = { blocks: data.blocks.length, title: data.article.title };
  } catch (e) {
    json = { blocks: -1, title: String(e) };
  }
  const legendTotal = [...document.querySelectorAll("#legend li[data-kind] span")].reduce((n, s) => n + Number(s.textContent), 0);

  return {
    state,
    status,
    timing: document.getElementById("timing").textContent,
    snippets,
    relatedItems,
    reader: norm(reader.body.textContent),
    marks,
    marksAfterUndo,
    marksAfterRedo,
    tooltip,
    json,
    legendTotal,
  };
}

/** The demo's state (loading, analysing, ready, error), its status line and its timing. */
export function demoState() {
  return {
    state: document.documentElement.dataset.state,
    status: document.getElementById("status").textContent,
    timing: document.getElementById("timing").textContent,
  };
}

/** Picks a bundled sample in the demo's menu, as a visitor would. */
export function chooseSample(id) {
  const select = document.getElementById("sample");
  select.value = id;
  select.dispatchEvent(new Event("change"));
  return select.value === id;
}

/** Pastes `html` into the demo's paste panel and presses Analyse. */
export function pasteHtml(html) {
  const panel = document.getElementById("paste");
  if (panel.hidden) document.getElementById("paste-toggle").click();
  document.getElementById("paste-html").value = html;
  document.getElementById("paste-go").click();
  return !panel.hidden;
}
