// A stand-in for the browsers' i18n API in the unit tests (no tests of its
// own): the English messages of _locales/en, placeholders filled as Chrome
// and Firefox fill them. Not shipped (the packager leaves out *.test.js).
import { readFileSync } from "node:fs";

const MESSAGES = JSON.parse(readFileSync(new URL("../_locales/en/messages.json", import.meta.url), "utf8"));

/** {getMessage, getUILanguage} over the English messages. */
export function fakeI18n() {
  const getMessage = (name, subs = []) => {
    const m = MESSAGES[name];
    if (!m) return "";
    const given = [subs].flat();
    return m.message.replace(/\$(\w+)\$/g, (_, p) => given[Number(m.placeholders[p.toLowerCase()].content.slice(1)) - 1] ?? "");
  };
  return { getMessage, getUILanguage: () => "en" };
}
