// Shared by the benchmark scripts: which pages a directory holds, statistics, the machine.

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newsPage } from './news-page.mjs';
import { extensionCopy, patch, prepend, append } from '../tests/e2e/helpers/extension-build.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION = process.env.LECTERN_EXTENSION_DIR || path.join(ROOT, 'extension');

/**
 * The pages of a corpus directory, sorted by name: `<name>/source.html` folders (the
 * readability corpus), else `pages/*.html` (the trafilatura corpus), else `*.html`.
 * Returns [{ name, path, bytes }].
 */
export function listPages(dir) {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  let pages = entries
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'source.html')))
    .map((e) => ({ name: e.name, path: path.join(dir, e.name, 'source.html') }));
  if (!pages.length) {
    const htmlDir = fs.existsSync(path.join(dir, 'pages')) ? path.join(dir, 'pages') : dir;
    pages = fs.readdirSync(htmlDir)
      .filter((f) => /\.html?$/i.test(f))
      .map((f) => ({ name: f, path: path.join(htmlDir, f) }));
  }
  pages.sort((a, b) => a.name.localeCompare(b.name));
  return pages.map((p) => ({ ...p, bytes: fs.statSync(p.path).size }));
}

/** Nearest-rank percentile (q in 0..1) of an array of numbers. */
export function percentile(values, q) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values) => percentile(values, 0.5);
export const sum = (values) => values.reduce((a, b) => a + b, 0);

export function markdownTable(headers, rows) {
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

export function cpuModel() {
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    return info.match(/^model name\s*:\s*(.+)$/m)?.[1].trim() ?? os.cpus()[0]?.model ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

export function machineLine() {
  return `${os.cpus().length} CPUs (nproc), ${cpuModel()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `${os.type()} ${os.release()}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)} at start`;
}

export function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function mb(bytes) {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

// ---- Shared by the open benches (open.mjs: Chromium; open-firefox.mjs: Firefox).

// The run's copy of the extension (instrumentedCopy; the shipped extension has no hooks for
// benchmarks). Prepended to the reader page's module: the observer.
const OBSERVER = `globalThis.__lecternVisible = new Promise((resolve) => {
  const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.timeOrigin + performance.now()), 0));
  const ready = () => document.querySelector('.lectern-article')?.childNodes.length > 0;
  const observer = new MutationObserver(() => { if (ready()) { observer.disconnect(); done(); } });
  observer.observe(document, { childList: true, subtree: true });
});
`;

/** The reader page's steps, as performance marks (read by openOnce): [anchor, code after it]. */
const READER_MARKS = [
  ['articleRequest.catch(() => {});', "\nperformance.mark('lectern:start');"],
  ['if (outcome.ok === false) throw new Error(outcome.error);', "\n  performance.mark('lectern:extracted', { detail: { engineMs: outcome.ms } });"],
  ["document.title = reader.root.querySelector('h1')?.textContent || document.title;", "\n    performance.mark('lectern:rendered');"],
  ["if (!page || page.error || typeof page.url !== 'string') throw new Error(page?.error || 'The page could not be read.');", "\n    performance.mark('lectern:reply');"],
];

/**
 * The background's steps of the last open (ms on the system clock): the action, the content
 * script's snapshot received, the article extracted. globalThis.lecternBench is set last, so
 * its presence also says the background has registered its listeners.
 */
const BACKGROUND_CLOCK = `const benchNow = () => performance.timeOrigin + performance.now();
let benchLastOpen = null;
let benchWasmBytes = null;
`;
const BACKGROUND_STEPS = [
  ['  backgroundEngine().warmUp();', '  benchLastOpen = { action: benchNow() };\n', 'before'],
  ['    const snapshot = injection?.result?.snapshot;', '\n    benchLastOpen.snapshot = benchNow();', 'after'],
  ['({ result, ms }) => ({ ok: true, result, ms }),', '({ result, ms, wasmBytes }) => { if (benchLastOpen) benchLastOpen.extracted = benchNow(); benchWasmBytes = wasmBytes ?? benchWasmBytes; return { ok: true, result, ms }; },', 'instead'],
];

/**
 * The engine's wasm memory (bytes, after each extraction; it only grows while an instance
 * lives), handed back with each result: by the in-thread engine (Chromium's service worker)
 * and by the engine Worker (Firefox's event page) through its client: [file, anchor, instead].
 */
const ENGINE_MEMORY = [
  ['engine-host.js', 'return { result, ms: performance.now() - started };',
    'return { result, ms: performance.now() - started, wasmBytes: (await start()).memory.buffer.byteLength };'],
  ['reader/engine-worker.js', 'self.postMessage({ id, ok: true, result, ms: performance.now() - started });',
    'self.postMessage({ id, ok: true, result, ms: performance.now() - started, wasmBytes: (await ready).memory.buffer.byteLength });'],
  ['reader/engine-client.js', 'request.resolve({ result: data.result ?? null, ms: data.ms });',
    'request.resolve({ result: data.result ?? null, ms: data.ms, wasmBytes: data.wasmBytes });'],
];

/**
 * `--floor` (issue 23): what an open costs with no extraction to wait for. The copy's
 * background answers a warm open's reader at once with the previous open's answer (the same
 * article, so the reader renders as much), and starts no extraction on the snapshot it is
 * handed (the content script still takes it, as it must to close the page's side). The first
 * and cold opens (a fresh service worker has no previous answer) are real ones.
 */
const FLOOR = [
  ['async function articleFor(tabId) {', 'let benchLastAnswer = null;\nasync function articleFor(tabId) {\n  if (benchLastAnswer) { sessions.delete(tabId); return benchLastAnswer; }', 'instead'],
  ['  return { url: snapshot.url, title: snapshot.title, article: outcome };',
    '  benchLastAnswer = { url: snapshot.url, title: snapshot.title, article: outcome };\n  return benchLastAnswer;', 'instead'],
  ["    settle(typeof snapshot?.html === 'string' ? startExtraction(snapshot, rules) : null);",
    "    settle(typeof snapshot?.html === 'string' && !benchLastAnswer ? startExtraction(snapshot, rules) : null);", 'instead'],
];

/**
 * A copy of the extension with the observer, the marks and the engine's memory (and with
 * `floor`, FLOOR's background); removed by the caller.
 */
export function instrumentedCopy({ floor = false } = {}) {
  const { dir } = extensionCopy('lectern-open-extension-', EXTENSION);
  const readerPage = path.join(dir, 'reader-page.js');
  for (const [anchor, code] of READER_MARKS) patch(readerPage, anchor, anchor + code);
  prepend(readerPage, OBSERVER);
  const background = path.join(dir, 'background.js');
  for (const [anchor, code, where] of [...BACKGROUND_STEPS, ...(floor ? FLOOR : [])]) {
    patch(background, anchor, where === 'before' ? code + anchor : where === 'after' ? anchor + code : code);
  }
  prepend(background, BACKGROUND_CLOCK);
  append(background, `globalThis.lecternBench = { lastOpen: () => benchLastOpen, wasmBytes: () => benchWasmBytes };
