#!/usr/bin/env node
// The wasm engine against Readability.js and Defuddle in the same headless Chromium page
// (issues 7 and 23).
//
//   node benches/browser.mjs DIR [--rounds N] [--warmup N] [--limit N] [--wasm-dir DIR]
//                                [--memory-pages N] [--json FILE]
//
// Every page's bytes are decoded in Node (as a browser would: tools/eval/decode.mjs) and
// handed to the page as one string. Per page and round, ours = `extract(html, url, {})` of
// the wasm-bindgen build in www/engine/, theirs = `new DOMParser().parseFromString(html)` +
// `new Readability(doc).parse()` (@mozilla/readability 0.6, the same string), and Defuddle
// (npm `defuddle`, the extractor of Obsidian's Web Clipper: its browser bundle, DOMParser +
// `new Defuddle(doc, { url }).parse()`). The order of the three turns between rounds;
// warm-up rounds are not counted. Timer: performance.now()
// in a cross-origin-isolated page (5 µs resolution in Chromium).
// Memory: wasm memory.buffer.byteLength after init and after each page, and for the largest
// pages each in a fresh page (the buffer only grows, so that is the peak of one extraction).

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { decodeHtml } from '../tools/eval/decode.mjs';
import { ROOT, listPages, machineLine, markdownTable, median, percentile, sum, kb, mb } from './common.mjs';

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/lib/chromium/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAGE_URL = 'http://fakehost/test/page.html';
const READABILITY_JS = path.join(ROOT, 'node_modules', '@mozilla', 'readability', 'Readability.js');
const DEFUDDLE_JS = path.join(ROOT, 'node_modules', 'defuddle', 'dist', 'index.js');
const DEFUDDLE_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'defuddle', 'package.json'), 'utf8')).version;

function parseArgs(argv) {
  const opts = { rounds: 5, warmup: 1, limit: Infinity, wasmDir: path.join(ROOT, 'www', 'engine'),
    memoryPages: 3, json: null, dir: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i];
    if (arg === '--rounds') opts.rounds = Number(value());
    else if (arg === '--warmup') opts.warmup = Number(value());
    else if (arg === '--limit') opts.limit = Number(value());
    else if (arg === '--wasm-dir') opts.wasmDir = path.resolve(value());
    else if (arg === '--memory-pages') opts.memoryPages = Number(value());
    else if (arg === '--json') opts.json = value();
    else if (!arg.startsWith('--') && !opts.dir) opts.dir = arg;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!opts.dir) {
    console.error('usage: node benches/browser.mjs DIR [--rounds N] [--warmup N] [--limit N] ' +
      '[--wasm-dir DIR] [--memory-pages N] [--json FILE]');
    process.exit(64);
  }
  return opts;
}

// ---------------------------------------------------------------- the page under test

const BENCH_HTML = (withWasm) => `<!DOCTYPE html><meta charset="utf-8"><title>bench</title>
<script src="/readability.js"></script>
<script src="/defuddle.js"></script>
<script type="module">
${withWasm ? "import init, { extract } from '/engine/lectern.js';" : 'const init = null, extract = null;'}
const now = () => performance.now();
window.ready = (async () => {
  const t = performance.now();
  window.wasm = init ? await init() : null;
  window.initMs = performance.now() - t;
  window.memoryAfterInit = window.wasm?.memory?.buffer.byteLength ?? null;
})();
const cache = new Map();
window.loadPage = async (i) => {
  cache.set(i, await (await fetch('/page/' + i)).text());
  return cache.get(i).length;
};
function ours(html, url) {
  const t = now();
  const article = extract(html, url, {});
  return { ms: now() - t, found: article != null };
}
function theirs(html) {
  const t = now();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const article = new Readability(doc).parse();
  return { ms: now() - t, found: article != null };
}
const DefuddleClass = window.Defuddle?.default ?? window.Defuddle?.Defuddle ?? window.Defuddle;
function defuddle(html, url) {
  const t = now();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const article = new DefuddleClass(doc, { url }).parse();
  return { ms: now() - t, found: Boolean(article?.content?.trim()) };
}
// rounds: timed rounds; warmup: untimed. Returns per-engine arrays of ms and whether found.
window.benchPage = (i, url, rounds, warmup) => {
  const html = cache.get(i);
  const result = { ours: [], theirs: [], defuddle: [], oursFound: null, theirsFound: null, defuddleFound: null, error: null };
  const engines = ['ours', 'theirs', 'defuddle'];
  for (let r = 0; r < warmup + rounds; r++) {
    const order = engines.map((_, k) => engines[(k + r) % engines.length]);
    for (const engine of order) {
      if (engine === 'ours' && !extract) continue;
      let run;
      try {
        run = engine === 'ours' ? ours(html, url) : engine === 'theirs' ? theirs(html) : defuddle(html, url);
      } catch (e) {
        result.error = engine + ': ' + (e?.message ?? e);
        continue;
      }
      result[engine + 'Found'] = run.found;
      if (r >= warmup) result[engine].push(run.ms);
    }
  }
  cache.delete(i);
  result.memory = window.wasm?.memory?.buffer.byteLength ?? null;
  return result;
};
</script>`;

