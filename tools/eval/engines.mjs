// The engines the eval can run, each taking a list of pages { id, path } and returning
// Map(id → result | null). Outputs go to a work directory the caller owns (under .eval/).

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import { decodeHtml } from './decode.mjs';

const EXTENSIONS = { text: 'txt', html: 'html', json: 'json', markdown: 'md' };

export function defaultLecternBin(root) {
  return process.env.LECTERN_BIN || path.join(root, 'target', 'release', 'lectern');
}

/** Ids become file names: keep them to a safe alphabet, unique. */
export function safeIds(names) {
  const seen = new Set();
  return names.map((name) => {
    let id = name.replace(/\.html?$/i, '').replace(/[^A-Za-z0-9_-]/g, '_');
    while (seen.has(id)) id += '_';
    seen.add(id);
    return id;
  });
}

function resetDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}

/**
 * Runs the Lectern CLI once, in batch mode, over all pages: each page is linked into
 * `work/in` as `<id>.html` (corpus files share the name source.html), output lands in
 * `work/out/<id>.<ext>`. Pages without an article have no output file: their value is null.
 */
export function runLectern(pages, { bin, work, format = 'text', url, wholeDocument = false, explain = false }) {
  if (!fs.existsSync(bin)) {
    throw new Error(`no Lectern binary at ${bin} (cargo build --release, or set LECTERN_BIN)`);
  }
  const inDir = path.join(work, 'in');
  const outDir = path.join(work, 'out');
  resetDir(inDir);
  resetDir(outDir);
  const inputs = pages.map(({ id, path: file }) => {
    const link = path.join(inDir, `${id}.html`);
    fs.symlinkSync(path.resolve(file), link);
    return link;
  });
  const args = ['--format', format, '--out-dir', outDir];
  if (url) args.push('--url', url);
  if (wholeDocument) args.push('--whole-document');
  if (explain) args.push('--explain');
  const run = spawnSync(bin, [...args, ...inputs], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 2) {
    throw new Error(`${bin} ${args.join(' ')} … exited with ${run.status}:\n${run.stderr}`);
  }
  const results = new Map();
  for (const { id } of pages) {
    const file = path.join(outDir, `${id}.${EXTENSIONS[format]}`);
    results.set(id, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
  }
  return { results, stderr: run.stderr, command: [bin, ...args].join(' ') };
}

/** Parses one page with Readability.js 0.6 on linkedom, from bytes decoded as a browser would. */
export function readabilityJs(bytes) {
  const { text } = decodeHtml(bytes);
  const doc = new DOMParser().parseFromString(text, 'text/html');
  return new Readability(doc).parse();
}

/**
 * Runs Readability.js over all pages. Returns Map(id → { content, textContent, title, ... })
 * or null where it finds no article or throws (the error goes to `errors`).
 */
export function runReadabilityJs(pages, { onProgress } = {}) {
  const results = new Map();
  const errors = [];
  pages.forEach(({ id, path: file }, i) => {
    try {
      results.set(id, readabilityJs(fs.readFileSync(file)));
    } catch (error) {
      errors.push(`${id}: ${error.message}`);
      results.set(id, null);
    }
    onProgress?.(i + 1, pages.length);
  });
  return { results, errors };
}

/** Writes one HTML file per id (null values skipped) so the CLI can turn them into text. */
export function writeHtmlPages(htmlById, dir) {
  resetDir(dir);
  const pages = [];
  for (const [id, html] of htmlById) {
    if (html === null) continue;
    const file = path.join(dir, `${id}.html`);
    fs.writeFileSync(file, `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`);
    pages.push({ id, path: file });
  }
  return pages;
}
