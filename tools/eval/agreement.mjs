#!/usr/bin/env node
// Agreement with Readability.js on pages nobody compared to it (issue 17's unseen sets).
//
// One of the unseen sets scores an engine by its text F1 against *Readability's output*
// on "more Readability-style pages" (Lectern 0.930 there when the issue was filed, Readability.js
// 1.000 by construction). The readability corpus here measures the same thing on 102 pages that
// fifteen rounds have looked at, so it cannot say how far that figure generalises. The wcxb and
// trafilatura corpora can: nobody has tuned Lectern against Readability's output on them. This
// tool scores each engine's last eval run against Readability.js's last run on the same pages,
// with the readability corpus's metric (4-word shingles, precision and recall averaged over
// pages, F1 of the averages), per split and, on wcxb, for the article pages.
//
//   node tools/eval.mjs wcxb DIR --engine readability-js      # Readability.js's outputs first
//   node tools/eval.mjs wcxb DIR                              # and the engine's
//   node tools/eval/agreement.mjs wcxb|trafilatura DIR [--engine lectern|dom-smoothie|trafilatura]
//
// Pages where Readability.js gives nothing are left out (there is nothing to agree with).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { f1, mean, shinglePR } from './scoring.mjs';
import { splitOf } from './split.mjs';
import { listPages } from './corpora.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Where an engine's last run left each page's text, by corpus: a function of the page id
 * (`null` when the engine has no such output folder layout).
 */
export function textPath(root, corpus, engine, id) {
  const dir = path.join(root, '.eval', `${corpus}-${engine}`);
  if (corpus === 'wcxb') return path.join(dir, 'text', `${id}.txt`);
  if (engine === 'lectern') return path.join(dir, 'text', 'out', `${id}.txt`);
  if (engine === 'readability-js') return path.join(dir, 'readability-js-text', 'out', `${id}.txt`);
  if (engine === 'trafilatura') return path.join(dir, 'trafilatura', 'out', `${id}.txt`);
  return null;
}

/**
 * The agreement of `pages` ({ name, type, ours, reference }: texts, `ours` null for no article)
 * with their references, overall and per split: { split → { pages, precision, recall, f1 } }.
 * Pages without a reference text are skipped.
 */
export function agreement(corpus, pages, { type = null } = {}) {
  const out = {};
  for (const split of ['tune', 'check', 'all']) {
    const scored = pages
      .filter((p) => p.reference && p.reference.trim())
      .filter((p) => type === null || p.type === type)
      .filter((p) => split === 'all' || splitOf(corpus, p.name) === split)
      .map((p) => shinglePR(p.ours ?? '', p.reference));
    const precision = mean(scored.map((s) => s.precision));
    const recall = mean(scored.map((s) => s.recall));
    out[split] = { pages: scored.length, precision, recall, f1: f1(precision, recall) };
  }
  return out;
}

function read(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function main(argv) {
  const [corpus, dir] = argv;
  const at = argv.indexOf('--engine');
  const engine = at >= 0 ? argv[at + 1] : 'lectern';
  const engines = corpus === 'wcxb' ? ['lectern', 'trafilatura', 'dom-smoothie'] : ['lectern', 'trafilatura'];
  if (!['wcxb', 'trafilatura'].includes(corpus) || !dir || !engines.includes(engine)) {
    console.error('usage: node tools/eval/agreement.mjs wcxb|trafilatura DIR [--engine lectern|trafilatura|dom-smoothie]');
    console.error('(dom-smoothie keeps its trafilatura-corpus texts under other names: wcxb only)');
    return 2;
  }
  const refDir = path.dirname(textPath(ROOT, corpus, 'readability-js', 'x'));
  const oursDir = path.dirname(textPath(ROOT, corpus, engine, 'x'));
  if (!fs.existsSync(refDir) || !fs.existsSync(oursDir)) {
    console.error(`run the evals first: node tools/eval.mjs ${corpus} DIR --engine readability-js, and --engine ${engine}`);
    return 1;
  }
  const pages = listPages(corpus, dir).map((page) => ({
    name: page.name,
    type: page.type ?? null,
    ours: read(textPath(ROOT, corpus, engine, page.id)),
    reference: read(textPath(ROOT, corpus, 'readability-js', page.id)),
  }));
  const rows = [['all pages', agreement(corpus, pages)]];
  if (corpus === 'wcxb') rows.push(['article pages', agreement(corpus, pages, { type: 'article' })]);
  console.log(`${engine} against Readability.js's output, ${corpus} (shingle F1 of averaged P/R; tune / check / all):`);
  for (const [label, a] of rows) {
    const cell = (s) => a[s].f1.toFixed(4);
    console.log(`  ${label}: ${cell('tune')} / ${cell('check')} / ${cell('all')}` +
      ` (${a.all.pages} pages, P ${a.all.precision.toFixed(3)}, R ${a.all.recall.toFixed(3)})`);
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
