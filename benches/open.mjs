#!/usr/bin/env node
// Whole path in the extension: toolbar action → article visible in the reader, cold and warm
// (issue 7, "Whole path"), in headless Chromium with the unpacked extension.
//
//   node benches/open.mjs [DIR] [--pages N] [--warm N]
//
// Pages: N pages of DIR (default ../shared/corpus/readability) at even steps of size, from the
// 10th percentile to the largest, served as they are from 127.0.0.1 (every other request is refused, so no page
// waits on the network). For each page a fresh browser: the first click is "cold" (reader page,
// engine worker and wasm never loaded in this browser), then --warm more (each after closing the reader with another click).
// Timing: Node's clock just before the click (CDP Extensions.triggerAction), and in the reader
// frame, the time the article element got its content, after the next animation frame
// (performance.timeOrigin + performance.now(): the same system clock, sub-ms apart).

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, listPages, machineLine, markdownTable, median, percentile, kb } from './common.mjs';

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/lib/chromium/chromium';
const EXTENSION = path.join(ROOT, 'extension');

// Runs in every frame from its first script; only the reader page (an extension page in an
// iframe) arms the observer.
const INIT_SCRIPT = `(() => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/reader.html')) return;
  globalThis.__lecternVisible = new Promise((resolve) => {
    const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.timeOrigin + performance.now()), 0));
    const ready = () => document.querySelector('.lectern-article')?.childNodes.length > 0;
    const observer = new MutationObserver(() => { if (ready()) { observer.disconnect(); done(); } });
    observer.observe(document, { childList: true, subtree: true });
  });
})();`;

