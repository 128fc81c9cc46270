// The extension's reader page (reader.html), shown in a full-viewport iframe over the page.
// It asks the background for the snapshot the content script took, runs the engine in a
// Worker and renders with the shared renderer.

import { createReader } from './reader/reader.js';
import { createEngine } from './reader/engine-client.js';
import { extensionAdapter as adapter } from './platform-extension.js';

const api = globalThis.browser ?? globalThis.chrome;
const engine = createEngine();
engine.warmUp();

function close() {
  Promise.resolve(api.runtime.sendMessage({ type: 'lectern:close' })).catch(() => {});
}

document.title = adapter.t('readerDocumentTitle');
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

async function show(snapshot) {
  if (snapshot.html.length > 512 * 1024) reader.showLoading(snapshot.html.length);
  const { result, ms } = await engine.extract(snapshot.html, snapshot.url, undefined);
  performance.mark('lectern:extracted', { detail: { engineMs: ms } });
  await reader.ready;
  if (result) {
    reader.render(result, { url: snapshot.url, title: snapshot.title });
    document.title = reader.root.querySelector('h1')?.textContent || document.title;
    performance.mark('lectern:rendered');
  } else {
    reader.showNoArticle({ onUseSelection: () => showSelection(snapshot) });
  }
}

async function showSelection(snapshot) {
  if (!snapshot.selectionHtml) {
    reader.showNoSelection();
    return;
  }
  try {
    const { result } = await engine.extract(snapshot.selectionHtml, snapshot.url, { wholeDocument: true });
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
    const snapshot = await api.runtime.sendMessage({ type: 'lectern:get-snapshot' });
    performance.mark('lectern:snapshot');
    if (!snapshot || typeof snapshot.html !== 'string') throw new Error('The page could not be read.');
    await show(snapshot);
  } catch (error) {
    await reader.ready;
    reader.showError(error?.message ?? error);
  }
  reader.focus();
}

main();
