#!/usr/bin/env node
// Trains the learned block filter (issue 17; src/clean/learned.rs) on the TUNE split of the
// wcxb corpus (and of the trafilatura corpus), never on CHECK pages, and writes its weights
// into src/clean/learned_weights.rs. Deterministic: same corpus, same engine, same weights.
//
//   cargo build --release --features internals --example block_features
//   node tools/train/blocks.mjs [--wcxb ../shared/corpus/wcxb-dev] [--trafilatura ../shared/corpus/trafilatura]
//        [--write] [--folds 5]
//
// 1. Dump: every tune page through the engine (`examples/block_features`, the filter off),
//    giving each block of the cleaned article its text and measures (.eval/train/*.jsonl).
// 2. Labels: a wcxb block is content when most of its words are in the page's main_content
//    (word trigrams present, or for blocks under 3 words the words themselves), boilerplate
//    when few are (the blocks between are left out); a trafilatura block holding a "without"
//    snippet is boilerplate, one holding a "with" snippet content.
// 3. A logistic regression (L2, Newton's method), first with pages in folds (out-of-fold
//    probabilities), to choose the threshold by the word F1 the filter would give the wcxb
//    tune pages and the snippet F of the trafilatura tune pages; then on all tune pages.
// 4. --write: the weights into src/clean/learned_weights.rs (the threshold is
//    LEARNED_MIN_PROBABILITY in src/tunables.rs, set by hand from the table printed).

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { listTrafilaturaPages, listWcxbPages, decompressPages } from '../eval/corpora.mjs';
import { inSplit } from '../eval/split.mjs';
import { tokenize, wordPRF, collapseWhitespace, mean } from '../eval/scoring.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const WCXB = opt('--wcxb', '../shared/corpus/wcxb-dev');
const TRAF = opt('--trafilatura', '../shared/corpus/trafilatura');
const FOLDS = Number(opt('--folds', '5'));
const L2 = Number(opt('--l2', '1'));
const WRITE = args.includes('--write');
const BIN = opt('--bin', 'target/release/examples/block_features');
const WORK = '.eval/train';
// What the engine's guards are (src/tunables.rs): the longest prose block stays, and at most
// this share of the article's text goes.
const MAX_SHARE = 0.3;

fs.mkdirSync(WORK, { recursive: true });

// ------------------------------------------------------------------------- 1. dump

function dump(name, pages) {
  const out = path.join(WORK, `${name}.jsonl`);
  const tsv = pages.map((p) => `${p.id}\t${p.path}\t${p.url ?? ''}`).join('\n') + '\n';
  const json = args.includes('--no-dump')
    ? fs.readFileSync(out, 'utf8')
    : execFileSync(BIN, { input: tsv, maxBuffer: 1 << 30, encoding: 'utf8' });
  fs.writeFileSync(out, json);
  const rows = new Map();
  for (const line of json.split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line);
    rows.set(r.page, r.blocks);
  }
  return rows;
}

const wcxbPages = listWcxbPages(WCXB).filter((p) => inSplit('wcxb', p.name, 'tune'));
if (!args.includes('--no-dump')) decompressPages(wcxbPages, path.join(WORK, 'wcxb-html'));
const wcxbBlocks = dump('wcxb', wcxbPages);
// The trafilatura corpus is scored without the page's URL (docs/evaluation.md).
const trafPages = listTrafilaturaPages(TRAF)
  .filter((p) => inSplit('trafilatura', p.name, 'tune'))
  .map((p) => ({ ...p, url: '' }));
const trafBlocks = dump('trafilatura', trafPages);

// ------------------------------------------------------------------------- 2. labels

const lower = (t) => tokenize((t ?? '').toLowerCase());
const trigrams = (tokens) => {
  const s = [];
  for (let i = 0; i + 3 <= tokens.length; i++) s.push(tokens.slice(i, i + 3).join(' '));
  return s;
};

