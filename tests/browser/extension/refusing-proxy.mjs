// A proxy on 127.0.0.1 that refuses everything and counts what it refused:
// pointed at by a browser's proxy settings, it stands between the browser
// and the internet, so no request for another host gets out and each one
// is counted (plain HTTP by its URL, HTTPS and WebSockets by the CONNECT
// they open with).
import { createServer } from "node:http";

/** Starts the proxy; resolves to {port, refused: {total, hosts: Map<host, count>}, close()}. */
export async function startRefusingProxy() {
  const refused = { total: 0, hosts: new Map() };
  const count = (host) => {
    refused.total++;
    refused.hosts.set(host, (refused.hosts.get(host) || 0) + 1);
  };
  const server = createServer((req, res) => {
    let host = req.headers.host || "?";
    try {
      host = new URL(req.url).host;
    } catch {}
    count(host);
    res.writeHead(403, { "content-type": "text/plain", connection: "close" }).end("refused by the test proxy");
  });
  server.on("connect", (req, socket) => {
    count(req.url);
    socket.on("error", () => {});
    socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  });
  server.on("clientError", (_, socket) => socket.destroy());
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", ok);
  });
  return {
    port: server.address().port,
    refused,
    close: () => {
      server.closeAllConnections?.();
      return new Promise((ok) => server.close(ok));
    },
  };
}
