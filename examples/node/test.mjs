// Tests the Node example: on the seed page the Jase Medical sponsored copy
// is a promo block and stays out of the article, the command prints blocks
// and the article, and bad input ends with a clear message and a non-zero
// exit code.
//
//   node examples/node/test.mjs      (needs pkg/: ./build.sh pkg)
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeFile } from "./analyze-file.mjs";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const SCRIPT = join(REPO, "examples", "node", "analyze-file.mjs");
const SEED = join(REPO, "..", "shared", "fixtures", "seed-news-page.html");
const SEED_URL = "https://www.wwiii.news/2023-08-01-russia-china-kim-parade.html";
const JASE = "Our partners at Jase Medical offer a simple solution";

const run = (...args) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8", timeout: 60_000 });
const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test("the Jase Medical copy is a promo block and not in the article", async () => {
  const { blocks, article } = await analyzeFile(SEED, SEED_URL);
  const holding = blocks.filter((b) => b.text.includes(JASE));
  assert.equal(holding.length, 1, `blocks holding the Jase Medical text: ${holding.length}`);
  assert.equal(holding[0].kind, "promo");
  assert.ok(!article.text.includes("Jase"), "article.text mentions Jase");
  assert.ok(article.text.includes("Russian and Chinese officials stood shoulder to shoulder"), "article.text lacks the story");
});

test("the command prints the blocks and the article", () => {
  const r = run(SEED, SEED_URL);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^promo\s+\d\.\d\d\s+\S.*What Would You Do If Pharmacies/m);
  assert.match(r.stdout, /^related\s+\d\.\d\d\s+\S.*More related stories:/m);
  assert.match(r.stdout, /^content\s+\d\.\d\d\s+\S.*Russian and Chinese officials stood/m);
  assert.match(r.stdout, /^\d+ blocks in \d+\.\d ms$/m);
  assert.match(r.stdout, /^article: Russian and Chinese officials join Kim Jong Un.* — \d+ words$/m);
});

test("bad input: a clear message and a non-zero exit", async () => {
  const dir = await mkdtemp(join(tmpdir(), "declutter-example-"));
  try {
    const empty = join(dir, "empty.html");
    const binary = join(dir, "image.html");
    await writeFile(empty, "");
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    const cases = [
      [[], 2, /usage: node examples\/node\/analyze-file\.mjs FILE \[URL\]/],
      [[join(dir, "missing.html")], 1, /cannot read .*missing\.html: no such file/],
      [[dir], 1, /cannot read .*: it is a folder/],
      [[empty], 1, /empty\.html is empty/],
      [[binary], 1, /image\.html is not an HTML text file/],
      [[SEED, "not a url"], 1, /not an absolute URL: not a url/],
    ];
    for (const [args, code, message] of cases) {
      const r = run(...args);
      assert.equal(r.status, code, `exit code for ${JSON.stringify(args)}: ${r.status}, stderr ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, `a stack trace for ${JSON.stringify(args)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("input past the ceilings: a RangeError before anything reaches wasm, bad shapes a TypeError", async () => {
  const declutter = await import("../../pkg/declutter.js");
  const html = await import("../../pkg/html.js");
  await html.default();
  const { CEILINGS } = declutter;
  const tooLarge = (limit) => (e) => e instanceof RangeError && e.limit === limit && /too large/.test(e.message);
  // A 2^29-long ops array once made the module allocate 2 GB and then
  // report an internal error; anything past 2^25 is refused up front.
  assert.throws(() => declutter.analyzeSnapshot({ ops: new Uint32Array(2 ** 25 + 1), strings: "" }), tooLarge("maxOps"));
  assert.throws(() => declutter.analyzeSnapshot({ ops: [], strings: "x".repeat(CEILINGS.maxChars + 1) }), tooLarge("maxChars"));
  assert.throws(() => html.analyzeHtml("x".repeat(CEILINGS.maxChars + 1)), tooLarge("maxChars"));
  assert.throws(() => declutter.analyzeSnapshot({ ops: "1,2,3", strings: "" }), TypeError);
  assert.throws(() => declutter.analyzeSnapshot({ ops: { length: 2 ** 29 }, strings: "" }), TypeError);
  assert.throws(() => html.analyzeHtml(42), TypeError);
  assert.throws(() => html.analyzeHtml("<p>x</p>", 42), TypeError);
  // The module still works afterwards.
  const ok = html.analyzeHtml("<html><body><p>The council voted on the budget today.</p></body></html>");
  assert.ok(ok.article.text.includes("council"));
  assert.ok(ok.blocks.length > 0 && ok.blocks.every((b) => !("nodes" in b)), "blocks carry no nodes");
  // Not HTML at all: an error, as before the parser became a module of its own.
  assert.throws(() => html.analyzeHtml("just words"), /declutter: /);
});

test("the main entry holds no HTML parser; declutter/html adds it", async () => {
  const declutter = await import("../../pkg/declutter.js");
  assert.equal(declutter.analyzeHtml, undefined);
  // html5ever's panic locations name its sources: the module the browser
  // loads must have none (the one before issue 15's split had 8).
  const wasm = await readFile(join(REPO, "pkg", "declutter_core_bg.wasm"));
  assert.ok(!wasm.includes("html5ever"), "pkg/declutter_core_bg.wasm holds html5ever");
  assert.ok((await readFile(join(REPO, "pkg", "declutter_html_bg.wasm"))).includes("html5ever"));
  const pkg = JSON.parse(await readFile(join(REPO, "pkg", "package.json"), "utf8"));
  assert.equal(pkg.exports["./html"].default, "./html.js");
  for (const f of pkg.files) assert.ok(existsSync(join(REPO, "pkg", f)), `pkg/${f} is listed in files but missing`);
});

let failed = 0;
for (const { name, fn } of tests) {
  try {
    await fn();
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    // Long enough to see what went wrong, short enough not to bury it.
    console.log(`FAIL ${name}\n     ${e.message.split("\n").slice(0, 8).join("\n     ")}`);
  }
}
console.log(`examples/node: ${tests.length - failed}/${tests.length} passed`);
process.exit(failed ? 1 : 0);