/** Share of the block's words (trigrams) found in the reference. */
function overlap(blockTokens, refTrigrams, refWords) {
  if (blockTokens.length === 0) return null;
  if (blockTokens.length < 3) return blockTokens.filter((t) => refWords.has(t)).length / blockTokens.length;
  const tri = trigrams(blockTokens);
  return tri.filter((t) => refTrigrams.has(t)).length / tri.length;
}

// Where the filter may act: everywhere, or only outside the article's prose (after the last
// prose block or before the first).
const WHERE = opt('--where', 'all');
const eligible = (x) => WHERE === 'all' || x[17] > 0 || x[18] > 0;
const examples = []; // { x, y, page, w }
const pageData = []; // per wcxb page: { id, type, reference, blocks: [{ text, x }] }
for (const page of wcxbPages) {
  const blocks = wcxbBlocks.get(page.id) ?? [];
  const refTokens = lower(page.reference);
  const refTrigrams = new Set(trigrams(refTokens));
  const refWords = new Set(refTokens);
  const pd = { id: page.id, type: page.type, reference: page.reference, blocks: blocks.map(([text, x]) => ({ text, x, share: overlap(lower(text), refTrigrams, refWords) })) };
  pageData.push(pd);
  if (!refTokens.length) continue;
  for (const { x, share } of pd.blocks) {
    if (share === null || !eligible(x)) continue;
    const strict = args.includes('--strict');
    if (strict && lower(pd.blocks.find((q) => q.x === x).text).length < 3) continue;
    if (share >= (strict ? 0.9 : 0.7)) examples.push({ x, y: 0, page: `w${page.id}`, b: pd.blocks.find((q) => q.x === x) });
    else if (share <= (strict ? 0.0 : 0.2)) examples.push({ x, y: 1, page: `w${page.id}`, b: pd.blocks.find((q) => q.x === x) });
  }
}
const trafData = [];
for (const page of trafPages) {
  const blocks = trafBlocks.get(page.id) ?? [];
  const withS = page.with.map((s) => collapseWhitespace(s).trim()).filter(Boolean);
  const withoutS = page.without.map((s) => collapseWhitespace(s).trim()).filter(Boolean);
  const td = { id: page.id, with: withS, without: withoutS, blocks: blocks.map(([text, x]) => ({ text, x })) };
  trafData.push(td);
  for (const b of td.blocks) {
    const { text, x } = b;
    if (!eligible(x)) continue;
    const t = collapseWhitespace(text);
    if (withS.some((s) => t.includes(s))) examples.push({ x, y: 0, page: `t${page.id}`, b });
    else if (withoutS.some((s) => t.includes(s))) examples.push({ x, y: 1, page: `t${page.id}`, b });
  }
}
// Experiment: measures of the neighbours (computed here from the dumped ones).
if (args.includes('--context')) {
  const extend = (blocks) => {
    const base = blocks.map((b) => b.x.slice());
    // The run of non-prose blocks around each block.
    const runId = [];
    let id = 0;
    base.forEach((x, i) => { if (x[4] > 0) id++; runId[i] = x[4] > 0 ? -1 : id; });
    const runLen = new Map(), runChars = new Map();
    base.forEach((x, i) => { if (runId[i] >= 0) { runLen.set(runId[i], (runLen.get(runId[i]) ?? 0) + 1); runChars.set(runId[i], (runChars.get(runId[i]) ?? 0) + Math.expm1(x[0] * 8)); } });
    blocks.forEach((b, i) => {
      const p = base[i - 1] ?? [], q = base[i + 1] ?? [];
      b.x = [...base[i], p[2] ?? 0, p[4] ?? 0, p[0] ?? 0, p[8] ?? 0, q[2] ?? 0, q[4] ?? 0, q[0] ?? 0, q[8] ?? 0,
        runId[i] >= 0 ? Math.log1p(runLen.get(runId[i])) / 4 : 0, runId[i] >= 0 ? Math.log1p(runChars.get(runId[i])) / 8 : 0];
    });
  };
  for (const p of pageData) extend(p.blocks);
  for (const p of trafData) extend(p.blocks);
  for (const e of examples) e.x = e.b.x;
}
// Experiment: a lexicon of words telling boilerplate from content (log-odds), learned per fold.
const LEX = Number(opt('--lex', '0'));
const lexOf = (rows) => {
  const c = [new Map(), new Map()], n = [0, 0];
  for (const e of rows) {
    n[e.y]++;
    for (const t of new Set(lower(e.b.text))) c[e.y].set(t, (c[e.y].get(t) ?? 0) + 1);
  }
  const all = new Set([...c[0].keys(), ...c[1].keys()]);
  const scored = [];
  for (const t of all) {
    const a = c[1].get(t) ?? 0, b = c[0].get(t) ?? 0;
    if (a + b < 20) continue;
    scored.push([t, Math.log((a + 1) / (n[1] + 2)) - Math.log((b + 1) / (n[0] + 2))]);
  }
  scored.sort((p, q) => Math.abs(q[1]) - Math.abs(p[1]));
  return new Map(scored.slice(0, LEX));
};
const lexFeature = (lex, text) => {
  const t = lower(text);
  let s = 0;
  for (const w of t) s += lex.get(w) ?? 0;
  return [s / Math.max(1, t.length), Math.max(0, ...t.map((w) => lex.get(w) ?? 0)) ];
};
if (LEX) {
  // Out of fold: each page's lexicon feature comes from the other folds' words.
  const foldLex = [];
  for (let k = 0; k < FOLDS; k++) foldLex.push(lexOf(examples.filter((e) => foldOfKey(e.page) !== k)));
  const extend = (key, b) => { b.x = [...b.x, ...lexFeature(foldLex[foldOfKey(key)], b.text)]; };
  for (const p of pageData) for (const b of p.blocks) extend(`w${p.id}`, b);
  for (const p of trafData) for (const b of p.blocks) extend(`t${p.id}`, b);
  for (const e of examples) e.x = e.b.x;
}
function foldOfKey(page) {
  let h = 2166136261;
  for (const c of page) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h % FOLDS;
}
if (args.includes('--weigh')) for (const e of examples) e.w = Math.log1p(lower(e.b.text).length);
const D = examples[0]?.x.length ?? 0;
console.log(`examples: ${examples.length} (${examples.filter((e) => e.y).length} boilerplate), ${D} features`);

