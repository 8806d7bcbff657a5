// Blocks the user asked to always see on a site: one list of block-text
// hashes per host. Kept in storage.local (it can grow past storage.sync's
// quotas); a choice made in a private (incognito) tab goes to
// storage.session instead, which lives in memory and is gone when the
// browser closes, so no host visited privately is written to disk.

const key = (host) => `alwaysShow:${host}`;
const LIMIT = 500;

async function listIn(area, host) {
  if (!area) return [];
  const stored = (await area.get(key(host)))[key(host)];
  if (stored === undefined) return [];
  if (Array.isArray(stored) && stored.every((h) => typeof h === "string")) return stored;
  console.warn(`Declutter: ignoring a corrupt always-show list for ${host}`);
  return [];
}

/**
 * The block hashes always shown on `host`: the remembered ones and those
 * chosen in private tabs this session (the page's context does not say
 * whether it is private, so a private choice also shows in ordinary tabs
 * of the same host until the browser closes).
 */
export async function shownOn(storage, host) {
  const [kept, session] = await Promise.all([listIn(storage.local, host), listIn(storage.session, host)]);
  return session.length ? [...new Set([...kept, ...session])] : kept;
}

/**
 * Remembers that the block with `hash` is always shown on `host`; with
 * `incognito`, for this browser session only (storage.session, in memory).
 */
export async function rememberShown(storage, host, hash, { incognito = false } = {}) {
  const area = incognito ? storage.session : storage.local;
  if (!area) throw new Error("no session storage to keep a private tab's choice in");
  const list = await listIn(area, host);
  if (list.includes(hash)) return;
  list.push(hash);
  await area.set({ [key(host)]: list.slice(-LIMIT) });
}

/** Forgets every always-shown block on every site, remembered or for this session; resolves to the number of sites. */
export async function forgetAll(storage) {
  const hosts = new Set();
  for (const area of [storage.local, storage.session]) {
    if (!area) continue;
    const keys = Object.keys(await area.get(null)).filter((k) => k.startsWith("alwaysShow:"));
    for (const k of keys) hosts.add(k);
    if (keys.length) await area.remove(keys);
  }
  return hosts.size;
}

/** Forgets the blocks chosen in private tabs once no private window is left open (`windows` is the extension API's). */
export async function forgetSession(storage, windows) {
  if (!storage.session) return 0;
  const open = await windows.getAll();
  if (open.some((w) => w.incognito)) return 0;
  const keys = Object.keys(await storage.session.get(null)).filter((k) => k.startsWith("alwaysShow:"));
  if (keys.length) await storage.session.remove(keys);
  return keys.length;
}
