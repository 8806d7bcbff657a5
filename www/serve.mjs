// Serves the demo on 127.0.0.1: www/ at `/`, the built package at `/pkg/`
// and the sample pages from ../shared at `/samples/`, read at request time
// so the corpora never get copied into the repository.
//
//   node www/serve.mjs [PORT]                 prints the URL, serves until killed
//   import { serveDemo } from "./serve.mjs"   await serveDemo({port, pkg, shared})
//
// scripts/serve.mjs serves one folder; the demo needs several. Rather than
// copy its file handling, each folder gets its own serve() on a private port
// and a front server forwards requests to them by path prefix.
import { createServer, request } from "node:http";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { serve } from "../scripts/serve.mjs";

const WWW = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(WWW, "..");

// The demo's own pages may run only their own scripts and the package's
// wasm; this also shows the package needs nothing looser than
// 'wasm-unsafe-eval'. The sample pages shown in iframes inherit it, and the
// demo adds a stricter policy of its own to each (see page-frame.js).
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
].join("; ");

/**
 * Starts the demo server. `pkg` is the built package folder (default
 * REPO/pkg), `shared` the folder holding fixtures/ and corpus/ (default
 * REPO/../shared). Resolves to {url, requests, close()}, `requests` being
 * every path asked for, in order.
 */
export async function serveDemo({ port = 0, pkg = join(REPO, "pkg"), shared = join(REPO, "..", "shared") } = {}) {
  for (const [what, dir] of [["the package (run ./build.sh pkg)", pkg], ["../shared", shared]]) {
    if (!existsSync(dir)) throw new Error(`${dir} not found: the demo needs ${what}`);
  }
  // Longest prefix first: `/` catches everything the others do not.
  const mounts = [
    { prefix: "/pkg/", root: pkg },
    { prefix: "/samples/fixtures/", root: join(shared, "fixtures") },
    { prefix: "/samples/corpus/", root: join(shared, "corpus") },
    { prefix: "/", root: WWW, headers: (path) => (path.endsWith(".html") || path.endsWith("/") ? { "content-security-policy": CSP } : {}) },
  ];
  const backends = await Promise.all(mounts.map((m) => serve({ root: m.root, headers: m.headers })));

  const requests = [];
  const front = createServer((req, res) => {
    // Forward the normalised path: the back end then sees exactly what
    // the prefix was matched against, with no `..` left to resolve.
    const { pathname, search } = new URL(req.url, "http://localhost");
    requests.push(pathname);
    const i = mounts.findIndex((m) => pathname.startsWith(m.prefix));
    const rest = "/" + pathname.slice(mounts[i].prefix.length) + search;
    const upstream = request(
      { host: "127.0.0.1", port: backends[i].port, path: rest, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", (e) => res.writeHead(502, { "content-type": "text/plain" }).end(String(e)));
    req.pipe(upstream);
  });
  await new Promise((ok, fail) => {
    front.once("error", fail);
    front.listen(port, "127.0.0.1", ok);
  });
  const actual = front.address().port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    requests,
    close: async () => {
      await new Promise((ok) => front.close(ok));
      await Promise.all(backends.map((b) => b.close()));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] || "").href) {
  const [port = "8080"] = process.argv.slice(2);
  try {
    const { url } = await serveDemo({ port: Number(port) });
    console.log(`Declutter demo: ${url}  (Ctrl-C stops it)`);
  } catch (e) {
    const hint = e.code === "EADDRINUSE" ? ` (port ${port} is taken: pass another, e.g. node www/serve.mjs 8081)` : "";
    console.error(`www/serve.mjs: ${e.message}${hint}`);
    process.exit(1);
  }
}
