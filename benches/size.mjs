#!/usr/bin/env node
// Size of what ships: the wasm engine raw, gzip -9 and brotli, and the JS shell around it.
//
//   node benches/size.mjs [--wasm FILE]
//
// Default wasm: www/engine/lectern_bg.wasm (the `./build.sh build` output, after wasm-opt).
// JS shell: the wasm-bindgen glue (lectern.js) plus the extension's own scripts and reader page.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { ROOT, kb, markdownTable } from './common.mjs';

const GZIP_GOAL = 300 * 1024;

/** `gzip -9` as the issue means it (the CLI); Node's zlib at level 9 if there is no gzip. */
function gzipSize(data) {
  const run = spawnSync('gzip', ['-9', '-n', '-c'], { input: data, maxBuffer: 1 << 28 });
  return run.status === 0 ? run.stdout.length : zlib.gzipSync(data, { level: 9 }).length;
}

function sizes(file) {
  const data = fs.readFileSync(file);
  return {
    file: path.relative(ROOT, file),
    raw: data.length,
    gzip: gzipSize(data),
    brotli: zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
}

function filesIn(dir, predicate = () => true) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && predicate(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

function shellFiles() {
  const ext = path.join(ROOT, 'extension');
  return [
    path.join(ROOT, 'www', 'engine', 'lectern.js'),
    ...filesIn(ext, (n) => /\.(js|mjs)$/.test(n)),
    ...filesIn(path.join(ext, 'shared')),
    ...filesIn(path.join(ext, 'reader')),
  ].filter((f) => fs.existsSync(f));
}

function main() {
  const args = process.argv.slice(2);
  const wasmArg = args.indexOf('--wasm');
  const wasm = wasmArg >= 0 ? path.resolve(args[wasmArg + 1]) : path.join(ROOT, 'www', 'engine', 'lectern_bg.wasm');
  const lines = ['### Size\n'];
  if (fs.existsSync(wasm)) {
    const s = sizes(wasm);
    lines.push(markdownTable(['wasm', 'raw', 'gzip -9', 'brotli 11', 'goal (gzip)'],
      [[s.file, `${kb(s.raw)} (${s.raw} B)`, `${kb(s.gzip)} (${s.gzip} B)`, kb(s.brotli),
        `≤ 300 KB ${s.gzip <= GZIP_GOAL ? '✓' : '✗'}${s.gzip > 300000 ? ' (but > 300,000 B)' : ''}`]]));
  } else {
    lines.push(`(no wasm at ${path.relative(ROOT, wasm)}: run ./build.sh build)`);
  }
  // The speech module (sentences for reading aloud): shipped, but loaded only when reading
  // starts, so outside the engine's budget.
  const speech = path.join(path.dirname(wasm), 'lectern_speech_bg.wasm');
  if (wasmArg < 0 && fs.existsSync(speech)) {
    const s = sizes(speech);
    lines.push(`
Loaded when reading aloud starts: ${s.file}, ${kb(s.raw)} raw, ${kb(s.gzip)} (${s.gzip} B) gzip -9, ${kb(s.brotli)} brotli 11.`);
  }
  const shell = shellFiles().map(sizes);
  if (shell.length) {
    const total = (k) => shell.reduce((a, s) => a + s[k], 0);
    lines.push('\nJS shell (each file compressed alone):\n');
    lines.push(markdownTable(['file', 'raw', 'gzip -9'],
      [...shell.map((s) => [s.file, kb(s.raw), kb(s.gzip)]), ['**total**', kb(total('raw')), kb(total('gzip'))]]));
  }
  lines.push(`\nCommand: \`node benches/size.mjs${args.length ? ` ${args.join(' ')}` : ''}\` (${new Date().toISOString().slice(0, 10)}); KB = 1024 bytes.`);
  console.log(lines.join('\n'));
}

main();
