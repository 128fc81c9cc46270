#!/usr/bin/env node
// Lectern's accuracy evaluation on the shared corpora (issues 3 and 17).
//
//   node tools/eval.mjs readability DIR  [options]   shingle P/R/F1 vs expected.html + metadata
//   node tools/eval.mjs trafilatura DIR  [options]   with/without snippet P/R/F
//   node tools/eval.mjs wcxb DIR         [options]   word F1 per page vs main_content, by page
//                                                    type; with/without snippets as well
//
// Options:
//   --engine lectern|readability-js|dom-smoothie|trafilatura
//                      what to evaluate (default lectern). readability-js is the reference:
//                      @mozilla/readability 0.6 on linkedom; dom-smoothie is the Rust peer, run
//                      through the benches/peers binary (built into target/peers on demand);
//                      trafilatura is the Python package, installed into .eval/venv on demand
//   --split tune|check|all
//                      which pages to score (default all): check is a fixed, seeded 30% of
//                      each corpus (tools/eval/split.mjs), tune the rest
//   --bin PATH         the Lectern CLI (default $LECTERN_BIN or target/release/lectern); also
//                      used to turn reference/Readability.js HTML into text with our text rules
//   --worst N          how many worst pages to list (default 10)
//   --json FILE        write every page's scores as JSON (- for stdout, summary then goes to stderr)
//   --verbose          list every metadata mismatch and every failed snippet of the worst pages
//   --save-outputs DIR (lectern only) keep every page's outputs for a byte-for-byte comparison
//                      of two builds: DIR/<page id>.json is the CLI's `--format json` (content
//                      HTML, textContent, markdown, metadata; `null` for no article) and
//                      DIR/<page id>.explain.json the same with --explain (the removal log).
//                      Compare two such folders with tools/eval/compare-outputs.mjs
//   --diagnose         say why: for the readability corpus, the blocks missing from / added to
//                      the worst pages; for the trafilatura corpus (lectern only), where every
//                      missing snippet was (above/below our article, removed by which --explain
//                      rule, in our excerpt, ...) and where every leaked one sits in our text
//
// Work files go to .eval/<corpus>-<engine>/ (git-ignored), rewritten on every run, so the
// outputs of the last run can be inspected. See docs/evaluation.md for the scoring rules.
// With --engine lectern, pages whose JSON output has a boolean `readerable` are also checked
// against the extraction (readerable but no article, or an article but not readerable).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  METADATA_FIELDS, compareMetadata, f1, mean, normaliseField, scoreSnippets, shinglePR, snippetTotals, wordPRF,
} from './eval/scoring.mjs';
import {
  defaultLecternBin, ensureTrafilatura, lecternHasReaderable, runLectern, runLecternEach, runLecternReaderable,
  runReadabilityJs, runTrafilatura, writeHtmlPages,
} from './eval/engines.mjs';
import {
  CORPORA, decompressPages, listReadabilityPages, listTrafilaturaPages, listWcxbPages,
} from './eval/corpora.mjs';
import { SPLITS, inSplit } from './eval/split.mjs';
import { htmlToBlockText } from './eval/blocktext.mjs';
import { blockDiff, classifyLeak, classifyMissing, tally } from './eval/diagnose.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const READABILITY_URL = 'http://fakehost/test/page.html';
const ENGINES = ['lectern', 'readability-js', 'dom-smoothie', 'trafilatura'];
// Issue 3's and issue 17's goals, printed with every run.
const GOALS = {
  readability: { f1: 0.95, recall: 0.97, title: 0.95 }, trafilatura: { f: 0.94 }, wcxb: { articleF1: 0.95, f1: 0.88 },
};
// WCXB's page types, in its metadata.json's order.
const WCXB_TYPES = ['article', 'forum', 'product', 'collection', 'listing', 'documentation', 'service'];
const PEERS_BIN = process.env.PEERS_BIN || path.join(ROOT, 'target', 'peers', 'release', 'lectern-peers-bench');

// ---------------------------------------------------------------- command line

