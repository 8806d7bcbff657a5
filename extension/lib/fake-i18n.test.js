// A stand-in for the browsers' i18n API in the unit tests (no tests of its
// own): the messages of _locales/en (or of another language), placeholders
// filled as Chrome and Firefox fill them. Not shipped (the packager leaves
// out *.test.js).
import { readFileSync } from "node:fs";

const messagesOf = (lang) => JSON.parse(readFileSync(new URL(`../_locales/${lang}/messages.json`, import.meta.url), "utf8"));

/** {getMessage, getUILanguage} over the messages of `lang` (English by default). */
export function fakeI18n(lang = "en") {
  const MESSAGES = messagesOf(lang);
  const getMessage = (name, subs = []) => {
    const m = MESSAGES[name];
    if (!m) return "";
    const given = [subs].flat();
    return m.message.replace(/\$(\w+)\$/g, (_, p) => given[Number(m.placeholders[p.toLowerCase()].content.slice(1)) - 1] ?? "");
  };
  return { getMessage, getUILanguage: () => lang };
}