function parseArgs(argv) {
  const opts = { dir: path.resolve(ROOT, '..', 'shared', 'corpus', 'readability'), pages: 4, warm: 5 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--pages') opts.pages = Number(argv[++i]);
    else if (argv[i] === '--warm') opts.warm = Number(argv[++i]);
    else if (!argv[i].startsWith('--')) opts.dir = path.resolve(argv[i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return opts;
}

/**
 * n pages at even steps through the size order, from the 10th percentile (the corpus's tiny
 * synthetic test pages are not what people read) to the largest.
 */
function pickPages(dir, n) {
  const all = listPages(dir).sort((a, b) => a.bytes - b.bytes);
  if (n >= all.length) return all;
  const from = Math.floor(0.1 * (all.length - 1));
  const at = (i) => Math.round(from + (i * (all.length - 1 - from)) / Math.max(1, n - 1));
  return [...new Set(Array.from({ length: n }, (_, i) => at(i)))].map((i) => all[i]);
}

function serve(pages) {
  const server = http.createServer((req, res) => {
    const m = req.url.match(/^\/p\/(\d+)\/page\.html$/);
    const page = m && pages[Number(m[1])];
    if (!page) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
    res.end(fs.readFileSync(page.path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-open-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1100, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
  });
  await context.addInitScript(INIT_SCRIPT);
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionId = new URL(worker.url()).host;
  const cdp = await context.browser().newBrowserCDPSession();
  const close = async () => {
    await cdp.detach().catch(() => {});
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, extensionId, cdp, close };
}

const readerFrame = (page, id) => page.frames().find((f) => f.url().startsWith(`chrome-extension://${id}/reader.html`));

/** A promise that rejects after `ms` (a stuck page must not stall the whole bench). */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function waitFor(fn, timeout, what) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A toolbar click on the page's tab (the tab target is found by its URL). */
async function clickAction(browser, page) {
  const { targetInfos } = await browser.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await browser.cdp.send('Extensions.triggerAction', { id: browser.extensionId, targetId: tab.targetId });
}

/** One click → visible. Milliseconds since the click: total, and the reader page's marks. */
async function openOnce(browser, page) {
  const clicked = Date.now();
  await clickAction(browser, page);
  const frame = await waitFor(() => readerFrame(page, browser.extensionId), 15000, 'the reader frame');
  // Each probe waits at most 200 ms in the page, so a reader without an article can't hang us.
  const probe = () => frame.evaluate(() => {
    if (!globalThis.__lecternVisible) return -1;
    return Promise.race([globalThis.__lecternVisible, new Promise((r) => setTimeout(() => r(0), 200))]);
  }).catch(() => 0);
  const visible = await waitFor(probe, 15000, 'the article');
  if (visible === -1) throw new Error('the timing script did not run in the reader frame');
  // The reader page's own marks (reader-page.js), as times since the click.
  const marks = await frame.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0];
    return {
      origin: performance.timeOrigin,
      snapshot: at('lectern:snapshot')?.startTime ?? null,
      extracted: at('lectern:extracted')?.startTime ?? null,
      engineMs: at('lectern:extracted')?.detail?.engineMs ?? null,
      rendered: at('lectern:rendered')?.startTime ?? null,
    };
  }).catch(() => null);
  const since = (t) => (marks && t != null ? marks.origin + t - clicked : null);
  return {
    total: visible - clicked,
    frame: marks ? marks.origin - clicked : null,
    snapshot: since(marks?.snapshot),
    extracted: since(marks?.extracted),
    engine: marks?.engineMs ?? null,
    rendered: since(marks?.rendered),
  };
  return visible - clicked;
}

/** Closes the reader the way it was opened: the toolbar action toggles it. */
async function closeReader(browser, page) {
  await clickAction(browser, page);
  await waitFor(() => !readerFrame(page, browser.extensionId), 10000, 'the reader to close');
}

async function measurePage(origin, index, page, opts) {
  const browser = await launch();
  try {
    // Only the page's own requests to other hosts are refused; the extension's go through.
    await browser.context.route(/^https?:/, (route) =>
      (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    const tab = await browser.context.newPage();
    await tab.goto(`${origin}/p/${index}/page.html`, { waitUntil: 'load', timeout: 30000 }).catch(() => {});
    await tab.bringToFront();
    const cold = await withTimeout(openOnce(browser, tab), 30000, 'cold open');
    const warm = [];
    for (let i = 0; i < opts.warm; i++) {
      await withTimeout(closeReader(browser, tab), 15000, 'closing the reader');
      warm.push(await withTimeout(openOnce(browser, tab), 30000, 'warm open'));
    }
    return { page: page.name, bytes: page.bytes, cold, warm };
  } catch (error) {
    return { page: page.name, bytes: page.bytes, error: error.message };
  } finally {
    await withTimeout(browser.close(), 15000, 'closing the browser').catch(() => {});
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const pages = pickPages(opts.dir, opts.pages);
  const server = await serve(pages);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const rows = [];
  let version = '';
  try {
    for (const [i, page] of pages.entries()) {
      const r = await measurePage(origin, i, page, opts);
      if (r.error) console.error(`open: ${page.name}: ${r.error}`);
      rows.push(r);
    }
    const b = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    version = `Chromium ${b.version()}`;
    await b.close();
  } finally {
    server.close();
  }
  const fmt = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
  console.log(`### Whole path: toolbar action → article visible (extension, headless Chromium)\n`);
  console.log(`Machine: ${machineLine()}; ${version}; ${opts.warm} warm opens per page after the cold one.\n`);
  const med = (runs, key) => median(runs.map((run) => run[key]).filter((x) => x != null));
  console.log(markdownTable(
    ['page', 'HTML', 'cold ms', 'warm median ms', 'warm max ms',
      'warm: frame up', 'snapshot in', 'extracted (engine)', 'rendered'],
    rows.map((r) => (r.error
      ? [r.page, kb(r.bytes), `error: ${r.error}`, '', '', '', '', '', '']
      : [r.page, kb(r.bytes), fmt(r.cold.total), fmt(med(r.warm, 'total')), fmt(Math.max(...r.warm.map((w) => w.total))),
        fmt(med(r.warm, 'frame')), fmt(med(r.warm, 'snapshot')),
        `${fmt(med(r.warm, 'extracted'))} (${fmt(med(r.warm, 'engine'))})`, fmt(med(r.warm, 'rendered'))]))));
  const ok = rows.filter((r) => !r.error);
  if (ok.length) {
    const warm = ok.flatMap((r) => r.warm.map((w) => w.total));
    console.log(`\nAll pages: cold median ${fmt(median(ok.map((r) => r.cold.total)))} ms, ` +
      `warm median ${fmt(median(warm))} ms, warm p95 ${fmt(percentile(warm, 0.95))} ms. ` +
      'The last four columns: warm medians, ms after the click, of the reader page\'s own marks ' +
      '(reader-page.js: its document created, snapshot received, article extracted with the ' +
      'engine\'s own time in the worker in brackets, rendered).');
  }
  console.log(`\nCommand: \`${["node benches/open.mjs", ...process.argv.slice(2)].join(" ")}\` (${new Date().toISOString().slice(0, 10)})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
