// What the Chromium tests share about the toolbar button: it opens the
// popup (popup/popup.html), whose "Reader view" opens the reader.

/**
 * A click on the extension's toolbar button for `page`'s tab (it opens the
 * popup, and grants the extension the tab: activeTab). The action wants
 * the tab's target, found by the URL the browser itself has for the page
 * (its own DevTools session's): a page that rewrites its URL by script is
 * found too (the survey: Playwright's page.url() matched no tab on a wcxb
 * page).
 */
export async function clickToolbar({ browserCdp, extId, page }) {
  const own = await page.context().newCDPSession(page);
  let url;
  try {
    url = (await own.send("Target.getTargetInfo")).targetInfo.url;
  } finally {
    await own.detach();
  }
  const { targetInfos } = await browserCdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
  const tab = targetInfos.find((i) => i.url === url) ?? targetInfos.find((i) => i.url === page.url());
  if (!tab) throw new Error(`no tab shows ${url}`);
  await browserCdp.send("Extensions.triggerAction", { id: extId, targetId: tab.targetId });
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
  await clickToolbar({ browserCdp, extId, page });
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

/**
 * The popup for `page`'s tab, opened by `options` (an extension page) in a
 * window of its own, as the toolbar's popup is a view apart from the tab:
 * the tab stays the active one of its window, so its frames keep coming
 * (a background tab gets no animation frames; pressing the popup in a tab
 * of the page's window timed the switch back, 2 s, not the reader).
 * Resolves to {page, reopen(), press(open), close()}: reopen() loads the
 * popup again, as a toolbar click opens it anew; press(open) waits for the
 * popup to be ready (it has asked the page for its state) and, when
 * `open` is given, to show the reader as it is before the press (closed
 * for open = true, open for false: the popup asks again after each press),
 * takes performance.now() and presses "Reader view", resolving to that
 * time. A user's path to the reader, from the press on; the toolbar click
 * that opens the popup is not timed (the popup is a page of its own to
 * load).
 */
export async function popupWindow({ context, options, page, extId, wait = 15000 }) {
  const tabId = await options.evaluate(async (url) => (await chrome.tabs.query({})).find((x) => x.url === url)?.id, page.url());
  const url = `chrome-extension://${extId}/popup/popup.html?tab=${tabId}`;
  const opened = context.waitForEvent("page", { predicate: (p) => p.url() === url, timeout: wait });
  await options.evaluate((url) => chrome.windows.create({ url, type: "popup", width: 360, height: 600 }), url);
  const popup = await opened;
  return {
    page: popup,
    reopen: () => popup.reload(),
    async press(open) {
      await popup.waitForFunction((before) => {
        const b = document.getElementById("reader");
        return !b.disabled && b.hasAttribute("aria-pressed") && (before === null || b.getAttribute("aria-pressed") === before);
      }, open === undefined ? null : String(!open), { timeout: wait });
      // The press itself, dispatched in the popup: Playwright's click
      // first waits for the button to be stable over two animation frames,
      // which a busy machine made 50-400 ms of the measured time.
      const pressed = performance.now();
      await popup.evaluate(() => document.getElementById("reader").click());
      return pressed;
    },
    close: () => popup.close(),
  };
}
