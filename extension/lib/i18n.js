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
  const locale = uiLocale();
  const form = new Intl.PluralRules(locale).select(n) === "one" ? "one" : "other";
  return t(`${name}_${form}`, n.toLocaleString(locale), ...subs);
}
