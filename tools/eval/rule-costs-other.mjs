#!/usr/bin/env node
// Where the removal rules take text the references keep, on the trafilatura and readability
// corpora (issue 17, session 19): the same accounting as `rule-costs.mjs` gives the wcxb pages.
// For every page of the split, the CLI's removed blocks (`lectern --format json --explain
// --removed`) are read as text and weighed:
//   trafilatura: a removed block holding a "with" snippet our text lacks is a loss, one holding
//     a "without" snippet our text lacks a gain ("any" counts the "with" snippets found in
//     removed blocks whether or not our text has them elsewhere);
//   readability: a removed block of 3+ words is lost when 80% or more of its words are words of
//     expected.html our text lacks, right when 20% or fewer are (as rule-costs.mjs).
//
//   node tools/eval/rule-costs-other.mjs trafilatura|readability DIR [--split tune|check|all]
//        [--half even|odd] [--bin PATH] [--list]
//
// --half keeps every other page of the split (by its place in the sorted list: develop on one
// half, confirm on the other); --list prints each lost block (tune pages only, never check).

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DOMParser } from 'linkedom';
import { listReadabilityPages, listTrafilaturaPages } from './corpora.mjs';
import { defaultLecternBin } from './engines.mjs';
import { collapseWhitespace, wordCounts } from './scoring.mjs';
import { inSplit } from './split.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function text(html) {
  const doc = new DOMParser().parseFromString(`<html><body>${html ?? ''}</body></html>`, 'text/html');
  return doc.body?.textContent ?? '';
}

function main(argv) {
  const opts = { corpus: argv[0], dir: argv[1], split: 'tune', half: null, bin: defaultLecternBin(ROOT), list: false };
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--split') opts.split = argv[++i];
    else if (argv[i] === '--half') opts.half = argv[++i];
    else if (argv[i] === '--bin') opts.bin = argv[++i];
    else if (argv[i] === '--list') opts.list = true;
    else {
      console.error(`rule-costs-other: unknown argument ${argv[i]}`);
      process.exit(64);
    }
  }
  if (!['trafilatura', 'readability'].includes(opts.corpus) || !opts.dir) {
    console.error('usage: node tools/eval/rule-costs-other.mjs trafilatura|readability DIR [--split S] [--half even|odd] [--bin PATH] [--list]');
    process.exit(64);
  }
  if (opts.list && opts.split !== 'tune') {
    console.error('rule-costs-other: --list reads tune pages only');
    process.exit(64);
  }
  const list = opts.corpus === 'trafilatura' ? listTrafilaturaPages : listReadabilityPages;
  let pages = list(opts.dir).filter((p) => inSplit(opts.corpus, p.name, opts.split));
  if (opts.half) pages = pages.filter((_, i) => (i % 2 === 0) === (opts.half === 'even'));
  const rules = new Map();
  const tally = (rule) => {
    if (!rules.has(rule)) rules.set(rule, { lost: 0, any: 0, gain: 0, right: 0, pages: new Set() });
    return rules.get(rule);
  };
  for (const page of pages) {
    const run = spawnSync(opts.bin, ['--format', 'json', '--explain', '--removed',
      ...(page.url ? ['--url', page.url] : []), page.path], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0) continue; // no article: nothing was removed from one
    const article = JSON.parse(run.stdout);
    const blocks = (article.removedBlocks ?? []).map((b) => ({ rule: b.rule, text: text(b.html) }));
    if (opts.corpus === 'trafilatura') {
      const ours = collapseWhitespace(article.textContent ?? '');
      for (const b of blocks) {
        const t = collapseWhitespace(b.text);
        const s = tally(b.rule);
        for (const w of page.with.map((x) => collapseWhitespace(x).trim())) {
          if (!t.includes(w)) continue;
          s.any++;
          if (!ours.includes(w)) {
            s.lost++;
            s.pages.add(page.name);
            if (opts.list) console.log(`lost\t${b.rule}\t${page.name}\t${w}`);
          }
        }
        for (const w of page.without.map((x) => collapseWhitespace(x).trim())) {
          if (t.includes(w) && !ours.includes(w)) s.gain++;
        }
      }
    } else {
      const reference = wordCounts(text(fs.readFileSync(page.expectedHtml, 'utf8')));
      const ours = wordCounts(article.textContent ?? '');
      for (const b of blocks) {
        let words = 0;
        let missing = 0;
        for (const [word, count] of wordCounts(b.text)) {
          words += count;
          missing += Math.min(count, Math.max(0, (reference.get(word) ?? 0) - (ours.get(word) ?? 0)));
        }
        if (words < 3) continue;
        const s = tally(b.rule);
        if (missing / words >= 0.8) {
          s.lost += words;
          s.pages.add(page.name);
          if (opts.list) console.log(`lost\t${b.rule}\t${page.name}\t${b.text.replace(/\s+/g, ' ').trim().slice(0, 160)}`);
        } else if (missing / words <= 0.2) s.right += words;
      }
    }
  }
  const trafilatura = opts.corpus === 'trafilatura';
  console.log(`\n## Removed text by rule: ${opts.corpus}, split ${opts.split}${opts.half ? `, ${opts.half} half` : ''} (${pages.length} pages)\n`);
  console.log(trafilatura ? '| rule | "with" lost | "with" in removed blocks | "without" removed | pages losing |'
    : '| rule | words lost | words right | pages losing |');
  console.log(trafilatura ? '|---|---|---|---|---|' : '|---|---|---|---|');
  for (const [rule, s] of [...rules].sort((a, b) => b[1].lost - a[1].lost)) {
    console.log(trafilatura ? `| \`${rule}\` | ${s.lost} | ${s.any} | ${s.gain} | ${s.pages.size} |`
      : `| \`${rule}\` | ${s.lost} | ${s.right} | ${s.pages.size} |`);
  }
}

main(process.argv.slice(2));
