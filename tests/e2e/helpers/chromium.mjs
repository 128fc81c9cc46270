// Chromium with the unpacked extension, through playwright-core and Debian's chromium binary.
// The extension is a test build (extension-build.mjs): the shipped one with the test hooks.
import { chromium } from 'playwright-core';
import { CHROMIUM } from './paths.mjs';
import { sharedTestBuild } from './extension-build.mjs';

/**
 * `extension`: a test build's folder (one with the test hooks); by default the process's own.
 * `language`: the browser's interface language (`ar`, `de`), which the extension's messages
 * follow; by default the machine's.
 */
export async function launchChromium(userDataDir, { extension = sharedTestBuild(), language = null } = {}) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...(language ? { locale: language } : {}),
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1100, height: 800 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
      ...(language ? [`--lang=${language}`] : []),
    ],
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionId = new URL(worker.url()).host;
  // The worker appears before its module has run; a click before the background has registered
  // its listeners can be lost. The test build's background sets its test hooks last.
  for (const deadline = Date.now() + 15000; ;) {
    const ready = await worker.evaluate(() => Boolean(globalThis.lecternTestHooks)).catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error('the extension\'s background did not start');
    await new Promise((r) => setTimeout(r, 25));
  }
  // The background's console, for failure messages (why a click opened nothing).
  const backgroundLog = [];
  const listen = (w) => w.on('console', (m) => { backgroundLog.push(`${m.type()}: ${m.text()}`); backgroundLog.splice(0, backgroundLog.length - 20); });
  listen(worker);
  context.on('serviceworker', (w) => { if (w.url().startsWith(`chrome-extension://${extensionId}/`)) listen(w); });
  const cdp = await context.browser().newBrowserCDPSession();

  return {
    context,
    extensionId,
    readerUrl: `chrome-extension://${extensionId}/reader.html`,
    /** The service worker now (Chromium may restart it). */
    serviceWorker: () => context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? worker,
    /** The browser-level DevTools session. */
    cdp,
    /** Stops the extension's service worker, as Chromium does when it has been idle. */
    async stopServiceWorker() {
      const ours = async () => (await cdp.send('Target.getTargets', { filter: [{ type: 'service_worker' }] }))
        .targetInfos.filter((t) => t.url.startsWith(`chrome-extension://${extensionId}/`));
      // Asked again until it is gone: a worker busy with an event may not stop at the first ask.
      for (const deadline = Date.now() + 10000; ;) {
        const running = await ours();
        if (!running.length) return;
        if (Date.now() > deadline) throw new Error('the service worker did not stop');
        for (const t of running) await cdp.send('Target.closeTarget', { targetId: t.targetId }).catch(() => {});
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** The targets showing the extension's engine keeper (its offscreen document). */
    async engineKeepers() {
      const { targetInfos } = await cdp.send('Target.getTargets');
      return targetInfos.filter((t) => t.url.startsWith(`chrome-extension://${extensionId}/engine-keeper.html`));
    },
    /** Clicks the toolbar button for the page's tab, exactly as a person would. */
    async triggerAction(page) {
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const tab = targetInfos.find((t) => t.url === page.url());
      if (!tab) throw new Error(`no tab target for ${page.url()}`);
      await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
    },
    readerFrame(page) {
      return page.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/reader.html`)) ?? null;
    },
    async waitForReaderFrame(page, timeout = 10000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const frame = this.readerFrame(page);
        if (frame) return frame;
        if (Date.now() > deadline) {
          const host = await page.evaluate(() => !!document.querySelector('lectern-reader')).catch((e) => `unknown (${e.message})`);
          throw new Error(`the reader did not open (reader host element in the page: ${host}; background console: ${JSON.stringify(backgroundLog)})`);
        }
        await page.waitForTimeout(25);
      }
    },
    async waitForReaderGone(page, timeout = 10000) {
      const deadline = Date.now() + timeout;
      while (this.readerFrame(page)) {
        if (Date.now() > deadline) throw new Error('the reader did not close');
        await page.waitForTimeout(25);
      }
    },
    /**
     * A real Escape key press in the reader. The reader closes on keydown, which removes its
     * frame; Chromium then may never acknowledge the key event, so the press is not awaited
     * (its promise settles, or fails harmlessly, when the page closes).
     */
    async pressEscape(page) {
      const down = page.keyboard.down('Escape').catch(() => {});
      await this.waitForReaderGone(page);
      await Promise.race([down, page.waitForTimeout(100)]);
      page.keyboard.up('Escape').catch(() => {});
    },
    async close() {
      await cdp.detach().catch(() => {});
      await context.close();
    },
  };
}