// ------------------------------------------------------------------------- 3. the model

/** L2-regularised logistic regression by Newton's method; returns [bias, ...weights]. */
function fit(rows) {
  const n = D + 1;
  let w = new Float64Array(n);
  for (let iter = 0; iter < 30; iter++) {
    const g = new Float64Array(n);
    const H = Array.from({ length: n }, () => new Float64Array(n));
    for (const { x, y, w: ew = 1 } of rows) {
      let z = w[0];
      for (let j = 0; j < D; j++) z += w[j + 1] * x[j];
      const p = 1 / (1 + Math.exp(-z));
      const r = p * (1 - p) * ew;
      const xi = [1, ...x];
      for (let a = 0; a < n; a++) {
        g[a] += (p - y) * xi[a] * ew;
        if (xi[a] === 0) continue;
        for (let b = a; b < n; b++) H[a][b] += r * xi[a] * xi[b];
      }
    }
    for (let a = 1; a < n; a++) {
      g[a] += L2 * w[a];
      H[a][a] += L2;
    }
    for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) H[a][b] = H[b][a];
    H[0][0] += 1e-9;
    const step = solve(H, g);
    let size = 0;
    for (let a = 0; a < n; a++) {
      w[a] -= step[a];
      size = Math.max(size, Math.abs(step[a]));
    }
    if (size < 1e-7) break;
  }
  return Array.from(w);
}

