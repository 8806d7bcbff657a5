// The one page-level control of the decluttered page (issue 14, quiet by
// default): a small button in a corner, in a closed shadow root, that says
// how many things were hidden and opens their list, each with its label,
// why (in sentences) and a "show" that brings that widget back in place.
// Fixed to the viewport's lower right corner, out of the article's column;
// a real <button>, so the keyboard reaches it (one tab stop, the page's
// last), and Escape closes the list back onto it.

import { t, tn, uiLocale } from "../lib/i18n.js";

const CSS = `
:host { all: initial !important; position: fixed !important; right: 12px !important; bottom: 12px !important; z-index: 2147483647 !important;
  display: block !important; visibility: visible !important; opacity: 1 !important; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.pill { all: unset; box-sizing: border-box; display: block; margin-left: auto; padding: 2px 9px; border-radius: 12px; cursor: pointer; font-size: 12px;
  color: #3c4043; background: #f1f3f4; border: 1px solid #dadce0; box-shadow: 0 1px 3px rgba(0,0,0,.15); white-space: nowrap; }
.pill:focus-visible, button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.panel { position: absolute; right: 0; bottom: calc(100% + 6px); width: min(340px, calc(100vw - 24px)); max-height: min(420px, 70vh); overflow: auto;
  box-sizing: border-box; padding: 8px 10px; color: #202124; background: #fff; border: 1px solid #dadce0; border-radius: 8px; box-shadow: 0 2px 10px rgba(0,0,0,.2); }
.panel[hidden] { display: none; }
h2 { font-size: 13px; font-weight: 600; margin: 0 0 6px; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 5px 0; border-top: 1px solid #eee; }
.row { display: flex; gap: 8px; align-items: baseline; justify-content: space-between; }
.label.shown { opacity: .6; }
.why, .what { margin: 2px 0 0; color: #5f6368; font-size: 12px; }
.what { font-style: italic; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
button[hidden] { display: none; }
button.act, .footer button { font: inherit; color: #1a73e8; background: none; border: 0; padding: 0 2px; cursor: pointer; text-decoration: underline; }
.footer { display: flex; gap: 10px; flex-wrap: wrap; margin-top: 6px; padding-top: 6px; border-top: 1px solid #eee; }
.note { color: #5f6368; }
@media (prefers-color-scheme: dark) {
.pill { color: #e8eaed; background: #303134; border-color: #5f6368; }
.panel { color: #e8eaed; background: #202124; border-color: #5f6368; }
li, .footer { border-color: #3c4043; }
.why, .what, .note { color: #bdc1c6; }
button[hidden] { display: none; }
button.act, .footer button { color: #8ab4f8; }
}
@media print { :host { display: none !important; } }`;

// The engine's reasons are clauses ("says 'Share on'", "a link to another
// site"): one sentence, clauses apart, so two of them do not read as one
// ("marked as an ad in the page's code a link to another site"). The
// separator is the language's: French writes " ; ".
const asSentence = (clauses) => {
  const text = clauses.map((c) => c.replace(/[.;\s\u202f]+$/, "")).join(t("reasonSeparator"));
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
};

/**
 * Builds the control for `widgets` ([{label, why: [sentences], visible,
 * setVisible(on), alwaysShow()}]); `actions` = {showAll(), report(), changed()}, changed()
 * called after a widget was shown or hidden here. Returns {element,
 * update()} (update() after a widget's visibility changed elsewhere, by
 * its mark); the element is not yet in the page.
 */
export function hiddenList(widgets, actions) {
  const host = document.createElement("div");
  host.setAttribute("data-declutter", "control");
  const root = host.attachShadow({ mode: "closed", delegatesFocus: true });
  const style = document.createElement("style");
  style.textContent = CSS;
  const pill = document.createElement("button");
  pill.type = "button";
  pill.className = "pill";
  pill.setAttribute("aria-expanded", "false");
  pill.setAttribute("aria-controls", "list");
  const panel = document.createElement("div");
  panel.className = "panel";
  panel.id = "list";
  panel.hidden = true;
  panel.setAttribute("role", "region");
  panel.setAttribute("aria-label", t("control_region"));
  const head = document.createElement("h2");
  const list = document.createElement("ul");
  const rows = widgets.map((w) => {
    const li = document.createElement("li");
    const row = document.createElement("div");
    row.className = "row";
    const label = document.createElement("span");
    label.className = "label";
    label.textContent = w.label;
    const act = document.createElement("button");
    act.type = "button";
    act.className = "act";
    act.addEventListener("click", () => {
      w.setVisible(!w.visible);
      update();
      actions.changed?.();
    });
    // Shown again, a widget may be kept shown on this site.
    const always = document.createElement("button");
    always.type = "button";
    always.className = "act always";
    always.textContent = t("action_alwaysShow");
    always.hidden = true;
    always.addEventListener("click", async () => {
      await w.alwaysShow();
      w.remembered = true;
      update();
    });
    const buttons = document.createElement("span");
    buttons.append(act, always);
    row.append(label, buttons);
    li.append(row);
    // Its opening words, to tell one "Promotion" from the next.
    if (w.excerpt) {
      const what = document.createElement("p");
      what.className = "what";
      what.textContent = t("control_excerpt", w.excerpt.length > 70 ? w.excerpt.slice(0, 70).trimEnd() + "…" : w.excerpt);
      li.append(what);
    }
    if (w.why.length) {
      const why = document.createElement("p");
      why.className = "why";
      why.textContent = asSentence(w.why);
      li.append(why);
    }
    list.append(li);
    return { w, act, always, label };
  });
  const footer = document.createElement("div");
  footer.className = "footer";
  const showAll = document.createElement("button");
  showAll.type = "button";
  showAll.textContent = t("showAll");
  showAll.addEventListener("click", () => actions.showAll());
  const report = document.createElement("button");
  report.type = "button";
  report.textContent = t("copyReport");
  const note = document.createElement("span");
  note.className = "note";
  note.setAttribute("role", "status");
  report.addEventListener("click", async () => {
    note.textContent = (await actions.report()) ? t("reportCopied") : t("couldNotCopy");
  });
  footer.append(showAll, report, note);
  panel.append(head, list, footer);
  // In the extension's language, whatever the page's (screen readers read it so).
  pill.lang = panel.lang = uiLocale();
  // The button first: Tab from it goes into the open list.
  root.append(style, pill, panel);

  const open = (on) => {
    panel.hidden = !on;
    pill.setAttribute("aria-expanded", String(on));
  };
  pill.addEventListener("click", () => open(panel.hidden));
  root.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !panel.hidden) {
      open(false);
      pill.focus();
    }
  });

  function update() {
    const hidden = widgets.filter((w) => !w.visible).length;
    // Short, so it covers little of a page whose text runs to the edge.
    pill.textContent = tn(hidden, "control_pill");
    const things = tn(hidden, "control_things");
    pill.title = t("control_title", things);
    pill.setAttribute("aria-label", t("control_name", things));
    head.textContent = hidden === widgets.length ? t("hiddenOnPage") : tn(widgets.length - hidden, "control_headShown");
    for (const { w, act, always, label } of rows) {
      act.textContent = w.visible ? t("action_hide") : t("action_show");
      always.hidden = !w.visible || !!w.remembered;
      act.setAttribute("aria-label", t(w.visible ? "action_hideLabel" : "action_showLabel", w.label));
      label.className = w.visible ? "label shown" : "label";
    }
  }
  update();
  return { element: host, update };
}
