#!/usr/bin/env node
// Byte-for-byte comparison of two folders of saved outputs (`node tools/eval.mjs ...
// --save-outputs DIR`), for refactors that must not change any output:
//
//   node tools/eval/compare-outputs.mjs BEFORE AFTER
//
// BEFORE and AFTER are compared file by file, recursively (so one folder per corpus, or a parent
// of several, both work). Prints how many files were compared and every file that differs or is
// on one side only; exits 0 when all are identical, 1 otherwise.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every file under `dir`, as paths relative to it, sorted. */
function listFiles(dir, prefix = '') {
  const files = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(dir, rel));
    else files.push(rel);
  }
  return files.sort();
}

/**
 * Compares two folders of outputs. Returns { compared, differ, onlyBefore, onlyAfter }: the number
 * of files present on both sides, and the relative paths that differ or exist on one side only.
 */
export function compareOutputDirs(before, after) {
  const a = listFiles(before);
  const b = new Set(listFiles(after));
  const differ = [];
  const onlyBefore = [];
  let compared = 0;
  for (const rel of a) {
    if (!b.has(rel)) {
      onlyBefore.push(rel);
      continue;
    }
    b.delete(rel);
    compared += 1;
    if (!fs.readFileSync(path.join(before, rel)).equals(fs.readFileSync(path.join(after, rel)))) differ.push(rel);
  }
  return { compared, differ, onlyBefore, onlyAfter: [...b].sort() };
}

function main(argv) {
  if (argv.length !== 2) {
    console.error('usage: node tools/eval/compare-outputs.mjs BEFORE AFTER');
    process.exit(64);
  }
  const [before, after] = argv;
  const { compared, differ, onlyBefore, onlyAfter } = compareOutputDirs(before, after);
  for (const rel of differ) console.log(`differs: ${rel}`);
  for (const rel of onlyBefore) console.log(`only in ${before}: ${rel}`);
  for (const rel of onlyAfter) console.log(`only in ${after}: ${rel}`);
  const same = !differ.length && !onlyBefore.length && !onlyAfter.length;
  console.log(`${compared} files compared: ${same ? 'all identical' : `${differ.length} differ, ` +
    `${onlyBefore.length} only before, ${onlyAfter.length} only after`}`);
  process.exit(same ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
