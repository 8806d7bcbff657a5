// Fetches a saved page and decodes it as a browser would from its bytes:
// BOM, then a charset in the first 4 KB, else UTF-8 (a few corpus pages are
// ISO-8859-1 or windows-1252).

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

function decode(buf) {
  const bytes = new Uint8Array(buf);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, 4096));
  const m = CHARSET.exec(head);
  let label = m ? m[1].toLowerCase() : "utf-8";
  // A page that says UTF-16 in ASCII bytes is not UTF-16 (as the HTML spec rules).
  if (label.startsWith("utf-16")) label = "utf-8";
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/** Resolves to {html, bytes}: the page's text and its size on disk. */
export async function loadHtml(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const buf = await res.arrayBuffer();
  return { html: decode(buf), bytes: buf.byteLength };
}
