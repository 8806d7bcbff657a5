// The www demo in headless Chromium and Firefox: it loads without errors,
// and on the seed page it outlines the Jase Medical paragraphs as promo and
// the "More related stories" list as related (read from the marks in the
// page iframe's DOM and their computed outlines), the reader view holds the
// story and not the promo, the outline toggle undoes every mark, and the
// hover card names a block's kind. A screenshot per browser goes to
// target/browser-artifacts/demo-<browser>.png.
//
//   node tests/browser/demo/run.mjs      (needs pkg/: ./build.sh pkg)
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveDemo } from "../../../www/serve.mjs";
import { artifactsDir, launchChromium, launchFirefox } from "../lib/browsers.mjs";
import { chooseSample, demoState, inspectDemo, pasteHtml } from "./inspect.mjs";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const SHARED = join(REPO, "..", "shared");
const LABELS = join(SHARED, "corpus", "blocks", "labels.json");
const READY_TIMEOUT_MS = 60_000;
const VIEWPORT = { width: 1400, height: 900 };

// The seed page's labelled snippets (../shared/corpus/blocks/labels.json)
// that the issue names: the Jase Medical sponsored copy, and the "More
// related stories" list. The list's middle item is not labelled; the
// inspection checks every item of the list it finds under the heading.
const JASE = ["What Would You Do If Pharmacies", "The medication supply chain", "Our partners at Jase Medical", "They do this through a process", "Learn more about the Jase Case"];
const RELATED = ["More related stories:", "North Korea threatens to shoot down", "North Korea could be capable"];
// Story paragraphs the reader view must show.
const STORY = ["Russian and Chinese officials stood shoulder to shoulder", "Washington accuses Pyongyang of arming Moscow", "Both Pyongyang and Moscow denied the allegations"];
// What the reader view must not show.
const NOT_STORY = ["Jase", "More related stories", "Sign up for our free daily email newsletter"];

async function seedLabels() {
  const pages = JSON.parse(await readFile(LABELS, "utf8"));
  const seed = pages.find((p) => p.page === "seed-news-page");
  const find = (kind, head) => {
    const label = seed.blocks.find((b) => b.kind === kind && b.text.startsWith(head));
    if (!label) throw new Error(`labels.json has no ${kind} snippet starting "${head}" for the seed page`);
    return label.text;
  };
  return {
    promo: JASE.map((t) => find("promo", t)),
    related: RELATED.map((t) => find("related", t)),
    all: seed.blocks,
  };
}

// The seed page's own scripts, stylesheet and images: the demo must never
// run or fetch them.
const PAGE_RESOURCES = ["/js/site.js", "/css/site.css", "/images/logo.png", "/wp-content/uploads/parade.jpg", "/ads/300x250.jpg"];

/**
 * Splits Chromium's console errors into the browser reporting what the
 * demo blocks on purpose in the sample page's frame (its scripts, by the
 * sandbox; its images, stylesheets and embeds, by the offline policy; its
 * inline event handlers, by the demo's policy, which the frame inherits and
 * which Chromium reports against the demo script that filled the frame) and
 * everything else, which is the demo's or the package's fault. The demo's
 * own markup has no inline handlers and loads no images or frames by URL.
 */
function demoErrors(messages, origin) {
  const blocked = (m) =>
    (m.url === "about:srcdoc" && /Blocked script execution in 'about:srcdoc'|violates the following Content Security Policy/.test(m.text)) ||
    /^Executing inline event handler violates the following Content Security Policy/.test(m.text) ||
    (/^Framing '([^']*)' violates the following Content Security Policy/.test(m.text) && !m.text.includes(origin));
  return { blocked: messages.filter(blocked).length, errors: messages.filter((m) => !blocked(m)).map((m) => `${m.text} (${m.url || "?"})`) };
}

