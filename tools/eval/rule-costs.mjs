#!/usr/bin/env node
// Where the words of the wcxb pages go, by removal rule (issue 17): for every page, the CLI's
// removed blocks (`lectern --format json --explain --removed`) are weighed against the page's
// reference text. A block of 3+ words is "lost" when 80% or more of its words are reference
// words our text lacks (each word counted as often as the reference has it beyond our text),
// "right" when 20% or fewer are; the rest is neither. A rule that loses as much as it gets
// right is a rule to look at; the split's rule still decides what is kept.
//
//   node tools/eval/rule-costs.mjs DIR [--split tune|check|all] [--type TYPE] [--rule RULE] [--bin PATH]
//
// DIR is the wcxb corpus (../shared/corpus/wcxb-dev); the default split is tune (work page by
// page only there); --type limits the pages to one page type; --rule RULE also lists the pages
// where that rule loses most (to read on the tune split, never the check split). Prints a markdown table, the
// rules by words lost, and each rule's words by page type. Work files in .eval/rule-costs/.

import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decompressPages, listWcxbPages } from './corpora.mjs';
import { defaultLecternBin } from './engines.mjs';
import { wordCounts } from './scoring.mjs';
import { inSplit } from './split.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MIN_WORDS = 3;
const LOST_SHARE = 0.8;
const RIGHT_SHARE = 0.2;

/**
 * Tallies each page's removed blocks by rule. `pages`: [{ type, reference, ours, removed:
 * [{ rule, html }] }] (`ours`: the article's text). Returns Map(rule → { words, lost, right,
 * byType: Map(type → { words, lost, right }) }).
 */
export function tallyRemovals(pages) {
  const rules = new Map();
  const add = (totals, words, share) => {
    totals.words += words;
    if (share >= LOST_SHARE) totals.lost += words;
    else if (share <= RIGHT_SHARE) totals.right += words;
  };
  for (const page of pages) {
    const reference = wordCounts(page.reference);
    const ours = wordCounts(page.ours);
    for (const { rule, html } of page.removed) {
      const block = wordCounts((html ?? '').replace(/<[^>]*>/g, ' '));
      let words = 0;
      let missing = 0;
      for (const [word, count] of block) {
        words += count;
        missing += Math.min(count, Math.max(0, (reference.get(word) ?? 0) - (ours.get(word) ?? 0)));
      }
      if (words < MIN_WORDS) continue;
      if (!rules.has(rule)) rules.set(rule, { words: 0, lost: 0, right: 0, byType: new Map() });
      const totals = rules.get(rule);
      add(totals, words, missing / words);
      if (!totals.byType.has(page.type)) totals.byType.set(page.type, { words: 0, lost: 0, right: 0 });
      add(totals.byType.get(page.type), words, missing / words);
    }
  }
  return rules;
}

function main(argv) {
  const opts = { split: 'tune', type: null, rule: null, bin: defaultLecternBin(ROOT), dir: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--split') opts.split = argv[++i];
    else if (arg === '--type') opts.type = argv[++i];
    else if (arg === '--bin') opts.bin = argv[++i];
    else if (arg === '--rule') opts.rule = argv[++i];
    else if (!opts.dir && !arg.startsWith('--')) opts.dir = arg;
    else {
      console.error(`rule-costs: unknown argument ${arg}`);
      process.exit(64);
    }
  }
  if (!opts.dir || !['tune', 'check', 'all'].includes(opts.split)) {
    console.error('usage: node tools/eval/rule-costs.mjs WCXB_DIR [--split tune|check|all] [--type TYPE] [--bin PATH]');
    process.exit(64);
  }
  const pages = listWcxbPages(opts.dir)
    .filter((p) => inSplit('wcxb', p.name, opts.split) && (!opts.type || p.type === opts.type));
  decompressPages(pages, path.join(ROOT, '.eval', 'rule-costs', 'html'));
  const weighed = [];
  for (const page of pages) {
    const run = spawnSync(opts.bin, ['--format', 'json', '--explain', '--removed', '--url', page.url, page.path],
      { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.error) throw run.error;
    if (run.status === 2) continue; // no article: nothing was removed from one
    if (run.status !== 0) {
      console.error(`rule-costs: ${page.id}: ${run.stderr.trim()}`);
      continue;
    }
    const article = JSON.parse(run.stdout);
    weighed.push({
      id: page.id, type: page.type, reference: page.reference, ours: article.textContent ?? '',
      removed: (article.removedBlocks ?? []).map((b) => ({ rule: b.rule, html: b.html })),
    });
  }
  const rules = [...tallyRemovals(weighed)].sort((a, b) => b[1].lost - a[1].lost);
  const n = (x) => x.toLocaleString('en-US');
  console.log(`## Removed words by rule: wcxb, split ${opts.split}${opts.type ? `, ${opts.type} pages` : ''} ` +
    `(${weighed.length} pages with an article)\n`);
  console.log('| rule | words removed | lost | right | lost / right by page type |');
  console.log('|---|---|---|---|---|');
  for (const [rule, t] of rules) {
    const types = [...t.byType].sort((a, b) => b[1].lost - a[1].lost)
      .map(([type, s]) => `${type} ${n(s.lost)} / ${n(s.right)}`).join('; ');
    console.log(`| \`${rule}\` | ${n(t.words)} | ${n(t.lost)} | ${n(t.right)} | ${types} |`);
  }
  if (opts.rule) {
    const byPage = weighed.map((page) => [page, tallyRemovals([page]).get(opts.rule)])
      .filter(([, t]) => t && t.lost > 0)
      .sort((a, b) => b[1].lost - a[1].lost);
    console.log(`\n## Pages where \`${opts.rule}\` loses most\n`);
    console.log('| page | type | lost | right |');
    console.log('|---|---|---|---|');
    for (const [page, t] of byPage.slice(0, 40)) console.log(`| ${page.id} | ${page.type} | ${n(t.lost)} | ${n(t.right)} |`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
