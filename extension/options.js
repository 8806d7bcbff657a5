// The options page: shows the stored settings and saves each change at once
// (validated by the same code the background uses). Turning on
// auto-declutter asks for the host permission right in the click, and
// narrowing it or turning it off gives back every permission it no longer
// needs.
import { api } from "./lib/api.js";
import { COLLAPSIBLE_KINDS, RANGES } from "./lib/protocol.js";
import { loadSettings, saveSettings, normalizeHost } from "./lib/settings.js";
import { patternsFor, wantedOrigins } from "./lib/auto.js";
import { giveBackUnneeded } from "./lib/give-back.js";
import { forgetAll } from "./lib/always-show.js";
import { t, tn, uiLocale } from "./lib/i18n.js";
import { localizePage } from "./lib/localize-page.js";

const form = document.getElementById("settings");
const statusLine = document.getElementById("status");
const sitesBox = document.getElementById("autoSites");

function say(text) {
  statusLine.textContent = text;
}

function show(s) {
  form.elements.theme.value = s.theme;
  form.elements.font.value = s.font;
  // Not the field being typed in: a save of another setting finishing
  // meanwhile put the stored value back under the user's fingers.
  for (const key of Object.keys(RANGES)) if (form.elements[key] !== document.activeElement) form.elements[key].value = String(s[key]);
  for (const kind of COLLAPSIBLE_KINDS) document.getElementById(`collapse-${kind}`).checked = s.collapse[kind];
  document.getElementById("marks").checked = s.marks;
  form.elements.auto.value = s.auto;
  sitesBox.value = s.autoSites.join("\n");
}

async function save(patch) {
  const saved = await saveSettings(api.storage, patch);
  show(saved);
  say(t("options_saved"));
  return saved;
}

function typedSites() {
  const lines = sitesBox.value.split(/[\s,]+/).filter(Boolean);
  const hosts = lines.map(normalizeHost);
  const bad = lines.filter((_, i) => !hosts[i]);
  return { hosts: [...new Set(hosts.filter(Boolean))], bad };
}

// permissions.request must run before any other await: it needs the click.
async function setAuto(mode) {
  const { hosts, bad } = typedSites();
  if (bad.length) say(t("options_badSites", bad.join(", ")));
  const origins = mode === "everywhere" ? ["<all_urls>"] : mode === "sites" ? hosts.flatMap(patternsFor) : [];
  if (origins.length && !(await api.permissions.request({ origins }))) {
    show(await loadSettings(api.storage));
    say(t("options_permissionRefused"));
    return;
  }
  // Chromium's remove() takes back every granted site that <all_urls>
  // covers, so it is called only when <all_urls> itself was granted, and
  // the sites are asked for again if they went with it (the click still counts).
  if (mode !== "everywhere" && (await api.permissions.contains({ origins: ["<all_urls>"] }))) {
    await api.permissions.remove({ origins: ["<all_urls>"] }).catch(() => {});
    if (origins.length && !(await api.permissions.contains({ origins }))) await api.permissions.request({ origins }).catch(() => false);
  }
  const saved = await save({ auto: mode, autoSites: hosts });
  // The sites' permissions the new settings do not need, now that they are saved.
  await giveBackUnneeded(api.permissions, wantedOrigins(saved));
  if (bad.length) say(t("options_savedBadSites", bad.join(", ")));
}

function bindRanges() {
  for (const [key, [min, max, step]] of Object.entries(RANGES)) {
    const input = form.elements[key];
    Object.assign(input, { min, max, step });
    input.addEventListener("change", () => {
      const value = Number(input.value);
      if (input.value === "" || !(value >= min && value <= max)) {
        say(t("options_range", input.labels[0].textContent, min.toLocaleString(uiLocale()), max.toLocaleString(uiLocale())));
        loadSettings(api.storage).then(show);
        return;
      }
      save({ [key]: value });
    });
  }
}

function bind() {
  for (const radio of form.elements.theme) radio.addEventListener("change", () => save({ theme: radio.value }));
  form.elements.font.addEventListener("change", () => save({ font: form.elements.font.value }));
  bindRanges();
  for (const kind of COLLAPSIBLE_KINDS) {
    const box = document.getElementById(`collapse-${kind}`);
    box.addEventListener("change", async () => {
      const { collapse } = await loadSettings(api.storage);
      save({ collapse: { ...collapse, [kind]: box.checked } });
    });
  }
  const marks = document.getElementById("marks");
  marks.addEventListener("change", () => save({ marks: marks.checked }));
  for (const radio of form.elements.auto) radio.addEventListener("change", () => setAuto(radio.value));
  document.getElementById("save-sites").addEventListener("click", () => setAuto("sites"));
  document.getElementById("forget").addEventListener("click", async () => {
    const n = await forgetAll(api.storage);
    say(n ? tn(n, "options_forgotten") : t("options_nothingToForget"));
  });
  form.addEventListener("submit", (e) => e.preventDefault());
}

localizePage();
bind();
show(await loadSettings(api.storage));
document.documentElement.dataset.ready = "true";
