// One interface over the two ways the benchmark drives a browser: Playwright
// for Chromium, WebDriver (geckodriver) for Firefox. Both open the bench page
// and call `window.bench[name](arg)` there, resolving to its JSON result.
import { launchChromium, launchFirefox } from "../../tests/browser/lib/browsers.mjs";

const READY_TIMEOUT_MS = 60_000;

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what}: no answer after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function openChromium(url) {
  const context = await launchChromium();
  try {
    const page = context.pages()[0] || (await context.newPage());
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url, { timeout: READY_TIMEOUT_MS });
    await page.waitForFunction(() => window.bench, null, { timeout: READY_TIMEOUT_MS }).catch(() => {
      throw new Error(`the bench page did not start: ${errors.join("; ") || "no error reported"}`);
    });
    return {
      call: (name, arg, ms) =>
        withTimeout(page.evaluate(([n, a]) => window.bench[n](a), [name, arg]), ms, `bench.${name}`),
      close: () => context.close(),
    };
  } catch (e) {
    await context.close();
    throw e;
  }
}

async function openFirefox(url) {
  const driver = await launchFirefox({
    // Full-resolution timers, as Chromium gives a cross-origin-isolated page.
    prefs: { "privacy.reduceTimerPrecision": false },
  });
  try {
    await driver.manage().setTimeouts({ script: READY_TIMEOUT_MS, pageLoad: READY_TIMEOUT_MS });
    await driver.get(url);
    await driver.wait(() => driver.executeScript("return !!window.bench"), READY_TIMEOUT_MS, "the bench page did not start");
    return {
      async call(name, arg, ms) {
        await driver.manage().setTimeouts({ script: ms });
        const out = await driver.executeAsyncScript(
          `const done = arguments[arguments.length - 1];
           window.bench[arguments[0]](arguments[1]).then(done, (e) => done({ benchError: String(e && e.stack || e) }));`,
          name,
          arg,
        );
        if (out && out.benchError) throw new Error(`bench.${name}: ${out.benchError}`);
        return out;
      },
      close: () => driver.quit().catch(() => {}),
    };
  } catch (e) {
    await driver.quit().catch(() => {});
    throw e;
  }
}

/**
 * Launches `browser` ("chromium" or "firefox") headless on the bench page at
 * `url`. Resolves to {call(name, arg, timeoutMs), close()}; close() always
 * ends the browser.
 */
export function openBench(browser, url) {
  if (browser === "chromium") return openChromium(url);
  if (browser === "firefox") return openFirefox(url);
  throw new Error(`unknown browser ${browser}: chromium or firefox`);
}
