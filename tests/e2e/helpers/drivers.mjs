// One small driver interface over both browsers, so the extension's behaviour is specified once
// (extension-spec.mjs) and checked in Chromium and in Firefox.
//   driver.openTab(url) -> tab          driver.trigger(tab)        driver.shortcut(tab)
//   driver.page(tab, expr) -> JSON value  driver.reader(tab, expr) -> JSON value
//   driver.waitForReader(tab)            driver.waitForReaderGone(tab)
//   driver.pressEscape(tab)              driver.closeTab(tab)        driver.close()
//   driver.setViewport(tab, { width, height } | null): the tab's viewport in CSS px (a phone's);
//     null: the window's own again
//   driver.clickInReader(tab, name): a real click (with user activation) on the reader's button
//   driver.readClipboard(tab) -> the system clipboard's text
//   driver.press(tab, key): a real key press (Enter, Escape, Tab) where the focus is, the reader left open
//   driver.watch(tab) -> { events, collect(), stop() }: what happens in the tab from now on
//     (console messages and uncaught errors, dialogs, new frames, frame navigations, new tabs or
//     windows) as { kind, text?, url?, where? } records; where says whose console it was: the
//     page's, a frame's, or an extension page's ('extension') as far as the browser tells
//     (Chromium often does not, Firefox reports only errors for extension pages, not
//     console.log()). await collect() before reading events.
// Expressions are JavaScript source; they may return promises; results go through JSON.

import { launchChromium } from './chromium.mjs';
import { launchFirefox, GECKO_ID } from './firefox.mjs';

const json = (expr, prelude = '') => `(async () => { ${prelude}\n return JSON.stringify((await (${expr})) ?? null); })()`;

// Helpers available to every expression evaluated in the reader: find controls by their names.
/**
 * In a tab's page: whether the page under the reader is hidden (the reader's style sheet
 * adopted). Firefox hides it, and makes the reader modal, only once the reader shows its first
 * view, so an open is over when this holds.
 */
export const PAGE_SETTLED = `[...document.adoptedStyleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('content-visibility')))`;

/**
 * Waits until an open is over: the page under the reader hidden ([`PAGE_SETTLED`]), then two
 * of the reader's animation frames, so that its layout has followed the dialog made modal
 * (Firefox does both at the reader's first view; a measure of the reader's layout taken in
 * between saw the frame before it was resized: a button on the wrong side, a page a few pixels
 * too wide).
 */
export async function openSettled(driver, tab) {
  await eventually(() => driver.page(tab, PAGE_SETTLED), { message: 'the page hidden under the reader' });
  await driver.reader(tab, 'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))');
}

export const READER_PRELUDE = `
  // The settings' controls are built when their panel first opens: opened and closed again first.
  const $group = (name) => {
    const find = () => [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent.trim() === name);
    if (!find()) {
      const settings = document.querySelector('button[aria-controls$="-settings"]');
      settings?.click();
      settings?.click();
    }
    return find();
  };
  const $button = (name) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
  const $choose = (group, option) => {
    const label = [...$group(group).querySelectorAll('label')].find((l) => l.textContent.trim() === option);
    label.querySelector('input').click();
    return label.querySelector('input').checked;
  };
  const $style = (selector) => getComputedStyle(document.querySelector(selector));
`;

