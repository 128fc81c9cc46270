#!/usr/bin/env node
// The sentences for reading aloud (issue 22), against extraction, side by side in one run and
// one process (Node's V8, Chromium's engine): for each page of a corpus, the shipped engine
// (www/engine/lectern_bg.wasm) extracts the article, then the shipped speech module
// (lectern_speech_bg.wasm) cuts its text blocks into sentences. The sentences are computed when
// reading starts, not when the reader opens: this says what pressing "Read aloud" costs, as a
// fraction of what opening the article did.
//
//   node benches/sentences.mjs DIR [--rounds N]

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, listPages, machineLine, markdownTable, median, percentile, sum } from './common.mjs';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 5;
if (!dir) {
  console.error('usage: node benches/sentences.mjs DIR [--rounds N]');
  process.exit(64);
}

const ENGINE = path.join(ROOT, 'www', 'engine');
const load = async (name) => {
  const mod = await import(pathToFileURL(path.join(ENGINE, `${name}.js`)).href);
  mod.initSync({ module: fs.readFileSync(path.join(ENGINE, `${name}_bg.wasm`)) });
  return mod;
};
const engine = await load('lectern');
const speech = await load('lectern_speech');

const pages = listPages(dir);
const rows = [];
for (const page of pages) {
  const html = fs.readFileSync(page.path, 'utf8');
  let article;
  try {
    article = engine.extract(html, null, { markdown: false });
  } catch {
    continue;
  }
  if (!article?.textContent) continue;
  const blocks = article.textContent.split('\n\n');
  const times = { extract: [], sentences: [] };
  let count = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    engine.extract(html, null, { markdown: false });
    times.extract.push(performance.now() - t);
    t = performance.now();
    count = speech.sentences(blocks, article.lang ?? '').length;
    times.sentences.push(performance.now() - t);
  }
  rows.push({ name: page.name, chars: article.textContent.length, count, extract: median(times.extract), sentences: median(times.sentences) });
}

const ms = (v) => v.toFixed(2);
const total = (key) => sum(rows.map((r) => r[key]));
console.log(`### Sentences for reading aloud, against extraction (Node ${process.version}, V8)\n`);
console.log(`Machine: ${machineLine()}.\n`);
console.log(markdownTable(['pages', 'article text', 'sentences', 'extract: median / p95 ms', 'sentences: median / p95 ms', 'sentences / extract (sum)', 'sentences: MB of text per s'], [[
  rows.length, `${(total('chars') / 1e6).toFixed(2)} M chars`, total('count'),
  `${ms(median(rows.map((r) => r.extract)))} / ${ms(percentile(rows.map((r) => r.extract), 0.95))}`,
  `${ms(median(rows.map((r) => r.sentences)))} / ${ms(percentile(rows.map((r) => r.sentences), 0.95))}`,
  `${(total('sentences') / total('extract')).toFixed(3)}x`,
  (total('chars') / 1e6 / (total('sentences') / 1000)).toFixed(1),
]]));
console.log(`\nPer page, the median of ${rounds} rounds of each, run in turn. Command: \`node benches/sentences.mjs ${path.relative(ROOT, dir) || dir}\``);
