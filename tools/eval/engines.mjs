// The engines the eval can run, each taking a list of pages { id, path } and returning
// Map(id → result | null). Outputs go to a work directory the caller owns (under .eval/).

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import { decodeHtml } from './decode.mjs';

const EXTENSIONS = { text: 'txt', html: 'html', json: 'json', markdown: 'md' };

export function defaultLecternBin(root) {
  return process.env.LECTERN_BIN || path.join(root, 'target', 'release', 'lectern');
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
export function runLectern(pages, {
  bin, work, format = 'text', url, wholeDocument = false, explain = false, readerable = false,
}) {
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
  if (readerable) args.push('--readerable');
  const run = spawnSync(bin, [...args, ...inputs], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 2) {
    throw new Error(`${bin} ${args.join(' ')} … exited with ${run.status}:\n${run.stderr}`);
  }
  const results = new Map();
  const extension = readerable ? 'readerable' : EXTENSIONS[format];
  for (const { id } of pages) {
    const file = path.join(outDir, `${id}.${extension}`);
    results.set(id, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
  }
  return { results, stderr: run.stderr, command: [bin, ...args].join(' ') };
}

/** Whether the CLI has `--readerable` (the cheap check alone; batch mode writes DIR/<name>.readerable). */
export function lecternHasReaderable(bin) {
  return spawnSync(bin, ['--help'], { encoding: 'utf8' }).stdout?.includes('--readerable') ?? false;
}

/**
 * The CLI's `--readerable` verdict for every page, in one batch (the check takes no URL):
 * Map(id → true | false | null).
 */
export function runLecternReaderable(pages, { bin, work }) {
  const { results } = runLectern(pages, { bin, work, readerable: true });
  const verdict = (text) => (text === null ? null : ({ true: true, false: false }[text.trim()] ?? null));
  return new Map([...results].map(([id, text]) => [id, verdict(text)]));
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

/**
 * Runs the Lectern CLI once per page, each with its own `--url` (page.url), for corpora whose
 * pages come from many addresses (the CLI's batch mode takes one URL for all its files).
 * Output as runLectern's: `work/out/<id>.<ext>`, null where there is no article. A page the
 * CLI refuses (exit 1: over the limits, unreadable) is null too, its message in `errors`.
 */
export function runLecternEach(pages, { bin, work, format = 'text', explain = false }) {
  if (!fs.existsSync(bin)) {
    throw new Error(`no Lectern binary at ${bin} (cargo build --release, or set LECTERN_BIN)`);
  }
  const outDir = path.join(work, 'out');
  resetDir(outDir);
  const results = new Map();
  const errors = [];
  for (const { id, path: file, url } of pages) {
    const args = ['--format', format, ...(url ? ['--url', url] : []), ...(explain ? ['--explain'] : []), '--out-dir', outDir, file];
    const run = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.error) throw run.error;
    if (run.status !== 0 && run.status !== 2) errors.push(`${id}: ${run.stderr.trim()}`);
    const out = path.join(outDir, `${path.basename(file).replace(/\.[^.]*$/, '')}.${EXTENSIONS[format]}`);
    results.set(id, fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : null);
  }
  return { results, errors };
}

// ---------------------------------------------------------------- trafilatura (Python)

export const TRAFILATURA_VERSION = '2.3.1';

/**
 * The venv's python with trafilatura in it: `python3 -m venv VENV` and pip install from PyPI
 * the first time, then reused.
 */
export function ensureTrafilatura(venv) {
  const python = path.join(venv, 'bin', 'python');
  const has = () => fs.existsSync(python) &&
    spawnSync(python, ['-c', `import trafilatura, sys; sys.exit(trafilatura.__version__ != "${TRAFILATURA_VERSION}")`]).status === 0;
  if (has()) return python;
  const step = (cmd, args) => {
    console.error(`eval: ${cmd} ${args.join(' ')}`);
    const run = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${run.status ?? run.error})`);
  };
  if (!fs.existsSync(python)) step('python3', ['-m', 'venv', venv]);
  // lxml 6 moved lxml.html.clean (which jusText, trafilatura's fallback, imports) to its own package.
  step(python, ['-m', 'pip', 'install', '--quiet', `trafilatura==${TRAFILATURA_VERSION}`, 'lxml_html_clean']);
  if (!has()) throw new Error(`trafilatura ${TRAFILATURA_VERSION} still missing from ${venv}`);
  return python;
}

/**
 * trafilatura.extract over all pages { id, path, url } in one Python process (see
 * trafilatura_extract.py). Returns Map(id → text | null).
 */
export function runTrafilatura(pages, { python, work }) {
  const outDir = path.join(work, 'out');
  resetDir(outDir);
  const manifest = path.join(work, 'manifest.json');
  fs.writeFileSync(manifest, JSON.stringify({
    out: outDir, pages: pages.map(({ id, path: file, url }) => ({ id, path: path.resolve(file), url: url ?? null })),
  }));
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'trafilatura_extract.py');
  const run = spawnSync(python, [script, manifest], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) throw new Error(`${script} failed (${run.status ?? run.error})`);
  const results = new Map();
  for (const { id } of pages) {
    const file = path.join(outDir, `${id}.txt`);
    results.set(id, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
  }
  return results;
}
