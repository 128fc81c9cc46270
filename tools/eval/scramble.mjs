#!/usr/bin/env node
// A copy of a corpus with its class and id vocabulary made opaque (issue 17, session 21): how
// much of an engine's score comes from the words sites name their boxes with (`comments`,
// `related-posts`, `sidebar`), which a list of words learned from some pages may or may not
// know on others, and how much from the page's structure and text, which every page has.
//
//   node tools/eval/scramble.mjs SRC_CORPUS_DIR DST_DIR
//   node tools/eval.mjs trafilatura DST_DIR --json scrambled.json   # any engine, any split
//
// Every page's `class` and `id` tokens become `x` + 6 hex digits of their MD5 (the same token
// gives the same name everywhere, so boxes built alike stay alike). Tokens without a run of
// three letters keep their value: they carry no word, and scripts name some of them (React's
// streamed `S:0` / `B:0` blocks, which a page's script moves into place). Attributes that refer
// to an id are renamed with it (`aria-controls`, `aria-labelledby`, `aria-describedby`,
// `aria-owns`, `for`, `headers`, `list`, `form`, and `href`, `data-target`, `data-bs-target`
// when they are `#id`), so footnotes, tabs and disclosure panels still find their targets.
// Stylesheets and scripts are left as they are (the engine reads neither). The references
// (`expected.html`, `evaldata.json`, wcxb's ground truth) and every other file are linked, not
// copied. Pages are the corpus's `.html` files (the readability corpus's `source.html`, the
// trafilatura corpus's pages) and wcxb's `.html.gz`; bytes outside the attributes are kept as
// they are (the page is read as Latin-1 and written back so).

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** Attributes whose values are class or id tokens, or name an id. */
const TOKEN_ATTRS = ['class', 'id', 'aria-controls', 'aria-labelledby', 'aria-describedby',
  'aria-owns', 'for', 'headers', 'list', 'form'];
/** Attributes that name an id as `#id` (anything else in them is left alone). */
const FRAGMENT_ATTRS = ['href', 'data-target', 'data-bs-target'];
const ATTR = new RegExp(
  `(<[a-zA-Z][^<>]*?\\s)(${[...TOKEN_ATTRS, ...FRAGMENT_ATTRS].join('|')})(\\s*=\\s*)("[^"]*"|'[^']*'|[^\\s>"']+)`,
  'gi',
);
/** Marks an attribute already rewritten, so that a tag's later attributes are reached. */
const DONE = '\u0001';

/** The opaque name of one class or id token (the token itself when it spells no word). */
export function scrambleToken(token) {
  if (!/[A-Za-z]{3}/.test(token)) return token;
  return `x${crypto.createHash('md5').update(token).digest('hex').slice(0, 6)}`;
}

/** `html` (a string) with its class and id vocabulary scrambled. */
export function scrambleHtml(html) {
  let before;
  let after = html;
  do {
    before = after;
    after = before.replace(ATTR, (whole, head, name, eq, raw) => {
      const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
      const value = quote ? raw.slice(1, -1) : raw;
      let renamed;
      if (FRAGMENT_ATTRS.includes(name.toLowerCase())) {
        if (!/^#\S/.test(value)) return `${head}${DONE}${name}${eq}${raw}`;
        renamed = `#${scrambleToken(value.slice(1))}`;
      } else {
        renamed = value.split(/\s+/).filter(Boolean).map(scrambleToken).join(' ');
      }
      return `${head}${DONE}${name}${eq}${quote}${renamed}${quote}`;
    });
  } while (after !== before);
  return after.split(DONE).join('');
}

/** Writes DST as SRC with every page scrambled and every other file linked. */
export function scrambleCorpus(src, dst) {
  const page = (bytes) => Buffer.from(scrambleHtml(bytes.toString('latin1')), 'latin1');
  const walk = (rel) => {
    fs.mkdirSync(path.join(dst, rel), { recursive: true });
    for (const entry of fs.readdirSync(path.join(src, rel), { withFileTypes: true })) {
      const from = path.join(src, rel, entry.name);
      const to = path.join(dst, rel, entry.name);
      fs.rmSync(to, { recursive: true, force: true });
      if (entry.isDirectory()) walk(path.join(rel, entry.name));
      else if (entry.name.endsWith('.html') && entry.name !== 'expected.html') {
        fs.writeFileSync(to, page(fs.readFileSync(from)));
      } else if (entry.name.endsWith('.html.gz')) {
        fs.writeFileSync(to, zlib.gzipSync(page(zlib.gunzipSync(fs.readFileSync(from)))));
      } else fs.symlinkSync(path.resolve(from), to);
    }
  };
  walk('');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [src, dst] = process.argv.slice(2);
  if (!src || !dst || path.resolve(src) === path.resolve(dst)) {
    console.error('usage: node tools/eval/scramble.mjs SRC_CORPUS_DIR DST_DIR');
    process.exit(64);
  }
  scrambleCorpus(src, dst);
}