function serve(pages, opts, withWasm) {
  const routes = {
    '/': () => ({ type: 'text/html; charset=utf-8', body: BENCH_HTML(withWasm) }),
    '/readability.js': () => ({ type: 'text/javascript', body: fs.readFileSync(READABILITY_JS) }),
    '/defuddle.js': () => ({ type: 'text/javascript', body: fs.readFileSync(DEFUDDLE_JS) }),
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let reply = routes[url.pathname]?.();
    const pageMatch = url.pathname.match(/^\/page\/(\d+)$/);
    if (pageMatch) {
      const page = pages[Number(pageMatch[1])];
      reply = page && { type: 'text/plain; charset=utf-8', body: decodeHtml(fs.readFileSync(page.path)).text };
    } else if (url.pathname.startsWith('/engine/')) {
      const file = path.join(opts.wasmDir, path.basename(url.pathname));
      if (fs.existsSync(file)) {
        const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
        reply = { type, body: fs.readFileSync(file) };
      }
    }
    if (!reply) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': reply.type,
      'cache-control': 'no-store',
      // Cross-origin isolation gives performance.now() its fine resolution.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
    });
    res.end(reply.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------- running

async function openBenchPage(context, origin) {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`browser: page error: ${e.message}`));
  await page.goto(`${origin}/`);
  await page.evaluate(() => window.ready);
  return page;
}

async function timePages(context, origin, pages, opts) {
  const page = await openBenchPage(context, origin);
  const memoryAfterInit = await page.evaluate(() => window.memoryAfterInit);
  const initMs = await page.evaluate(() => window.initMs);
  const results = [];
  for (let i = 0; i < pages.length; i++) {
    const chars = await page.evaluate((n) => window.loadPage(n), i);
    const r = await page.evaluate(([n, url, rounds, warmup]) => window.benchPage(n, url, rounds, warmup),
      [i, PAGE_URL, opts.rounds, opts.warmup]);
    if (r.error) console.error(`browser: ${pages[i].name}: ${r.error}`);
    results.push({ page: pages[i].name, bytes: pages[i].bytes, chars, ...r });
    if ((i + 1) % 25 === 0) console.error(`browser: ${i + 1}/${pages.length} pages`);
  }
  await page.close();
  return { results, memoryAfterInit, initMs };
}

/** Each of the largest pages in a fresh page: wasm memory after one extraction. */
async function measureMemory(context, origin, pages, opts) {
  const largest = pages.map((p, i) => ({ ...p, i })).sort((a, b) => b.bytes - a.bytes).slice(0, opts.memoryPages);
  const rows = [];
  for (const p of largest) {
    const page = await openBenchPage(context, origin);
    const chars = await page.evaluate((n) => window.loadPage(n), p.i);
    const r = await page.evaluate(([n, url]) => window.benchPage(n, url, 1, 0), [p.i, PAGE_URL]);
    const init = await page.evaluate(() => window.memoryAfterInit);
    const initMs = await page.evaluate(() => window.initMs);
    rows.push({ page: p.name, bytes: p.bytes, chars, memoryAfterInit: init, memory: r.memory, initMs, firstMs: r.ours[0] });
    await page.close();
  }
  return rows;
}

function engineStats(results, key) {
  const timed = results.filter((r) => r[key].length);
  const perPage = timed.map((r) => median(r[key]));
  const bytes = sum(timed.map((r) => r.bytes));
  const totalMs = sum(perPage);
  return {
    pages: timed.length,
    found: timed.filter((r) => r[`${key}Found`]).length,
    median: median(perPage),
    p95: percentile(perPage, 0.95),
    max: Math.max(...perPage),
    totalMs,
    mbPerSecond: bytes / 1e6 / (totalMs / 1000),
  };
}

