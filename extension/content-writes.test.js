// What the content scripts write on the page's own elements: nothing but
// the data-declutter* attributes. The must-not-break check compares only
// those attributes after each toggle (a page's own scripts react to the
// layout a collapse changes: lazy loaders, menus re-measured after a
// resize), so this test is what holds the extension to writing no other.
// Every attribute, class, style or property write in extension/content is
// found here; one on an element the extension built itself names that
// element in OWN_ELEMENTS, one on a page element must write a
// data-declutter* attribute.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const CONTENT = join(dirname(fileURLToPath(import.meta.url)), "content");

// Per file, the variables that hold elements the extension created itself
// (its control, its marks, the reader and the reader's sanitized copy).
const OWN_ELEMENTS = {
  "collapse.js": ["style", "outer"],
  "hidden-list.js": ["host", "style", "pill", "panel", "row", "label", "act", "always", "what", "why", "footer", "note", "showAll", "report", "head"],
  "marks.js": ["li", "tr", "host", "style", "box", "text", "always", "note", "toggle", "outer"],
  "reader.js": ["node", "img", "a", "b", "view", "host", "note", "pageStyle"],
};

// Attribute calls (`x.setAttribute(name, ...)`) and property writes
// (`x.className = `, `x.style.color = `, `x.classList.add(`).
const CALL = /([A-Za-z_$][\w$]*)\.(setAttribute|removeAttribute|toggleAttribute|setAttributeNS|removeAttributeNS)\(\s*([^,)]*)/g;
const WRITE = /([A-Za-z_$][\w$]*)\.(?:(?:style|classList|dataset)\.|(?:style|className|hidden|inert|tabIndex|id|title|innerHTML|outerHTML|textContent|lang|dir)\s*=(?!=))/g;

// The constant names a file defines as data-declutter* attribute names.
const declutterConstants = (text) => new Set([...text.matchAll(/const\s+([A-Z_]+)\s*=\s*"data-declutter[\w-]*"/g)].map((m) => m[1]));

test("content scripts write only data-declutter* attributes on page elements", async () => {
  const files = (await readdir(CONTENT)).filter((f) => f.endsWith(".js") && !f.endsWith(".test.js"));
  assert.ok(files.length > 5, `content scripts found: ${files}`);
  const offences = [];
  let seen = 0;
  for (const file of files) {
    const text = await readFile(join(CONTENT, file), "utf8");
    const own = new Set(OWN_ELEMENTS[file] || []);
    const ours = declutterConstants(text);
    for (const m of text.matchAll(CALL)) {
      seen++;
      const [, receiver, , name] = m;
      const arg = name.trim();
      const isOurs = ours.has(arg) || /^["'`]data-declutter[\w-]*["'`]$/.test(arg);
      if (!own.has(receiver) && !isOurs) offences.push(`${file}: ${m[0]}`);
    }
    for (const m of text.matchAll(WRITE)) {
      seen++;
      if (!own.has(m[1])) offences.push(`${file}: ${m[0].trim()}`);
    }
  }
  assert.ok(seen > 20, `the patterns still find the extension's writes (${seen})`);
  assert.deepEqual(offences, [], "a write on a page element other than a data-declutter* attribute (or an own element missing from OWN_ELEMENTS)");
});

test("the check catches a write on a page element", () => {
  const sample = 'e.setAttribute("style", "display:none"); el.classList.add("x"); host.setAttribute(HIDDEN, "");';
  const calls = [...sample.matchAll(CALL)].map((m) => m[1]);
  const writes = [...sample.matchAll(WRITE)].map((m) => m[1]);
  assert.deepEqual(calls, ["e", "host"]);
  assert.deepEqual(writes, ["el"]);
});
