// The toolbar button's popup: what Declutter made of the tab's page (an
// article or not, what is hidden by label), its modes, this site's
// automatic declutter, and which kinds to hide. Every setting stays on the
// options page too. The tab is the active one, or `?tab=ID` (the tests
// open this page in a tab of its own).
import { api } from "../lib/api.js";
import { COLLAPSIBLE_KINDS, MSG } from "../lib/protocol.js";
import { loadSettings, saveSettings, normalizeHost } from "../lib/settings.js";
import { patternsFor, wantedOrigins } from "../lib/auto.js";
import { giveBackUnneeded } from "../lib/give-back.js";
import { t, tn, uiLocale } from "../lib/i18n.js";
import { localizePage } from "../lib/localize-page.js";

/** The kinds' names (messages). */
const KIND_NAMES = { promo: "kind_promo", related: "kind_related", boilerplate: "kind_boilerplate" };

const $ = (id) => document.getElementById(id);
const say = (text) => ($("say").textContent = text);
let tabId = null;
let host = null;

async function findTab() {
  const asked = Number(new URLSearchParams(location.search).get("tab"));
  if (Number.isInteger(asked) && asked > 0) return asked;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

// The background's toolbar handler, for this tab (an extension page's right).
async function run(mode) {
  const reply = await api.runtime.sendMessage({ type: MSG.run, tabId, mode, clickTime: Date.now() });
  if (!reply?.ok) throw new Error(reply?.error || "no answer");
  if (reply.value?.error) throw new Error(reply.value.error);
  return reply.value;
}

/** Shows the page's state: {mode, article, words, minutes, hidden: {label: n}, total, host}. */
function show(state) {
  if (state.mode === "too-large") {
    cannotRead(t("popup_cannotReadWhy", state.reason || t("popup_tooLarge")));
    return;
  }
  host = normalizeHost(state.host || "");
  $("article").textContent = state.article
    ? t("popup_article", state.words.toLocaleString(uiLocale()), state.minutes)
    : t("popup_notArticle");
  $("total").textContent = state.total === 0 ? t("popup_nothingHidden") : tn(state.total, "popup_total");
  const list = $("labels");
  list.replaceChildren(
    ...Object.entries(state.hidden).map(([label, n]) => {
      const li = document.createElement("li");
      li.textContent = t("popup_labelCount", label, n);
      return li;
    }),
  );
  $("reader").setAttribute("aria-pressed", String(state.mode === "reader"));
  $("declutter").setAttribute("aria-pressed", String(state.mode === "declutter"));
  $("declutter").textContent = state.mode === "declutter" ? t("popup_declutterOn") : t("popup_declutterOff");
  $("showAll").disabled = state.mode === "page";
  for (const id of ["always", "never"]) $(id).disabled = !host;
}

// The page could not be read for the popup: its buttons stay, since the
// reader and declutter give their own answer (the tooltip says why), and
// a page that was out of reach may be readable after a press grants it.
function cannotRead(text) {
  $("article").textContent = text;
  $("reader").setAttribute("aria-pressed", "false");
  $("declutter").setAttribute("aria-pressed", "false");
}

async function refresh() {
  try {
    show(await run("state"));
  } catch (e) {
    cannotRead(t("popup_cannotRead"));
    say(String(e.message || e));
  }
}

// A mode's button: run it, then show the page's new state.
function onMode(id, mode) {
  $(id).addEventListener("click", async () => {
    try {
      await run(mode);
      await refresh();
    } catch (e) {
      say(t("popup_failed", e.message || e));
    }
  });
}

// permissions.request must be the click's first await: it needs the gesture.
async function alwaysOnSite() {
  if (!host) return;
  if (!(await api.permissions.request({ origins: patternsFor(host) }))) {
    say(t("popup_permissionRefused"));
    return;
  }
  const s = await loadSettings(api.storage);
  await saveSettings(api.storage, { auto: s.auto === "everywhere" ? "everywhere" : "sites", autoSites: [...s.autoSites, host] });
  await run("auto");
  say(t("popup_alwaysDone", host));
  await refresh();
}

async function neverOnSite() {
  if (!host) return;
  const s = await loadSettings(api.storage);
  const saved = await saveSettings(api.storage, { autoSites: s.autoSites.filter((h) => h !== host) });
  await giveBackUnneeded(api.permissions, wantedOrigins(saved));
  await run("page");
  say(
    saved.auto === "everywhere"
      ? t("popup_neverEverywhere", host)
      : t("popup_neverDone", host),
  );
  await refresh();
}

async function kinds() {
  const { collapse } = await loadSettings(api.storage);
  const box = $("kinds");
  for (const kind of COLLAPSIBLE_KINDS) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "checkbox";
    input.id = `collapse-${kind}`;
    input.checked = collapse[kind];
    input.addEventListener("change", async () => {
      const now = await loadSettings(api.storage);
      await saveSettings(api.storage, { collapse: { ...now.collapse, [kind]: input.checked } });
      say(t("popup_saved"));
    });
    label.append(input, ` ${t(KIND_NAMES[kind])}`);
    box.append(label);
  }
}

localizePage();
onMode("reader", "reader");
onMode("declutter", "declutter");
onMode("showAll", "page");
$("always").addEventListener("click", () => alwaysOnSite().catch((e) => say(String(e.message || e))));
$("never").addEventListener("click", () => neverOnSite().catch((e) => say(String(e.message || e))));
$("options").addEventListener("click", (e) => {
  e.preventDefault();
  api.runtime.openOptionsPage();
});

findTab().then((id) => {
  tabId = id;
  kinds();
  return refresh();
});