/** Solves A x = b (Gaussian elimination with partial pivoting). */
function solve(A, b) {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    [M[c], M[piv]] = [M[piv], M[c]];
    const d = M[c][c] || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const k = M[r][c] / d;
      if (k) for (let j = c; j <= n; j++) M[r][j] -= k * M[c][j];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let j = r + 1; j < n; j++) s -= M[r][j] * x[j];
    x[r] = s / (M[r][r] || 1e-12);
  }
  return x;
}

// ---- a small ensemble of boosted trees (logistic loss), depth DEPTH, on quantile bins
const DEPTH = Number(opt('--depth', '3'));
const TREES = Number(opt('--trees', '40'));
const RATE = Number(opt('--rate', '0.2'));
const MIN_LEAF = Number(opt('--min-leaf', '40'));
function fitTrees(rows) {
  // Candidate thresholds: up to 32 quantiles of each feature.
  const cuts = [];
  for (let j = 0; j < D; j++) {
    const v = rows.map((r) => r.x[j]).sort((a, b) => a - b);
    const c = new Set();
    for (let q = 1; q < 32; q++) c.add(f32(v[Math.floor((q * v.length) / 32)]));
    cuts.push([...c].sort((a, b) => a - b));
  }
  const base = Math.log(rows.reduce((a, r) => a + r.y, 0) / rows.reduce((a, r) => a + 1 - r.y, 0));
  const F = new Float64Array(rows.length).fill(base);
  const trees = [];
  for (let t = 0; t < TREES; t++) {
    const g = new Float64Array(rows.length), h = new Float64Array(rows.length);
    rows.forEach((r, i) => {
      const p = 1 / (1 + Math.exp(-F[i]));
      g[i] = (p - r.y) * (r.w ?? 1);
      h[i] = Math.max(p * (1 - p), 1e-6) * (r.w ?? 1);
    });
    // A complete tree: node k has children 2k+1, 2k+2; DEPTH levels of splits.
    const nodes = [];
    const leaves = [];
    let sets = [rows.map((_, i) => i)];
    for (let level = 0; level < DEPTH; level++) {
      const next = [];
      for (const idx of sets) {
        let best = { gain: 0, j: 0, c: Infinity };
        const G = idx.reduce((a, i) => a + g[i], 0), H = idx.reduce((a, i) => a + h[i], 0);
        for (let j = 0; j < D; j++) {
          const cs = cuts[j];
          const gl = new Float64Array(cs.length + 1), hl = new Float64Array(cs.length + 1), nl = new Int32Array(cs.length + 1);
          for (const i of idx) {
            const v = f32(rows[i].x[j]);
            let lo = 0, hi = cs.length;
            while (lo < hi) { const m = (lo + hi) >> 1; if (v < cs[m]) hi = m; else lo = m + 1; }
            gl[lo] += g[i]; hl[lo] += h[i]; nl[lo]++;
          }
          // x < cs[b] goes left: bins 0..b.
          let sg = 0, sh = 0, sn = 0;
          for (let b = 0; b < cs.length; b++) {
            sg += gl[b]; sh += hl[b]; sn += nl[b];
            const rn = idx.length - sn;
            if (sn < MIN_LEAF || rn < MIN_LEAF) continue;
            const gain = (sg * sg) / (sh + L2) + ((G - sg) ** 2) / (H - sh + L2) - (G * G) / (H + L2);
            if (gain > best.gain) best = { gain, j, c: cs[b] };
          }
        }
        nodes.push([best.j, best.c]);
        const left = [], right = [];
        for (const i of idx) (f32(rows[i].x[best.j]) < best.c ? left : right).push(i);
        next.push(left, right);
      }
      sets = next;
    }
    for (const idx of sets) {
      const G = idx.reduce((a, i) => a + g[i], 0), H = idx.reduce((a, i) => a + h[i], 0);
      leaves.push(f32((-G / (H + L2)) * RATE));
    }
    const tree = { nodes, leaves };
    trees.push(tree);
    rows.forEach((r, i) => { F[i] += leafOf(tree, r.x); });
  }
  return { base: f32(base), trees };
}
function leafOf(tree, x) {
  let k = 0;
  for (let level = 0; level < DEPTH; level++) k = 2 * k + 1 + (f32(x[tree.nodes[k][0]]) < tree.nodes[k][1] ? 0 : 1);
  return tree.leaves[k - tree.nodes.length];
}
function predictTrees(m, x) {
  let z = m.base;
  for (const t of m.trees) z = f32(z + leafOf(t, x));
  return f32(1 / (1 + Math.exp(-z)));
}

