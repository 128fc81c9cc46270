// One small driver interface over both browsers, so the extension's behaviour is specified once
// (extension-spec.mjs) and checked in Chromium and in Firefox.
//   driver.openTab(url) -> tab          driver.trigger(tab)        driver.shortcut(tab)
//   driver.page(tab, expr) -> JSON value  driver.reader(tab, expr) -> JSON value
//   driver.waitForReader(tab)            driver.waitForReaderGone(tab)
//   driver.pressEscape(tab)              driver.closeTab(tab)        driver.close()
// Expressions are JavaScript source; they may return promises; results go through JSON.

import { launchChromium } from './chromium.mjs';
import { launchFirefox } from './firefox.mjs';

const json = (expr, prelude = '') => `(async () => { ${prelude}\n return JSON.stringify((await (${expr})) ?? null); })()`;

// Helpers available to every expression evaluated in the reader: find controls by their names.
export const READER_PRELUDE = `
  const $group = (name) => [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent.trim() === name);
  const $button = (name) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
  const $choose = (group, option) => {
    const label = [...$group(group).querySelectorAll('label')].find((l) => l.textContent.trim() === option);
    label.querySelector('input').click();
    return label.querySelector('input').checked;
  };
  const $style = (selector) => getComputedStyle(document.querySelector(selector));
`;

export async function chromiumDriver(profileDir) {
  const browser = await launchChromium(profileDir);
  const driver = {
    name: 'chromium',
    browser,
    async openTab(url) {
      const page = await browser.context.newPage();
      await page.goto(url);
      await page.bringToFront();
      return page;
    },
    trigger: (page) => browser.triggerAction(page),
    async shortcut(page) {
      // Headless Chromium does not deliver browser shortcuts from synthetic key presses, so call
      // the handler the `commands` event calls, with the tab.
      const worker = browser.serviceWorker();
      await worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        await globalThis.lecternTestHooks.onCommand('toggle-reader', tab);
      });
    },
    page: async (page, expr) => JSON.parse(await page.evaluate(json(expr))),
    async reader(page, expr) {
      const frame = browser.readerFrame(page);
      if (!frame) throw new Error('no reader frame');
      return JSON.parse(await frame.evaluate(json(expr, READER_PRELUDE)));
    },
    waitForReader: (page) => browser.waitForReaderFrame(page),
    waitForReaderGone: (page) => browser.waitForReaderGone(page),
    pressEscape: (page) => browser.pressEscape(page),
    closeTab: (page) => page.close(),
    close: () => browser.close(),
  };
  return driver;
}

export async function firefoxDriver(profileDir) {
  const ff = await launchFirefox(profileDir);
  const top = await ff.topContext();
  let used = false;
  const ESCAPE = '\uE00C';
  const driver = {
    name: 'firefox',
    ff,
    async openTab(url) {
      // Reuse the first tab once, then open new ones.
      let context = top;
      if (used) ({ context } = await ff.send('browsingContext.create', { type: 'tab' }));
      used = true;
      await ff.send('browsingContext.activate', { context }).catch(() => {});
      await ff.navigate(context, url);
      return context;
    },
    async trigger(context) {
      await ff.send('browsingContext.activate', { context }).catch(() => {});
      await ff.triggerAction();
    },
    async shortcut(context) {
      await ff.send('browsingContext.activate', { context }).catch(() => {});
      const outcome = await ff.triggerShortcut();
      if (outcome !== 'ok') throw new Error(outcome);
    },
    page: async (context, expr) => JSON.parse(await ff.evaluate(context, json(expr))),
    async reader(context, expr) {
      const reader = await ff.readerContext(context);
      if (!reader) throw new Error('no reader frame');
      return JSON.parse(await ff.evaluate(reader, json(expr, READER_PRELUDE)));
    },
    waitForReader: (context) => ff.waitFor(() => ff.readerContext(context), { message: 'the reader to open' }),
    waitForReaderGone: (context) => ff.waitFor(async () => !(await ff.readerContext(context)), { message: 'the reader to close' }),
    async pressEscape(context) {
      await ff.key(context, ESCAPE, 'keyDown');
      await driver.waitForReaderGone(context);
      await ff.key(context, ESCAPE, 'keyUp');
    },
    async closeTab(context) {
      if (context === top) return;
      await ff.send('browsingContext.close', { context }).catch(() => {});
    },
    close: () => ff.close(),
  };
  return driver;
}

/** Polls an async predicate until it returns a truthy value. */
export async function eventually(fn, { timeout = 10000, interval = 25, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message} (last: ${last?.message ?? JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