function report({ opts, pages, timing, memory, version, withWasm }) {
  const lines = [];
  const ours = withWasm ? engineStats(timing.results, 'ours') : null;
  const theirs = engineStats(timing.results, 'theirs');
  const defuddle = engineStats(timing.results, 'defuddle');
  const fmt = (x) => x.toFixed(2);
  lines.push(`### Browser: wasm engine vs Readability.js and Defuddle — ${path.basename(path.resolve(opts.dir))} ` +
    `(${pages.length} pages, ${mb(sum(pages.map((p) => p.bytes)))})\n`);
  lines.push(`Machine: ${machineLine()}; ${version}; ${opts.rounds} rounds (+${opts.warmup} warm-up), ` +
    `per-page median of the rounds.\n`);
  const row = (name, s) => [name, s.pages, s.found, fmt(s.median), fmt(s.p95), fmt(s.max),
    (s.totalMs / 1000).toFixed(2), s.mbPerSecond.toFixed(1)];
  const rows = [];
  if (ours) rows.push(row('Lectern (wasm)', ours));
  rows.push(row('Readability.js 0.6 (DOMParser + parse)', theirs));
  rows.push(row(`Defuddle ${DEFUDDLE_VERSION} (DOMParser + parse)`, defuddle));
  lines.push(markdownTable(['engine', 'pages', 'article found', 'median ms', 'p95 ms', 'max ms', 'total s', 'MB/s'], rows));
  if (ours) {
    const ratios = timing.results.filter((r) => r.ours.length && r.theirs.length)
      .map((r) => median(r.ours) / median(r.theirs));
    lines.push(`\nOurs / theirs: median ${fmt(ours.median / theirs.median)}, p95 ${fmt(ours.p95 / theirs.p95)}, ` +
      `total ${fmt(ours.totalMs / theirs.totalMs)}; per-page ratio median ${fmt(median(ratios))}, ` +
      `p95 ${fmt(percentile(ratios, 0.95))} (goal: ≤ 0.5).`);
    const ratiosD = timing.results.filter((r) => r.ours.length && r.defuddle.length)
      .map((r) => median(r.ours) / median(r.defuddle));
    lines.push(`\nOurs / Defuddle: median ${fmt(ours.median / defuddle.median)}, p95 ${fmt(ours.p95 / defuddle.p95)}, ` +
      `total ${fmt(ours.totalMs / defuddle.totalMs)}; per-page ratio median ${fmt(median(ratiosD))}, ` +
      `p95 ${fmt(percentile(ratiosD, 0.95))}.`);
    const inits = [timing.initMs, ...memory.map((m) => m.initMs)];
    lines.push(`\nwasm init (fetch + compile + instantiate of the .wasm, no cache): ${fmt(median(inits))} ms median ` +
      `of ${inits.length} page loads (not included above).`);
    lines.push(`\nwasm memory: ${kb(timing.memoryAfterInit)} after init, ` +
      `${kb(Math.max(...timing.results.map((r) => r.memory ?? 0)))} after all pages in one page.\n`);
    const warmMs = (name) => median(timing.results.find((r) => r.page === name)?.ours ?? []);
    lines.push(markdownTable(['largest pages (fresh page each)', 'HTML', 'memory after init', 'memory after extract',
      '(after − init) / HTML', 'first extract ms', 'warm median ms'],
      memory.map((m) => [m.page, kb(m.bytes), kb(m.memoryAfterInit), kb(m.memory),
        `${((m.memory - m.memoryAfterInit) / m.bytes).toFixed(1)}x`, fmt(m.firstMs), fmt(warmMs(m.page))])));
    lines.push('\n"first extract" is the first call in a fresh page (wasm code not yet optimised by the ' +
      'browser), as in a reader that starts a new engine for every open.');
  } else {
    lines.push(`\n(no wasm build in ${opts.wasmDir}: Readability.js only)`);
  }
  lines.push(`\nCommand: \`node benches/browser.mjs ${process.argv.slice(2).join(' ')}\` (${new Date().toISOString().slice(0, 10)})`);
  return { markdown: lines.join('\n'), ours, theirs, defuddle };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const pages = listPages(opts.dir).slice(0, opts.limit);
  const withWasm = fs.existsSync(path.join(opts.wasmDir, 'lectern.js'));
  if (!withWasm) console.error(`browser: no ${path.join(opts.wasmDir, 'lectern.js')}: timing Readability.js only`);
  const server = await serve(pages, opts, withWasm);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const version = `Chromium ${browser.version()}`;
    const timing = await timePages(context, origin, pages, opts);
    const memory = withWasm ? await measureMemory(context, origin, pages, opts) : [];
    const { markdown, ours, theirs, defuddle } = report({ opts, pages, timing, memory, version, withWasm });
    console.log(markdown);
    if (opts.json) {
      fs.writeFileSync(opts.json, JSON.stringify({ ours, theirs, defuddle, memory, pages: timing.results }, null, 2));
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