function usage(message) {
  if (message) console.error(`eval: ${message}`);
  console.error(`usage: node tools/eval.mjs ${CORPORA.join('|')} DIR [--engine ${ENGINES.join('|')}] ` +
    `[--split ${SPLITS.join('|')}] [--bin PATH] [--worst N] [--json FILE|-] [--verbose] [--diagnose] ` +
    '[--save-outputs DIR]');
  process.exit(64);
}

function parseArgs(argv) {
  const opts = {
    engine: 'lectern', split: 'all', bin: defaultLecternBin(ROOT), worst: 10, json: null, verbose: false, diagnose: false,
    saveOutputs: null,
  };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? usage(`${arg} needs a value`);
    if (arg === '--engine') opts.engine = value();
    else if (arg === '--split') opts.split = value();
    else if (arg === '--bin') opts.bin = path.resolve(value());
    else if (arg === '--worst') opts.worst = Number(value());
    else if (arg === '--json') opts.json = value();
    else if (arg === '--verbose') opts.verbose = true;
    else if (arg === '--diagnose') opts.diagnose = true;
    else if (arg === '--save-outputs') opts.saveOutputs = path.resolve(value());
    else if (arg === '-h' || arg === '--help') usage();
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else rest.push(arg);
  }
  if (rest.length !== 2) usage();
  [opts.corpus, opts.dir] = rest;
  if (!CORPORA.includes(opts.corpus)) usage(`unknown corpus ${opts.corpus}`);
  if (!ENGINES.includes(opts.engine)) usage(`unknown engine ${opts.engine}`);
  if (!SPLITS.includes(opts.split)) usage(`unknown split ${opts.split}`);
  if (!fs.existsSync(opts.dir)) usage(`no such directory ${opts.dir}`);
  if (opts.saveOutputs && opts.engine !== 'lectern') usage('--save-outputs is for --engine lectern only');
  return opts;
}

// With --json -, stdout carries the JSON only.
let out = (line = '') => console.log(line);

// ---------------------------------------------------------------- helpers

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const num = (x) => x.toFixed(3);

function goalLine(checks, issue = 3) {
  const parts = checks.map(([name, value, goal, show]) => `${name} ${show(value)} ${value >= goal ? '≥' : '<'} ${show(goal)} ${value >= goal ? '✓' : '✗'}`);
  return `\nGoals (issue ${issue}): ${parts.join(', ')}.`;
}

