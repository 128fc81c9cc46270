// Decode a page's bytes as a browser would: BOM, then a <meta charset> (or http-equiv
// Content-Type) anywhere in the head, then UTF-8 if the bytes are valid UTF-8, else
// windows-1252. The same order as the Lectern CLI, so Readability.js reads the same text.

const HEAD_SCAN_LIMIT = 256 * 1024;

function bomEncoding(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The charset a <meta> in the head declares, or null. */
export function declaredCharset(bytes) {
  const head = Buffer.from(bytes.subarray(0, HEAD_SCAN_LIMIT)).toString('latin1');
  const end = head.search(/<\/head\s*>|<body[\s>]/i);
  const scope = end >= 0 ? head.slice(0, end) : head;
  for (const [tag] of scope.matchAll(/<meta\b[^>]*>/gi)) {
    const m = tag.match(/charset\s*=\s*["']?\s*([\w.:-]+)/i);
    if (m) return m[1].toLowerCase();
  }
  return null;
}

function usableLabel(label) {
  if (!label) return null;
  // A meta tag can't honestly declare UTF-16 (the bytes it's written in aren't); browsers use UTF-8.
  if (/^utf-?16/.test(label)) return 'utf-8';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** Returns { text, encoding, source } where source is bom|meta|utf8|fallback. */
export function decodeHtml(bytes) {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom, source: 'bom' };
  const meta = usableLabel(declaredCharset(bytes));
  if (meta) return { text: new TextDecoder(meta).decode(bytes), encoding: meta, source: 'meta' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', source: 'utf8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', source: 'fallback' };
  }
}
