#!/usr/bin/env node
// Lectern's benchmarks (issue 7); `./build.sh bench ...` calls this.
//
//   node benches/run.mjs                      all of them on the shared corpora, one report
//   node benches/run.mjs engine DIR [ARGS]    native: Lectern vs dom_smoothie (benches/peers),
//                                             then the CLI's batch mode (benches/cli.mjs)
//   node benches/run.mjs browser DIR [ARGS]   wasm vs Readability.js in headless Chromium
//   node benches/run.mjs memory DIR [ARGS]    max RSS of the CLI on the largest pages
//   node benches/run.mjs size [ARGS]          the shipped .wasm and the JS shell
//   node benches/run.mjs open [DIR] [ARGS]    extension: toolbar action → article visible, in Chromium
//                                             (benches/open.mjs) then Firefox (benches/open-firefox.mjs)
//                                             (default: generated news pages, benches/news-page.mjs)
//   node benches/run.mjs open-against REF [ARGS]  the Chromium open, this tree's extension against
//                                             commit REF's, runs in turn (benches/open-against.mjs)
//   node benches/run.mjs extension-memory     the extension's process memory in both browsers, idle
//                                             and with a reader open (benches/extension-memory.mjs)
//   node benches/run.mjs transfer             the demo's first view: every file fetched, raw and gzip
//   node benches/run.mjs scaling [ARGS]       the CLI on generated pages of one shape at N and 4N
//                                             repeats: any pass that grows faster than the page
//
// Builds what it runs (the peers crate into target/peers; the CLI with cargo build --release;
// the wasm with ./build.sh build if www/engine is missing). A full run's report is also written
// to .bench/report-<date>.md (git-ignored). Corpora: $LECTERN_CORPUS or ../shared/corpus.

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './common.mjs';

const CORPUS = process.env.LECTERN_CORPUS || path.resolve(ROOT, '..', 'shared', 'corpus');
const PEERS = path.join(ROOT, 'target', 'peers', 'release', 'lectern-peers-bench');
const log = (message) => console.error(`\x1b[1m==> ${message}\x1b[0m`);

/** Runs a command; returns its stdout (also echoed) or throws. */
function sh(command, args, { env, capture = true } = {}) {
  const run = spawnSync(command, args, {
    cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28,
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${run.status}`);
  if (capture) process.stdout.write(run.stdout);
  return run.stdout ?? '';
}

const built = new Set();
function build(what) {
  if (built.has(what)) return;
  built.add(what);
  if (what === 'peers') {
    log('cargo build --release (benches/peers → target/peers)');
    sh('cargo', ['build', '--release', '--quiet', '--manifest-path', 'benches/peers/Cargo.toml'],
      { env: { CARGO_TARGET_DIR: path.join(ROOT, 'target', 'peers') }, capture: false });
  } else if (what === 'cli') {
    log('cargo build --release --bin lectern');
    sh('cargo', ['build', '--release', '--quiet', '--bin', 'lectern'], { capture: false });
  } else if (what === 'wasm' && !fs.existsSync(path.join(ROOT, 'www', 'engine', 'lectern_bg.wasm'))) {
    log('./build.sh build (wasm)');
    sh('./build.sh', ['build'], { capture: false });
  }
}

const benches = {
  engine(dir, ...args) {
    build('peers');
    build('cli');
    return `${sh(PEERS, [dir, ...args])}\n${sh('node', ['benches/cli.mjs', dir])}`;
  },
  browser(dir, ...args) { build('wasm'); return sh('node', ['benches/browser.mjs', dir, ...args]); },
  memory(dir, ...args) { build('cli'); build('peers'); return sh('node', ['benches/memory.mjs', dir, ...args]); },
  size(...args) { build('wasm'); return sh('node', ['benches/size.mjs', ...args]); },
  // Chromium, then Firefox (benches/open-firefox.mjs), one browser at a time, both tables.
  open(...args) {
    build('wasm');
    return `${sh('node', ['benches/open.mjs', ...args])}\n${sh('node', ['benches/open-firefox.mjs', ...args])}`;
  },
  'open-against'(ref, ...args) { build('wasm'); return sh('node', ['benches/open-against.mjs', ref, ...args]); },
  'extension-memory'(...args) { build('wasm'); return sh('node', ['benches/extension-memory.mjs', ...args]); },
  transfer() { build('wasm'); return sh('node', ['benches/transfer.mjs']); },
  sentences(dir, ...args) { build('wasm'); return sh('node', ['benches/sentences.mjs', dir, ...args]); },
  scaling(...args) { build('cli'); return sh('node', ['benches/scaling.mjs', ...args]); },
};

function all() {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const parts = [`# Lectern benchmarks, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n`,
    `Command: \`./build.sh bench\` at ${commit || '?'}; corpora in ${CORPUS}.\n`];
  console.log(parts.join('\n'));
  const step = (out) => { parts.push(out); console.log(); };
  step(benches.engine(path.join(CORPUS, 'readability')));
  step(benches.engine(path.join(CORPUS, 'trafilatura'), '--rounds', '3'));
  step(benches.browser(path.join(CORPUS, 'readability')));
  step(benches.browser(path.join(CORPUS, 'trafilatura'), '--rounds', '3'));
  step(benches.memory(path.join(CORPUS, 'readability')));
  step(benches.memory(path.join(CORPUS, 'trafilatura')));
  step(benches.open());
  step(benches['extension-memory']());
  step(benches.size());
  step(benches.transfer());
  step(benches.sentences(path.join(CORPUS, 'readability')));
  fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
  const report = path.join(ROOT, '.bench', `report-${new Date().toISOString().slice(0, 16).replace(/[T:]/g, '-')}.md`);
  fs.writeFileSync(report, parts.join('\n'));
  log(`report written to ${path.relative(ROOT, report)}`);
}

function main() {
  const [what = 'all', ...rest] = process.argv.slice(2);
  if (what === 'all') return all();
  const bench = benches[what];
  if (!bench || (!['size', 'open', 'transfer', 'extension-memory', 'scaling'].includes(what) && !rest.length)) {
    console.error('usage: node benches/run.mjs [engine DIR | browser DIR | memory DIR | open [DIR] | open-against REF | extension-memory | size | transfer | sentences DIR | scaling]');
    process.exit(64);
  }
  bench(...rest);
}

main();
