#!/usr/bin/env node
// Where the text we miss sits against the container we chose (issue 17, session 20): for every
// tune page of the wcxb or trafilatura corpus, the reference text our text lacks (wcxb: lines of
// `main_content` of 25+ characters, weighed in words, on pages under --max-recall; trafilatura:
// the "with" snippets, one each) is found in the page (the deepest element that holds it) and
// placed against the article's container, taken as the nearest common ancestor of the elements
// that hold our text's first and last paragraphs:
//   inside   in the container: a removal rule took it, or a block the join left out inside it;
//   before N / after N   outside it, in a sibling branch of the container's ancestor N levels
//            up (1: a sibling of the container), before or after it;
//   absent   not in the page's markup as text (in JSON, or split by markup).
// Totals by place for the even and odd halves of the tune split (wcxb: by id; trafilatura: by
// the page's place in the list of tune page names sorted by code unit), and with --list each
// item.
//
//   node tools/eval/outside.mjs wcxb|trafilatura DIR [--bin PATH] [--max-recall R] [--list]
//
// Tune pages only: the script reads each page's text.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DOMParser } from 'linkedom';
import { listTrafilaturaPages, listWcxbPages } from './corpora.mjs';
import { defaultLecternBin } from './engines.mjs';
import { splitOf } from './split.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Text without whitespace, quotes and dashes made plain, markdown emphasis dropped: text split
 * by markup is found whatever the spaces between its tags. */
const squash = (s) =>
  s.replace(/[\s\u00a0\u200b]+/g, '').replace(/[’‘]/g, "'").replace(/[“”„]/g, '"').replace(/[‐‑–—]/g, '-').replace(/[*_`|]/g, '');

const describe = (el) => {
  const id = el.getAttribute('id');
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2).join('.');
  return `${el.localName}${id ? `#${id}` : ''}${cls ? `.${cls}` : ''}`;
};

const chain = (el) => {
  const a = [];
  for (let e = el; e && e.nodeType === 1; e = e.parentElement) a.unshift(e);
  return a;
};

/** Places `items` (squashed strings) in `html` against the container of `ours`. */
function place(html, ours, items) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const e of doc.querySelectorAll('script, style, noscript, template')) e.remove();
  const els = [...(doc.body?.querySelectorAll('*') ?? [])];
  const text = new Map(els.map((e) => [e, squash(e.textContent ?? '')]));
  const deepest = (needle) => {
    if (!needle) return null;
    for (let i = els.length - 1; i >= 0; i--) {
      const e = els[i];
      if (text.get(e).includes(needle) && ![...e.children].some((c) => (text.get(c) ?? '').includes(needle))) return e;
    }
    return null;
  };
  const paragraphs = ours.split(/\n\n+/).map(squash).filter((p) => p.length >= 30);
  const first = paragraphs.length ? deepest(paragraphs[0].slice(0, 60)) : null;
  const last = paragraphs.length ? deepest(paragraphs[paragraphs.length - 1].slice(-60)) : null;
  let container = null;
  if (first && last) {
    const a = chain(first), b = chain(last);
    for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) container = a[i];
  }
  return items.map((item) => {
    const el = deepest(item.slice(0, 80));
    if (!el) return { where: 'absent', level: 0, branch: '' };
    if (!container) return { where: 'no container', level: 0, branch: describe(el) };
    const c = chain(el), a = chain(container);
    let i = 0;
    while (i < Math.min(c.length, a.length) && c[i] === a[i]) i++;
    if (i === a.length) return { where: 'inside', level: 0, branch: describe(el) };
    const kids = [...a[i - 1].children];
    const where = kids.indexOf(c[i]) < kids.indexOf(a[i]) ? 'before' : 'after';
    return { where, level: a.length - i, branch: c.slice(i, i + 3).map(describe).join(' > ') };
  });
}

function main(argv) {
  const opts = { corpus: argv[0], dir: argv[1], bin: defaultLecternBin(ROOT), maxRecall: 0.97, list: false };
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--bin') opts.bin = argv[++i];
    else if (argv[i] === '--max-recall') opts.maxRecall = Number(argv[++i]);
    else if (argv[i] === '--list') opts.list = true;
    else {
      console.error(`outside: unknown argument ${argv[i]}`);
      process.exit(64);
    }
  }
  if (!['wcxb', 'trafilatura'].includes(opts.corpus) || !opts.dir) {
    console.error('usage: node tools/eval/outside.mjs wcxb|trafilatura DIR [--bin PATH] [--max-recall R] [--list]');
    process.exit(64);
  }
  const all = opts.corpus === 'wcxb' ? listWcxbPages(opts.dir) : listTrafilaturaPages(opts.dir);
  const pages = all.filter((p) => splitOf(opts.corpus, p.name) === 'tune');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
  const totals = new Map();
  const order = pages.map((p) => p.name).sort();
  pages.forEach((page) => {
    const half = (opts.corpus === 'wcxb' ? Number(page.id) : order.indexOf(page.name)) % 2 === 0 ? 'even' : 'odd';
    let file = page.path;
    if (page.gz) {
      file = path.join(tmp, `${page.id}.html`);
      fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(page.gz)));
    }
    // With the page's address when the CLI takes it (some corpus addresses it refuses).
    const extract = (args) => {
      const run = spawnSync(opts.bin, ['--format', 'json', ...args, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
      try {
        return JSON.parse(run.stdout).textContent ?? '';
      } catch {
        return null;
      }
    };
    const ours = (page.url ? extract(['--url', page.url]) : null) ?? extract([]) ?? '';
    const oursSquashed = squash(ours);
    let items;
    if (opts.corpus === 'wcxb') {
      const lines = page.reference
        .split('\n')
        .map((l) => l.replace(/^\s*([-*+>]|#+|\d+\.)\s+/, ''))
        .filter((l) => squash(l).length >= 25);
      const refWords = page.reference.split(/\s+/).filter(Boolean).length || 1;
      const missing = lines.filter((l) => !oursSquashed.includes(squash(l)));
      const lost = missing.reduce((s, l) => s + l.split(/\s+/).length, 0);
      if (1 - lost / refWords >= opts.maxRecall) items = [];
      else items = missing.map((l) => ({ text: l, weight: l.split(/\s+/).length }));
    } else {
      items = page.with.filter((s) => !oursSquashed.includes(squash(s))).map((s) => ({ text: s, weight: 1 }));
    }
    if (!items.length) return;
    const html = fs.readFileSync(file, 'utf8');
    const places = place(html, ours, items.map((i) => squash(i.text)));
    items.forEach((item, k) => {
      const p = places[k];
      const key = p.where === 'before' || p.where === 'after' ? `${p.where} ${Math.min(p.level, 6)}${p.level >= 6 ? '+' : ''}` : p.where;
      if (!totals.has(key)) totals.set(key, { even: 0, odd: 0, pages: new Set() });
      const t = totals.get(key);
      t[half] += item.weight;
      t.pages.add(page.name);
      if (opts.list) {
        console.log([page.name, page.type ?? '', half, key, p.branch, JSON.stringify(item.text.slice(0, 70))].join('\t'));
      }
    });
  });
  fs.rmSync(tmp, { recursive: true, force: true });
  const unit = opts.corpus === 'wcxb' ? 'words' : 'snippets';
  console.log(`\nplace\t${unit} even\t${unit} odd\tpages`);
  for (const [key, t] of [...totals].sort((a, b) => b[1].even + b[1].odd - a[1].even - a[1].odd)) {
    console.log(`${key}\t${t.even}\t${t.odd}\t${t.pages.size}`);
  }
}

main(process.argv.slice(2));
