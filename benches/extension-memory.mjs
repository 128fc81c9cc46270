#!/usr/bin/env node
// The memory Lectern keeps (issue 23): the process memory of the extension in headless Chromium
// and headless Firefox ESR, with a reader open on the generated 1 MB page, then idle with the
// background still running, then idle with the background stopped (as either browser does by
// itself after ~30 s of idleness; here the bench stops it: Chromium's service worker with CDP
// Target.closeTarget, Firefox's event page with terminateBackground(), as the open benches do).
//
//   node benches/extension-memory.mjs [--settle MS]
//
// Memory: RSS and PSS from /proc/<pid>/smaps_rollup (PSS shares each shared page among the
// processes that map it, so it is the fairer share; RSS counts shared libraries whole), taken
// --settle ms (default 3000) after each step, the median of three samples 250 ms apart.
// - Chromium: the extension's renderer, the browser's descendant whose command line has
//   `--extension-process` (it runs the service worker, the reader's frame, since Chromium puts
//   chrome-extension:// frames in the extension's process, and the engine keeper's offscreen
//   document with its worker where the extension has one). No such process: nothing kept.
// - Firefox: the `extension` content process (ChromeUtils.requestProcInfo() in the privileged
//   window). It also hosts the background pages of Firefox's built-in add-ons, so the same
//   process in a Firefox without Lectern (same page, same wait) is measured as a baseline and
//   the difference is Lectern's. Firefox runs the reader's frame (a web-accessible extension
//   page) in the page's own content process, not the extension's: that process is measured too,
//   and its growth from before the first open is what the reader (and the content script)
//   costs there.
// The engine's wasm memory: its size after the last extraction (the run's copy of the
// extension reports it, common.mjs: instrumentedCopy), asked in Chromium's service worker over
// CDP and in Firefox by the reader page from the event page (so only while a reader is open).

import fs from 'node:fs';
import { machineLine, markdownTable, median, mb, generatedPages, removeOpenPages, serve, instrumentedCopy, withTimeout, waitFor } from './common.mjs';
import * as chromium from './open.mjs';
import * as firefox from './open-firefox.mjs';

function parseArgs(argv) {
  const opts = { settle: 3000 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--settle') opts.settle = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return opts;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rss, Pss and Uss (private pages) of a process in bytes (smaps_rollup), or null if it is gone. */
function rollup(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name) => Number(text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN) * 1024;
    return { rss: field('Rss'), pss: field('Pss'), uss: field('Private_Clean') + field('Private_Dirty') };
  } catch {
    return null;
  }
}

/** The process ids under `root` (its descendants), with their command lines. */
function descendants(root) {
  const parent = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  const out = [];
  const walk = (pid) => {
    for (const [child, ppid] of parent) {
      if (ppid !== pid) continue;
      let cmdline = '';
      try { cmdline = fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').replace(/\0/g, ' '); } catch { /* gone */ }
      out.push({ pid: child, cmdline });
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** The summed memory of the processes `pids()` names, median of three samples; 0 for none. */
async function sample(pids) {
  const samples = [];
  for (let i = 0; i < 3; i++) {
    if (i) await sleep(250);
    const list = await pids();
    const rolls = list.map(rollup).filter(Boolean);
    const total = (key) => rolls.reduce((a, r) => a + r[key], 0);
    samples.push({ count: rolls.length, rss: total('rss'), pss: total('pss'), uss: total('uss') });
  }
  const med = (key) => median(samples.map((s) => s[key]));
  return { count: Math.max(...samples.map((s) => s.count)), rss: med('rss'), pss: med('pss'), uss: med('uss') };
}

async function measureChromium(url, origin, extension, opts) {
  const browser = await chromium.launch(url, origin, extension);
  try {
    const extensionPids = async () => descendants(browser.pid).filter((p) => p.cmdline.includes('--extension-process')).map((p) => p.pid);
    const wasm = async () => ({
      background: await chromium.evaluateInBackground(browser, 'globalThis.lecternBench?.wasmBytes() ?? null').catch(() => null),
      keeper: await keeperWasm(browser).catch(() => null),
    });
    const rows = [];
    const step = async (state) => {
      await sleep(opts.settle);
      rows.push({ state, ...(await sample(extensionPids)), wasm: await wasm() });
    };
    await step('installed, not yet used (background running)');
    await withTimeout(chromium.clickAction(browser), 15000, 'the action');
    await waitFor(() => chromium.readerTarget(browser), 15000, 'the reader frame');
    await step('reader open on the 1 MB page');
    await withTimeout(chromium.closeReader(browser), 15000, 'closing the reader');
    await step('idle: reader closed, background running');
    await collectGarbageChromium(browser);
    await step('the same, after a forced garbage collection');
    await chromium.stopServiceWorker(browser);
    await step('idle: background stopped');
    const { product } = await browser.send('Browser.getVersion');
    return { version: `Chromium ${product.split('/')[1]}`, rows };
  } finally {
    await withTimeout(browser.close(), 15000, 'closing Chromium').catch(() => {});
  }
}

/**
 * The wasm memory of Chromium's engine keeper (main's offscreen document, engine-keeper.html,
 * whose worker holds an instance of its own), or null without one: its worker is found by
 * auto-attaching to the document (dedicated workers are not listed reliably by getTargets).
 */
async function keeperWasm(browser) {
  const { targetInfos } = await browser.send('Target.getTargets');
  const keeper = targetInfos.find((t) => t.url.startsWith(`chrome-extension://${browser.extensionId}/engine-keeper.html`));
  if (!keeper) return null;
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId: keeper.targetId, flatten: true });
  let stop;
  try {
    const worker = new Promise((resolve) => {
      stop = browser.on('Target.attachedToTarget', (params, parent) => {
        if (parent === sessionId && params.targetInfo.type === 'worker') resolve(params.sessionId);
      });
    });
    await browser.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }, sessionId);
    const session = await withTimeout(worker, 5000, 'the keeper\'s worker').catch(() => null);
    if (!session) return null;
    const { result } = await browser.send('Runtime.evaluate',
      { expression: 'globalThis.__lecternWasm?.memory.buffer.byteLength ?? null', returnByValue: true }, session);
    return result.value ?? null;
  } finally {
    stop?.();
    await browser.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  }
}

