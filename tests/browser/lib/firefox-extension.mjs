// What the Firefox tests of the extension share. A driver can neither click
// Firefox's toolbar nor navigate to moz-extension: URLs, so each test works
// through the settings page, opened from the welcome page the extension
// opens on install: it finds that window, sends the `run` message from it, and grants the extension host
// access there with real clicks.
import { By, until } from "selenium-webdriver";

/** How long a test waits for the extension's pages and answers. */
export const WAIT = 15000;

/**
 * Firefox preferences for an extension test: optional-permission requests
 * granted without a prompt, and every request for another host sent to a
 * proxy on 127.0.0.1:`proxyPort` (the default, 9, is closed: such requests
 * fail at once). The test servers on 127.0.0.1 are never proxied.
 */
export function extensionPrefs(proxyPort = 9) {
  return {
    "extensions.webextOptionalPermissionPrompts": false,
    "network.proxy.type": 1,
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": proxyPort,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": proxyPort,
  };
}

/**
 * The handle of the window showing the extension's settings page, once the
 * page is ready; throws after WAIT. On install the extension opens its
 * welcome page: then its "Open the settings" link is clicked (a real
 * click), which opens the settings page.
 */
export async function findOptionsWindow(driver) {
  let clicked = false;
  for (const deadline = Date.now() + WAIT; Date.now() < deadline; await driver.sleep(100)) {
    const welcome = [];
    for (const handle of await driver.getAllWindowHandles()) {
      await driver.switchTo().window(handle);
      const url = await driver.getCurrentUrl();
      if (/^moz-extension:\/\/[^/]+\/options\.html/.test(url)) {
        await driver.wait(until.elementLocated(By.css("html[data-ready]")), WAIT);
        return handle;
      }
      if (/^moz-extension:\/\/[^/]+\/welcome\/welcome\.html/.test(url)) welcome.push(handle);
    }
    if (welcome.length && !clicked) {
      await driver.switchTo().window(welcome[0]);
      // The welcome page's URL shows before its document is built: wait
      // for the link (a CI simulation beside a browser survey found it
      // missing once: NoSuchElementError, settings-survive firefox).
      await (await driver.wait(until.elementLocated(By.css("#options")), WAIT)).click();
      clicked = true;
    }
  }
  throw new Error("the extension's settings page did not open");
}

/** The handle of the window showing the extension's welcome page, or null after WAIT. */
export async function findWelcomeWindow(driver) {
  for (const deadline = Date.now() + WAIT; Date.now() < deadline; await driver.sleep(100)) {
    for (const handle of await driver.getAllWindowHandles()) {
      await driver.switchTo().window(handle);
      if (/^moz-extension:\/\/[^/]+\/welcome\/welcome\.html/.test(await driver.getCurrentUrl())) return handle;
    }
  }
  return null;
}

/** Waits for the settings page's status line to say `text`, then clears it for the next wait. */
export async function waitStatus(driver, text) {
  let last = "";
  try {
    await driver.wait(async () => (last = await driver.findElement(By.css("#status")).getText()) === text, WAIT);
  } catch {
    throw new Error(`settings page status: wanted "${text}", got "${last}"`);
  }
  await driver.executeScript(() => (document.getElementById("status").textContent = ""));
}

/** A function that runs `fn` with the settings window current, then goes back to `pageWindow`. */
export function inWindowOf(driver, optionsWindow, pageWindow) {
  return async (fn) => {
    await driver.switchTo().window(optionsWindow);
    try {
      return await fn();
    } finally {
      await driver.switchTo().window(pageWindow);
    }
  };
}

/**
 * With the settings window current: turns auto-declutter off in storage and
 * waits until its content script is unregistered. Storage, not the
 * settings page, which would give back the host permission the `run`
 * message needs (Firefox has no toolbar click to grant activeTab).
 */
export async function autoDeclutterOffKeepingAccess(driver) {
  await driver.executeAsyncScript(`const done = arguments[0];
    browser.storage.sync.get("settings").then(({ settings }) => browser.storage.sync.set({ settings: { ...settings, auto: "off" } })).then(() => done());`);
  await driver.wait(() => driver.executeAsyncScript("const done = arguments[0]; browser.scripting.getRegisteredContentScripts().then((s) => done(s.length === 0));"), WAIT);
}

/**
 * With the settings window current: a real click on "On every site" asks
 * for and gets the optional host permission; resolves to whether it was
 * granted.
 */
export async function grantHostAccessByClick(driver) {
  await driver.findElement(By.css("#auto-everywhere")).click();
  return driver.wait(() => driver.executeAsyncScript("const done = arguments[0]; browser.permissions.contains({ origins: ['<all_urls>'] }).then(done);"), WAIT).catch(() => false);
}

/**
 * With the settings window current: resolves once the extension may run on
 * any page through the `run` message (host permission granted by a real
 * click) and auto-declutter is off, so nothing runs on arrival.
 */
export async function hostAccessWithoutAuto(driver) {
  if (!(await grantHostAccessByClick(driver))) throw new Error("the host permission was not granted");
  await autoDeclutterOffKeepingAccess(driver);
}
