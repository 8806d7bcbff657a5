// Profiles Declutter's browser path (snapshot walk + wasm core) in headless
// Chromium with the CDP sampling profiler; prints self time by function.
//   node scripts/wasm-profile/run.mjs [N_PAGES] [REPS]
import { readdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { serve } from "../serve.mjs";
const N = Number(process.argv[2] || 150), REPS = Number(process.argv[3] || 3);
const server = await serve({ root: process.cwd() + "/.." }); server.url = server.url.replace(/\/$/, "");
const repo = process.cwd().split("/").pop();
const files = readdirSync("../shared/corpus/trafilatura/html").sort().filter((_, i) => i % 6 === 0).slice(0, N);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage();
  page.on("console", (m) => console.log("console:", m.text()));
  page.on("pageerror", (e) => console.log("pageerror:", e.message));
  page.on("requestfailed", (r) => console.log("failed:", r.url()));
  page.on("response", (r) => { if (r.status() >= 400) console.log("HTTP", r.status(), r.url()); });
  await page.goto(`${server.url}/${repo}/scripts/wasm-profile/index.html?pkg=${process.env.PKG || "pkg-prof"}`.replace("/target/", "/target/"));
  await page.waitForFunction(() => window.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.ready);
  await page.evaluate((urls) => window.load(urls), files.map((f) => `${server.url}/shared/corpus/trafilatura/html/${f}`));
  await page.evaluate(() => window.run(1));
  const plain = await page.evaluate((r) => window.run(r), REPS);
  console.log("per page ms (unprofiled):", plain);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await page.evaluate((r) => window.run(r), REPS);
  const { profile } = await cdp.send("Profiler.stop");
  const self = new Map(); let total = 0;
  const dt = profile.timeDeltas; const idx = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = idx.get(id); const f = n.callFrame; const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}`;
    self.set(key, (self.get(key) || 0) + dt[i]); total += dt[i];
  });
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 45));
  for (const [k, v] of rows) console.log((100 * v / total).toFixed(1).padStart(5) + "%  " + k.slice(0, 140));
} finally { await browser.close(); server.close(); }
