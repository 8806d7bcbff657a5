// Host permissions are asked for only for auto-declutter, so the ones its
// settings no longer need go back to the browser: narrowing the site list
// or turning it off leaves the extension no access it does not use (issue
// 16: only <all_urls> used to be given back).

/** Match pattern parts: scheme, host, path; null for a pattern this does not know (such as <all_urls>). */
function parts(pattern) {
  const m = /^(\*|[a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)$/.exec(pattern);
  return m && { scheme: m[1], host: m[2], path: m[3] };
}

/**
 * Whether giving back `pattern` could take (some of) `wanted` with it:
 * Chromium's permissions.remove() also takes every granted pattern the
 * removed one covers. Schemes count when they overlap at all; when in doubt
 * (a pattern this does not parse), true.
 */
export function mightTake(pattern, wanted) {
  if (pattern === wanted || pattern === "<all_urls>") return true;
  const [p, w] = [parts(pattern), parts(wanted)];
  if (!p || !w) return true;
  const web = (s) => /^(\*|https?)$/.test(s);
  const scheme = p.scheme === w.scheme || ((p.scheme === "*" || w.scheme === "*") && web(p.scheme) && web(w.scheme));
  const host = p.host === "*" || p.host === w.host || (p.host.startsWith("*.") && (w.host === p.host.slice(2) || w.host.endsWith(p.host.slice(1))));
  const path = p.path === "/*" || p.path === w.path;
  return scheme && host && path;
}

/**
 * Gives back every granted host permission that `wanted` (the origins the
 * new settings need, from lib/auto.js's wantedOrigins) does not hold, save
 * one whose removal would take a wanted one with it; resolves to the
 * patterns given back. Each is removed on its own: a pattern the manifest
 * requires cannot be removed and must not stop the rest. `permissions` is
 * the extension API's.
 */
export async function giveBackUnneeded(permissions, wanted) {
  if (wanted.includes("<all_urls>")) return [];
  const { origins = [] } = await permissions.getAll();
  const given = [];
  for (const origin of origins) {
    if (wanted.includes(origin) || wanted.some((w) => mightTake(origin, w))) continue;
    if (await permissions.remove({ origins: [origin] }).catch(() => false)) given.push(origin);
  }
  return given;
}
