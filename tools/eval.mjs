#!/usr/bin/env node
// Lectern's accuracy evaluation on the two shared corpora (issue 3, "Evaluation").
//
//   node tools/eval.mjs readability DIR  [options]   shingle P/R/F1 vs expected.html + metadata
//   node tools/eval.mjs trafilatura DIR  [options]   with/without snippet P/R/F
//
// Options:
//   --engine lectern|readability-js|dom-smoothie
//                      what to evaluate (default lectern). readability-js is the reference:
//                      @mozilla/readability 0.6 on linkedom; dom-smoothie is the Rust peer, run
//                      through the benches/peers binary (built into target/peers on demand)
//   --bin PATH         the Lectern CLI (default $LECTERN_BIN or target/release/lectern); also
//                      used to turn reference/Readability.js HTML into text with our text rules
//   --worst N          how many worst pages to list (default 10)
//   --json FILE        write every page's scores as JSON (- for stdout, summary then goes to stderr)
//   --verbose          list every metadata mismatch and every failed snippet of the worst pages
//   --diagnose         say why: for the readability corpus, the blocks missing from / added to
//                      the worst pages; for the trafilatura corpus (lectern only), where every
//                      missing snippet was (above/below our article, removed by which --explain
//                      rule, in our excerpt, ...) and where every leaked one sits in our text
//
// Work files go to .eval/<corpus>-<engine>/ (git-ignored), rewritten on every run, so the
// outputs of the last run can be inspected. See docs/evaluation.md for the scoring rules.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  METADATA_FIELDS, compareMetadata, f1, mean, normaliseField, scoreSnippets, shinglePR, snippetTotals,
} from './eval/scoring.mjs';
import {
  defaultLecternBin, runLectern, runReadabilityJs, safeIds, writeHtmlPages,
} from './eval/engines.mjs';
import { htmlToBlockText } from './eval/blocktext.mjs';
import { blockDiff, classifyLeak, classifyMissing, tally } from './eval/diagnose.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const READABILITY_URL = 'http://fakehost/test/page.html';
const ENGINES = ['lectern', 'readability-js', 'dom-smoothie'];
// Issue 3's goals, printed with every run.
const GOALS = { readability: { f1: 0.95, recall: 0.97, title: 0.95 }, trafilatura: { f: 0.94 } };
const PEERS_BIN = process.env.PEERS_BIN || path.join(ROOT, 'target', 'peers', 'release', 'lectern-peers-bench');

// ---------------------------------------------------------------- command line

function usage(message) {
  if (message) console.error(`eval: ${message}`);
  console.error('usage: node tools/eval.mjs readability|trafilatura DIR [--engine lectern|readability-js|dom-smoothie] ' +
    '[--bin PATH] [--worst N] [--json FILE|-] [--verbose] [--diagnose]');
  process.exit(64);
}

function parseArgs(argv) {
  const opts = {
    engine: 'lectern', bin: defaultLecternBin(ROOT), worst: 10, json: null, verbose: false, diagnose: false,
  };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? usage(`${arg} needs a value`);
    if (arg === '--engine') opts.engine = value();
    else if (arg === '--bin') opts.bin = path.resolve(value());
    else if (arg === '--worst') opts.worst = Number(value());
    else if (arg === '--json') opts.json = value();
    else if (arg === '--verbose') opts.verbose = true;
    else if (arg === '--diagnose') opts.diagnose = true;
    else if (arg === '-h' || arg === '--help') usage();
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else rest.push(arg);
  }
  if (rest.length !== 2) usage();
  [opts.corpus, opts.dir] = rest;
  if (!['readability', 'trafilatura'].includes(opts.corpus)) usage(`unknown corpus ${opts.corpus}`);
  if (!ENGINES.includes(opts.engine)) usage(`unknown engine ${opts.engine}`);
  if (!fs.existsSync(opts.dir)) usage(`no such directory ${opts.dir}`);
  return opts;
}

// With --json -, stdout carries the JSON only.
let out = (line = '') => console.log(line);

// ---------------------------------------------------------------- helpers

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const num = (x) => x.toFixed(3);

function goalLine(checks) {
  const parts = checks.map(([name, value, goal, show]) => `${name} ${show(value)} ${value >= goal ? '≥' : '<'} ${show(goal)} ${value >= goal ? '✓' : '✗'}`);
  return `\nGoals (issue 3): ${parts.join(', ')}.`;
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

/** Runs the engine. Returns Map(id → { text, meta }) where text is null for "no article". */
function extractAll(pages, opts, work, url) {
  const extracted = new Map();
  if (opts.engine === 'lectern') {
    const text = timed('lectern --format text', () =>
      runLectern(pages, { bin: opts.bin, work: path.join(work, 'text'), format: 'text', url }));
    const json = opts.corpus === 'readability'
      ? timed('lectern --format json', () =>
        runLectern(pages, { bin: opts.bin, work: path.join(work, 'json'), format: 'json', url }))
      : null;
    for (const { id } of pages) {
      const raw = json?.results.get(id);
      extracted.set(id, { text: text.results.get(id), meta: raw ? JSON.parse(raw) : null });
    }
    extracted.noArticle = text.stderr.trim();
    return extracted;
  }
  if (opts.engine === 'dom-smoothie') return extractDomSmoothie(pages, opts, work);
  const { results, errors } = timed('readability-js', () => runReadabilityJs(pages));
  for (const e of errors) console.error(`eval: readability-js: ${e}`);
  const contents = new Map([...results].map(([id, r]) => [id, r?.content ?? null]));
  const htmlPages = writeHtmlPages(contents, path.join(work, 'readability-js-html'));
  const texts = htmlFilesToText(htmlPages, opts, work, 'readability-js-text');
  for (const { id } of pages) {
    extracted.set(id, { text: texts.get(id) ?? null, meta: results.get(id) });
  }
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
  const run = timed('dom_smoothie', () =>
    spawnSync(PEERS_BIN, [opts.dir, '--extract-to', outDir], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  if (run.status !== 0 || !fs.existsSync(outDir)) {
    throw new Error(`${PEERS_BIN} --extract-to failed (${run.status}):\n${run.stderr}`);
  }
  const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
  const extracted = new Map();
  for (const page of pages) {
    const meta = read(path.join(outDir, `${page.name}.json`));
    extracted.set(page.id, { text: read(path.join(outDir, `${page.name}.txt`)), meta: meta && JSON.parse(meta) });
  }
  return extracted;
}

// ---------------------------------------------------------------- readability corpus

function listReadabilityPages(dir) {
  const names = fs.readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'source.html')))
    .sort();
  const ids = safeIds(names);
  return names.map((name, i) => ({
    id: ids[i],
    name,
    path: path.join(dir, name, 'source.html'),
    expectedHtml: path.join(dir, name, 'expected.html'),
    expectedMeta: JSON.parse(fs.readFileSync(path.join(dir, name, 'expected-metadata.json'), 'utf8')),
  }));
}

