#!/usr/bin/env node
// The toolbar-click → article open (benches/open.mjs), this tree's extension against another
// commit's, side by side: the check behind "opening time stays within 10% of today's" (issues
// 20 and 21), where today's is the commit the issue was filed against.
//
//   node benches/open-against.mjs REF [--pairs N] [--cold N] [--warm N]
//   ./build.sh bench open-against REF [--pairs N] …
//
// REF's engine is built once, as that commit's build.sh built it (its own Cargo profile and
// flags; wasm-bindgen, which must be the version installed, then wasm-opt -Oz), from `git archive`
// into ~/.cache/lectern-open-against/<commit>/ (reused by later runs). Then N pairs of
// `open.mjs --cold C --warm W` runs, the two extensions in turn and the order swapped every pair:
// a run's medians drift by ±15% from one browser launch to the next on these machines, more than
// the difference looked for, so only many runs in turn, on a quiet machine, say anything.
// Reported: each run's warm and cold medians per page, and over the runs the median and mean of
// the runs' warm medians for each side, and their ratios.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './common.mjs';

const WASM_OPT_FLAGS = ['-Oz', '--converge', '--strip-producers', '--strip-target-features', '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types',
  '--enable-multivalue'];
const CACHE = path.join(os.homedir(), '.cache', 'lectern-open-against');

function args(argv) {
  const opts = { ref: null, pairs: 4, cold: 2, warm: 12 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--pairs') opts.pairs = Number(argv[++i]);
    else if (argv[i] === '--cold') opts.cold = Number(argv[++i]);
    else if (argv[i] === '--warm') opts.warm = Number(argv[++i]);
    else if (!argv[i].startsWith('--') && !opts.ref) opts.ref = argv[i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!opts.ref) throw new Error('usage: node benches/open-against.mjs REF [--pairs N] [--cold N] [--warm N]');
  if (!(opts.pairs >= 1)) throw new Error('--pairs: at least 1');
  return opts;
}

const run = (cmd, argv, options = {}) => execFileSync(cmd, argv, { encoding: 'utf8', ...options });

/** REF's unpacked extension with its engine built as its own build.sh built it (cached). */
function referenceExtension(ref) {
  const commit = run('git', ['-C', ROOT, 'rev-parse', '--verify', `${ref}^{commit}`]).trim();
  const dir = path.join(CACHE, commit);
  const extension = path.join(dir, 'extension');
  const engine = path.join(extension, 'engine');
  if (fs.existsSync(path.join(engine, 'lectern_bg.wasm'))) return { commit, extension };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const archive = spawnSync('sh', ['-c', `git -C "${ROOT}" archive ${commit} | tar -x -C "${dir}"`], { stdio: 'inherit' });
  if (archive.status !== 0) throw new Error(`git archive ${commit} failed`);
  const lock = fs.readFileSync(path.join(dir, 'Cargo.lock'), 'utf8');
  const wanted = /name = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock)?.[1];
  const installed = run('wasm-bindgen', ['--version']).trim().split(/\s+/)[1];
  if (wanted !== installed) {
    throw new Error(`${commit.slice(0, 7)} needs wasm-bindgen ${wanted}; ${installed} is installed (cargo install wasm-bindgen-cli --version ${wanted})`);
  }
  console.error(`building ${commit.slice(0, 7)}'s engine in ${dir} (once)`);
  const target = path.join(CACHE, 'cargo-target');
  const built = spawnSync('cargo', ['build', '--lib', '--target', 'wasm32-unknown-unknown', '--profile', 'wasm-release'],
    { cwd: dir, stdio: 'inherit', env: { ...process.env, CARGO_TARGET_DIR: target } });
  if (built.status !== 0) throw new Error(`building ${commit.slice(0, 7)}'s engine failed`);
  fs.mkdirSync(engine, { recursive: true });
  run('wasm-bindgen', ['--target', 'web', '--out-dir', engine, '--out-name', 'lectern',
    path.join(target, 'wasm32-unknown-unknown', 'wasm-release', 'lectern.wasm')]);
  const wasm = path.join(engine, 'lectern_bg.wasm');
  run(path.join(ROOT, 'node_modules', '.bin', 'wasm-opt'), [...WASM_OPT_FLAGS, wasm, '-o', `${wasm}.opt`]);
  fs.renameSync(`${wasm}.opt`, wasm);
  return { commit, extension };
}

/** One open.mjs run on `extension`: its rows (per page: warm and cold medians). */
function openRun(extension, opts) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-open-against-')), 'rows.json');
  try {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'benches', 'open.mjs'), '--cold', String(opts.cold), '--warm', String(opts.warm)],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LECTERN_EXTENSION_DIR: extension, OPEN_JSON: out } });
    if (result.status !== 0 || !fs.existsSync(out)) throw new Error(`open.mjs failed: ${result.stderr.slice(-2000)}`);
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(100 * (a / b - 1)).toFixed(1)}%` : '–');

async function main() {
  const opts = args(process.argv.slice(2));
  const reference = referenceExtension(opts.ref);
  const here = path.join(ROOT, 'extension');
  const sides = { ref: reference.extension, now: here };
  const runs = { ref: [], now: [] };
  for (let pair = 0; pair < opts.pairs; pair++) {
    for (const side of pair % 2 ? ['now', 'ref'] : ['ref', 'now']) {
      const rows = openRun(sides[side], opts);
      runs[side].push(Object.fromEntries(rows.map((r) => [r.page, r])));
      const line = rows.map((r) => `${r.page}: warm ${fmt(r.warmMedian)} cold ${fmt(r.coldMedian)}`).join('; ');
      console.error(`pair ${pair + 1}, ${side === 'ref' ? reference.commit.slice(0, 7) : 'this tree'}: ${line}`);
    }
  }
  const pages = Object.keys(runs.now[0] ?? {});
  console.log(`### Open against ${reference.commit.slice(0, 7)}: ${opts.pairs} pairs of runs in turn\n`);
  console.log(`Each run: \`node benches/open.mjs --cold ${opts.cold} --warm ${opts.warm}\`, a fresh browser per page; the run's warm and cold medians (ms, toolbar click → article visible). Load average at the end: ${os.loadavg()[0].toFixed(2)}.\n`);
  console.log(`| page | side | warm medians of the runs | median | mean | cold medians of the runs | median |`);
  console.log('|---|---|---|---|---|---|---|');
  const summary = [];
  for (const page of pages) {
    const warm = (side) => runs[side].map((r) => r[page]?.warmMedian);
    const cold = (side) => runs[side].map((r) => r[page]?.coldMedian);
    for (const side of ['ref', 'now']) {
      const label = side === 'ref' ? reference.commit.slice(0, 7) : 'this tree';
      console.log(`| ${page} | ${label} | ${warm(side).map(fmt).join(', ')} | ${fmt(median(warm(side)))} | ${fmt(mean(warm(side)))} | ${cold(side).map(fmt).join(', ')} | ${fmt(median(cold(side)))} |`);
    }
    summary.push(`${page}: warm ${ratio(median(warm('now')), median(warm('ref')))} on the median of the runs' medians, ${ratio(mean(warm('now')), mean(warm('ref')))} on their mean; cold ${ratio(median(cold('now')), median(cold('ref')))}`);
  }
  console.log(`\nThis tree against ${reference.commit.slice(0, 7)} (+: slower):\n`);
  for (const line of summary) console.log(`- ${line}`);
  console.log(`\nCommand: \`${['node benches/open-against.mjs', ...process.argv.slice(2)].join(' ')}\` (${new Date().toISOString().slice(0, 10)})`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
