// Declutter in Node, where there is no DOM: analyzeHtml() on a saved page.
//
//   node examples/node/analyze-file.mjs FILE [URL]
//
// Prints each block (kind, confidence, strongest reason, start of its text)
// and the article's title and word count. URL, when given, is the page's
// address, for resolving its links. An app that installed the package
// imports from "declutter/html" instead of the repository's pkg/html.js.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import init, { analyzeHtml } from "../../pkg/html.js";

const USAGE = "usage: node examples/node/analyze-file.mjs FILE [URL]";
const TEXT_HEAD = 70;
const REASON_WIDTH = 32;

const clip = (s, n) => (s.length > n ? s.slice(0, n - 1) + "…" : s);

/** A failure the command reports in one line, with the exit code to use. */
export class InputError extends Error {
  constructor(message, code = 1) {
    super(message);
    this.code = code;
  }
}

async function readHtml(file) {
  let bytes;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const why = { ENOENT: "no such file", EISDIR: "it is a folder", EACCES: "permission denied" }[e.code] || e.message;
    throw new InputError(`cannot read ${file}: ${why}`);
  }
  // A NUL byte never occurs in an HTML page saved as text.
  if (bytes.includes(0)) throw new InputError(`${file} is not an HTML text file (it holds binary data)`);
  const html = bytes.toString("utf8");
  if (!html.trim()) throw new InputError(`${file} is empty`);
  return html;
}

function checkUrl(url) {
  if (url === undefined) return undefined;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`not an absolute URL: ${url}`);
  }
  if (!["http:", "https:"].includes(parsed.protocol)) throw new InputError(`not a web address (http or https): ${url}`);
  return url;
}

/** Reads `file` and analyses it; `url` is the page's address, if known. */
export async function analyzeFile(file, url) {
  const html = await readHtml(file);
  const pageUrl = checkUrl(url);
  await init();
  try {
    return analyzeHtml(html, pageUrl);
  } catch (e) {
    throw new InputError(`cannot analyse ${file}: ${e.message}`);
  }
}

/** The blocks and the article summary as printed lines. */
export function report({ blocks, article, timings }) {
  const lines = blocks.map((b) => {
    const reason = clip(b.reasons[0]?.detail ?? "", REASON_WIDTH).padEnd(REASON_WIDTH);
    return `${b.kind.padEnd(11)} ${b.confidence.toFixed(2)}  ${reason}  ${clip(b.text, TEXT_HEAD)}`;
  });
  lines.push(
    "",
    `${blocks.length} blocks in ${timings.total.toFixed(1)} ms`,
    `article: ${article.title ?? "(no title)"} — ${article.wordCount} words`,
  );
  return lines;
}

async function main(args) {
  if (args.length < 1 || args.length > 2 || args[0].startsWith("-")) throw new InputError(USAGE, 2);
  const [file, url] = args;
  console.log(report(await analyzeFile(file, url)).join("\n"));
}

if (import.meta.url === pathToFileURL(process.argv[1] || "").href) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof InputError ? `analyze-file: ${e.message}` : e);
    process.exit(e.code === 2 ? 2 : 1);
  });
}