// The engine computes in f32: so does the prediction here, with the weights rounded to f32.
const f32 = Math.fround;
function predictLr(w, x) {
  let z = f32(w[0]);
  for (let j = 0; j < D; j++) z = f32(z + f32(f32(x[j]) * f32(w[j + 1])));
  return f32(1 / (1 + Math.exp(-z)));
}

/** Folds by page (a fixed hash of the page's name, so the same every run). */
function foldOf(page) {
  let h = 2166136261;
  for (const c of page) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h % FOLDS;
}

const MODEL = opt('--model', 'lr');
const train = (rows) => (MODEL === 'gbt' ? fitTrees(rows) : fitLr(rows));
const predict = (m, x) => (MODEL === 'gbt' ? predictTrees(m, x) : predictLr(m, x));
function fitLr(rows) {
  return fit(rows);
}

const outOfFold = new Map(); // page key → model
for (let k = 0; k < FOLDS; k++) {
  const w = train(examples.filter((e) => foldOf(e.page) !== k));
  for (const e of examples) if (foldOf(e.page) === k) outOfFold.set(e.page, w);
  outOfFold.set(`fold${k}`, w);
}
const modelFor = (key) => outOfFold.get(key) ?? outOfFold.get(`fold${foldOf(key)}`);

/** Which blocks the engine would drop at threshold t (its guards included). */
function dropped(blocks, w, t, oracle = false) {
  const chars = blocks.map((b) => b.text.length);
  const total = chars.reduce((a, b) => a + b, 0);
  // The longest prose block (feature 4 is "prose", 0 the log length) is never dropped.
  let main = -1;
  blocks.forEach((b, i) => {
    if (b.x[4] > 0 && (main < 0 || b.x[0] > blocks[main].x[0])) main = i;
  });
  let gone = 0;
  return blocks.map((b, i) => {
    if (i === main || !b.text.trim() || !eligible(b.x)) return false;
    const p = oracle ? (b.share !== null && b.share <= 0.2 ? 1 : 0) : predict(w, b.x);
    if (p < t || gone + chars[i] > MAX_SHARE * total) return false;
    gone += chars[i];
    return true;
  });
}

const thresholds = [1.01, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99];
function simulate(modelOf, oracle = false) {
  const rows = [];
  for (const t of thresholds) {
    const byType = {};
    for (const page of pageData) {
      const w = modelOf(`w${page.id}`);
      const drop = dropped(page.blocks, w, t, oracle);
      const text = page.blocks.filter((_, i) => !drop[i]).map((b) => b.text).join('\n\n');
      const s = page.blocks.length ? wordPRF(text, page.reference) : wordPRF('', page.reference);
      (byType[page.type] ??= []).push(s.f1);
      (byType.all ??= []).push(s.f1);
    }
    let tp = 0, fn = 0, fp = 0;
    for (const page of trafData) {
      const w = modelOf(`t${page.id}`);
      const drop = dropped(page.blocks, w, t);
      const text = collapseWhitespace(page.blocks.filter((_, i) => !drop[i]).map((b) => b.text).join(' '));
      for (const s of page.with) text.includes(s) ? tp++ : fn++;
      for (const s of page.without) if (text.includes(s)) fp++;
    }
    rows.push({ t, wcxb: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, mean(v)])), traf: (2 * tp) / (2 * tp + fp + fn) });
  }
  return rows;
}

