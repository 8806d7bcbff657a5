// The reader's "6 min read" in the article's language where the extension
// has that language (issue 14 item 8), else in the browser's. The browser's
// i18n API gives only the messages of the browser's language, so this
// one message of each language is bundled into the content script
// (esbuild takes a JSON file's top-level names as named imports and leaves
// the rest of the file out).
import { readingTime_one as enOne, readingTime_other as enOther } from "../_locales/en/messages.json";
import { readingTime_one as deOne, readingTime_other as deOther } from "../_locales/de/messages.json";
import { readingTime_one as frOne, readingTime_other as frOther } from "../_locales/fr/messages.json";
import { readingTime_one as esOne, readingTime_other as esOther } from "../_locales/es/messages.json";
import { tn, uiLocale } from "../lib/i18n.js";

const BY_LANGUAGE = {
  en: { one: enOne, other: enOther },
  de: { one: deOne, other: deOther },
  fr: { one: frOne, other: frOther },
  es: { one: esOne, other: esOther },
};

/**
 * "`minutes` min read" in the language `lang` names ("fr", "fr-CA", from
 * the engine's metadata or the page's `<html lang>`) when the extension
 * has it, else in the browser's language. Returns {text, lang}: the
 * language it is in, for the element's `lang`.
 */
export function readingTime(minutes, lang) {
  const primary = String(lang || "").toLowerCase().split(/[-_]/)[0];
  const messages = BY_LANGUAGE[primary];
  if (!messages) return { text: tn(minutes, "readingTime"), lang: uiLocale() };
  const form = new Intl.PluralRules(primary).select(minutes) === "one" ? "one" : "other";
  return { text: messages[form].message.replace(/\$COUNT\$/gi, minutes.toLocaleString(primary)), lang: primary };
}
