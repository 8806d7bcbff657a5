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
import { inspectDemo } from "./inspect.mjs";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const LABELS = join(REPO, "..", "shared", "corpus", "blocks", "labels.json");
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
 * sandbox; its images, stylesheets and embeds, by the offline policy) and
 * everything else, which is the demo's or the package's fault.
 */
function demoErrors(messages, origin) {
  const blocked = (m) =>
    (m.url === "about:srcdoc" && /Blocked script execution in 'about:srcdoc'|violates the following Content Security Policy/.test(m.text)) ||
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
  return failures;
}

function summary(name, report) {
  if (report.state !== "ready") return `${name}: ${report.status}`;
  const agree = report.snippets.filter((s) => s.kind === s.want).length;
  return `${name}: ${report.json.blocks} blocks, ${report.timing}; seed labels matched ${agree}/${report.snippets.length}`;
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
    await page.waitForFunction(() => ["ready", "error"].includes(document.documentElement.dataset.state), null, { timeout: READY_TIMEOUT_MS });
    const report = await page.evaluate(inspectDemo, labels);
    await page.screenshot({ path: join(shots, "demo-chromium.png") });
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
    await driver.wait(
      () => driver.executeScript(`return ["ready", "error"].includes(document.documentElement.dataset.state)`),
      READY_TIMEOUT_MS,
      "the demo did not finish analysing the seed page",
    );
    const report = await driver.executeScript(`return (${inspectDemo})(arguments[0])`, labels);
    await writeFile(join(shots, "demo-firefox.png"), await driver.takeScreenshot(), "base64");
    // geckodriver cannot read the console; the demo shows any uncaught
    // error or rejection in its status line, which judge() checks.
    return { report, errors: [], note: "console not readable" };
  } finally {
    await driver.quit();
  }
}

const labels = await seedLabels();
const shots = await artifactsDir();
const server = await serveDemo();
let failed = 0;
try {
  for (const [name, run] of [["chromium", inChromium], ["firefox", inFirefox]]) {
    try {
      const { report, errors, note } = await run(server.url, labels, shots);
      const failures = judge(report, errors, server.requests);
      console.log(`${summary(name, report)}; ${note}`);
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
