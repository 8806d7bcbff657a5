// The extension's words in the browser's language (issue 14 item 8): the
// messages of _locales/<lang>/messages.json (English, German, French,
// Spanish; English where the browser's language is none of them), through
// the browser's i18n API, which content scripts may call too.
import { api } from "./api.js";

/**
 * The message `name` with its placeholders filled from `subs` (in the
 * order the message's placeholders are numbered); the name itself if the
 * message is missing (the browser gives "" without an error;
 * extension/locales.test.js checks that every name used exists).
 */
export function t(name, ...subs) {
  return api.i18n.getMessage(name, subs.map(String)) || name;
}

/**
 * The language of the messages the browser chose for the extension ("en",
 * "de", ...): their own `locale` message. Not i18n.getUILanguage(), which
 * is the browser's UI language: Debian's Chromium with `--lang=de` gives
 * the extension its German messages but says "en-US" there (it ships only
 * en-US.pak), and a browser in Italian gets the English messages.
 */
export const uiLocale = () => t("locale");

/**
 * `name_one` or `name_other` as the plural rules of the messages'
 * language call for with `n` (French says "0 élément", English "0
 * things"), `n` (formatted for that language) as the first placeholder.
 */
export function tn(n, name, ...subs) {
  return t(pluralName(n, name), n.toLocaleString(uiLocale()), ...subs);
}

// `name_one` or `name_other`, by the plural rules of the messages' language.
const pluralName = (n, name) => `${name}_${new Intl.PluralRules(uiLocale()).select(n) === "one" ? "one" : "other"}`;

/**
 * Like t(), but "" where the message is missing: for names made at run
 * time (the engine's reasons, `why_<id>`), where the caller has words of
 * its own to fall back on.
 */
export function tIfAny(name, ...subs) {
  return api.i18n.getMessage(name, subs.map(String));
}

/** tn() giving "" where the message is missing (see tIfAny). */
export function tnIfAny(n, name, ...subs) {
  return tIfAny(pluralName(n, name), n.toLocaleString(uiLocale()), ...subs);
}
