// The extension's reader page (reader.html), shown in a full-viewport iframe over the page.
// It asks the background for the article, which the background's warm engine started
// extracting at the click (engine-host.js), and renders it with the shared renderer. Pages too
// large for the background, and a text selection shown as the article, are extracted here in a
// Worker of this page's own, started only then.

import './shared/protocol.js';
import { createReader, interfaceLanguage } from './reader/reader.js';
// Site rules: loaded only when a page is extracted here or a rule is saved.
const siteRules = () => import('./shared/site-rules.js');
// The sites that open in the reader by themselves: loaded once the article is shown.
const autoOpenSites = () => import('./shared/auto-open.js');

const api = globalThis.browser ?? globalThis.chrome;
const { ReaderToBackground, ReaderToContent, StorageKeys } = globalThis.lecternProtocol;
// Asked first, before the renderer is set up: the background has usually started extracting.
const articleRequest = api.runtime.sendMessage({ type: ReaderToBackground.GET_ARTICLE });
articleRequest.catch(() => {}); // awaited in main(); not "unhandled" meanwhile
// This page's own engine, for pages too large for the background and for a selection: loaded
// only then (most opens never need it, and each module is one more load before the article).
let ownEngineReady = null;
function ownEngine() {
  ownEngineReady ??= import('./reader/engine-client.js').then(({ createEngine }) => createEngine());
  return ownEngineReady;
}

// Straight to the content script (at once, even while the background is busy), and through
// the background (which a hostile page cannot intercept): the second to arrive finds it closed.
function close() {
  try { window.parent.postMessage({ type: ReaderToContent.CLOSE }, '*'); } catch { /* ignore */ }
  Promise.resolve(api.runtime.sendMessage({ type: ReaderToBackground.CLOSE })).catch(() => {});
}

// The renderer's platform adapter here: strings from _locales through the i18n API, settings in
// storage.sync (storage.local where sync is unavailable).
const SETTINGS_KEY = StorageKeys.READER_SETTINGS;

const withArea = globalThis.lecternProtocol.withSyncedArea;

let speechModule = null;
const adapter = {
  t: (key, ...subs) => api.i18n.getMessage(key, subs.map(String)),
  locale: api.i18n.getUILanguage?.() || undefined,
  linkTarget: '_top',
  // The engine ships inside the extension: its version is the extension's.
  engineVersion: api.runtime.getManifest().version,
  async loadSettings() {
    const stored = await withArea((area) => area.get(SETTINGS_KEY));
    return stored?.[SETTINGS_KEY] ?? null;
  },
  async saveSettings(settings) {
    await withArea((area) => area.set({ [SETTINGS_KEY]: settings }));
  },
  // Reading positions: this computer only (storage.local), the last 200 pages.
  async loadPositions() {
    const stored = await api.storage.local.get(StorageKeys.READING_POSITIONS);
    return stored?.[StorageKeys.READING_POSITIONS] ?? {};
  },
  async savePositions(positions) {
    await api.storage.local.set({ [StorageKeys.READING_POSITIONS]: positions });
  },
  // The engine's speech module (sentences for "Read aloud"): loaded when reading starts.
  loadSpeech: () => (speechModule ??= import('./engine/lectern_speech.js').then(async (speech) => {
    await speech.default({ module_or_path: new URL('./engine/lectern_speech_bg.wasm', import.meta.url) });
    return speech;
  })),
  saveSiteRule: (host, action, signature) => siteRules().then(({ addRule }) => addRule(host, action, signature)),
  // "Always open reader on <site>": the permission is asked for at once, within the click.
  autoOpen: {
    isOn: (host) => autoOpenSites().then(({ isAutoOpen }) => isAutoOpen(host)),
    onChanged: (callback) => autoOpenSites().then(({ onAutoOpenChanged }) => onAutoOpenChanged(callback)),
    set(host, on) {
      if (!on) return autoOpenSites().then(({ stopAutoOpen }) => stopAutoOpen(host)).then(() => false);
      const origins = globalThis.lecternProtocol.autoOpenOrigins(host);
      if (!origins) return Promise.reject(new Error(`not a host name: ${host}`));
      // Firefox gives an extension frame inside a page no permissions API: the person allows it
      // on the options page, opened beside this tab (null: asked there).
      if (!api.permissions?.request) {
        return api.runtime.sendMessage({ type: ReaderToBackground.CONFIRM_AUTO_OPEN, host }).then(() => null);
      }
      return api.permissions.request(origins).then((granted) => (granted
        ? autoOpenSites().then(({ setAutoOpen }) => setAutoOpen(host, true)).then(() => true)
        : false));
    },
  },
  onSettingsChanged(callback) {
    api.storage.onChanged.addListener((changes) => {
      if (changes[SETTINGS_KEY]?.newValue) callback(changes[SETTINGS_KEY].newValue);
    });
  },
};

