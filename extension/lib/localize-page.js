// Puts the extension's own pages (popup, settings, welcome) into the
// browser's language: every element with `data-i18n="name"` gets the
// message as its text, and `data-i18n-title`, `data-i18n-aria-label`,
// `data-i18n-alt` and `data-i18n-placeholder` set those attributes; the
// document's `lang` and `dir` follow the messages' language. The pages
// carry English in their markup, which shows only if this does not run.
import { api } from "./api.js";
import { t, uiLocale } from "./i18n.js";

const ATTRIBUTES = ["title", "aria-label", "alt", "placeholder"];

/** Fills `doc`'s marked elements with the messages and sets its language and direction. */
export function localizePage(doc = document) {
  for (const el of doc.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const attr of ATTRIBUTES) {
    for (const el of doc.querySelectorAll(`[data-i18n-${attr}]`)) el.setAttribute(attr, t(el.getAttribute(`data-i18n-${attr}`)));
  }
  doc.documentElement.lang = uiLocale();
  doc.documentElement.dir = api.i18n.getMessage("@@bidi_dir") || "ltr";
}
