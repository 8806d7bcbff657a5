// Chrome's offscreen document: the wasm core lives here, not in the service
// worker. Chrome stops an idle worker after 30 s and a new one would pay
// the core's load and first-use costs (about 200 ms) on the user's next
// click; this document outlives the worker, so the core stays warm.
// Offscreen documents get only the runtime API: settings come from the
// worker, which owns storage.
import { api } from "./lib/api.js";
import { serveCore } from "./lib/answer.js";
import { MSG } from "./lib/protocol.js";

async function pageContextFromWorker(host) {
  const reply = await api.runtime.sendMessage({ type: MSG.pageContext, host });
  if (!reply?.ok) throw new Error(reply?.error || "the service worker did not answer");
  return reply.value;
}

serveCore(pageContextFromWorker);
