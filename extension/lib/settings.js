// The user's settings: one object in storage.sync, read field by field with
// defaults, so a value from an older version or a corrupted sync never
// breaks the reader; anything unusable falls back with a console warning.
// The schema (choices, ranges, defaults) is lib/protocol.js's.
import { CHOICES, COLLAPSIBLE_KINDS, DEFAULTS, RANGES } from "./protocol.js";

const HOST_RE = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+(?::\d{1,5})?$/;

/** Lower-cases and checks a host name as typed by the user; null when it is not one. */
export function normalizeHost(text) {
  const host = String(text).trim().toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/\/.*$/, "");
  return HOST_RE.test(host) ? host : null;
}

/**
 * Returns a complete, valid settings object from whatever was stored:
 * missing fields take their default silently, invalid ones with a warning.
 */
export function validate(stored) {
  const out = {};
  const src = stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
  if (stored !== undefined && src !== stored) console.warn("Declutter: stored settings are not an object; using defaults");
  const fallback = (key, why) => {
    console.warn(`Declutter: setting ${key} ${why}; using ${JSON.stringify(DEFAULTS[key])}`);
    return DEFAULTS[key];
  };
  for (const [key, options] of Object.entries(CHOICES)) {
    if (!(key in src)) out[key] = DEFAULTS[key];
    else out[key] = options.includes(src[key]) ? src[key] : fallback(key, `has unknown value ${JSON.stringify(src[key])}`);
  }
  for (const [key, [min, max]] of Object.entries(RANGES)) {
    const v = src[key];
    if (!(key in src)) out[key] = DEFAULTS[key];
    else out[key] = typeof v === "number" && v >= min && v <= max ? v : fallback(key, `is outside ${min}–${max}`);
  }
  out.collapse = { ...DEFAULTS.collapse };
  if ("collapse" in src) {
    const c = src.collapse;
    if (c && typeof c === "object") {
      for (const kind of COLLAPSIBLE_KINDS) {
        if (kind in c) {
          if (typeof c[kind] === "boolean") out.collapse[kind] = c[kind];
          else console.warn(`Declutter: setting collapse.${kind} is not true/false; using default`);
        }
      }
    } else fallback("collapse", "is not an object");
  }
  out.marks = DEFAULTS.marks;
  if ("marks" in src) out.marks = typeof src.marks === "boolean" ? src.marks : fallback("marks", "is not true/false");
  out.autoSites = [];
  if ("autoSites" in src) {
    if (Array.isArray(src.autoSites)) {
      for (const h of src.autoSites) {
        const host = typeof h === "string" ? normalizeHost(h) : null;
        if (host && !out.autoSites.includes(host)) out.autoSites.push(host);
        else if (!host) console.warn(`Declutter: ignoring auto-declutter site ${JSON.stringify(h)}`);
      }
    } else fallback("autoSites", "is not a list");
  }
  return out;
}

/** Reads the settings from storage.sync, validated. */
export async function loadSettings(storage) {
  const { settings } = await storage.sync.get("settings");
  return validate(settings);
}

/** The last write of this context, which the next one waits for. */
let writing = Promise.resolve();

/** Merges `patch` into the stored settings, validates and saves; resolves to the saved settings. */
export function saveSettings(storage, patch) {
  // One write at a time per context: each reads the stored settings, patches
  // them and writes them back, so two at once (the options page saving the
  // theme while the text size is typed) lost one of the changes (CI sim:
  // the reader kept the default 19px after a sepia theme and 23px were
  // chosen in a row).
  const write = writing.then(async () => {
    const next = validate({ ...(await loadSettings(storage)), ...patch });
    await storage.sync.set({ settings: next });
    return next;
  });
  writing = write.catch(() => {});
  return write;
}
