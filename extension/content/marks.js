// The slim marks, an option (settings.marks, off by default): one line
// before a hidden widget, "Share buttons hidden · show", never taller than
// one line of small text (issue 14: bars were taller than what they hid),
// one per widget. Shown again, the widget's mark offers to always show it
// on this site. A real <button> in a closed shadow root, as the control.

import { t, uiLocale } from "../lib/i18n.js";

const CSS = `
:host { all: initial !important; display: block !important; margin: 2px 0 !important; visibility: visible !important; opacity: 1 !important;
  height: 20px !important; max-height: 20px !important; overflow: hidden !important; }
.mark { display: flex; gap: 6px; align-items: center; height: 20px; box-sizing: border-box; padding: 0 6px; overflow: hidden; white-space: nowrap;
  font: 12px/18px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #5f6368; border-left: 2px solid #dadce0; }
.text { overflow: hidden; text-overflow: ellipsis; min-width: 0; }
button { all: unset; cursor: pointer; color: #1a73e8; text-decoration: underline; flex: none; }
button[hidden] { display: none; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
@media (prefers-color-scheme: dark) { .mark { color: #bdc1c6; border-color: #5f6368; } button { color: #8ab4f8; } }
@media print { :host { display: none !important; } }`;

// Where a plain <div> would be invalid markup, the mark takes the
// container's own item element around its host.
function markHost(first) {
  const parent = first.parentElement?.localName;
  if (parent === "ul" || parent === "ol" || parent === "menu") {
    const li = document.createElement("li");
    li.setAttribute("data-declutter", "bar");
    const host = document.createElement("div");
    li.append(host);
    return { outer: li, host };
  }
  if (parent === "tbody" || parent === "thead" || parent === "tfoot" || parent === "table") {
    const tr = document.createElement("tr");
    tr.setAttribute("data-declutter", "bar");
    const td = document.createElement("td");
    td.colSpan = 999;
    const host = document.createElement("div");
    td.append(host);
    tr.append(td);
    return { outer: tr, host };
  }
  const host = document.createElement("div");
  host.setAttribute("data-declutter", "bar");
  return { outer: host, host };
}

/**
 * A mark for `widget` ({label, why, visible, setVisible(on), alwaysShow()}),
 * to go before its first element; `changed()` is called after the user
 * showed or hid it here. Returns {outer, update()}; `outer` starts hidden.
 */
export function mark(widget, changed) {
  const { outer, host } = markHost(widget.top[0]);
  const root = host.attachShadow({ mode: "closed", delegatesFocus: true });
  const style = document.createElement("style");
  style.textContent = CSS;
  const box = document.createElement("div");
  box.className = "mark";
  box.lang = uiLocale();
  if (widget.why.length) box.title = widget.why.join(" ");
  const text = document.createElement("span");
  text.className = "text";
  const toggle = document.createElement("button");
  toggle.type = "button";
  const always = document.createElement("button");
  always.type = "button";
  always.textContent = t("action_alwaysShow");
  always.hidden = true;
  const note = document.createElement("span");
  note.setAttribute("role", "status");
  box.append(text, toggle, always, note);
  root.append(style, box);
  toggle.addEventListener("click", () => {
    widget.setVisible(!widget.visible);
    update();
    changed();
  });
  always.addEventListener("click", async () => {
    await widget.alwaysShow();
    widget.remembered = true;
    update();
    changed();
  });
  function update() {
    text.textContent = widget.visible ? widget.label : t("mark_hidden", widget.label);
    toggle.textContent = widget.visible ? t("action_hide") : t("action_show");
    toggle.setAttribute("aria-label", t(widget.visible ? "action_hideLabel" : "action_showLabel", widget.label));
    always.hidden = !widget.visible || !!widget.remembered;
    note.textContent = widget.remembered ? t("mark_remembered") : "";
  }
  update();
  outer.hidden = true;
  return { outer, update };
}
