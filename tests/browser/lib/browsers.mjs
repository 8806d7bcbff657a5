// Starts the machine's own browsers for the browser tests, the way
// ../shared/docs/browsers.md found to work: Debian's Chromium through
// playwright-core, Firefox ESR through geckodriver. Nothing here downloads a
// browser, and nothing the browsers do by themselves reaches the network.
import { mkdtemp, rm, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { Builder } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
export const GECKODRIVER =
  process.env.GECKODRIVER || join(process.env.CARGO_HOME || join(homedir(), ".cargo"), "bin", "geckodriver");

/** Flags that keep headless Chromium quiet and off the network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where tests leave screenshots and reports: target/browser-artifacts. */
export async function artifactsDir() {
  const dir = join(process.cwd(), "target", "browser-artifacts");
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Headless Chromium, optionally with an unpacked extension loaded and extra
 * command-line `args`. With no `profile` it gets a fresh one, which close()
 * removes; a given `profile` folder is kept, so a test can start the browser
 * again on it. Resolves to a playwright BrowserContext.
 */
export async function launchChromium({ extension, args: extra = [], profile: kept } = {}) {
  const profile = kept || (await mkdtemp(join(tmpdir(), "declutter-chromium-")));
  const args = ["--headless=new", ...CHROMIUM_ARGS, ...extra];
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    // The --headless=new flag above does the headless part: Playwright's
    // own headless mode cannot load extensions.
    headless: false,
    ignoreDefaultArgs: ["--disable-extensions"],
    args,
  });
  const close = context.close.bind(context);
  context.close = async () => {
    await close().catch(() => {});
    if (!kept) await rm(profile, { recursive: true, force: true });
  };
  return context;
}

/**
 * The settings page of a just-installed extension `extId` in a Chromium
 * `context`: the extension opens its welcome page on install, which is
 * navigated to the settings in its own tab (so no tab is added); a
 * settings page already open is taken as it is. Waited for up to
 * `timeout` ms and until it is ready (its `html[data-ready]`); null if
 * neither page opened. A test's own tab opened before the welcome page
 * appears could be the one its navigation lands in, so tests wait for it
 * first.
 */
export async function installSettingsPage(context, extId, timeout = 15_000) {
  const base = `chrome-extension://${extId}/`;
  const url = `${base}options.html`;
  let options = null;
  for (const deadline = Date.now() + timeout; !options && Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    options = context.pages().find((p) => p.url() === url) || context.pages().find((p) => p.url() === `${base}welcome/welcome.html`) || null;
  }
  if (!options) return null;
  if (options.url() !== url) await options.goto(url);
  await options.waitForSelector("html[data-ready]", { timeout });
  return options;
}

/**
 * Headless Firefox ESR driven by geckodriver, optionally with a temporary
 * add-on installed from an unpacked folder or a zip, extra `prefs`,
 * WebDriver BiDi (`bidi`, for log events), page dialogs dismissed silently
 * (`dismissDialogs`) and a `profile` folder used in place (kept, so a test
 * can start the browser again on it; by default geckodriver makes a
 * throwaway one). Resolves to a selenium WebDriver.
 */
export async function launchFirefox({ addon, prefs = {}, bidi = false, dismissDialogs = false, profile } = {}) {
  if (!existsSync(GECKODRIVER)) throw new Error(`geckodriver not found at ${GECKODRIVER}: run scripts/setup.sh`);
  const options = new firefox.Options().setBinary(FIREFOX).addArguments("-headless");
  if (profile) options.addArguments("-profile", profile);
  for (const [k, v] of Object.entries(prefs)) options.setPreference(k, v);
  if (bidi) options.enableBidi();
  if (dismissDialogs) options.setAlertBehavior("dismiss");
  const service = new firefox.ServiceBuilder(GECKODRIVER);
  const driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  if (addon) await driver.installAddon(addon, true);
  return driver;
}