/** A full garbage collection in the service worker (CDP HeapProfiler.collectGarbage). */
async function collectGarbageChromium(browser) {
  for (const worker of await chromium.ourWorkers(browser)) {
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId: worker.targetId, flatten: true });
    try {
      await browser.send('HeapProfiler.collectGarbage', {}, sessionId);
    } finally {
      await browser.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    }
  }
}

/** about:memory's "Minimize memory usage": garbage and cycle collection in every process. */
function minimizeFirefox(ff) {
  return ff.evaluate(ff.chrome, `new Promise((resolve) => Cc['@mozilla.org/memory-reporter-manager;1']
    .getService(Ci.nsIMemoryReporterManager).minimizeMemoryUsage(() => resolve(true)))`);
}

/** Firefox's process info from the privileged window: the parent's pid and its children's. */
async function processInfo(ff) {
  return JSON.parse(await ff.evaluate(ff.chrome, `ChromeUtils.requestProcInfo().then((info) => JSON.stringify({
    pid: info.pid,
    children: info.children.map((c) => ({ pid: c.pid, type: c.type, windows: (c.windows ?? []).map((w) => w.documentURI?.spec ?? '') })),
  }))`));
}

async function measureFirefox(url, extension, opts) {
  const ff = await firefox.launch(url, extension);
  try {
    const extensionPids = async () => (await processInfo(ff)).children.filter((c) => c.type === 'extension').map((c) => c.pid);
    const pagePids = async () => (await processInfo(ff)).children.filter((c) => c.windows.includes(url)).map((c) => c.pid);
    const rows = [];
    const step = async (state, wasm = null) => {
      await sleep(opts.settle);
      rows.push({ state, ...(await sample(extensionPids)), page: await sample(pagePids), wasm });
    };
    if (!extension) {
      await step('without Lectern (baseline: built-in add-ons)');
      await minimizeFirefox(ff);
      await step('without Lectern, after a forced garbage collection');
      return { rows, version: `Firefox ${await ff.evaluate(ff.chrome, 'Services.appinfo.version')}` };
    }
    await step('installed, not yet used (background running)');
    await firefox.trigger(ff);
    const reader = await waitFor(() => firefox.readerContext(ff), 15000, 'the reader frame', 20);
    await waitFor(() => ff.evaluate(reader, 'Boolean(document.querySelector(".lectern-article")?.childNodes.length)').catch(() => false), 15000, 'the article');
    await sleep(opts.settle);
    const { wasmBytes } = (await firefox.backgroundReport(ff, reader)) ?? {};
    await step('reader open on the 1 MB page', wasmBytes ?? null);
    await withTimeout(firefox.closeReader(ff), 15000, 'closing the reader');
    await step('idle: reader closed, background running', wasmBytes ?? null);
    await minimizeFirefox(ff);
    await step('the same, after a forced garbage collection', wasmBytes ?? null);
    await firefox.stopBackground(ff);
    await step('idle: background stopped');
    return { rows, version: `Firefox ${await ff.evaluate(ff.chrome, 'Services.appinfo.version')}` };
  } finally {
    await withTimeout(firefox.close(ff), 15000, 'closing Firefox').catch(() => {});
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const pages = generatedPages();
  const page = pages.find((p) => p.bytes > 500_000);
  const server = await serve(pages);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const url = `${origin}/p/${pages.indexOf(page)}/page.html`;
  const extension = instrumentedCopy();
  let c;
  let f;
  let base;
  try {
    c = await measureChromium(url, origin, extension, opts);
    base = await measureFirefox(url, null, opts);
    f = await measureFirefox(url, extension, opts);
  } finally {
    server.close();
    fs.rmSync(extension, { recursive: true, force: true });
    removeOpenPages({ dir: null }, pages);
  }
  const size = (bytes) => (Number.isFinite(bytes) ? mb(bytes) : '–');
  // Firefox's share against the baseline in the same condition (garbage collected or not).
  const baselineFor = (r) => base.rows[r.state.includes('forced') ? 1 : 0];
  const chromiumWasm = ({ background, keeper }) => [background != null ? size(background) : null,
    keeper != null ? `keeper ${size(keeper)}` : null].filter(Boolean).join(' + ') || '–';
  const change = (now, then) => `${now - then >= 0 ? '+' : '−'}${size(Math.abs(now - then))}`;
  console.log('### The memory Lectern keeps (extension processes, headless Chromium and Firefox)\n');
  console.log(`Machine: ${machineLine()}; ${c.version}; ${f.version}; page: news-page (1 MB), ${(page.bytes / 1024).toFixed(1)} KB; ` +
    `each figure ${opts.settle} ms after the step, median of 3 samples 250 ms apart (/proc/<pid>/smaps_rollup; MB = 10^6 bytes).\n`);
  console.log(markdownTable(
    ['browser', 'state', 'extension process RSS', 'PSS', 'USS', 'Lectern\'s share (USS)', 'engine wasm memory', 'page\'s process USS (Firefox: it hosts the reader frame)'],
    [
      ...c.rows.map((r) => ['Chromium', r.state, r.count ? size(r.rss) : 'no process', r.count ? size(r.pss) : '–',
        r.count ? size(r.uss) : '–', size(r.uss), chromiumWasm(r.wasm), '–']),
      ...base.rows.map((r) => ['Firefox', r.state, size(r.rss), size(r.pss), size(r.uss), '–', '–', size(r.page.uss)]),
      ...f.rows.map((r) => ['Firefox', r.state, size(r.rss), size(r.pss), size(r.uss), change(r.uss, baselineFor(r).uss),
        r.wasm != null ? size(r.wasm) : (r.state.includes('stopped') ? '0 (gone with the worker)' : '–'),
        `${size(r.page.uss)} (${change(r.page.uss, f.rows[0].page.uss)})`]),
    ]));
  console.log('\nUSS: the process\'s private pages (Private_Clean + Private_Dirty), what ending it gives back; PSS adds a share of ' +
    'the pages it shares (libraries, with every process that maps them, other browsers on the machine included, so it moves ' +
    'with what else runs); RSS counts shared pages whole. Chromium: the extension\'s renderer (`--extension-process`: service ' +
    'worker, engine, reader frame and, where the extension has it, the engine keeper\'s offscreen document and its worker), ' +
    'all of it Lectern\'s; with the service worker stopped, no reader open and no keeper, Chromium ends the process. Firefox: the `extension` process also runs the built-in add-ons\' background pages, so Lectern\'s share is ' +
    'its USS minus that of a Firefox without Lectern on the same page in the same condition; the engine runs in a Worker of ' +
    'the event page there. The last column: the page\'s content process, which in Firefox also runs the reader\'s frame; in ' +
    'brackets its change since before the first open (the reader, the content script and its snapshot, the page\'s restyles). ' +
    'Forced garbage collection: CDP HeapProfiler.collectGarbage in the service worker (Chromium); about:memory\'s "Minimize ' +
    'memory usage" in every process (Firefox). The wasm memory: the engine\'s linear memory after the last extraction (it only ' +
    'grows while the instance lives), and in Chromium the keeper\'s instance beside it; in Firefox asked while the reader was open, the same instance afterwards until the ' +
    'background stops.');
  console.log(`\nCommand: \`${['node benches/extension-memory.mjs', ...process.argv.slice(2)].join(' ')}\` (${new Date().toISOString().slice(0, 10)})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
