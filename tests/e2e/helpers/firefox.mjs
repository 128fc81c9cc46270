// Firefox ESR through WebDriver BiDi (no geckodriver): start it headless with a fresh profile,
// install the unpacked extension as a temporary add-on, and drive it.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { FIREFOX, EXTENSION } from './paths.mjs';

export const GECKO_ID = 'lectern@lectern.example';

const PREFS = {
  // keep extension storage across a temporary add-on's reinstall (browser restart)
  'extensions.webextensions.keepStorageOnUninstall': true,
  'extensions.webextensions.keepUuidOnUninstall': true,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'browser.aboutwelcome.enabled': false,
};

/**
 * `extension`: a folder or a packaged .zip/.xpi; `prefs`: more preferences for this profile
 * (e.g. reduced motion, forced colours); `language`: the browser's interface language (`ar`,
 * `de`), which the extension's messages follow; by default the build's (en-US).
 */
export async function launchFirefox(profileDir, { extension = EXTENSION, prefs = {}, language = null } = {}) {
  writeFileSync(join(profileDir, 'user.js'),
    Object.entries({ ...PREFS, ...prefs }).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
  const child = spawn(FIREFOX, ['-headless', '--remote-debugging-port=0', '--remote-allow-system-access',
    '--profile', profileDir, '--no-remote', '--width=1100', '--height=800'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const wsUrl = await new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('Firefox did not start WebDriver BiDi')), 30000);
    child.stderr.on('data', (chunk) => {
      buffer += chunk;
      const match = buffer.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    child.once('exit', () => { clearTimeout(timer); reject(new Error(`Firefox exited: ${buffer.slice(-500)}`)); });
  });
  child.stderr.resume();

  const ws = new WebSocket(`${wsUrl}/session`);
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  let nextId = 1;
  const pending = new Map();
  const listeners = new Set();
  ws.on('message', (data) => {
    const msg = JSON.parse(data);
    if (msg.id && pending.has(msg.id)) {
      const { resolve, reject } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.type === 'error') reject(new Error(`${msg.error}: ${msg.message}`));
      else resolve(msg.result);
    } else if (msg.method) {
      for (const l of listeners) l(msg);
    }
  });
  ws.on('close', () => {
    for (const { reject } of pending.values()) reject(new Error('WebDriver BiDi connection closed'));
    pending.clear();
  });
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    if (ws.readyState !== WebSocket.OPEN) { reject(new Error('WebDriver BiDi connection closed')); return; }
    const id = nextId++;
    pending.set(id, { resolve, reject });
    ws.send(JSON.stringify({ id, method, params }));
  });
  const withTimeout = (promise, ms) => {
    let timer;
    return Promise.race([promise, new Promise((resolve) => { timer = setTimeout(resolve, ms); })])
      .catch(() => {}).finally(() => clearTimeout(timer));
  };

  await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  if (language) {
    // Firefox uses a language it has a language pack for, and Debian's firefox-esr has only
    // en-US: the locale service is told the language is there (as Firefox's own tests do), then
    // asked for it, before the extension is installed and picks its messages.
    const { contexts } = await send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const result = await send('script.evaluate', { expression: `(() => {
      Services.locale.availableLocales = [...new Set([...Services.locale.availableLocales, ${JSON.stringify(language)}])];
      Services.locale.requestedLocales = [${JSON.stringify(language)}];
      return Services.locale.appLocaleAsBCP47;
    })()`, target: { context: contexts[0].context }, awaitPromise: true });
    if (result.result?.value !== language) throw new Error(`Firefox did not take the language ${language}: ${JSON.stringify(result)}`);
  }
  // A folder (the source tree, a test build) or a store package (.zip/.xpi), as a person installs it.
  // `extension: null`: none (a benchmark's baseline).
  const extensionData = /\.(zip|xpi)$/.test(extension) ? { type: 'archivePath', path: extension } : { type: 'path', path: extension };
  const { extension: addonId } = extension ? await send('webExtension.install', { extensionData }) : { extension: null };

  async function chromeContext() {
    const { contexts } = await send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    return contexts[0].context;
  }

  /** Evaluates an expression; returns the deserialised value for primitives and JSON strings. */
  async function evaluate(context, expression) {
    const result = await send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
    if (result.type === 'exception') throw new Error(`${result.exceptionDetails.text}`);
    return unwrap(result.result);
  }

  const ff = {
    send,
    addonId,
    evaluate,
    onEvent(listener) { listeners.add(listener); return () => listeners.delete(listener); },
    async topContext() {
      const { contexts } = await send('browsingContext.getTree', { maxDepth: 0 });
      return contexts[0].context;
    },
    async navigate(context, url) {
      await send('browsingContext.navigate', { context, url, wait: 'complete' });
    },
    async triggerAction() {
      const chrome = await chromeContext();
      await evaluate(chrome, `(() => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)});
        ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
        return true;
      })()`);
    },
    /** Fires the `commands` shortcut the way the keyboard does: the <key> element's command event. */
    async triggerShortcut() {
      const chrome = await chromeContext();
      return evaluate(chrome, `(() => {
        const keys = [...document.querySelectorAll('keyset[id^="ext-keyset-id-"] key')];
        const key = keys.find((k) => (k.getAttribute('key') || '').toUpperCase() === 'R' && /alt/.test(k.getAttribute('modifiers') || '') && /shift/.test(k.getAttribute('modifiers') || ''));
        if (!key) return 'no key element for Alt+Shift+R';
        key.dispatchEvent(new CustomEvent('command', { bubbles: true }));
        return 'ok';
      })()`);
    },
    /** The reader's browsing context (a child of the tab), or null. */
    async readerContext(top) {
      const { contexts } = await send('browsingContext.getTree', { root: top });
      const stack = [...(contexts[0]?.children ?? [])];
      while (stack.length) {
        const c = stack.shift();
        if (c.url.startsWith('moz-extension://') && c.url.includes('/reader.html')) return c.context;
        stack.push(...(c.children ?? []));
      }
      return null;
    },
    async waitFor(fn, { timeout = 10000, interval = 25, message = 'condition' } = {}) {
      const deadline = Date.now() + timeout;
      for (;;) {
        let value;
        try { value = await fn(); } catch { value = null; }
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${message}`);
        await new Promise((r) => setTimeout(r, interval));
      }
    },
    async key(context, key, type) {
      await send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions: [{ type, value: key }] }] });
    },
    async close() {
      await withTimeout(send('browser.close'), 3000);
      ws.terminate();
      if (child.exitCode === null && child.signalCode === null) {
        await withTimeout(exited, 3000);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL');
          await exited;
        }
      }
    },
  };
  return ff;
}

function unwrap(value) {
  if (!value) return undefined;
  switch (value.type) {
    case 'string': case 'number': case 'boolean': return value.value;
    case 'null': return null;
    case 'undefined': return undefined;
    case 'array': return value.value.map(unwrap);
    case 'object': return Object.fromEntries(value.value.map(([k, v]) => [typeof k === 'string' ? k : unwrap(k), unwrap(v)]));
    default: return value.value;
  }
}