function markdownTable(headers, rows) {
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function clip(text, max = 80) {
  const t = normaliseField(text);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function workDir(opts) {
  const dir = path.join(ROOT, '.eval', `${opts.corpus}-${opts.engine}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function haveBin(opts) {
  return fs.existsSync(opts.bin);
}

/**
 * Block-separated text of HTML fragments/documents, with Lectern's own text rules
 * (`--whole-document --format text`) when the CLI is built, else the JS stand-in.
 */
function htmlFilesToText(pages, opts, work, label) {
  if (haveBin(opts)) {
    const run = runLectern(pages, {
      bin: opts.bin, work: path.join(work, label), format: 'text', url: READABILITY_URL, wholeDocument: true,
    });
    return run.results;
  }
  console.error(`eval: warning: ${opts.bin} missing; ${label} text uses the JS stand-in, not Lectern's text rules`);
  const results = new Map();
  for (const { id, path: file } of pages) results.set(id, htmlToBlockText(fs.readFileSync(file, 'utf8')));
  return results;
}

function timed(label, fn) {
  const start = process.hrtime.bigint();
  const value = fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.error(`eval: ${label}: ${seconds.toFixed(1)} s`);
  return value;
}

/** The pages of the chosen split; `total` is the corpus's page count. */
function selectSplit(all, opts) {
  const pages = all.filter((page) => inSplit(opts.corpus, page.name, opts.split));
  pages.total = all.length;
  return pages;
}

/** "split check: 31 of 102 pages" */
function splitLabel(opts, pages) {
  return opts.split === 'all' ? `split all: ${pages.length} pages` : `split ${opts.split}: ${pages.length} of ${pages.total} pages`;
}

/** What every corpus's summary carries: split, page count, the pages without an article. */
function commonSummary(opts, pages, scored) {
  return {
    corpus: opts.corpus, engine: opts.engine, split: opts.split, pages: pages.length, corpusPages: pages.total,
    noArticle: scored.filter((s) => s.noArticle).length,
    noArticlePages: scored.filter((s) => s.noArticle).map((s) => s.page),
  };
}

function printNoArticle(summary) {
  out(`\nNo article (${summary.noArticle}): ${summary.noArticlePages.join(', ') || 'none'}.`);
}

/**
 * Readerable against the extraction, on the pages with a readerable verdict (`lectern
 * --readerable`, or a `readerable` field in its JSON): readerable but no article, and an article
 * but not readerable. Prints and returns the counts, or null where no page has a verdict.
 */
function readerableAgreement(scored) {
  const known = scored.filter((s) => typeof s.readerable === 'boolean');
  if (!known.length) {
    out('\nReaderable: the CLI has no `--readerable` and its JSON no `readerable` field: not measured.');
    return null;
  }
  const yesNoArticle = known.filter((s) => s.readerable && s.noArticle).map((s) => s.page);
  const noButArticle = known.filter((s) => !s.readerable && !s.noArticle).map((s) => s.page);
  const share = (n) => pct(n / known.length);
  out(`\nReaderable vs extraction (${known.length} of ${scored.length} pages with a verdict): ` +
    `readerable but no article ${yesNoArticle.length} (${share(yesNoArticle.length)}), ` +
    `an article but not readerable ${noButArticle.length} (${share(noButArticle.length)}); ` +
    `disagreement ${share(yesNoArticle.length + noButArticle.length)}.`);
  if (yesNoArticle.length) out(`  readerable, no article: ${yesNoArticle.join(', ')}`);
  if (noButArticle.length) out(`  article, not readerable: ${noButArticle.slice(0, 40).join(', ')}${noButArticle.length > 40 ? ', …' : ''}`);
  return {
    known: known.length, readerableNoArticle: yesNoArticle.length, articleNotReaderable: noButArticle.length,
    disagreement: (yesNoArticle.length + noButArticle.length) / known.length, readerableNoArticlePages: yesNoArticle,
    articleNotReaderablePages: noButArticle,
  };
}

/**
 * Runs the engine. Returns Map(id → { text, meta, readerable }) where text is null for "no
 * article" and readerable is Lectern's verdict: from `lectern --readerable` where the CLI has
 * it, else the JSON output's boolean `readerable`, else null.
 */
function extractAll(pages, opts, work, url) {
  const extracted = extractWith(pages, opts, work, url);
  if (opts.saveOutputs) saveOutputs(pages, extracted, opts, work, url);
  if (opts.engine === 'lectern' && lecternHasReaderable(opts.bin)) {
    const verdicts = timed('lectern --readerable', () =>
      runLecternReaderable(pages, { bin: opts.bin, work: path.join(work, 'readerable') }));
    for (const { id } of pages) extracted.get(id).readerable = verdicts.get(id) ?? extracted.get(id).readerable;
  }
  return extracted;
}

/**
 * --save-outputs DIR: every page's JSON output (as the CLI wrote it, `null` for no article) and
 * the same with --explain, one file each per page, for a byte-for-byte comparison of two builds
 * (tools/eval/compare-outputs.mjs). The folder is emptied first.
 */
function saveOutputs(pages, extracted, opts, work, url) {
  const dir = opts.saveOutputs;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const explained = timed('lectern --explain --format json (for --save-outputs)', () => (opts.corpus === 'wcxb'
    ? runLecternEach(pages, { bin: opts.bin, work: path.join(work, 'explain-all'), format: 'json', explain: true })
    : runLectern(pages, { bin: opts.bin, work: path.join(work, 'explain-all'), format: 'json', url, explain: true }))).results;
  for (const { id } of pages) {
    fs.writeFileSync(path.join(dir, `${id}.json`), extracted.get(id).raw ?? 'null\n');
    fs.writeFileSync(path.join(dir, `${id}.explain.json`), explained.get(id) ?? 'null\n');
  }
  console.error(`eval: saved the outputs of ${pages.length} pages in ${dir}`);
}

function extractWith(pages, opts, work, url) {
  const extracted = new Map();
  // raw: the JSON output as the CLI wrote it (for --save-outputs).
  const set = (id, text, meta, raw = null) => extracted.set(id, {
    text: text ?? null, meta: meta ?? null, readerable: typeof meta?.readerable === 'boolean' ? meta.readerable : null, raw,
  });
  const parse = (raw) => (raw ? JSON.parse(raw) : null);
  if (opts.engine === 'lectern' && opts.corpus === 'wcxb') {
    // One process per page, each with its page's --url; the JSON's textContent is exactly
    // what --format text writes, so one run gives the text and the rest.
    const json = timed(`lectern --format json --url URL, one process per page (${pages.length})`, () =>
      runLecternEach(pages, { bin: opts.bin, work: path.join(work, 'json'), format: 'json' }));
    for (const e of json.errors) console.error(`eval: lectern: ${e}`);
    for (const { id } of pages) {
      const meta = parse(json.results.get(id));
      set(id, typeof meta?.textContent === 'string' ? meta.textContent : null, meta, json.results.get(id));
    }
    return extracted;
  }
  if (opts.engine === 'lectern') {
    const text = timed('lectern --format text', () =>
      runLectern(pages, { bin: opts.bin, work: path.join(work, 'text'), format: 'text', url }));
    const json = timed('lectern --format json', () =>
      runLectern(pages, { bin: opts.bin, work: path.join(work, 'json'), format: 'json', url }));
    for (const { id } of pages) set(id, text.results.get(id), parse(json.results.get(id)), json.results.get(id));
    return extracted;
  }
  if (opts.engine === 'dom-smoothie') return extractDomSmoothie(pages, opts, work);
  if (opts.engine === 'trafilatura') {
    const python = ensureTrafilatura(path.join(ROOT, '.eval', 'venv'));
    const texts = timed('trafilatura', () => runTrafilatura(
      pages.map(({ id, path: file, url: own }) => ({ id, path: file, url: own ?? url })),
      { python, work: path.join(work, 'trafilatura') }));
    for (const { id } of pages) set(id, texts.get(id), null);
    return extracted;
  }
  const { results, errors } = timed('readability-js', () => runReadabilityJs(pages));
  for (const e of errors) console.error(`eval: readability-js: ${e}`);
  const contents = new Map([...results].map(([id, r]) => [id, r?.content ?? null]));
  const htmlPages = writeHtmlPages(contents, path.join(work, 'readability-js-html'));
  const texts = htmlFilesToText(htmlPages, opts, work, 'readability-js-text');
  for (const { id } of pages) set(id, texts.get(id), results.get(id));
  return extracted;
}

/** dom_smoothie (formatted text mode) via `lectern-peers-bench DIR --extract-to OUT`. */
function extractDomSmoothie(pages, opts, work) {
  if (!process.env.PEERS_BIN) {
    // Cheap when up to date; the crate lives in benches/peers with its own target dir.
    const build = spawnSync('cargo', ['build', '--release', '--quiet', '--manifest-path', path.join(ROOT, 'benches', 'peers', 'Cargo.toml')],
      { env: { ...process.env, CARGO_TARGET_DIR: path.join(ROOT, 'target', 'peers') }, stdio: ['ignore', 'inherit', 'inherit'] });
    if (build.status !== 0) usage('could not build benches/peers');
  }
  if (!fs.existsSync(PEERS_BIN)) usage(`no peers bench binary at ${PEERS_BIN} (see benches/peers)`);
  const outDir = path.join(work, 'dom-smoothie');
  fs.rmSync(outDir, { recursive: true, force: true });
  // The bench reads a corpus directory (all its pages, whatever the split) or, for wcxb, the
  // folder of decompressed pages (only this split's): `<name>.html` files, named by file name.
  const inDir = opts.corpus === 'wcxb' ? path.dirname(pages[0].path) : opts.dir;
  const run = timed('dom_smoothie', () =>
    spawnSync(PEERS_BIN, [inDir, '--extract-to', outDir], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  if (run.status !== 0 || !fs.existsSync(outDir)) {
    throw new Error(`${PEERS_BIN} --extract-to failed (${run.status}):\n${run.stderr}`);
  }
  const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
  const extracted = new Map();
  for (const page of pages) {
    const name = opts.corpus === 'readability' ? page.name : path.basename(page.path);
    const meta = read(path.join(outDir, `${name}.json`));
    extracted.set(page.id, { text: read(path.join(outDir, `${name}.txt`)), meta: meta && JSON.parse(meta), readerable: null });
  }
  return extracted;
}

// ---------------------------------------------------------------- readability corpus

function evalReadability(opts) {
  const pages = selectSplit(listReadabilityPages(opts.dir), opts);
  const work = workDir(opts);
  const expectedText = timed('expected.html → text', () => htmlFilesToText(
    pages.map(({ id, expectedHtml }) => ({ id, path: expectedHtml })), opts, work, 'expected'));
  const extracted = extractAll(pages, opts, work, READABILITY_URL);

  const scored = pages.map((page) => {
    const { text, meta, readerable } = extracted.get(page.id);
    const pr = shinglePR(text ?? '', expectedText.get(page.id) ?? '');
    return {
      page: page.name,
      noArticle: text === null,
      readerable,
      precision: pr.precision,
      recall: pr.recall,
      f1: f1(pr.precision, pr.recall),
      counts: { tp: pr.tp, fp: pr.fp, fn: pr.fn },
      metadata: compareMetadata(meta, page.expectedMeta),
      actualMeta: Object.fromEntries(METADATA_FIELDS.map((f) => [f, meta?.[f] ?? null])),
      expectedMeta: Object.fromEntries(METADATA_FIELDS.map((f) => [f, page.expectedMeta[f] ?? null])),
    };
  });

  const precision = mean(scored.map((s) => s.precision));
  const recall = mean(scored.map((s) => s.recall));
  const metaShare = Object.fromEntries(
    METADATA_FIELDS.map((f) => [f, mean(scored.map((s) => (s.metadata[f] ? 1 : 0)))]));
  const pooled = pooledScores(scored.map((s) => s.counts));
  const summary = {
    ...commonSummary(opts, pages, scored), pooled,
    precision, recall, f1: f1(precision, recall),
    meanPageF1: mean(scored.map((s) => s.f1)),
    metadata: metaShare,
  };

  out(`## Readability corpus — ${opts.engine} (${splitLabel(opts, pages)})\n`);
  out(markdownTable(['pages', 'no article', 'precision', 'recall', 'F1', 'mean page F1', 'pooled P/R/F1'], [[
    pages.length, summary.noArticle, num(precision), num(recall), num(summary.f1), num(summary.meanPageF1),
    `${num(pooled.precision)} / ${num(pooled.recall)} / ${num(pooled.f1)}`,
  ]]));
  printNoArticle(summary);
  if (opts.engine === 'lectern') summary.readerable = readerableAgreement(scored);
  const readerableKnown = pages.filter((p, i) => typeof scored[i].readerable === 'boolean' &&
    typeof p.expectedMeta.readerable === 'boolean');
  if (summary.readerable && readerableKnown.length) {
    const same = readerableKnown.filter((p) => scored[pages.indexOf(p)].readerable === p.expectedMeta.readerable);
    summary.readerable.equalToExpected = same.length;
    out(`Readerable equal to expected-metadata.json's (Readability's isProbablyReaderable): ${same.length} of ${readerableKnown.length}.`);
  }
  // trafilatura's text output carries no metadata: only its text is scored.
  const hasMeta = opts.engine !== 'trafilatura';
  if (hasMeta) {
    out('\nMetadata equal to expected-metadata.json:\n');
    out(markdownTable(METADATA_FIELDS, [METADATA_FIELDS.map((f) => pct(metaShare[f]))]));
    // Issue 3 makes the host the site name of last resort; Readability leaves it empty.
    const hostFallback = scored.filter((s) => !s.metadata.siteName && !normaliseField(s.expectedMeta.siteName) &&
      normaliseField(s.actualMeta.siteName) === new URL(READABILITY_URL).hostname).length;
    summary.siteNameHostFallback = hostFallback;
    if (hostFallback) {
      out(`\nsiteName: ${hostFallback} of the mismatches are the host name (our last resort) where Readability has none; ` +
        `counting those as equal: ${pct(metaShare.siteName + hostFallback / scored.length)}.`);
    }
  } else {
    out('\nMetadata: not scored (trafilatura is run for its text only).');
    summary.metadata = null;
  }
  out(goalLine([
    ['F1', summary.f1, GOALS.readability.f1, num], ['recall', recall, GOALS.readability.recall, num],
    ...(hasMeta ? [['title', metaShare.title, GOALS.readability.title, pct]] : [])]));
  out(`\nWorst ${opts.worst} pages by F1:\n`);
  const worst = [...scored].sort((a, b) => a.f1 - b.f1).slice(0, opts.worst);
  out(markdownTable(['page', 'P', 'R', 'F1'], worst.map((s) => [
    s.noArticle ? `${s.page} (no article)` : s.page, num(s.precision), num(s.recall), num(s.f1)])));
  if (hasMeta) printMetadataMismatches(scored, opts);
  if (opts.diagnose) {
    out('\n### Diagnosis: blocks of the worst pages\n');
    for (const s of worst) {
      const page = pages.find((p) => p.name === s.page);
      const { missing, extra } = blockDiff(extracted.get(page.id).text, expectedText.get(page.id));
      out(`${s.page} (P ${num(s.precision)}, R ${num(s.recall)}): ${missing.length} blocks missing, ${extra.length} extra`);
      for (const b of missing.slice(0, 5)) out(`  - ${clip(b, 110)}`);
      for (const b of extra.slice(0, 5)) out(`  + ${clip(b, 110)}`);
    }
  }
  return { summary, pages: scored };
}

/**
 * The ScrapingHub benchmark's aggregate: each page's TP/FP/FN divided by their sum (so long
 * pages don't weigh more), summed over pages, then P, R and F1 of the sums.
 */
function pooledScores(counts) {
  let tp = 0, fp = 0, fn = 0;
  for (const c of counts) {
    const total = c.tp + c.fp + c.fn;
    if (!total) continue;
    tp += c.tp / total;
    fp += c.fp / total;
    fn += c.fn / total;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: f1(precision, recall) };
}

function printMetadataMismatches(scored, opts) {
  const fields = opts.verbose ? METADATA_FIELDS : ['title'];
  for (const field of fields) {
    const wrong = scored.filter((s) => !s.metadata[field]);
    if (!wrong.length) continue;
    out(`\n${field} mismatches (${wrong.length}):\n`);
    out(markdownTable(['page', 'ours', 'expected'], wrong.map((s) => [
      s.page, clip(s.actualMeta[field]) || '∅', clip(s.expectedMeta[field]) || '∅'])));
  }
}

// ---------------------------------------------------------------- trafilatura corpus

function evalTrafilatura(opts) {
  const pages = selectSplit(listTrafilaturaPages(opts.dir), opts);
  const work = workDir(opts);
  // One batch process for all pages, so no per-page URL: URLs don't affect the article text.
  const extracted = extractAll(pages, opts, work, undefined);

  const scored = pages.map((page) => {
    const { text, readerable } = extracted.get(page.id);
    const s = scoreSnippets(text ?? '', page.with, page.without);
    const errors = s.fn + s.fp;
    return { page: page.name, url: page.url, noArticle: text === null, readerable, errors, ...s };
  });
  const totals = snippetTotals(scored);
  const summary = { ...commonSummary(opts, pages, scored), ...totals };

  out(`## Trafilatura corpus — ${opts.engine} (${splitLabel(opts, pages)})\n`);
  out(markdownTable(['pages', 'no article', 'TP', 'FN', 'FP', 'precision', 'recall', 'F'], [[
    pages.length, summary.noArticle, totals.tp, totals.fn, totals.fp,
    num(totals.precision), num(totals.recall), num(totals.f)]]));
  printNoArticle(summary);
  if (opts.engine === 'lectern') summary.readerable = readerableAgreement(scored);
  out(goalLine([['F', totals.f, GOALS.trafilatura.f, num]]));
  out(`\nWorst ${opts.worst} pages (missing "with" + leaked "without" snippets):\n`);
  const worst = [...scored].sort((a, b) => b.errors - a.errors || b.fn - a.fn).slice(0, opts.worst);
  out(markdownTable(['page', 'url', 'missing', 'leaked', 'example'], worst.map((s) => [
    s.noArticle ? `${s.page} (no article)` : s.page, clip(s.url, 60),
    `${s.fn}/${s.fn + s.tp}`, `${s.fp}/${s.fp + s.tn}`,
    clip(s.missing[0] ? `missing: ${s.missing[0]}` : `leaked: ${s.leaked[0] ?? ''}`, 70)])));
  if (opts.verbose) {
    for (const s of worst) {
      out(`\n${s.page} — ${s.url}`);
      for (const m of s.missing) out(`  missing: ${clip(m, 120)}`);
      for (const l of s.leaked) out(`  leaked:  ${clip(l, 120)}`);
    }
  }
  if (opts.diagnose) diagnoseTrafilatura(pages, scored, extracted, opts, work);
  return { summary, pages: scored };
}

/** Where the missing snippets were and where the leaked ones sit (lectern only). */
function diagnoseTrafilatura(pages, scored, extracted, opts, work) {
  if (opts.engine !== 'lectern') {
    console.error('eval: --diagnose on the trafilatura corpus needs --engine lectern');
    return;
  }
  const whole = timed('lectern --whole-document', () =>
    runLectern(pages, { bin: opts.bin, work: path.join(work, 'whole'), format: 'text', wholeDocument: true })).results;
  const explained = timed('lectern --explain --format json', () =>
    runLectern(pages, { bin: opts.bin, work: path.join(work, 'explain'), format: 'json', explain: true })).results;
  const missing = [];
  const leaked = [];
  pages.forEach((page, i) => {
    const s = scored[i];
    const ours = extracted.get(page.id).text;
    const raw = explained.get(page.id);
    const context = { ours, whole: whole.get(page.id) ?? '', meta: raw ? JSON.parse(raw) : null, pageHasTp: s.tp > 0 };
    for (const snippet of s.missing) {
      missing.push({ key: classifyMissing(snippet, context), example: `${page.name}: “${clip(snippet, 40)}”` });
    }
    for (const snippet of s.leaked) {
      leaked.push({ key: classifyLeak(snippet, ours ?? ''), example: `${page.name}: “${clip(snippet, 40)}”` });
    }
  });
  out(`\n### Diagnosis: the ${missing.length} missing "with" snippets\n`);
  out(markdownTable(['count', 'where', 'examples'], tally(missing)));
  out(`\n### Diagnosis: the ${leaked.length} leaked "without" snippets, by position in our text\n`);
  out(markdownTable(['count', 'where', 'examples'], tally(leaked)));
}

// ---------------------------------------------------------------- wcxb corpus

function evalWcxb(opts) {
  const pages = selectSplit(listWcxbPages(opts.dir), opts);
  const work = workDir(opts);
  // The CLI and the peers read files: the pages decompressed, as they are (bytes).
  timed('decompress', () => decompressPages(pages, path.join(work, 'html')));
  const extracted = extractAll(pages, opts, work, undefined);

  // For reading the last run: ours and the reference, as text, side by side.
  for (const dir of ['text', 'expected']) fs.rmSync(path.join(work, dir), { recursive: true, force: true });
  for (const dir of ['text', 'expected']) fs.mkdirSync(path.join(work, dir), { recursive: true });
  const scored = pages.map((page) => {
    const { text, readerable } = extracted.get(page.id);
    if (text !== null) fs.writeFileSync(path.join(work, 'text', `${page.id}.txt`), text);
    fs.writeFileSync(path.join(work, 'expected', `${page.id}.txt`), page.reference);
    const words = wordPRF(text ?? '', page.reference);
    const snippets = scoreSnippets(text ?? '', page.with, page.without);
    return {
      page: page.name, type: page.type, url: page.url, noArticle: text === null, readerable,
      precision: words.precision, recall: words.recall, f1: words.f1,
      tokens: { overlap: words.overlap, predicted: words.predictedTotal, reference: words.referenceTotal },
      snippets,
    };
  });

  const group = (rows) => {
    const totals = snippetTotals(rows.map((s) => s.snippets));
    return {
      pages: rows.length, noArticle: rows.filter((s) => s.noArticle).length,
      precision: mean(rows.map((s) => s.precision)), recall: mean(rows.map((s) => s.recall)),
      f1: mean(rows.map((s) => s.f1)), snippets: totals,
    };
  };
  const types = [...WCXB_TYPES, ...new Set(scored.map((s) => s.type).filter((t) => !WCXB_TYPES.includes(t)))];
  const byType = Object.fromEntries(types.map((t) => [t, group(scored.filter((s) => s.type === t))]));
  const overall = group(scored);
  const summary = {
    ...commonSummary(opts, pages, scored),
    precision: overall.precision, recall: overall.recall, f1: overall.f1, snippets: overall.snippets, byType,
  };

  out(`## WCXB dev corpus — ${opts.engine} (${splitLabel(opts, pages)})\n`);
  out('Word F1 per page (lower-cased `\\w+` tokens as multisets), averaged over pages; snippet F over all snippets:\n');
  const row = (label, g) => [label, g.pages, g.noArticle, num(g.precision), num(g.recall), `**${num(g.f1)}**`,
    `${num(g.snippets.f)} (${g.snippets.tp}/${g.snippets.tp + g.snippets.fn} with, ${g.snippets.fp}/${g.snippets.fp + g.snippets.tn} without)`];
  out(markdownTable(['page type', 'pages', 'no article', 'precision', 'recall', 'F1', 'snippet F'], [
    ...types.filter((t) => byType[t].pages).map((t) => row(t, byType[t])), row('**all**', overall)]));
  printNoArticle(summary);
  if (opts.engine === 'lectern') summary.readerable = readerableAgreement(scored);
  out(goalLine([
    ['articles F1', byType.article.f1, GOALS.wcxb.articleF1, num], ['overall F1', overall.f1, GOALS.wcxb.f1, num]], 17));
  out(`\nWorst ${opts.worst} pages by F1:\n`);
  const worst = [...scored].sort((a, b) => a.f1 - b.f1 || a.page.localeCompare(b.page)).slice(0, opts.worst);
  out(markdownTable(['page', 'type', 'url', 'P', 'R', 'F1'], worst.map((s) => [
    s.noArticle ? `${s.page} (no article)` : s.page, s.type, clip(s.url, 70), num(s.precision), num(s.recall), num(s.f1)])));
  if (opts.verbose) {
    for (const s of worst) {
      out(`\n${s.page} (${s.type}) — ${s.url}: ${s.tokens.predicted} words ours, ${s.tokens.reference} in the reference, ${s.tokens.overlap} shared`);
      for (const m of s.snippets.missing) out(`  missing: ${clip(m, 120)}`);
      for (const l of s.snippets.leaked) out(`  leaked:  ${clip(l, 120)}`);
    }
  }
  if (opts.diagnose) console.error('eval: --diagnose is not implemented for the wcxb corpus');
  return { summary, pages: scored };
}

// ---------------------------------------------------------------- main

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.json === '-') out = (line = '') => console.error(line);
  if (opts.engine === 'lectern' && !haveBin(opts)) {
    usage(`no Lectern binary at ${opts.bin} (cargo build --release, or set LECTERN_BIN / --bin)`);
  }
  const run = { readability: evalReadability, trafilatura: evalTrafilatura, wcxb: evalWcxb }[opts.corpus];
  const result = run(opts);
  result.summary.command = `node tools/eval.mjs ${process.argv.slice(2).join(' ')}`;
  result.summary.date = new Date().toISOString();
  result.summary.host = `${os.hostname()} (${os.cpus().length} CPUs)`;
  // The CLI also turns reference and Readability.js HTML into text: which build it was.
  if (haveBin(opts)) result.summary.bin = { path: opts.bin, modified: fs.statSync(opts.bin).mtime.toISOString() };
  if (opts.json === '-') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (opts.json) fs.writeFileSync(opts.json, `${JSON.stringify(result, null, 2)}\n`);
}

main();
