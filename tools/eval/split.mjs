#!/usr/bin/env node
// The fixed, seeded tune/check split of every corpus (issue 17): a page is in CHECK iff
//   parseInt(sha256("lectern-split-v1:" + corpus + ":" + name).slice(0, 8), 16) % 1000 < 300
// (about 30% of the pages), else in TUNE. `name` is the readability page's folder name
// (`ars-1`), the trafilatura page's file name as in evaldata.json (`foo.html`), the wcxb file id
// (`0001`). Tune on TUNE; look at CHECK only to confirm.
//
//   node tools/eval/split.mjs CORPUS DIR tune|check     prints that split's page names, one a line

import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';

export const SPLITS = ['tune', 'check', 'all'];

/** 'check' or 'tune'. */
export function splitOf(corpus, name) {
  const hex = createHash('sha256').update(`lectern-split-v1:${corpus}:${name}`).digest('hex');
  return parseInt(hex.slice(0, 8), 16) % 1000 < 300 ? 'check' : 'tune';
}

/** Whether the page belongs to `split` (tune, check or all). */
export function inSplit(corpus, name, split) {
  return split === 'all' || splitOf(corpus, name) === split;
}

async function main(argv) {
  const [corpus, dir, split] = argv;
  const { CORPORA, listPages } = await import('./corpora.mjs');
  if (!CORPORA.includes(corpus) || !dir || !['tune', 'check'].includes(split)) {
    console.error(`usage: node tools/eval/split.mjs ${CORPORA.join('|')} DIR tune|check`);
    process.exit(64);
  }
  for (const page of listPages(corpus, dir)) {
    if (inSplit(corpus, page.name, split)) console.log(page.name);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