function evalReadability(opts) {
  const pages = listReadabilityPages(opts.dir);
  const work = workDir(opts);
  const expectedText = timed('expected.html → text', () => htmlFilesToText(
    pages.map(({ id, expectedHtml }) => ({ id, path: expectedHtml })), opts, work, 'expected'));
  const extracted = extractAll(pages, opts, work, READABILITY_URL);

  const scored = pages.map((page) => {
    const { text, meta } = extracted.get(page.id);
    const pr = shinglePR(text ?? '', expectedText.get(page.id) ?? '');
    return {
      page: page.name,
      noArticle: text === null,
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
    corpus: 'readability', engine: opts.engine, pages: pages.length, pooled,
    noArticle: scored.filter((s) => s.noArticle).length,
    precision, recall, f1: f1(precision, recall),
    meanPageF1: mean(scored.map((s) => s.f1)),
    metadata: metaShare,
  };

  out(`## Readability corpus — ${opts.engine} (${pages.length} pages)\n`);
  out(markdownTable(['pages', 'no article', 'precision', 'recall', 'F1', 'mean page F1', 'pooled P/R/F1'], [[
    pages.length, summary.noArticle, num(precision), num(recall), num(summary.f1), num(summary.meanPageF1),
    `${num(pooled.precision)} / ${num(pooled.recall)} / ${num(pooled.f1)}`,
  ]]));
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
  out(goalLine([
    ['F1', summary.f1, GOALS.readability.f1, num], ['recall', recall, GOALS.readability.recall, num],
    ['title', metaShare.title, GOALS.readability.title, pct]]));
  out(`\nWorst ${opts.worst} pages by F1:\n`);
  const worst = [...scored].sort((a, b) => a.f1 - b.f1).slice(0, opts.worst);
  out(markdownTable(['page', 'P', 'R', 'F1'], worst.map((s) => [
    s.noArticle ? `${s.page} (no article)` : s.page, num(s.precision), num(s.recall), num(s.f1)])));
  printMetadataMismatches(scored, opts);
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

function listTrafilaturaPages(dir) {
  const data = JSON.parse(fs.readFileSync(path.join(dir, 'evaldata.json'), 'utf8'));
  const entries = Object.entries(data)
    .filter(([, v]) => fs.existsSync(path.join(dir, 'pages', v.file)))
    .sort(([, a], [, b]) => a.file.localeCompare(b.file));
  const ids = safeIds(entries.map(([, v]) => v.file));
  return entries.map(([url, v], i) => ({
    id: ids[i], name: v.file, url, path: path.join(dir, 'pages', v.file),
    with: v.with ?? [], without: v.without ?? [],
  }));
}

function evalTrafilatura(opts) {
  const pages = listTrafilaturaPages(opts.dir);
  const work = workDir(opts);
  // One batch process for all pages, so no per-page URL: URLs don't affect the article text.
  const extracted = extractAll(pages, opts, work, undefined);

  const scored = pages.map((page) => {
    const { text } = extracted.get(page.id);
    const s = scoreSnippets(text ?? '', page.with, page.without);
    const errors = s.fn + s.fp;
    return { page: page.name, url: page.url, noArticle: text === null, errors, ...s };
  });
  const totals = snippetTotals(scored);
  const summary = {
    corpus: 'trafilatura', engine: opts.engine, pages: pages.length,
    noArticle: scored.filter((s) => s.noArticle).length, ...totals,
  };

  out(`## Trafilatura corpus — ${opts.engine} (${pages.length} pages)\n`);
  out(markdownTable(['pages', 'no article', 'TP', 'FN', 'FP', 'precision', 'recall', 'F'], [[
    pages.length, summary.noArticle, totals.tp, totals.fn, totals.fp,
    num(totals.precision), num(totals.recall), num(totals.f)]]));
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

// ---------------------------------------------------------------- main

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.json === '-') out = (line = '') => console.error(line);
  if (opts.engine === 'lectern' && !haveBin(opts)) {
    usage(`no Lectern binary at ${opts.bin} (cargo build --release, or set LECTERN_BIN / --bin)`);
  }
  const result = opts.corpus === 'readability' ? evalReadability(opts) : evalTrafilatura(opts);
  result.summary.command = `node tools/eval.mjs ${process.argv.slice(2).join(' ')}`;
  result.summary.date = new Date().toISOString();
  result.summary.host = `${os.hostname()} (${os.cpus().length} CPUs)`;
  if (opts.json === '-') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (opts.json) fs.writeFileSync(opts.json, `${JSON.stringify(result, null, 2)}\n`);
}

main();
