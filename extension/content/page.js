// The content script's controller: snapshots the page, asks the extension's
// own context to analyse it (the wasm never runs in the page), and switches
// between the page, the reader view and the decluttered page.
// A classic content script: it defines one global in the isolated world.
globalThis.declutterPage ??= (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const { report, copyText } = globalThis.DeclutterBlocks;

  // Pages past these limits are not read: the answer would take the
  // extension's context tens of seconds and much memory, and the toolbar
  // says the page is too large instead. Elements are counted first, in one
  // native call; nodes (elements and text) and characters (of text and
  // attributes) as the walk goes.
  const LIMITS = { elements: 250_000, nodes: 500_000, chars: 16 * 2 ** 20 };

  let reader = null; // the open reader view
  let collapsed = null; // {handle, result} while blocks are collapsed
  let busy = null; // the toggle in progress; a second click waits for it

  async function send(message) {
    const reply = await api.runtime.sendMessage(message);
    if (!reply || !reply.ok) throw new Error(reply?.error || "the extension did not answer");
    return reply.value;
  }

  /** What a page past LIMITS is told: why, for the toolbar's tooltip. */
  class TooLarge extends Error {}

  const count = (n) => n.toLocaleString("en-US");

  // Nodes are kept here; only the op stream and strings cross to the
  // extension, and blocks come back naming nodes by index. The walk and
  // the sending are sliced so the page keeps its main thread.
  async function analyze() {
    const t0 = performance.now();
    const elements = document.getElementsByTagName("*").length;
    if (elements > LIMITS.elements) throw new TooLarge(`${count(elements)} elements; the limit is ${count(LIMITS.elements)}`);
    let snap;
    try {
      snap = await globalThis.DeclutterSnapshot.snapshotAsync(document, {
        sliceMs: globalThis.DeclutterSlices.SLICE_MS,
        maxNodes: LIMITS.nodes,
        maxChars: LIMITS.chars,
      });
    } catch (e) {
      if (e?.limit === "maxNodes") throw new TooLarge(`more than ${count(LIMITS.nodes)} elements and texts`);
      if (e?.limit === "maxChars") throw new TooLarge(`more than ${count(LIMITS.chars)} characters of text`);
      throw e;
    }
    const t1 = performance.now();
    const result = await globalThis.DeclutterAnalysisPort.analyzeRemotely(snap);
    const t2 = performance.now();
    return { ...result, nodes: snap.nodes, timings: { snapshot: t1 - t0, analyzeRoundTrip: t2 - t1, analyze: result.analysis.timings.analyze } };
  }

  const hiddenKinds = (result) => result.settings.collapse;
  const reportText = (result) => report(location.href, result.analysis.blocks);

  function status(result, count) {
    const a = result.analysis.article;
    send({
      type: "status",
      status: { collapsed: count, article: result.looksLikeArticle, words: a.wordCount, minutes: Math.round(a.readingMinutes) },
    }).catch(() => {});
  }

  function closeReader() {
    reader.close();
    reader = null;
  }

  function openReader(result, clickTime) {
    const renderStart = performance.now();
    const kinds = hiddenKinds(result);
    const left = result.analysis.blocks.filter((b) => kinds[b.kind] && !result.shown.includes(b.hash)).length;
    reader = globalThis.DeclutterReader.open(
      { article: result.analysis.article, settings: result.settings },
      {
        close: () => {
          closeReader();
          status(result, collapsed ? collapsed.handle.count : 0);
        },
        declutter: () =>
          serially(() => {
            if (reader) closeReader();
            return collapsed ? null : declutter(result);
          }),
        report: () => copyText(reportText(result)),
        save: (patch) => send({ type: "saveSettings", patch }).catch(() => null),
      },
    );
    status(result, left);
    return reader.painted.then((paintedAt) => ({
      mode: "reader",
      // Both clocks are wall-clock milliseconds of the same machine.
      clickToPaintMs: clickTime ? performance.timeOrigin + paintedAt - clickTime : null,
      ...result.timings,
      renderToPaint: paintedAt - renderStart,
    }));
  }

  async function declutter(result) {
    const handle = await globalThis.DeclutterCollapse.collapse(
      { blocks: result.analysis.blocks, nodes: result.nodes, kinds: hiddenKinds(result), shown: result.shown },
      {
        alwaysShow: (hash) => send({ type: "alwaysShow", hash }).catch(() => {}),
        report: () => copyText(reportText(result)),
      },
    );
    collapsed = { handle, result };
    status(result, handle.count);
    return { mode: "declutter", collapsed: handle.count };
  }

  async function restore() {
    await collapsed.handle.restore();
    const { result } = collapsed;
    collapsed = null;
    status(result, 0);
    return { mode: "page" };
  }

  async function run(mode, clickTime) {
    try {
      return await runMode(mode, clickTime);
    } catch (e) {
      if (!(e instanceof TooLarge)) throw e;
      send({ type: "status", status: { tooLarge: e.message } }).catch(() => {});
      return { mode: "too-large", reason: e.message };
    }
  }

  async function runMode(mode, clickTime) {
    if (mode === "reader") {
      if (reader) {
        closeReader();
        return { mode: collapsed ? "declutter" : "page" };
      }
      // Decluttered: the collapsed blocks are hidden, so reuse the analysis
      // made of the page as it was.
      return openReader(collapsed ? collapsed.result : await analyze(), clickTime);
    }
    if (mode === "declutter") {
      if (reader) closeReader();
      if (collapsed) return restore();
      return declutter(await analyze());
    }
    if (mode === "auto") return collapsed || reader ? { mode: "unchanged" } : declutter(await analyze());
    throw new Error(`unknown mode ${mode}`);
  }

  // Runs `work` after whatever is in progress: collapsing and restoring
  // take several tasks, and a click meanwhile must not interleave.
  function serially(work) {
    const next = (busy || Promise.resolve()).then(work);
    busy = next.catch(() => {});
    return next.catch((e) => ({ error: String(e?.message || e) }));
  }

  /** Toggles `mode` ("reader", "declutter", or "auto": declutter unless already done); `clickTime` is Date.now() at the click. */
  function toggle(mode, clickTime) {
    return serially(() => run(mode, clickTime));
  }

  return { toggle };
})();