const show = (rows, title) => {
  console.log(`\n${title}`);
  const types = ['all', 'article', 'forum', 'product', 'collection', 'listing', 'documentation', 'service'];
  console.log(`| threshold | ${types.join(' | ')} | trafilatura F |`);
  for (const r of rows) {
    console.log(`| ${r.t > 1 ? 'off' : r.t} | ${types.map((k) => (r.wcxb[k] ?? 0).toFixed(4)).join(' | ')} | ${r.traf.toFixed(4)} |`);
  }
};
if (args.includes('--oracle')) show(simulate(modelFor, true).slice(0, 2), 'Oracle (the labels themselves):');
show(simulate(modelFor), `Out-of-fold (${FOLDS} folds by page), wcxb tune word F1 and trafilatura tune snippet F, blocks joined:`);

const final = train(examples);
const names = fs.readFileSync('src/clean/learned.rs', 'utf8').match(/let values = \[([\s\S]*?)\];/)?.[1]
  .split('\n').map((l) => l.trim().replace(/,$/, '')).filter(Boolean) ?? [];
if (MODEL === 'lr') {
console.log('\nweights (all tune pages):');
console.log(`  bias ${final[0].toFixed(3)}`);
final.slice(1).forEach((w, j) => console.log(`  ${w.toFixed(3).padStart(8)}  ${names[j] ?? j}`));
} else {
  const used = new Map();
  for (const t of final.trees) for (const [j] of t.nodes) used.set(names[j] ?? j, (used.get(names[j] ?? j) ?? 0) + 1);
  console.log('\nsplits per feature:', [...used].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v} ${k}`).join('\n  '));
}

if (WRITE) {
  const fmt = (v) => {
    const s = f32(v).toPrecision(6);
    return s.includes('.') || s.includes('e') ? s : `${s}.0`;
  };
  const src = `//! Generated by \`node tools/train/blocks.mjs --write\` (issue 17's learned block filter, see
//! docs/evaluation.md): do not edit. The logistic regression of \`learned.rs\`, trained on the
//! tune pages of the wcxb and trafilatura corpora (${examples.length} labelled blocks, L2 ${L2}).

/// The model's intercept.
pub(super) const BIAS: f32 = ${fmt(final[0])};
/// One weight per measure of \`learned::FEATURES\`, in their order.
pub(super) const WEIGHTS: [f32; super::learned::FEATURES] = [
${final.slice(1).map((w) => `    ${fmt(w)},`).join('\n')}
];
`;
  fs.writeFileSync('src/clean/learned_weights.rs', src);
  console.log('\nwrote src/clean/learned_weights.rs');
}
if (args.includes('--pr')) {
  // Out-of-fold precision of "boilerplate" among the labelled blocks above each threshold (blocks; words).
  for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
    let tp = 0, fp = 0, tpw = 0, fpw = 0, all = 0;
    for (const e of examples) {
      const words = e.b ? lower(e.b.text).length : 1;
      if (e.y) all++;
      if (predict(modelFor(e.page), e.x) < t) continue;
      if (e.y) { tp++; tpw += words; } else { fp++; fpw += words; }
    }
    console.log(`p>=${t}: ${tp} boilerplate / ${fp} content blocks (of ${all}); words ${tpw} / ${fpw}`);
  }
}
if (args.includes('--show')) {
  const hi = examples.filter((e) => e.b && predict(modelFor(e.page), e.x) >= 0.8);
  for (const y of [0, 1]) {
    console.log(`\n${y ? 'boilerplate' : 'content'} blocks at p >= 0.8:`);
    const h = hi.filter((e) => e.y === y);
    for (let k = 0; k < 25 && h.length; k++) {
      const e = h[(k * 7919) % h.length];
      console.log(`  ${e.page} ${predict(modelFor(e.page), e.x).toFixed(2)} | ${e.b.text.replace(/\s+/g, ' ').slice(0, 120)}`);
    }
  }
}