/** Checks one browser's report; returns a list of failures. */
function judge(report, errors, requests) {
  const failures = [];
  const expect = (ok, what) => ok || !failures.push(what);
  expect(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  if (!expect(report.state === "ready", `demo state is "${report.state}" (${report.status})`)) return failures;
  const fetched = PAGE_RESOURCES.filter((p) => requests.includes(p));
  expect(fetched.length === 0, `the seed page's own resources were requested: ${fetched.join(", ")}`);
  for (const s of report.snippets.filter((s) => s.group)) {
    expect(s.kind === s.want, `"${s.text.slice(0, 50)}" is marked ${s.kind}, want ${s.want}`);
    expect(s.outline === s.wantOutline, `"${s.text.slice(0, 50)}" has outline ${s.outline}, want ${s.wantOutline}`);
  }
  expect(report.relatedItems.length >= 3, `found ${report.relatedItems.length} items under "More related stories:"`);
  for (const item of report.relatedItems) expect(item.kind === "related", `related-list item "${item.text.slice(0, 50)}" is marked ${item.kind}`);
  for (const t of STORY) expect(report.reader.includes(t), `reader view lacks "${t}"`);
  for (const t of NOT_STORY) expect(!report.reader.includes(t), `reader view shows "${t}"`);
  expect(report.marks > 0 && report.marksAfterUndo === 0 && report.marksAfterRedo === report.marks,
    `outline toggle: ${report.marks} marks, ${report.marksAfterUndo} after undo, ${report.marksAfterRedo} after redo`);
  expect(report.tooltip.startsWith("promo"), `hover card over the Jase paragraph reads "${report.tooltip.slice(0, 60)}"`);
  expect(report.json.blocks === report.legendTotal && report.json.blocks > 0, `JSON has ${report.json.blocks} blocks, legend counts ${report.legendTotal}`);
  expect(/^analysis \d+(\.\d)? ms/.test(report.timing), `timing reads "${report.timing}"`);
  for (const t of report.tour) {
    const blocks = Number(/: (\d+) blocks/.exec(t.status)?.[1] ?? 0);
    expect(t.state === "ready" && blocks > 0, `${t.what}: ${t.status}`);
  }
  return failures;
}

function summary(name, report) {
  if (report.state !== "ready") return `${name}: ${report.status}`;
  const agree = report.snippets.filter((s) => s.kind === s.want).length;
  const tour = report.tour.map((t) => `\n  ${t.what}: ${t.status.replace(/^[^:]*: /, "")}, ${t.timing}`).join("");
  return `${name}: seed page: ${report.json.blocks} blocks, ${report.timing}; seed labels matched ${agree}/${report.snippets.length}${tour}`;
}

/** Polls `fn` in the demo page until it returns something truthy. */
async function waitFor(evaluate, fn, arg, what) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const value = await evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${READY_TIMEOUT_MS / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const settled = (label) => {
  const { state, status } = { state: document.documentElement.dataset.state, status: document.getElementById("status").textContent };
  return (state === "error" || (state === "ready" && status.startsWith(`${label}:`))) && { state, status };
};

/**
 * The same visit in either browser, through its `evaluate(fn, arg)` and
 * `screenshot(path)`: the seed page, inspected and photographed, then every
 * other bundled sample and a paste of the seed page's HTML.
 */
async function visit(browser, labels, shots) {
  await waitFor(browser.evaluate, settled, samplesById.seed.label, "the demo to analyse the seed page");
  const report = await browser.evaluate(inspectDemo, labels);
  await browser.screenshot(join(shots, `demo-${browser.name}.png`));
  report.tour = [];
  if (report.state !== "ready") return report;
  for (const sample of Object.values(samplesById).filter((s) => s.id !== "seed")) {
    await browser.evaluate(chooseSample, sample.id);
    const { status } = await waitFor(browser.evaluate, settled, sample.label, `the sample ${sample.id}`);
    report.tour.push({ what: sample.id, status, ...(await browser.evaluate(demoState)) });
  }
  await browser.evaluate(pasteHtml, seedHtml);
  await waitFor(browser.evaluate, settled, "pasted HTML", "the pasted HTML");
  report.tour.push({ what: "pasted seed HTML", ...(await browser.evaluate(demoState)) });
  return report;
}

async function inChromium(url, labels, shots) {
  const context = await launchChromium();
  try {
    const page = await context.newPage();
    await page.setViewportSize(VIEWPORT);
    const messages = [];
    page.on("console", (m) => m.type() === "error" && messages.push({ text: m.text(), url: m.location().url }));
    page.on("pageerror", (e) => messages.push({ text: String(e), url: "" }));
    await page.goto(`${url}#seed`);
    const report = await visit(
      { name: "chromium", evaluate: (fn, arg) => page.evaluate(fn, arg), screenshot: (path) => page.screenshot({ path }) },
      labels,
      shots,
    );
    const { blocked, errors } = demoErrors(messages, new URL(url).origin);
    return { report, errors, note: `${blocked} blocked page resources reported` };
  } finally {
    await context.close();
  }
}

async function inFirefox(url, labels, shots) {
  const driver = await launchFirefox();
  try {
    await driver.manage().window().setRect(VIEWPORT);
    await driver.manage().setTimeouts({ script: READY_TIMEOUT_MS, pageLoad: READY_TIMEOUT_MS });
    await driver.get(`${url}#seed`);
    const report = await visit(
      {
        name: "firefox",
        evaluate: (fn, arg) => driver.executeScript(`return (${fn})(arguments[0])`, arg),
        screenshot: async (path) => writeFile(path, await driver.takeScreenshot(), "base64"),
      },
      labels,
      shots,
    );
    // geckodriver cannot read the console; the demo shows any uncaught
    // error or rejection in its status line, which judge() checks.
    return { report, errors: [], note: "console not readable" };
  } finally {
    await driver.quit();
  }
}

const samplesById = Object.fromEntries(JSON.parse(await readFile(join(REPO, "www", "samples.json"), "utf8")).map((s) => [s.id, s]));
const seedHtml = await readFile(join(SHARED, samplesById.seed.path), "utf8");
const labels = await seedLabels();
const shots = await artifactsDir();
const server = await serveDemo();
let failed = 0;
try {
  for (const [name, run] of [["chromium", inChromium], ["firefox", inFirefox]]) {
    try {
      const { report, errors, note } = await run(server.url, labels, shots);
      const failures = judge(report, errors, server.requests);
      console.log(`${summary(name, report)}\n  (${note})`);
      for (const f of failures) console.log(`  FAIL ${f}`);
      failed += failures.length;
    } catch (e) {
      console.log(`${name}: FAIL ${e.stack || e}`);
      failed++;
    }
  }
} finally {
  await server.close();
}
console.log(failed ? `demo browser tests: ${failed} failure(s)` : `demo browser tests passed; screenshots in ${shots}`);
process.exit(failed ? 1 : 0);