document.title = adapter.t('readerDocumentTitle');
// The page in the interface's language and direction (the reader's root says so too).
const ui = interfaceLanguage(adapter);
document.documentElement.lang = ui.lang;
document.documentElement.dir = ui.dir;
const reader = createReader(document.getElementById('lectern-root'), adapter, { onClose: close });

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !event.defaultPrevented) {
    event.preventDefault();
    close();
  } else if (event.key === 'Tab' && !event.defaultPrevented && !event.ctrlKey && !event.altKey && !event.metaKey) {
    keepFocusInReader(event);
  }
});

// The reader covers the page like a modal dialog, so Tab and Shift+Tab go round the reader's
// own controls and links instead of walking on into the page hidden underneath.
function tabbable() {
  const radioGroups = new Set();
  return [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].filter((el) => {
    if (el.tabIndex < 0 || el.disabled || !el.getClientRects().length) return false;
    if (getComputedStyle(el).visibility === 'hidden') return false;
    if (el.type === 'radio') {
      // One stop per radio group: the checked option.
      if (!el.checked || radioGroups.has(el.name)) return false;
      radioGroups.add(el.name);
    }
    return true;
  });
}

function keepFocusInReader(event) {
  const stops = tabbable();
  if (!stops.length) return;
  const first = stops[0];
  const last = stops[stops.length - 1];
  const active = document.activeElement;
  const atBody = !active || active === document.body;
  const before = (el) => Boolean(el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_PRECEDING);
  const after = (el) => Boolean(el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) && !active.contains(el);
  if (event.shiftKey ? (atBody || active === first || before(first)) : (atBody || active === last || after(last))) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

/** The page's snapshot, which the content script keeps while the reader is open. */
async function snapshotOfPage() {
  const snapshot = await api.runtime.sendMessage({ type: ReaderToBackground.GET_SNAPSHOT });
  if (!snapshot || typeof snapshot.html !== 'string') throw new Error('The page could not be read.');
  return snapshot;
}

/** Extracts a page too large for the background here, saying how large it is meanwhile. */
async function extractHere() {
  const snapshot = await snapshotOfPage();
  reader.showLoading(snapshot.html.length);
  return (await ownEngine()).extract(snapshot.html, snapshot.url, await withRules(snapshot.url));
}

/** `options` with the site's rules, as the background extracts: the same article, numbered alike. */
async function withRules(url, options = {}) {
  const file = await siteRules().then(({ fileFor }) => fileFor(url)).catch(() => null);
  return file ? { ...options, siteRules: file } : options;
}

/**
 * The page extracted again with its removed blocks and the signatures of its own, for the
 * reader's "Removed" panel and its site rules.
 */
async function removedBlocks() {
  const snapshot = await snapshotOfPage();
  const { result } = await (await ownEngine()).extract(snapshot.html, snapshot.url, await withRules(snapshot.url, { removedBlocks: true }));
  return result;
}

/** The whole page as the article (offered when the article may be incomplete). */
async function showWholePage() {
  try {
    const snapshot = await snapshotOfPage();
    reader.showLoading(snapshot.html.length);
    const { result } = await (await ownEngine()).extract(snapshot.html, snapshot.url, { wholeDocument: true });
    if (result) reader.render(result, { url: snapshot.url, title: snapshot.title });
    else reader.showNoArticle();
  } catch (error) {
    reader.showError(error?.message ?? error);
  }
  reader.focus();
}

async function show(page) {
  const outcome = page.article ?? await extractHere();
  if (outcome.ok === false) throw new Error(outcome.error);
  await reader.ready;
  if (outcome.result) {
    reader.render(outcome.result, { url: page.url, title: page.title, loadRemoved: removedBlocks, onShowWholePage: showWholePage, pageSource: snapshotOfPage });
    document.title = reader.root.querySelector('h1')?.textContent || document.title;
  } else {
    reader.showNoArticle({ onUseSelection: () => showSelection() });
  }
}

async function showSelection() {
  let snapshot;
  try {
    snapshot = await snapshotOfPage();
  } catch (error) {
    reader.showError(error?.message ?? error);
    return;
  }
  if (!snapshot.selectionHtml) {
    reader.showNoSelection();
    return;
  }
  try {
    const { result } = await (await ownEngine()).extract(snapshot.selectionHtml, snapshot.url, { wholeDocument: true });
    if (!result) {
      reader.showNoSelection();
      return;
    }
    reader.render(result, { url: snapshot.url, title: snapshot.title || adapter.t('selectionTitle') });
    reader.focus();
  } catch (error) {
    reader.showError(error?.message ?? error);
  }
}

async function main() {
  reader.showLoading();
  try {
    const page = await articleRequest;
    if (!page || page.error || typeof page.url !== 'string') throw new Error(page?.error || 'The page could not be read.');
    await show(page);
  } catch (error) {
    await reader.ready;
    reader.showError(error?.message ?? error);
  }
  reader.focus();
  // Firefox hides the page and makes the reader modal once this first view has been painted,
  // not while this page is starting: there this frame runs on the page's own thread, which
  // that restyle of the whole page held up.
  requestAnimationFrame(() => setTimeout(() => {
    try { window.parent.postMessage({ type: ReaderToContent.SHOWN }, '*'); } catch { /* ignore */ }
  }, 0));
}

main();
