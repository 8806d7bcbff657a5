// A/B of two package builds under target/ in one Chromium page.
//   node scripts/wasm-profile/ab.mjs PKG_A PKG_B [N_PAGES] [REPS]
import { readdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { serve } from "../serve.mjs";
const [A, B] = process.argv.slice(2, 4);
const N = Number(process.argv[4] || 150), REPS = Number(process.argv[5] || 4);
const server = await serve({ root: process.cwd() + "/.." });
const base = server.url.replace(/\/$/, "");
const repo = process.cwd().split("/").pop();
const files = readdirSync("../shared/corpus/trafilatura/html").sort().filter((_, i) => i % 6 === 0).slice(0, N);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.log("pageerror:", e.message));
  await page.goto(`${base}/${repo}/scripts/wasm-profile/ab.html?a=${A}&b=${B}`);
  await page.waitForFunction(() => window.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.ready);
  await page.evaluate((urls) => window.load(urls), files.map((f) => `${base}/shared/corpus/trafilatura/html/${f}`));
  await page.evaluate(() => window.run(1));
  console.log(await page.evaluate((r) => window.run(r), REPS));
} finally { await browser.close(); server.close(); }
