#!/usr/bin/env node
// Ripe extraction of the generated 1 MB news page (benches/news-page.mjs) by two or more wasm
// builds side by side in one Node process (V8, Chromium's engine), calls alternating, the first
// five rounds not counted: for a change that trades wasm size for speed (inline thresholds,
// out-of-line helpers), where absolute times drift between runs but a ratio in one run holds.
//
//   node benches/ripe.mjs DIR DIR... [ROUNDS]
//
// Each DIR holds a build's lectern.js and lectern_bg.wasm (`./build.sh build` writes them to
// target/wasm-pkg; copy that folder aside before building the other tree). ROUNDS: 40.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { newsPage } from './news-page.mjs';

const args = process.argv.slice(2);
const dirs = args.filter((a) => !/^\d+$/.test(a));
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 40);
if (!dirs.length) {
  console.error('usage: node benches/ripe.mjs DIR DIR... [ROUNDS]');
  process.exit(64);
}
const html = newsPage(1_000_000, 7);
const engines = [];
for (const dir of dirs) {
  // Each build in a folder of its own, as an ES module (wasm-bindgen's --target web).
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-ripe-'));
  fs.copyFileSync(path.join(dir, 'lectern.js'), path.join(tmp, 'lectern.mjs'));
  const wasm = fs.readFileSync(path.join(dir, 'lectern_bg.wasm'));
  const engine = await import(pathToFileURL(path.join(tmp, 'lectern.mjs')).href);
  engine.initSync({ module: wasm });
  engines.push({ dir, engine, times: [] });
}
for (let round = 0; round < rounds + 5; round++) {
  for (const e of round % 2 ? [...engines].reverse() : engines) {
    const start = performance.now();
    const article = e.engine.extract(html, 'https://example.com/news/a', {});
    const ms = performance.now() - start;
    if (!article) throw new Error(`${e.dir}: no article`);
    if (round >= 5) e.times.push(ms);
  }
}
for (const { dir, times } of engines) {
  const s = [...times].sort((a, b) => a - b);
  console.log(`${dir}: median ${s[s.length >> 1].toFixed(2)} ms, p25 ${s[s.length >> 2].toFixed(2)}, ` +
    `min ${s[0].toFixed(2)} (${s.length} calls)`);
}
