#!/usr/bin/env node
// How far the check split's figure may fall from the tune split's by chance alone (issue 17:
// "the check split is at least as good as the tune split minus 0.01"). The fixed split is one
// draw of about 30% of the pages; this draws many other splits of the same size from the same
// scored pages (one engine, one run: `node tools/eval.mjs CORPUS DIR --json FILE`) and reports
// where the fixed split's check figure and its tune − check gap fall among them. A gap in the
// top few percent says the rules fit the tune pages; a gap inside the spread says the check
// pages are a harder draw. It reads scores only, never a page.
//
//   node tools/eval/split-noise.mjs FILE [--type TYPE] [--draws N] [--seed S]
//
// The figure is the corpus's own: wcxb and readability the mean page F1 (--type limits wcxb to
// one page type), trafilatura the snippet F pooled over the pages.

import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { splitOf } from './split.mjs';
import { rng as random } from '../../benches/news-page.mjs';

/** The corpus's figure over `pages`: pooled snippet F (trafilatura) or mean page F1. */
export function figure(corpus, pages) {
  if (corpus === 'trafilatura') {
    let tp = 0, fn = 0, fp = 0;
    for (const p of pages) { tp += p.tp; fn += p.fn; fp += p.fp; }
    return 2 * tp + fn + fp === 0 ? 0 : (2 * tp) / (2 * tp + fn + fp);
  }
  return pages.reduce((s, p) => s + p.f1, 0) / pages.length;
}

/**
 * The fixed split's check figure and gap (tune − check) against `draws` random splits with as
 * many check pages. Returns { tune, check, gap, checkPercentile, gapPercentile, checkSd, gapSd,
 * gapP95 } (percentile: the share of random draws at or below the fixed split's value).
 */
export function splitNoise(corpus, pages, { draws = 10000, seed = 1 } = {}) {
  const isCheck = pages.map((p) => splitOf(corpus, p.page) === 'check');
  const part = (want) => pages.filter((_, i) => isCheck[i] === want);
  const tune = figure(corpus, part(false));
  const check = figure(corpus, part(true));
  const n = isCheck.filter(Boolean).length;
  const next = random(seed);
  const order = pages.map((_, i) => i);
  const checks = [], gaps = [];
  for (let d = 0; d < draws; d++) {
    // A partial Fisher-Yates shuffle: the first n indexes are the draw's check pages.
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(next() * (order.length - i));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const c = figure(corpus, order.slice(0, n).map((i) => pages[i]));
    const t = figure(corpus, order.slice(n).map((i) => pages[i]));
    checks.push(c);
    gaps.push(t - c);
  }
  const share = (values, v) => values.filter((x) => x <= v).length / values.length;
  const sd = (values) => {
    const m = values.reduce((s, x) => s + x, 0) / values.length;
    return Math.sqrt(values.reduce((s, x) => s + (x - m) ** 2, 0) / values.length);
  };
  const sorted = [...gaps].sort((a, b) => a - b);
  return {
    tune, check, gap: tune - check,
    checkPercentile: share(checks, check), gapPercentile: share(gaps, tune - check),
    checkSd: sd(checks), gapSd: sd(gaps), gapP95: sorted[Math.floor(0.95 * (sorted.length - 1))],
  };
}

async function main(argv) {
  const file = argv[0];
  const opt = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  if (!file || file.startsWith('--')) {
    console.error('usage: node tools/eval/split-noise.mjs FILE [--type TYPE] [--draws N] [--seed S]');
    process.exit(64);
  }
  const { summary, pages: all } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const type = opt('--type', null);
  const pages = all.filter((p) => !type || p.type === type);
  if (pages.length === 0) {
    console.error(`split-noise: no pages${type ? ` of type ${type}` : ''} in ${file}`);
    process.exit(65);
  }
  const r = splitNoise(summary.corpus, pages, { draws: Number(opt('--draws', 10000)), seed: Number(opt('--seed', 1)) });
  const f = (x) => x.toFixed(4);
  console.log(`${summary.corpus}${type ? ` ${type}` : ''}, ${pages.length} pages: tune ${f(r.tune)}, check ${f(r.check)}, gap ${f(r.gap)}`);
  console.log(`random splits of the same size: check SD ${f(r.checkSd)}, fixed check at percentile ${(100 * r.checkPercentile).toFixed(1)}; ` +
    `gap SD ${f(r.gapSd)}, 95th percentile ${f(r.gapP95)}, fixed gap at percentile ${(100 * r.gapPercentile).toFixed(1)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
