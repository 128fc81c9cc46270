#!/usr/bin/env node
// Whole path in the extension, in Firefox: the toolbar action → article visible in the reader
// (issue 23), in headless Firefox ESR (Debian's firefox-esr) with the unpacked extension. The
// Chromium run is benches/open.mjs; this one mirrors it, on the same pages, with the same
// instrumented copy of the extension (common.mjs: instrumentedCopy).
//
//   node benches/open-firefox.mjs [DIR] [--pages N] [--cold N] [--warm N]
//
// Driven over WebDriver BiDi as the end-to-end tests drive Firefox (tests/e2e/helpers/firefox.mjs:
// a temporary add-on, no geckodriver). The trigger: headless Firefox has no toolbar to click, so,
// as extension-firefox.test.mjs does, the browser's privileged window calls the action's own
// handler, ExtensionParent's browserActionFor(extension).triggerAction(window): what a click on
// the button runs (the action's onClicked in the background, with the activeTab grant).
//
// Cold: the background (a module event page in Firefox) stopped first with the extension's own
// terminateBackground() (what about:debugging's "Terminate background script" calls; Firefox
// does the same by itself after extensions.background.idle.timeout, 30 s, of idleness), waited
// for until its state is "stopped"; the next action starts it again. As in open.mjs, the first
// round's open is the browser's first (the background running since the install, nothing
// compiled yet) and is reported on its own; every later round starts with a cold open. Warm:
// the background running.
//
// Timing: the browser's own clock on both ends. Start: `performance.timeOrigin + performance.now()`
// in the privileged window, read right before triggerAction in the same script; end: the same in
// the reader frame when the article element has content, after the next animation frame (the
// MutationObserver prepended to reader-page.js, as in open.mjs). Both are the system clock
// (checked every run, "clock check" in the output: each against Node's Date.now(), from the
// midpoint of a round trip); Node's own time before the BiDi command is also kept, to show what
// the command's trip adds. privacy.reduceTimerPrecision is off in the bench's profile, so the
// clocks are not rounded to a millisecond. Nothing is asked of the browser during the first
// 500 ms of an open (as in open.mjs).

import { pathToFileURL } from 'node:url';
import { launchFirefox } from '../tests/e2e/helpers/firefox.mjs';
import { tempDir } from '../tests/e2e/helpers/paths.mjs';
import { machineLine, measureOpens, median, openArgs, openRounds, openTable, openTimes, withTimeout, waitFor } from './common.mjs';

/** Firefox's prefs for the bench: clocks not rounded (see above). */
export const BENCH_PREFS = { 'privacy.reduceTimerPrecision': false };

/** The extension object in the privileged window's scope (an expression). */
const extensionIn = (addonId) => `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs')
  .ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)})`;

/** A fresh Firefox with the extension (`extension`: a folder), one tab on `url`, loaded. */
export async function launch(url, extension, prefs = {}) {
  const profile = tempDir('lectern-open-firefox-');
  let ff;
  try {
    ff = await launchFirefox(profile.dir, { extension, prefs: { ...BENCH_PREFS, ...prefs } });
    ff.profile = profile;
    const { contexts } = await ff.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    ff.chrome = contexts[0].context;
    ff.tab = await ff.topContext();
    await ff.send('browsingContext.activate', { context: ff.tab }).catch(() => {});
    await ff.navigate(ff.tab, url);
    if (extension) {
      await waitFor(() => backgroundState(ff).then((s) => s === 'running'), 15000, 'the extension\'s background to start', 50);
    }
    return ff;
  } catch (error) {
    await ff?.close().catch(() => {});
    profile.remove();
    throw error;
  }
}

export async function close(ff) {
  await ff.close().catch(() => {});
  ff.profile.remove();
}

/** The background's state: "running", "stopped", "starting", "suspending". */
export const backgroundState = (ff) => ff.evaluate(ff.chrome, `${extensionIn(ff.addonId)}.backgroundState`);

/**
 * The action, as a click runs it; the browser's clock right before it (ms, system clock), and
 * Node's before the command was sent.
 */
export async function trigger(ff) {
  const node = Date.now();
  const at = await ff.evaluate(ff.chrome, `(() => {
    const extension = ${extensionIn(ff.addonId)};
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const at = performance.timeOrigin + performance.now();
    ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
    return at;
  })()`);
  return { at, node };
}

/** Stops the event page (the next action starts it again). */
export async function stopBackground(ff) {
  await ff.evaluate(ff.chrome, `${extensionIn(ff.addonId)}.terminateBackground().then(() => true)`);
  await waitFor(() => backgroundState(ff).then((s) => s === 'stopped'), 10000, 'the background to stop', 20);
}

/** The reader frame's browsing context while there is one, or null. */
export const readerContext = (ff) => ff.readerContext(ff.tab).catch(() => null);

/** What the background recorded of the last open, and the engine's wasm memory (asked by the reader page). */
export const backgroundReport = (ff, reader) => ff.evaluate(reader,
  `browser.runtime.sendMessage({ type: 'lectern:bench' }).then(JSON.stringify, () => 'null')`).then(JSON.parse, () => null);

const QUIET_DURING_OPEN_MS = 500;

