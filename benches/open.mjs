#!/usr/bin/env node
// Whole path in the extension: toolbar action → article visible in the reader (issue 4's
// benchmark; issue 7, "Whole path"), in headless Chromium with the unpacked extension.
//
//   node benches/open.mjs [DIR] [--pages N] [--cold N] [--warm N] [--floor]
//
// Pages: by default two generated news pages (benches/news-page.mjs): a small one (~64 KB) and
// one of ~1 MB. With DIR, N pages of that corpus at even steps of size instead (10th percentile
// to largest). Served from 127.0.0.1; every other request is refused, so no page waits on the
// network. Per page a fresh browser, then rounds of: one "cold" open (the extension's service
// worker stopped first, CDP Target.closeTarget, as Chrome's own guide to testing worker
// termination does; the first round's is the browser's very first, reported on its own), then
// --warm/--cold "warm" opens (service worker running), each after closing the reader with
// another click.
// Timing: Node's clock just before the click (CDP Extensions.triggerAction), and in the reader
// frame, the time the article element got its content, after the next animation frame
// (performance.timeOrigin + performance.now(): the same system clock, sub-ms apart), seen by a
// MutationObserver armed in the reader page before any of its own code runs: the run loads a
// copy of the extension whose reader-page.js starts with the observer (OBSERVER), so no frame
// is held while a debugger injects it. Driven over a bare CDP pipe (cdp.mjs), not Playwright:
// Playwright holds each new frame for its own set-up before the frame may run, which put ~15 ms
// into every reader start it timed; injecting an init script over CDP held it ~5 ms (p95 ~17).
// --floor: the warm opens of a copy whose background answers the reader at once with the
// previous open's article and extracts nothing (common.mjs: FLOOR): what the rest of the path
// costs, the reader page's start, the message and the rendering (issue 23).
// The same opens in Firefox: benches/open-firefox.mjs (`./build.sh bench open` runs both). Its
// pieces (launch, clickAction, closeReader, …) are exported for benches/extension-memory.mjs.

import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './cdp.mjs';
import { machineLine, measureOpens, median, openArgs, openRounds, openTable, openTimes, withTimeout, waitFor } from './common.mjs';

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/lib/chromium/chromium';

/** Evaluates `expression` in an attached target; its value, or null if it threw. */
async function evaluate(browser, session, expression) {
  const { result, exceptionDetails } = await browser.send('Runtime.evaluate',
    { expression, awaitPromise: true, returnByValue: true }, session);
  return exceptionDetails ? null : result.value;
}

export const ourWorkers = async (browser) => (await browser.send('Target.getTargets', { filter: [{ type: 'service_worker' }] }))
  .targetInfos.filter((t) => t.url.startsWith(`chrome-extension://${browser.extensionId}/`));

/**
 * A fresh browser with the unpacked extension (`extension`: its instrumented copy), and one tab
 * on `url`, loaded. Every other host fails to resolve (--host-resolver-rules), so no page waits
 * on the network and no request is intercepted. Targets are followed by events (`browser.urls`:
 * target id → URL); the reader's frame is attached once it shows the reader page.
 */
