// The demo: uses the `declutter` package the way any web app would, from
// its ES module, with no bundler. A page (a bundled sample, a file or
// pasted HTML) is shown in a sandboxed iframe; analyze() reads that live
// document, annotate() outlines its blocks, parse() gives the
// Readability-shaped result.
import init, { analyze, annotate, parse } from "./pkg/declutter.js";
import { KIND_COLOURS, loadFrame, pageSrcdoc, pinDocument, readerSrcdoc } from "./page-frame.js";
import { hoverCards } from "./hover.js";

const $ = (id) => document.getElementById(id);
const ui = {
  sample: $("sample"),
  file: $("file"),
  pasteToggle: $("paste-toggle"),
  paste: $("paste"),
  pasteHtml: $("paste-html"),
  pasteUrl: $("paste-url"),
  pasteGo: $("paste-go"),
  outlines: $("outlines"),
  status: $("status"),
  legend: $("legend"),
  timing: $("timing"),
  page: $("page"),
  reader: $("reader"),
  json: $("json"),
  tooltip: $("tooltip"),
};

// What is on screen now: the page's document, its analysis, and how to
// take its outlines and hover cards off again.
let shown = null;
// The bundled sample pages, from samples.json.
let samples = [];

// `data-state` on <html> (loading, analysing, ready, error) lets a test or
// a stylesheet follow what the demo is doing.
function setStatus(state, message) {
  document.documentElement.dataset.state = state;
  ui.status.textContent = message;
  ui.status.classList.toggle("error", state === "error");
}

function fail(error) {
  setStatus("error", `Error: ${error?.message || error}`);
}

function setOutlines(on) {
  if (!shown) return;
  if (on && !shown.annotation) shown.annotation = annotate(shown.doc, { url: shown.url });
  if (!on && shown.annotation) {
    shown.annotation.undo();
    shown.annotation = null;
  }
}

function showCounts(blocks, timings) {
  for (const li of ui.legend.querySelectorAll("li[data-kind]")) {
    li.querySelector("span").textContent = blocks.filter((b) => b.kind === li.dataset.kind).length;
  }
  const parts = [timings.read != null && `read ${timings.read.toFixed(1)}`, `analyse ${timings.analyze.toFixed(1)}`];
  ui.timing.textContent = `analysis ${timings.total.toFixed(1)} ms (${parts.filter(Boolean).join(" + ")})`;
}

function showJson(result, readability) {
  const data = {
    timings: result.timings,
    blocks: result.blocks.map(({ kind, confidence, reasons, text, elements }) => ({
      kind,
      confidence,
      reasons,
      text,
      elements: elements.map((el) => el.localName),
    })),
    article: result.article,
    parse: readability,
  };
  ui.json.textContent = JSON.stringify(data, null, 2);
}

// Counts show() calls, so a slow load that a newer choice overtook stops
// instead of filling the panels with the old page.
let generation = 0;

/** Shows `html` in the page frame, analyses it, and fills every panel. */
async function show(html, url, label) {
  const mine = ++generation;
  setStatus("analysing", `Loading ${label}…`);
  shown?.stopHover();
  shown = null;
  const doc = await loadFrame(ui.page, pageSrcdoc(html));
  if (mine !== generation) return;
  pinDocument(doc);
  const options = url ? { url } : {};
  const result = analyze(doc, options);
  shown = { doc, url, result, annotation: null, stopHover: hoverCards(ui.page, result.blocks, ui.tooltip) };
  setOutlines(ui.outlines.checked);

  const readerDoc = await loadFrame(ui.reader, readerSrcdoc(result.article));
  if (mine !== generation) return;
  pinDocument(readerDoc);
  showCounts(result.blocks, result.timings);
  showJson(result, parse(doc, options));
  const words = result.article.wordCount;
  setStatus("ready", `${label}: ${result.blocks.length} blocks, article of ${words} words`);
}

async function showSample(id) {
  const sample = samples.find((s) => s.id === id);
  setStatus("analysing", `Fetching ${sample.label}…`);
  const response = await fetch(`samples/${sample.path}`);
  if (!response.ok) throw new Error(`could not fetch the sample ${sample.path}: HTTP ${response.status}`);
  await show(await response.text(), sample.url, sample.label);
}

function wire() {
  ui.sample.addEventListener("change", () => {
    history.replaceState(null, "", `#${ui.sample.value}`);
    showSample(ui.sample.value).catch(fail);
  });
  ui.file.addEventListener("change", async () => {
    const file = ui.file.files[0];
    if (!file) return;
    ui.file.value = "";
    await show(await file.text(), ui.pasteUrl.value.trim() || null, file.name).catch(fail);
  });
  ui.pasteToggle.addEventListener("click", () => {
    ui.paste.hidden = !ui.paste.hidden;
    ui.pasteToggle.setAttribute("aria-expanded", String(!ui.paste.hidden));
    if (!ui.paste.hidden) ui.pasteHtml.focus();
  });
  ui.pasteGo.addEventListener("click", () => {
    const html = ui.pasteHtml.value;
    if (!html.trim()) return fail(new Error("paste some HTML first"));
    show(html, ui.pasteUrl.value.trim() || null, "pasted HTML").catch(fail);
  });
  ui.outlines.addEventListener("change", () => {
    try {
      setOutlines(ui.outlines.checked);
    } catch (e) {
      fail(e);
    }
  });
}

addEventListener("error", (e) => fail(e.error || e.message));
addEventListener("unhandledrejection", (e) => fail(e.reason));

for (const li of ui.legend.querySelectorAll("li[data-kind]")) {
  li.querySelector("b").style.background = KIND_COLOURS[li.dataset.kind];
}

try {
  const [list] = await Promise.all([fetch("samples.json").then((r) => r.json()), init()]);
  samples = list;
  for (const s of samples) ui.sample.append(new Option(s.label, s.id));
  wire();
  const wanted = location.hash.slice(1);
  ui.sample.value = samples.some((s) => s.id === wanted) ? wanted : samples[0].id;
  await showSample(ui.sample.value);
} catch (e) {
  fail(e);
}
