// The content script's controller: snapshots the page, asks the extension's
// own context to analyse it (the wasm never runs in the page), and switches
// between the page, the reader view and the decluttered page.
// A classic content script: it defines one global in the isolated world.
globalThis.declutterPage ??= (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const { hashBlock, report, copyText } = globalThis.DeclutterBlocks;

  let reader = null; // the open reader view
  let collapsed = null; // {handle, result} while blocks are collapsed
  let busy = null; // the toggle in progress; a second click waits for it

  async function send(message) {
    const reply = await api.runtime.sendMessage(message);
    if (!reply || !reply.ok) throw new Error(reply?.error || "the extension did not answer");
    return reply.value;
  }

  // Nodes are kept here; only the op stream and strings cross to the
  // extension, and blocks come back naming nodes by index.
  async function analyze() {
    const t0 = performance.now();
    const snap = globalThis.DeclutterSnapshot.snapshot(document);
    const t1 = performance.now();
    const result = await send({ type: "analyze", snapshot: { ops: snap.ops, strings: snap.strings, url: snap.url } });
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
    const left = result.analysis.blocks.filter((b) => kinds[b.kind] && !result.shown.includes(hashBlock(b))).length;
    reader = globalThis.DeclutterReader.open(
      { article: result.analysis.article, settings: result.settings },
      {
        close: () => {
          closeReader();
          status(result, collapsed ? collapsed.handle.count : 0);
        },
        declutter: () => {
          closeReader();
          if (!collapsed) declutter(result);
        },
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

  function declutter(result) {
    const place = globalThis.DeclutterPlace.remember();
    const handle = globalThis.DeclutterCollapse.collapse(
      { blocks: result.analysis.blocks, nodes: result.nodes, kinds: hiddenKinds(result), shown: result.shown },
      {
        alwaysShow: (hash) => send({ type: "alwaysShow", hash }).catch(() => {}),
        report: () => copyText(reportText(result)),
      },
    );
    collapsed = { handle, result, place };
    status(result, handle.count);
    return { mode: "declutter", collapsed: handle.count };
  }

  function restore() {
    const { handle, result, place } = collapsed;
    place.restore(handle.restore);
    collapsed = null;
    status(result, 0);
    return { mode: "page" };
  }

  async function run(mode, clickTime) {
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

  /** Toggles `mode` ("reader", "declutter", or "auto": declutter unless already done); `clickTime` is Date.now() at the click. */
  function toggle(mode, clickTime) {
    const next = (busy || Promise.resolve()).then(() => run(mode, clickTime));
    busy = next.catch(() => {});
    return next.catch((e) => ({ error: String(e?.message || e) }));
  }

  return { toggle };
})();
