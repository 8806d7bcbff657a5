// The reader puts the core's article HTML through DOMPurify again before
// inserting it (content/reader.js), and the packager ships
// node_modules/dompurify as vendor/purify.min.js. Issue 16's review asks
// for DOMPurify 3.4.13 or later: package.json must not allow an older one,
// and the lock file and the installed copy must be one of those
// (`node --test extension/`; not shipped).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const MIN = [3, 4, 13];
const repo = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const json = (path) => JSON.parse(readFileSync(repo(path), "utf8"));

/** x.y.z as numbers; null for anything else. */
const parse = (v) => (/^\d+\.\d+\.\d+$/.test(v) ? v.split(".").map(Number) : null);
const atLeast = (v, min) => {
  for (let i = 0; i < 3; i++) if (v[i] !== min[i]) return v[i] > min[i];
  return true;
};

/** The lowest version a simple npm range (^x.y.z, ~x.y.z, >=x.y.z, x.y.z) allows; null for a range this does not read. */
function lowest(range) {
  const m = /^(\^|~|>=)?\s*(\d+\.\d+\.\d+)$/.exec(range.trim());
  return m ? parse(m[2]) : null;
}

test("package.json allows no DOMPurify older than 3.4.13", () => {
  const range = json("package.json").devDependencies.dompurify;
  const min = lowest(range);
  assert.ok(min, `a range this test cannot read: ${range}`);
  assert.ok(atLeast(min, MIN), `package.json allows dompurify ${range}`);
});

test("the lock file and the installed copy are DOMPurify 3.4.13 or later", () => {
  const lock = json("package-lock.json");
  assert.equal(lock.packages[""].devDependencies.dompurify, json("package.json").devDependencies.dompurify, "package-lock.json is out of step with package.json");
  const locked = parse(lock.packages["node_modules/dompurify"].version);
  assert.ok(locked && atLeast(locked, MIN), `locked ${lock.packages["node_modules/dompurify"].version}`);
  const installed = repo("node_modules/dompurify/package.json");
  if (existsSync(installed)) {
    const v = json("node_modules/dompurify/package.json").version;
    assert.ok(parse(v) && atLeast(parse(v), MIN), `node_modules has dompurify ${v}: run npm ci`);
  }
});

test("the version check itself", () => {
  assert.deepEqual(lowest("^3.2.0"), [3, 2, 0]);
  assert.equal(lowest("3.x || 4"), null);
  assert.ok(!atLeast([3, 4, 12], MIN));
  assert.ok(atLeast([3, 4, 13], MIN));
  assert.ok(atLeast([3, 10, 0], MIN));
  assert.ok(!atLeast([2, 99, 99], MIN));
});