export async function chromiumDriver(profileDir, { extension, language } = {}) {
  const browser = await launchChromium(profileDir, { extension, language });
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
    /** The address of one of the extension's own pages (e.g. 'options.html'). */
    extensionPage: async (path) => `chrome-extension://${browser.extensionId}/${path}`,
    /** A tab the browser or the extension opened whose address includes `part`, or null. */
    findTab: async (part) => browser.context.pages().find((p) => p.url().includes(part)) ?? null,
    /** A pointer click on the button named `name` in a tab's own page. */
    clickInTab: (page, name) => page.getByRole('button', { name, exact: true }).first().click(),
    async clickInReader(page, name) {
      const frame = browser.readerFrame(page);
      if (!frame) throw new Error('no reader frame');
      await frame.getByRole('button', { name, exact: true }).first().click();
    },
    async readClipboard(page) {
      // Read in the page, with the permission granted to its origin (it has the focus).
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
      await page.bringToFront();
      return page.evaluate(() => navigator.clipboard.readText());
    },
    pressEscape: (page) => browser.pressEscape(page),
    press: (page, key) => page.keyboard.press(key),
    /** Keys held together, as 'Alt+Shift+ArrowDown'. */
    chord: (page, keys) => page.keyboard.press(keys),
    setViewport: (page, size) => page.setViewportSize(size ?? { width: 1100, height: 800 }),
    closeTab: (page) => page.close(),
    watch(page) {
      const events = [];
      const frameUrl = (frame) => { try { return frame?.url() ?? ''; } catch { return ''; } };
      const on = {
        console: (m) => {
          const url = m.location()?.url ?? '';
          // Chromium gives no source for many messages (policy violations among them): those
          // count as the page's.
          events.push({ kind: 'console', type: m.type(), text: m.text(), url, where: url.startsWith('chrome-extension:') ? 'extension' : 'page' });
        },
        pageerror: (e) => events.push({ kind: 'error', text: String(e?.message ?? e), where: 'unknown' }),
        dialog: (d) => { events.push({ kind: 'dialog', text: d.message() }); d.dismiss().catch(() => {}); },
        frameattached: (f) => events.push({ kind: 'frame', url: frameUrl(f), parent: frameUrl(f.parentFrame()) }),
        framenavigated: (f) => events.push({ kind: 'navigation', url: frameUrl(f), parent: frameUrl(f.parentFrame()) }),
        popup: (p) => events.push({ kind: 'window', url: p.url() }),
      };
      const onPage = (p) => { if (p !== page) events.push({ kind: 'window', url: p.url() }); };
      for (const [name, fn] of Object.entries(on)) page.on(name, fn);
      browser.context.on('page', onPage);
      return {
        events,
        collect: async () => events,
        stop() {
          for (const [name, fn] of Object.entries(on)) page.off(name, fn);
          browser.context.off('page', onPage);
        },
      };
    },
    close: () => browser.close(),
  };
  return driver;
}

