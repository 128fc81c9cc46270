// Decode a page's bytes as a browser would: BOM, then a <meta charset> (or http-equiv
// Content-Type) anywhere in the head, then UTF-8 if the bytes are valid UTF-8, else
// windows-1252. The same order as the Lectern CLI, so Readability.js reads the same text, but for
// the last step: the CLI guesses an undeclared non-UTF-8 page's encoding (chardetng), where this
// takes windows-1252; no page of the shared corpora gets that far (all 1,944 declare a charset
// or are UTF-8).

const HEAD_SCAN_LIMIT = 256 * 1024;

// windows-1252's 0x80–0x9F (Node 20's TextDecoder treats windows-1252 as latin1 and yields C1
// controls there). Undefined bytes map to the C1 control, as the WHATWG Encoding spec says.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return text.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]));
}

function decodeAs(encoding, bytes) {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

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
  if (meta) return { text: decodeAs(meta, bytes), encoding: meta, source: 'meta' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', source: 'utf8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', source: 'fallback' };
  }
}