// Firefox's event page cannot be evaluated in from outside: the reader page asks it.
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type !== 'lectern:bench' || sender.id !== api.runtime.id) return false;
  sendResponse({ lastOpen: benchLastOpen, wasmBytes: benchWasmBytes });
  return false;
});
`);
  for (const [file, anchor, code] of ENGINE_MEMORY) patch(path.join(dir, file), anchor, code);
  // Chromium's engine keeper (an offscreen document's worker that holds a second instance):
  // its instance where the memory bench can read its size.
  const keeper = path.join(dir, 'engine-keeper-worker.js');
  if (fs.existsSync(keeper)) patch(keeper, 'await init(', 'globalThis.__lecternWasm = await init(');
  return dir;
}

export function openArgs(argv) {
  // 21 rounds: the browser's first open, then 20 of one cold open and two warm ones. p95 is
  // the nearest rank, whose expected quantile is k/(n+1): 19/21 = 0.90 with 20 opens, 38/41 =
  // 0.93 with 40; with fewer than 20 it is the slowest of them.
  const opts = { dir: null, pages: 4, cold: 21, warm: 40, floor: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--pages') opts.pages = Number(argv[++i]);
    else if (argv[i] === '--cold') opts.cold = Math.max(2, Number(argv[++i]));
    else if (argv[i] === '--warm') opts.warm = Number(argv[++i]);
    else if (argv[i] === '--floor') opts.floor = true;
    else if (!argv[i].startsWith('--')) opts.dir = path.resolve(argv[i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return opts;
}

/**
 * n pages at even steps through the size order, from the 10th percentile (the corpus's tiny
 * synthetic test pages are not what people read) to the largest.
 */
export function pickPages(dir, n) {
  const all = listPages(dir).sort((a, b) => a.bytes - b.bytes);
  if (n >= all.length) return all;
  const from = Math.floor(0.1 * (all.length - 1));
  const at = (i) => Math.round(from + (i * (all.length - 1 - from)) / Math.max(1, n - 1));
  return [...new Set(Array.from({ length: n }, (_, i) => at(i)))].map((i) => all[i]);
}

/** The generated pages, written to a temporary directory (the server reads files). */
export function generatedPages() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-news-'));
  return [['news-page (small)', 64_000], ['news-page (1 MB)', 1_000_000]].map(([name, bytes]) => {
    const file = path.join(dir, `${bytes}.html`);
    fs.writeFileSync(file, newsPage(bytes));
    return { name, path: file, bytes: fs.statSync(file).size };
  });
}

export function serve(pages) {
  const server = http.createServer((req, res) => {
    const m = req.url.match(/^\/p\/(\d+)\/page\.html$/);
    const page = m && pages[Number(m[1])];
    if (!page) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
    res.end(fs.readFileSync(page.path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A promise that rejects after `ms` (a stuck page must not stall the whole bench). */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function waitFor(fn, timeout, what, every = 5) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** The pages an open bench runs on: N of a corpus directory, or the two generated ones. */
export function openPages(opts) {
  return opts.dir ? pickPages(opts.dir, opts.pages) : generatedPages();
}

/** Removes what openPages wrote (the generated pages' temporary folder). */
export function removeOpenPages(opts, pages) {
  if (!opts.dir) fs.rmSync(path.dirname(pages[0].path), { recursive: true, force: true });
}

/**
 * The open benches' table (Chromium's open.mjs and Firefox's open-firefox.mjs): per page the
 * browser's first open, cold and warm medians and p95s, and the warm medians of each step.
 */
export function openTable(rows) {
  const fmt = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
  const med = (runs, key) => median(runs.map((run) => run[key]).filter((x) => x != null));
  const totals = (runs) => runs.map((run) => run.total);
  return markdownTable(
    ['page', 'HTML', 'first open ms', 'cold median ms', 'cold p95 ms', 'warm median ms', 'warm p95 ms',
      'warm: frame up', 'reader started', 'snapshot in background', 'extracted (engine)', 'reply in reader', 'rendered'],
    rows.map((r) => (r.error
      ? [r.page, kb(r.bytes), `error: ${r.error}`, '', '', '', '', '', '', '', '', '', '']
      : [r.page, kb(r.bytes), fmt(r.first?.total), fmt(median(totals(r.cold))), fmt(percentile(totals(r.cold), 0.95)),
        fmt(median(totals(r.warm))), fmt(percentile(totals(r.warm), 0.95)),
        fmt(med(r.warm, 'frame')), fmt(med(r.warm, 'started')), fmt(med(r.warm, 'snapshot')),
        `${fmt(med(r.warm, 'extracted'))} (${fmt(med(r.warm, 'engine'))})`, fmt(med(r.warm, 'reply')), fmt(med(r.warm, 'rendered'))])));
}

/**
 * One page's opens in one browser: its first open (round 0: the browser's process, the
 * extension's and every code cache start cold, reported on its own), then `opts.cold - 1`
 * cold opens (`stop` ends the background first: what a person meets after any idle spell) and
 * `opts.warm` warm ones spread over the rounds. `open` opens the reader and gives its times,
 * `close` closes it; `afterOpen`, if given, runs after each cold or first open.
 */
export async function openRounds(opts, { open, close, stop, afterOpen = async () => {} }) {
  let first = null;
  const cold = [];
  const warm = [];
  const perRound = Math.ceil(opts.warm / opts.cold);
  for (let round = 0; round < opts.cold; round++) {
    if (round > 0) {
      await withTimeout(close(), 15000, 'closing the reader');
      await stop();
    }
    const times = await withTimeout(open(), 30000, 'cold open');
    if (round === 0) first = times; else cold.push(times);
    await afterOpen();
    for (let i = 0; i < perRound && warm.length < opts.warm; i++) {
      await withTimeout(close(), 15000, 'closing the reader');
      warm.push(await withTimeout(open(), 30000, 'warm open'));
    }
  }
  return { first, cold, warm };
}

/**
 * Runs `measurePage(origin, index, page, opts, extension)` of an open bench on each of its pages
 * (served from 127.0.0.1, with the run's instrumented copy of the extension), then cleans up;
 * the rows, in page order (a failed page's row says its error, also printed as `label: …`).
 */
export async function measureOpens(opts, measurePage, label) {
  const pages = openPages(opts);
  const server = await serve(pages);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const rows = [];
  const extension = instrumentedCopy({ floor: opts.floor });
  try {
    for (const [i, page] of pages.entries()) {
      const r = await measurePage(origin, i, page, opts, extension);
      if (r.error) console.error(`${label}: ${page.name}: ${r.error}`);
      rows.push(r);
    }
  } finally {
    server.close();
    fs.rmSync(extension, { recursive: true, force: true });
    removeOpenPages(opts, pages);
  }
  return rows;
}

/**
 * One open's times in ms after the click (`clicked`, the system clock): the article visible,
 * the background's steps (`steps`: its marks of that open) and the reader page's (`marks`:
 * its time origin and performance marks).
 */
export function openTimes(clicked, visible, steps, marks) {
  const since = (t) => (marks && t != null ? marks.origin + t - clicked : null);
  const after = (t) => (t != null ? t - clicked : null);
  return {
    total: visible - clicked,
    snapshot: after(steps?.snapshot),
    extracted: after(steps?.extracted),
    frame: marks ? marks.origin - clicked : null,
    started: since(marks?.start),
    reply: since(marks?.reply),
    engine: marks?.engineMs ?? null,
    rendered: since(marks?.rendered),
  };
}
