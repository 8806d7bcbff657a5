// Profiles a cold start in headless Chromium (issue 15: first analysis in a
// fresh instance): a fresh browser, the CDP sampling profiler on from the
// import of the package to the end of the first analysis; prints the phases'
// ms and self time by function (wasm names need target/pkg-prof, see build.sh).
//   PKG=pkg-prof node scripts/wasm-profile/cold.mjs [RUNS] [PAGE]
import { chromium } from "playwright-core";
import { serve } from "../serve.mjs";
const RUNS = Number(process.argv[2] || 3);
const PAGE = process.argv[3] || "shared/fixtures/seed-news-page.html";
const server = await serve({ root: process.cwd() + "/.." }); server.url = server.url.replace(/\/$/, "");
const repo = process.cwd().split("/").pop();
const self = new Map(); let total = 0;
try {
  for (let r = 0; r < RUNS; r++) {
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    try {
      const page = await browser.newPage();
      page.on("pageerror", (e) => console.log("pageerror:", e.message));
      await page.goto(`${server.url}/${repo}/scripts/wasm-profile/cold.html`);
      await page.waitForFunction(() => window.ready);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
      await cdp.send("Profiler.start");
      const t = await page.evaluate(([u, p]) => window.cold(u, p), [`${server.url}/${PAGE}`, process.env.PKG || "pkg-prof"]);
      const { profile } = await cdp.send("Profiler.stop");
      console.log(Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(1)}`).join("  "));
      const idx = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, i) => {
        const f = idx.get(id).callFrame;
        const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}`;
        self.set(key, (self.get(key) || 0) + profile.timeDeltas[i]); total += profile.timeDeltas[i];
      });
    } finally { await browser.close(); }
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 40));
  for (const [k, v] of rows) console.log((100 * v / total).toFixed(1).padStart(5) + "%  " + (v / 1000 / RUNS).toFixed(1).padStart(6) + " ms  " + k.slice(0, 130));
} finally { server.close(); }