export async function launch(url, origin, extension) {
  const browser = await launchChromium({
    executable: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--no-default-browser-check', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows', '--hide-scrollbars', '--mute-audio',
      '--window-size=1100,800', '--enable-unsafe-extension-debugging',
      `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${new URL(origin).hostname}`,
      `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  try {
    const worker = await waitFor(async () => (await browser.send('Target.getTargets', { filter: [{ type: 'service_worker' }] }))
      .targetInfos.find((t) => t.url.startsWith('chrome-extension://')), 15000, 'the extension\'s service worker');
    browser.extensionId = new URL(worker.url).host;
    // The worker appears before its module has run; a click before the background has
    // registered its listeners can be lost. The run's copy of background.js sets lecternBench last.
    await waitFor(() => evaluateInBackground(browser, 'Boolean(globalThis.lecternBench)').catch(() => false),
      15000, 'the extension\'s background to start');
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
    browser.page = sessionId;
    browser.frames = new Map(); // reader frames attached to: target id → (a promise of) the session
    browser.on('Target.detachedFromTarget', ({ targetId }) => browser.frames.delete(targetId));
    // Every target's URL as it changes (events, so that waiting for the reader asks nothing).
    browser.urls = new Map();
    const seen = ({ targetInfo }) => browser.urls.set(targetInfo.targetId, targetInfo.url);
    browser.on('Target.targetCreated', seen);
    browser.on('Target.targetInfoChanged', seen);
    browser.on('Target.targetDestroyed', ({ targetId }) => browser.urls.delete(targetId));
    await browser.send('Target.setDiscoverTargets', { discover: true });
    await browser.send('Page.navigate', { url }, browser.page);
    await waitFor(() => evaluate(browser, browser.page, `location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`)
      .catch(() => false), 30000, 'the page to load').catch(() => {});
    await browser.send('Page.bringToFront', {}, browser.page);
    const tabs = (await browser.send('Target.getTargets', { filter: [{ type: 'tab' }] })).targetInfos;
    const tab = tabs.find((t) => t.url === url);
    if (!tab) throw new Error(`no tab target for ${url}`);
    browser.tab = tab.targetId;
    return browser;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** The reader frame's target id while there is one (an iframe showing reader.html), or null. */
export function readerTarget(browser) {
  for (const [targetId, url] of browser.urls) {
    if (url.startsWith(`chrome-extension://${browser.extensionId}/reader.html`)) return targetId;
  }
  return null;
}

/** A session attached to the reader's frame (attached the first time it is asked for), or null. */
async function readerSession(browser) {
  const targetId = readerTarget(browser);
  if (!targetId) return null;
  if (!browser.frames.has(targetId)) {
    const attaching = browser.send('Target.attachToTarget', { targetId, flatten: true }).then(({ sessionId }) => sessionId, () => null);
    browser.frames.set(targetId, attaching);
  }
  return browser.frames.get(targetId);
}

/** A toolbar click on the page's tab. */
export const clickAction = (browser) => browser.send('Extensions.triggerAction', { id: browser.extensionId, targetId: browser.tab });

/** How long after the click the bench first asks the reader's frame anything. */
const QUIET_DURING_OPEN_MS = 500;

/** One click → visible. Milliseconds since the click: total, and the reader page's marks. */
async function openOnce(browser) {
  const clicked = Date.now();
  await clickAction(browser);
  await waitFor(() => readerTarget(browser), 15000, 'the reader frame');
  // Nothing is asked of the browser while the open runs: attaching to the reader's frame as it
  // loads made the browser busier (the snapshot reached the background ~20 ms later). The
  // observer keeps its time; it is read once the open is surely over (or, for a slower one,
  // awaited from then on).
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, clicked + QUIET_DURING_OPEN_MS - Date.now())));
  const reader = await waitFor(() => readerSession(browser), 15000, 'the reader frame');
  // Asked every 10 ms until the reader page's module has started (0: not yet), then each
  // probe waits at most 200 ms in the page, so a reader without an article can't hang us.
  const probe = () => evaluate(browser, reader, `(() => {
    if (!globalThis.__lecternVisible) return 0;
    return Promise.race([globalThis.__lecternVisible, new Promise((r) => setTimeout(() => r(0), 200))]);
  })()`).catch(() => 0);
  const visible = await waitFor(probe, 15000, 'the article', 10);
  // The reader page's own marks (reader-page.js), as times since the click.
  const marks = await evaluate(browser, reader, `(() => {
    const at = (name) => performance.getEntriesByName(name)[0];
    return {
      origin: performance.timeOrigin,
      start: at('lectern:start')?.startTime ?? null,
      reply: at('lectern:reply')?.startTime ?? null,
      extracted: at('lectern:extracted')?.startTime ?? null,
      engineMs: at('lectern:extracted')?.detail?.engineMs ?? null,
      rendered: at('lectern:rendered')?.startTime ?? null,
    };
  })()`).catch(() => null);
  // The background's own times (background.js): when it got the action, the snapshot, the article.
  const steps = await evaluateInBackground(browser, 'globalThis.lecternBench?.lastOpen() ?? null').catch(() => null);
  return openTimes(clicked, visible, steps, marks);
}