export async function firefoxDriver(profileDir, { extension, prefs, language } = {}) {
  const ff = await launchFirefox(profileDir, { extension, prefs, language });
  let subscribed = false;
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
    async extensionPage(path) {
      const { contexts } = await ff.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const host = await ff.evaluate(contexts[0].context, `WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).mozExtensionHostname`);
      return `moz-extension://${host}/${path}`;
    },
    /** A tab the browser or the extension opened whose address includes `part`, or null. */
    async findTab(part) {
      const { contexts } = await ff.send('browsingContext.getTree', { maxDepth: 0 });
      return contexts.find((c) => c.url.includes(part))?.context ?? null;
    },
    /** A pointer click on the button named `name` in a tab's own page. */
    async clickInTab(context, name) {
      await ff.send('browsingContext.activate', { context }).catch(() => {});
      const at = JSON.parse(await ff.evaluate(context, `JSON.stringify((() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(name)});
        button.scrollIntoView({ block: 'center' });
        const r = button.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      })())`));
      await ff.send('input.performActions', { context, actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', x: Math.round(at.x), y: Math.round(at.y), origin: 'viewport' },
        { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }] });
      await ff.send('input.releaseActions', { context });
    },
    async clickInReader(context, name) {
      // A pointer click in the tab, where the button is: its place in the reader frame, moved by
      // the frame's offset from the tab's viewport (Firefox's mozInnerScreenX/Y on both).
      const reader = await ff.readerContext(context);
      if (!reader) throw new Error('no reader frame');
      const at = JSON.parse(await ff.evaluate(reader, `JSON.stringify((() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(name)});
        button.scrollIntoView({ block: 'center' });
        const r = button.getBoundingClientRect();
        return { x: r.x + r.width / 2 + window.mozInnerScreenX, y: r.y + r.height / 2 + window.mozInnerScreenY };
      })())`));
      const origin = JSON.parse(await ff.evaluate(context, 'JSON.stringify({ x: window.mozInnerScreenX, y: window.mozInnerScreenY })'));
      await ff.send('input.performActions', { context, actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', x: Math.round(at.x - origin.x), y: Math.round(at.y - origin.y), origin: 'viewport' },
        { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }] });
      await ff.send('input.releaseActions', { context });
    },
    async readClipboard() {
      // Headless Firefox keeps its own clipboard: read it from the browser's privileged window.
      const { contexts } = await ff.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      return ff.evaluate(contexts[0].context, `(() => {
        const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
        transferable.init(null);
        transferable.addDataFlavor('text/plain');
        Services.clipboard.getData(transferable, Services.clipboard.kGlobalClipboard, window.browsingContext.currentWindowContext);
        const out = {};
        transferable.getTransferData('text/plain', out);
        return out.value.QueryInterface(Ci.nsISupportsString).data;
      })()`);
    },
    async pressEscape(context) {
      await ff.key(context, ESCAPE, 'keyDown');
      await driver.waitForReaderGone(context);
      await ff.key(context, ESCAPE, 'keyUp');
    },
    /** Keys held together, as 'Alt+Shift+ArrowDown'. */
    async chord(context, keys) {
      const codes = { Alt: '\uE00A', Shift: '\uE008', Control: '\uE009', ArrowUp: '\uE013', ArrowDown: '\uE015', ArrowLeft: '\uE012', ArrowRight: '\uE014', Enter: '\uE007' };
      const values = keys.split('+').map((k) => codes[k] ?? k.toLowerCase());
      await ff.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions: [
        ...values.map((value) => ({ type: 'keyDown', value })), ...values.reverse().map((value) => ({ type: 'keyUp', value }))] }] });
    },
    async press(context, key) {
      const value = { Enter: '\uE007', Escape: ESCAPE, Tab: '\uE004', ArrowLeft: '\uE012', ArrowRight: '\uE014' }[key] ?? key;
      await ff.key(context, value, 'keyDown');
      await ff.key(context, value, 'keyUp');
    },
    async setViewport(context, size) {
      await ff.send('browsingContext.setViewport', { context, viewport: size ?? null });
    },
    async closeTab(context) {
      if (context === top) return;
      await ff.send('browsingContext.close', { context }).catch(() => {});
    },
    async watch(context) {
      if (!subscribed) {
        await ff.send('session.subscribe', { events: ['log.entryAdded', 'browsingContext.userPromptOpened', 'browsingContext.contextCreated', 'browsingContext.navigationStarted'] });
        // WebDriver BiDi reports nothing logged in extension pages, so errors there (a blocked
        // inline handler, an uncaught exception) are read from the browser's console service,
        // which content processes forward them to. console.log() calls there stay invisible.
        const { contexts } = await ff.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
        await ff.evaluate(contexts[0].context, `(() => {
          const log = globalThis.__lecternConsole = [];
          Services.console.registerListener({ observe(m) {
            if (!(m instanceof Ci.nsIScriptError) || !m.sourceName.startsWith('moz-extension:')) return;
            log.push({ text: m.errorMessage, url: m.sourceName, warning: !!(m.flags & Ci.nsIScriptError.warningFlag) });
          } });
          return true;
        })()`);
        subscribed = true;
      }
      const { contexts } = await ff.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const chrome = contexts[0].context;
      let consoleMark = await ff.evaluate(chrome, 'globalThis.__lecternConsole.length');
      // The tab's browsing contexts: the tab and every context created inside it from now on.
      const inTab = new Set([context]);
      const events = [];
      const off = ff.onEvent(({ method, params }) => {
        if (method === 'browsingContext.contextCreated') {
          if (params.parent && inTab.has(params.parent)) {
            inTab.add(params.context);
            events.push({ kind: 'frame', url: params.url, where: 'page' });
          } else if (!params.parent) {
            events.push({ kind: 'window', url: params.url });
          }
        } else if (method === 'browsingContext.navigationStarted') {
          if (inTab.has(params.context)) events.push({ kind: 'navigation', url: params.url, where: params.context === context ? 'page' : 'frame' });
        } else if (method === 'log.entryAdded') {
          if (!inTab.has(params.source?.context)) return;
          events.push({
            kind: params.type === 'javascript' ? 'error' : 'console', type: params.level, text: params.text ?? '',
            where: params.source.context === context ? 'page' : 'frame', url: params.stackTrace?.callFrames?.[0]?.url ?? '',
          });
        } else if (method === 'browsingContext.userPromptOpened') {
          if (!inTab.has(params.context)) return;
          events.push({ kind: 'dialog', text: params.message });
          ff.send('browsingContext.handleUserPrompt', { context: params.context, accept: false }).catch(() => {});
        }
      });
      return {
        events,
        /** Brings in what the console service has seen from extension pages since the watch began. */
        async collect() {
          const logged = JSON.parse(await ff.evaluate(chrome, `JSON.stringify(globalThis.__lecternConsole.slice(${consoleMark}))`));
          for (const m of logged) events.push({ kind: 'console', type: m.warning ? 'warning' : 'error', text: m.text, url: m.url, where: 'extension' });
          consoleMark += logged.length;
          return events;
        },
        stop: off,
      };
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