async function openOnce(ff) {
  const { at: clicked, node } = await trigger(ff);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, node + QUIET_DURING_OPEN_MS - Date.now())));
  const reader = await waitFor(() => readerContext(ff), 15000, 'the reader frame', 10);
  const probe = () => ff.evaluate(reader, `(() => {
    if (!globalThis.__lecternVisible) return 0;
    return Promise.race([globalThis.__lecternVisible, new Promise((r) => setTimeout(() => r(0), 200))]);
  })()`).catch(() => 0);
  const visible = await waitFor(probe, 15000, 'the article', 10);
  const marks = await ff.evaluate(reader, `JSON.stringify((() => {
    const at = (name) => performance.getEntriesByName(name)[0];
    return {
      origin: performance.timeOrigin,
      start: at('lectern:start')?.startTime ?? null,
      reply: at('lectern:reply')?.startTime ?? null,
      engineMs: at('lectern:extracted')?.detail?.engineMs ?? null,
      rendered: at('lectern:rendered')?.startTime ?? null,
    };
  })())`).then(JSON.parse, () => null);
  const steps = (await backgroundReport(ff, reader))?.lastOpen;
  return { ...openTimes(clicked, visible, steps, marks), trip: clicked - node };
}

const PAUSE_AFTER_CLOSE_MS = 100;
/** Closes the reader with the action (it toggles), lets the page reach its next frame, then pauses. */
export async function closeReader(ff) {
  await trigger(ff);
  await waitFor(async () => !(await readerContext(ff)), 10000, 'the reader to close', 10);
  await ff.evaluate(ff.tab, 'new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(true), 0)))');
  await new Promise((resolve) => setTimeout(resolve, PAUSE_AFTER_CLOSE_MS));
}

/**
 * Each clock against Node's Date.now(): the browser's privileged window and the reader frame's
 * performance.timeOrigin + now(), minus the midpoint of Node's times around the command.
 */
async function clockCheck(ff, reader) {
  const offset = async (context) => {
    const before = Date.now();
    const t = await ff.evaluate(context, 'performance.timeOrigin + performance.now()');
    const after = Date.now();
    return { offset: t - (before + after) / 2, halfTrip: (after - before) / 2 };
  };
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push({ chrome: await offset(ff.chrome), reader: await offset(reader) });
  const best = (key) => runs.map((r) => r[key]).sort((a, b) => a.halfTrip - b.halfTrip)[0];
  return { chrome: best('chrome'), reader: best('reader') };
}

async function measurePage(origin, index, page, opts, extension) {
  let ff;
  try {
    ff = await launch(`${origin}/p/${index}/page.html`, extension);
    let clocks = null;
    const { first, cold, warm } = await openRounds(opts, {
      open: () => openOnce(ff),
      close: () => closeReader(ff),
      stop: () => stopBackground(ff),
      afterOpen: async () => { clocks ??= await clockCheck(ff, await readerContext(ff)); },
    });
    if (process.env.OPEN_DEBUG) console.error(page.name, JSON.stringify({ first, cold, warm }));
    const version = await ff.evaluate(ff.chrome, 'Services.appinfo.version');
    return { page: page.name, bytes: page.bytes, first, cold, warm, version, clocks };
  } catch (error) {
    return { page: page.name, bytes: page.bytes, error: error.message };
  } finally {
    if (ff) await withTimeout(close(ff), 15000, 'closing the browser').catch(() => {});
  }
}

async function main() {
  const opts = openArgs(process.argv.slice(2));
  const rows = await measureOpens(opts, measurePage, 'open (Firefox)');
  const version = `Firefox ${rows.find((r) => r.version)?.version ?? '?'}`;
  const fmt1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
  console.log(`### Whole path in Firefox: the action → article visible (extension, headless Firefox)\n`);
  console.log(`Machine: ${machineLine()}; ${version}; per page the browser's first open, then ${opts.cold - 1} cold opens ` +
    `(background stopped first with terminateBackground()) and ${opts.warm} warm. Trigger: the action's handler called from the browser's privileged window ` +
    '(browserActionFor(extension).triggerAction(window), as the e2e tests do; headless Firefox has no toolbar to click).\n');
  console.log(openTable(rows));
  console.log('\nTimes from the browser\'s clock at the trigger to the article visible in the reader frame (the same system clock). ' +
    'p95: nearest rank. The last six columns: warm medians, ms after the trigger, as in the Chromium table (background: the ' +
    'event page; its engine runs in a Worker of it, reader/engine-worker.js).');
  for (const r of rows.filter((row) => row.clocks)) {
    const all = [r.first, ...r.cold, ...r.warm];
    console.log(`\nClock check (${r.page}): privileged window − Node ${fmt1(r.clocks.chrome.offset)} ms (±${fmt1(r.clocks.chrome.halfTrip)}), ` +
      `reader frame − Node ${fmt1(r.clocks.reader.offset)} ms (±${fmt1(r.clocks.reader.halfTrip)}); Node's clock before the BiDi ` +
      `command to the trigger: median ${fmt1(median(all.map((x) => x.trip)))} ms (not counted).`);
  }
  console.log(`\nCommand: \`${['node benches/open-firefox.mjs', ...process.argv.slice(2)].join(' ')}\` (${new Date().toISOString().slice(0, 10)})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
