// The extension's translations (issue 14 item 8), checked without a
// browser: the four languages have the same messages with the same
// placeholders, and every message the extension asks for exists (a missing
// one shows as an empty string in Chrome and Firefox, without an error).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const EXT = dirname(fileURLToPath(import.meta.url));
const LANGS = ["en", "de", "fr", "es"];

// Every file below `dir`, as paths.
const filesUnder = async (dir) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));

// The reasons the engine can give (src/why-ids.json, kept current by a test
// in src/why.rs): content/blocks.js says each by its message `why_<id>`, or
// `why_<id>_one` and `why_<id>_other` where the first argument is a count
// (tn()), the page's words and the counts as $1, $2 in order.
const engineReasons = async () => JSON.parse(await readFile(join(EXT, "..", "src", "why-ids.json"), "utf8"));
const whyNames = ({ id, args }) => (args[0] === "count" ? [`why_${id}_one`, `why_${id}_other`] : [`why_${id}`]);

const messagesOf = async (lang) => JSON.parse(await readFile(join(EXT, "_locales", lang, "messages.json"), "utf8"));
const placeholdersOf = (m) => Object.keys(m.placeholders || {}).map((p) => p.toLowerCase()).sort();
// The $NAME$ placeholders a message's text uses.
const usedIn = (text) => [...new Set([...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => x[1].toLowerCase()))].sort();

/** The message names the extension's code and pages ask for: {name, where}. */
async function wanted() {
  const out = [];
  const files = (await filesUnder(EXT)).filter((f) => !f.includes(`${join(EXT, "_locales")}`) && !f.endsWith(".test.js"));
  for (const file of files) {
    const where = relative(EXT, file);
    const text = await readFile(file, "utf8").catch(() => "");
    if (file.endsWith(".html")) {
      // data-i18n="name" (text) and data-i18n-ATTR="name" (an attribute).
      for (const m of text.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]*)"/g)) out.push({ name: m[1], where });
    } else if (file.endsWith(".js")) {
      // t("name", ...) and, with a count, tn(n, "name", ...): name_one and name_other.
      for (const m of text.matchAll(/\bt\(\s*"([^"]+)"/g)) out.push({ name: m[1], where });
      for (const m of text.matchAll(/\btn\([^,]+,\s*"([^"]+)"/g)) out.push({ name: `${m[1]}_one`, where }, { name: `${m[1]}_other`, where });
      // Names kept in tables or ternaries: string literals shaped like a message's name ("label_tags").
      const counted = new Set([...text.matchAll(/\btn\([^,]+,\s*"([^"]+)"/g)].map((m) => m[1]));
      for (const m of text.matchAll(/"((?:label|kind|font|theme|action|reader|control|popup|options|welcome|status|tooLarge)_[A-Za-z]+)"/g)) if (!counted.has(m[1])) out.push({ name: m[1], where });
    } else if (file.endsWith("manifest.json")) {
      for (const m of text.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) out.push({ name: m[1], where });
    }
  }
  return out;
}

test("the four languages are there, and the manifest defaults to English", async () => {
  assert.deepEqual((await readdir(join(EXT, "_locales"))).sort(), [...LANGS].sort());
  const manifest = JSON.parse(await readFile(join(EXT, "manifest.json"), "utf8"));
  assert.equal(manifest.default_locale, "en");
  for (const field of [manifest.name, manifest.description, ...Object.values(manifest.commands).map((c) => c.description)]) {
    assert.match(field, /^__MSG_\w+__$/, `the manifest's words come from the messages: ${field}`);
  }
});

test("every language has the same messages with the same placeholders, each used and declared", async () => {
  const en = await messagesOf("en");
  for (const lang of LANGS) {
    const m = await messagesOf(lang);
    assert.deepEqual(Object.keys(m).sort(), Object.keys(en).sort(), `${lang} has the messages en has`);
    for (const [name, entry] of Object.entries(m)) {
      assert.equal(typeof entry.message, "string", `${lang} ${name}`);
      assert.ok(entry.message.trim(), `${lang} ${name} is not empty`);
      assert.deepEqual(placeholdersOf(entry), placeholdersOf(en[name]), `${lang} ${name}: the placeholders en has`);
      assert.deepEqual(usedIn(entry.message), placeholdersOf(entry), `${lang} ${name}: uses every placeholder it declares, and no other`);
      // Chrome's rule for names: ASCII letters, digits and underscores.
      assert.match(name, /^[A-Za-z0-9_]+$/, name);
    }
    assert.equal(m.locale.message, lang, `${lang}: its "locale" message names it`);
  }
});

test("every message the code, the pages and the manifest ask for exists", async () => {
  const en = await messagesOf("en");
  const asked = await wanted();
  assert.ok(asked.length > 50, `found ${asked.length} uses`);
  const missing = asked.filter((a) => !(a.name in en)).map((a) => `${a.name} (${a.where})`);
  assert.deepEqual(missing, []);
});

test("every reason the engine can give has a message in every language, showing what it quotes", async () => {
  const reasons = await engineReasons();
  assert.ok(reasons.length >= 50, `${reasons.length} reasons in src/why-ids.json`);
  for (const lang of LANGS) {
    const m = await messagesOf(lang);
    const missing = [];
    for (const reason of reasons) {
      for (const name of whyNames(reason)) {
        if (!m[name]) {
          missing.push(name);
          continue;
        }
        const numbers = Object.values(m[name].placeholders || {}).map((p) => Number(p.content.slice(1)));
        assert.ok(numbers.every((n) => n >= 1 && n <= reason.args.length), `${lang} ${name}: a placeholder for each of its ${reason.args.length} arguments, no more`);
        // The page's words always show; a count may read as a word ("a link"), but not where there are more.
        reason.args.forEach((kind, i) => assert.ok(kind !== "text" || numbers.includes(i + 1), `${lang} ${name}: shows the page's words ($${i + 1})`));
        if (name.endsWith("_other")) assert.ok(numbers.includes(1), `${lang} ${name}: shows the count`);
      }
    }
    assert.deepEqual(missing, [], `${lang}: a message for each of the engine's reasons`);
  }
});

test("every message is asked for somewhere", async () => {
  const en = await messagesOf("en");
  // The engine's reasons ask for theirs.
  const asked = new Set([...(await wanted()).map((a) => a.name), ...(await engineReasons()).flatMap(whyNames)]);
  // Names the code holds in a ternary or a table, or imports (content/reading-time.js): named anywhere in the sources.
  const files = (await filesUnder(EXT)).filter((f) => /\.(js|html)$/.test(f) && !f.endsWith(".test.js"));
  const sources = (await Promise.all(files.map((f) => readFile(f, "utf8")))).join("\n");
  const named = (name) => new RegExp(`\\b${name}\\b`).test(sources) || (/_(one|other)$/.test(name) && new RegExp(`\\btn\\([^,]+,\\s*"${name.replace(/_(one|other)$/, "")}"`).test(sources));
  const unused = Object.keys(en).filter((name) => !asked.has(name) && !named(name));
  assert.deepEqual(unused, []);
});
