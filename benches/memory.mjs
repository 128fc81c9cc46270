#!/usr/bin/env node
// Peak memory (max RSS) of the native CLI on the largest pages of a corpus, next to a tiny
// page's RSS (the baseline: binary, allocator, stdlib) and, when the peers bench is built,
// dom_smoothie's and Lectern's RSS for one extraction in that binary.
//
//   node benches/memory.mjs DIR [--pages N] [--bin PATH]
//
// Uses GNU time (`/usr/bin/time -v`, "Maximum resident set size"). The goal of issue 7 is
// a peak below 10x the input size; the table states (RSS − baseline) / HTML size.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, listPages, machineLine, markdownTable, kb } from './common.mjs';

const TIME = '/usr/bin/time';
const PAGE_URL = 'http://fakehost/test/page.html';
const PEERS_BIN = path.join(ROOT, 'target', 'peers', 'release', 'lectern-peers-bench');

function parseArgs(argv) {
  const opts = { pages: 5, bin: process.env.LECTERN_BIN || path.join(ROOT, 'target', 'release', 'lectern'), dir: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--pages') opts.pages = Number(argv[++i]);
    else if (argv[i] === '--bin') opts.bin = path.resolve(argv[++i]);
    else if (!opts.dir) opts.dir = argv[i];
  }
  if (!opts.dir) {
    console.error('usage: node benches/memory.mjs DIR [--pages N] [--bin PATH]');
    process.exit(64);
  }
  return opts;
}

/** Max RSS in bytes of one run of `command args`, its stdout discarded. */
function maxRss(command, args) {
  const run = spawnSync(TIME, ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.error) throw run.error;
  const m = run.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
  if (!m) throw new Error(`no RSS from ${TIME} for ${command}: ${run.stderr.slice(0, 500)}`);
  return { rss: Number(m[1]) * 1024, status: run.status };
}

function tinyPage() {
  const file = path.join(os.tmpdir(), `lectern-memory-tiny-${process.pid}.html`);
  const para = '<p>A sentence of the article, long enough to count, with a comma, and more.</p>';
  fs.writeFileSync(file, `<!DOCTYPE html><html><head><title>Tiny</title></head><body><article>${para.repeat(8)}</article></body></html>`);
  return file;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(TIME)) throw new Error(`${TIME} missing (apt-get install time)`);
  if (!fs.existsSync(opts.bin)) throw new Error(`no Lectern binary at ${opts.bin}`);
  const peers = fs.existsSync(PEERS_BIN);
  const cli = (file) => maxRss(opts.bin, ['--format', 'json', '--url', PAGE_URL, file]);
  const once = (engine, file) => maxRss(PEERS_BIN, ['--once', engine, file]);

  const tiny = tinyPage();
  const base = { cli: cli(tiny).rss, lectern: peers ? once('lectern', tiny).rss : 0, ds: peers ? once('dom_smoothie', tiny).rss : 0 };
  fs.rmSync(tiny);

  const largest = listPages(opts.dir).sort((a, b) => b.bytes - a.bytes).slice(0, opts.pages);
  const rows = largest.map((page) => {
    const c = cli(page.path);
    const row = [page.name, kb(page.bytes), kb(c.rss), `${((c.rss - base.cli) / page.bytes).toFixed(1)}x`];
    if (peers) {
      const l = once('lectern', page.path).rss;
      const d = once('dom_smoothie', page.path).rss;
      row.push(`${((l - base.lectern) / page.bytes).toFixed(1)}x`, `${((d - base.ds) / page.bytes).toFixed(1)}x`);
    }
    return row;
  });

  const headers = ['page', 'HTML', 'CLI max RSS', 'CLI (RSS − base) / HTML'];
  if (peers) headers.push('bench: Lectern', 'bench: dom_smoothie');
  console.log(`### Memory: max RSS on the ${opts.pages} largest pages of ${path.basename(path.resolve(opts.dir))}\n`);
  console.log(`Machine: ${machineLine()}. Baseline (a tiny page): CLI ${kb(base.cli)}` +
    (peers ? `, bench binary ${kb(base.lectern)} (Lectern) / ${kb(base.ds)} (dom_smoothie)` : '') +
    '. Goal: (RSS − baseline) below 10x the HTML.\n');
  console.log(markdownTable(headers, rows));
  console.log(`\nCommand: \`node benches/memory.mjs ${process.argv.slice(2).join(' ')}\` (${new Date().toISOString().slice(0, 10)}); ` +
    `GNU time -v; KB = 1024 bytes.`);
}

main();
