#!/usr/bin/env node
// The CLI's batch mode as people run it: `lectern --format text --out-dir OUT <every page>`,
// one process, CPU time (user + system) and max RSS from GNU time. Complements the peers bench
// (which times the library in-process against dom_smoothie) with the real binary, its I/O,
// decoding and writing included, built with the profile `cargo build --release` uses.
//
//   node benches/cli.mjs DIR [--runs N] [--bin PATH]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, listPages, machineLine, markdownTable, median, sum, mb, kb } from './common.mjs';

function parseArgs(argv) {
  const opts = { runs: 3, bin: process.env.LECTERN_BIN || path.join(ROOT, 'target', 'release', 'lectern'), dir: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') opts.runs = Number(argv[++i]);
    else if (argv[i] === '--bin') opts.bin = path.resolve(argv[++i]);
    else if (!opts.dir) opts.dir = argv[i];
  }
  if (!opts.dir) {
    console.error('usage: node benches/cli.mjs DIR [--runs N] [--bin PATH]');
    process.exit(64);
  }
  return opts;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const pages = listPages(opts.dir);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-cli-bench-'));
  // Corpus files share names (source.html): link them in as <page>.html.
  const inputs = pages.map((p, i) => {
    const link = path.join(work, `${String(i).padStart(4, '0')}.html`);
    fs.symlinkSync(path.resolve(p.path), link);
    return link;
  });
  const bytes = sum(pages.map((p) => p.bytes));
  const runs = [];
  for (let r = 0; r < opts.runs; r++) {
    const out = path.join(work, `out-${r}`);
    const run = spawnSync('/usr/bin/time', ['-f', '%U %S %e %M', opts.bin, '--format', 'text', '--out-dir', out, ...inputs],
      { encoding: 'utf8', maxBuffer: 1 << 28 });
    const [user, sys, wall, rssKb] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
    runs.push({ cpu: user + sys, wall, rss: rssKb * 1024, files: fs.readdirSync(out).length });
  }
  fs.rmSync(work, { recursive: true, force: true });
  const cpu = median(runs.map((r) => r.cpu));
  console.log(`### CLI batch mode — ${path.basename(path.resolve(opts.dir))} (${pages.length} pages, ${mb(bytes)})\n`);
  console.log(`Machine: ${machineLine()}; binary ${path.relative(ROOT, opts.bin)}; median of ${opts.runs} runs.\n`);
  console.log(markdownTable(['command', 'outputs', 'CPU s', 'wall s', 'MB/CPU-s', 'max RSS'],
    [[`lectern --format text --out-dir OUT <${pages.length} files>`, `${runs[0].files}/${pages.length}`,
      cpu.toFixed(2), median(runs.map((r) => r.wall)).toFixed(2), (bytes / 1e6 / cpu).toFixed(1),
      kb(Math.max(...runs.map((r) => r.rss)))]]));
  console.log(`\nCommand: \`node benches/cli.mjs ${process.argv.slice(2).join(' ')}\` (${new Date().toISOString().slice(0, 10)})`);
}

main();
