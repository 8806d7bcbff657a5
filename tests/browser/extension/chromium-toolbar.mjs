// What the Chromium tests share about the toolbar button and the pages the
// extension opens: the button opens the popup (popup/popup.html), and on
// install the extension opens its welcome page, not its settings page.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The settings page, ready: the welcome page the extension opens on
 * install, navigated to the settings in its own tab (so no tab is added),
 * or a settings page already open. Throws after `wait` ms.
 */
export async function settingsPage(context, extId, wait = 15000) {
  const base = `chrome-extension://${extId}/`;
  let page = null;
  for (const deadline = Date.now() + wait; !page && Date.now() < deadline; await sleep(100)) {
    page = context.pages().find((p) => p.url() === `${base}options.html`) || context.pages().find((p) => p.url() === `${base}welcome/welcome.html`) || null;
  }
  if (!page) throw new Error("the welcome page did not open on install");
  if (page.url() !== `${base}options.html`) await page.goto(`${base}options.html`);
  await page.waitForSelector("html[data-ready]", { timeout: wait });
  return page;
}

/**
 * A press of the toolbar button for `page` (it opens the popup, and grants
 * the extension the tab: activeTab), then of the popup's "Reader view",
 * in a copy of the popup opened in a tab of its own for `page`'s tab (a
 * driver cannot reach the toolbar's popup); that tab is closed and `page`
 * brought back to the front. `options` is an extension page, to find the
 * tab's id. Resolves to performance.now() at the press of "Reader view".
 */
export async function pressReader({ context, browserCdp, extId, page, options, wait = 15000 }) {
  const { targetInfos } = await browserCdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
  const tab = targetInfos.find((i) => i.url === page.url());
  await browserCdp.send("Extensions.triggerAction", { id: extId, targetId: tab.targetId });
  const tabId = await options.evaluate(async (url) => (await chrome.tabs.query({})).find((x) => x.url === url)?.id, page.url());
  const popup = await context.newPage();
  try {
    await popup.goto(`chrome-extension://${extId}/popup/popup.html?tab=${tabId}`);
    // Ready once it has asked the page for its state.
    await popup.waitForFunction(() => document.getElementById("reader").hasAttribute("aria-pressed") || document.getElementById("reader").disabled, null, { timeout: wait });
    const pressed = performance.now();
    // The click's handler sends its message at once: the tab may close.
    await popup.click("#reader", { timeout: wait });
    return pressed;
  } finally {
    await popup.close();
    await page.bringToFront();
  }
}
