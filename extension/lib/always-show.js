// Blocks the user asked to always see on a site, kept in storage.local (it
// can grow past storage.sync's quotas): one list of block-text hashes per host.

const key = (host) => `alwaysShow:${host}`;
const LIMIT = 500;

/** The block hashes always shown on `host`. */
export async function shownOn(storage, host) {
  const stored = (await storage.local.get(key(host)))[key(host)];
  if (stored === undefined) return [];
  if (Array.isArray(stored) && stored.every((h) => typeof h === "string")) return stored;
  console.warn(`Declutter: ignoring a corrupt always-show list for ${host}`);
  return [];
}

/** Remembers that the block with `hash` is always shown on `host`. */
export async function rememberShown(storage, host, hash) {
  const list = await shownOn(storage, host);
  if (list.includes(hash)) return;
  list.push(hash);
  await storage.local.set({ [key(host)]: list.slice(-LIMIT) });
}

/** Forgets every always-shown block on every site. */
export async function forgetAll(storage) {
  const all = await storage.local.get(null);
  const keys = Object.keys(all).filter((k) => k.startsWith("alwaysShow:"));
  if (keys.length) await storage.local.remove(keys);
  return keys.length;
}
