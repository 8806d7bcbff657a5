// A static file server for the demo and the browser tests: localhost only,
// no caching, correct types for ES modules and wasm, and optional extra
// headers (a strict CSP for the extension's tests, CORS for the corpus).
//
//   node scripts/serve.mjs DIR [PORT] [--cors]   serves DIR, prints the URL;
//                                                --cors lets any origin read it
//   import { serve } from "./serve.mjs"     await serve({root, port, headers})
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
};

/**
 * Serves `root` on 127.0.0.1. `headers(path)` (or a plain object) adds
 * response headers; every request path is recorded in `requests`.
 * Resolves to {url, port, requests, close()}.
 */
export async function serve({ root, port = 0, headers = {} }) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    requests.push(path);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end("outside the served folder");
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      const extra = typeof headers === "function" ? headers(path) || {} : headers;
      res.writeHead(200, {
        "content-type": TYPES[extname(file).toLowerCase()] || "application/octet-stream",
        "cache-control": "no-store",
        ...extra,
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${path}`);
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", ok);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] || "").href) {
  const args = process.argv.slice(2);
  const cors = args.includes("--cors");
  const [root = ".", port = "0"] = args.filter((a) => a !== "--cors");
  const headers = cors ? { "access-control-allow-origin": "*" } : {};
  const { url } = await serve({ root, port: Number(port), headers });
  console.log(url);
}