/** Evaluates `expression` in the extension's service worker (attached only for that). */
export async function evaluateInBackground(browser, expression) {
  const [worker] = await ourWorkers(browser);
  if (!worker) return null;
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId: worker.targetId, flatten: true });
  try {
    return await evaluate(browser, sessionId, expression);
  } finally {
    await browser.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  }
}

/** Stops the extension's service worker (the next click starts it again, cold). */
export async function stopServiceWorker(browser) {
  // Asked again until it is gone: a worker busy with an event may not stop at the first ask.
  for (const deadline = Date.now() + 10000; ;) {
    const running = await ourWorkers(browser);
    if (!running.length) return;
    if (Date.now() > deadline) throw new Error('timed out waiting for the service worker to stop');
    for (const t of running) await browser.send('Target.closeTarget', { targetId: t.targetId }).catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Closes the reader the way it was opened (the toolbar action toggles it), then lets the page
 * come to rest: the next open is timed from a person's click on a page that is idle, not from
 * one still restyling itself after the reader left (on the 1 MB page that restyle takes
 * ~60 ms, and an open clicked into it waits for it before its script can run). Waits for
 * the page's next frame after the close, then PAUSE_AFTER_CLOSE_MS for the extension's side.
 */
const PAUSE_AFTER_CLOSE_MS = 100;
export async function closeReader(browser) {
  await clickAction(browser);
  await waitFor(() => !readerTarget(browser), 10000, 'the reader to close');
  await evaluate(browser, browser.page, 'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
  await new Promise((resolve) => setTimeout(resolve, PAUSE_AFTER_CLOSE_MS));
}

async function measurePage(origin, index, page, opts, extension) {
  let browser;
  try {
    browser = await launch(`${origin}/p/${index}/page.html`, origin, extension);
    const { first, cold, warm } = await openRounds(opts, {
      open: () => openOnce(browser),
      close: () => closeReader(browser),
      stop: () => stopServiceWorker(browser),
    });
    if (process.env.OPEN_DEBUG) console.error(page.name, JSON.stringify({ first, cold, warm }));
    const { product } = await browser.send('Browser.getVersion');
    return { page: page.name, bytes: page.bytes, first, cold, warm, version: product };
  } catch (error) {
    return { page: page.name, bytes: page.bytes, error: error.message };
  } finally {
    await withTimeout(browser?.close() ?? Promise.resolve(), 15000, 'closing the browser').catch(() => {});
  }
}

async function main() {
  const opts = openArgs(process.argv.slice(2));
  const rows = await measureOpens(opts, measurePage, 'open');
  const product = rows.find((r) => r.version)?.version ?? '';
  const version = `Chromium ${product.split('/')[1] ?? '?'}`;
  console.log(`### Whole path: toolbar action → article visible (extension, headless Chromium)${opts.floor ? ', floor: warm opens answered without extracting' : ''}\n`);
  console.log(`Machine: ${machineLine()}; ${version}; per page the browser's first open, then ${opts.cold - 1} cold opens (service worker stopped first) and ${opts.warm} warm.\n`);
  console.log(openTable(rows));
  // For benches/open-against.mjs: each page's warm and cold medians, as JSON, where OPEN_JSON says.
  if (process.env.OPEN_JSON) {
    const totals = (runs) => (runs ?? []).map((run) => run.total);
    fs.writeFileSync(process.env.OPEN_JSON, JSON.stringify(rows.map((r) => ({
      page: r.page, error: r.error ?? null, warmMedian: median(totals(r.warm)) ?? null, coldMedian: median(totals(r.cold)) ?? null,
    }))));
  }
  console.log('\np95: nearest rank. The last six columns: warm medians, ms after the click: the reader ' +
    'page\'s document created; its script started (its modules loaded); the content script\'s snapshot received by the background; the ' +
    'article extracted there (the engine\'s own time in brackets); the background\'s reply received ' +
    'by the reader page; the article rendered (the run\'s copy of background.js and reader-page.js records these).');
  console.log(`\nCommand: \`${["node benches/open.mjs", ...process.argv.slice(2)].join(" ")}\` (${new Date().toISOString().slice(0, 10)})`);
}

// Run as a script (not when another bench imports its pieces).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
