// The pathological pages of tests/pathological.rs, at the same sizes, as
// files for a browser: nesting 100,000 deep, a million elements, a 50 MB
// page, a 5 MB text node, 100,000 links in one list, huge attributes,
// framesets and one giant table. Each page carries a heartbeat (see BEAT)
// that records how long the page's main thread was blocked.
import { createHash } from "node:crypto";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

const MB = 1 << 20;
const PARAGRAPH =
  "<p>The council voted on Tuesday to approve the new budget, which raises spending on schools and roads while holding taxes flat for another year.</p>";

/**
 * The page-side heartbeat, started on load: a 10 ms timer that records
 * every gap of more than 30 ms between its ticks as [start, end] in
 * performance.now() time. A gap is a task (anyone's) that kept the main
 * thread busy; the page's own scripts do nothing else.
 */
export const BEAT = `<script>
addEventListener("load", function () {
  var beat = { gaps: [], last: performance.now(), ticks: 0 };
  window.__beat = beat;
  setInterval(function () {
    var now = performance.now();
    if (now - beat.last > 30) beat.gaps.push([beat.last, now]);
    beat.last = now;
    beat.ticks++;
  }, 10);
});
</script>`;

const page = (title, body, head = "") =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${BEAT}${head}</head><body>${body}</body></html>`;

function nested(open, close, n, inner) {
  return open.repeat(n) + inner + close.repeat(n);
}

function millionElements() {
  // Eight elements a row: div, p, b, i, span, em, a, br.
  const rows = [];
  for (let i = 0; i < 125_000; i++) {
    rows.push(`<div class=row><p>Item ${i} <b>x</b> <i>y</i> <span>z</span> <em>w</em> <a href=#a>l</a></p><br></div>`);
  }
  return page("A million elements", rows.join(""));
}

// 50 MB as the biggest real pages are: 5 MB of stories (the layout of 50
// MB of them would take a browser on a small machine minutes to load) and
// 45 MB of the app's state as inline JSON, which the walker skips.
function fiftyMegabytes() {
  const stories = [];
  let size = 0;
  for (let i = 0; size < 5 * MB; i++) {
    const s = `<article><h2>Story ${i}</h2>${PARAGRAPH}${PARAGRAPH}<ul><li><a href=/a>Related one</a><li><a href=/b>Related two</a></ul></article>`;
    stories.push(s);
    size += s.length;
  }
  const state = [];
  size = 0;
  for (let i = 0; size < 45 * MB; i++) {
    const s = `{"id":${i},"title":"Story ${i}","body":"The council voted on Tuesday to approve the new budget, which raises spending on schools and roads.","tags":["news","local"]},`;
    state.push(s);
    size += s.length;
  }
  const json = `<script type="application/json" id="__NEXT_DATA__">{"stories":[${state.join("")}{}]}</script>`;
  return page("A 50 MB page", stories.join("") + json);
}

function hundredThousandLinks() {
  const items = [];
  for (let i = 0; i < 100_000; i++) items.push(`<li><a href="/story/${i}">Story number ${i}</a></li>`);
  return page("100,000 links", `${PARAGRAPH}<ul>${items.join("")}</ul>`);
}

function hundredThousandAttributes() {
  const attrs = [];
  for (let i = 0; i < 100_000; i++) attrs.push(` data-a${i}="${i}"`);
  return page("100,000 attributes", `<div${attrs.join("")}>${PARAGRAPH}</div>`);
}

function giantTable(rows, cols) {
  const out = [];
  for (let r = 0; r < rows; r++) {
    const cells = [];
    for (let c = 0; c < cols; c++) cells.push(`<td>${r}.${c}</td>`);
    out.push(`<tr>${cells.join("")}</tr>`);
  }
  return page(`A ${rows}x${cols} table`, `<table>${out.join("")}</table>`);
}

function nestedFramesets(depth) {
  // No frame loads anything: about:blank is the browser's own.
  const frames = nested('<frameset cols="50%,50%">', "</frameset>", depth, '<frame src="about:blank"><frame src="about:blank">');
  return `<!doctype html><html><head><title>Framesets</title>${BEAT}</head>${frames}<noframes><body>${PARAGRAPH}</body></noframes></html>`;
}

/** The pages: name, what it is, and how to make its markup. */
export const HUGE_PAGES = [
  { name: "deep-div", what: "100,000 nested <div>", make: () => page("Deep", nested("<div>", "</div>", 100_000, PARAGRAPH)) },
  { name: "million", what: "1,000,000 elements", make: millionElements },
  { name: "fifty-mb", what: "a 50 MB page (45 MB inline JSON)", make: fiftyMegabytes },
  { name: "text-5mb", what: "a 5 MB text node", make: () => page("Text", `<p>${"lorem ipsum dolor sit amet ".repeat(Math.floor((5 * MB) / 27))}</p>`) },
  { name: "links-100k", what: "100,000 links in one list", make: hundredThousandLinks },
  { name: "attr-10mb", what: "a 10 MB class attribute", make: () => page("Attribute", `<div class="${"c".repeat(10 * MB)}">${PARAGRAPH}</div>`) },
  { name: "attrs-100k", what: "100,000 attributes on one element", make: hundredThousandAttributes },
  { name: "frameset", what: "framesets 1,000 deep", make: () => nestedFramesets(1000) },
  { name: "table", what: "a 300x300 table", make: () => giantTable(300, 300) },
];

/**
 * Writes the pages into `dir`, once: they are kept while this module is
 * unchanged (the 50 MB one takes seconds to make). Resolves to [{name,
 * what, file, bytes}].
 */
export async function writeHugePages(dir) {
  await mkdir(dir, { recursive: true });
  const stamp = join(dir, "VERSION");
  const version = createHash("sha256").update(await readFile(new URL(import.meta.url))).digest("hex");
  const fresh = (await readFile(stamp, "utf8").catch(() => "")) === version;
  const out = [];
  for (const p of HUGE_PAGES) {
    const file = join(dir, `${p.name}.html`);
    let bytes = fresh ? (await stat(file).catch(() => null))?.size : null;
    if (!bytes) {
      const html = p.make();
      await writeFile(file, html);
      bytes = Buffer.byteLength(html);
    }
    out.push({ name: p.name, what: p.what, file, bytes });
  }
  await writeFile(stamp, version);
  return out;
}
