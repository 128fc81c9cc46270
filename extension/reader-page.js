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
  }
});

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
