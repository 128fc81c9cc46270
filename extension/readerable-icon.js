// Optional feature, off by default: when the user switches it on in the options page (which
// asks for host permissions at that moment), the toolbar icon shows per tab whether the page
// looks readable, using the engine's cheap isProbablyReaderable check after the page loaded.

import { backgroundEngine } from './engine-host.js';

const api = globalThis.browser ?? globalThis.chrome;
export const READERABLE_ORIGINS = Object.freeze({ origins: ['http://*/*', 'https://*/*'] });
const MAX_BYTES = 3 * 1024 * 1024;


const ICONS = {
  on: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
  off: { 16: 'icons/icon-off-16.png', 32: 'icons/icon-off-32.png' },
};

async function isEnabled() {
  try {
    const { readerableIcon } = await api.storage.local.get('readerableIcon');
    return readerableIcon === true && (await api.permissions.contains(READERABLE_ORIGINS));
  } catch {
    return false;
  }
}

/** Looks at the tab's page and sets its icon; resolves to whether the page looks readable. */
export async function checkReaderable(tabId) {
  const [injection] = await api.scripting.executeScript({
    target: { tabId },
    func: (max) => (document.documentElement ? document.documentElement.outerHTML.slice(0, max) : ''),
    args: [MAX_BYTES],
  });
  const html = injection?.result;
  if (typeof html !== 'string' || !html || !backgroundEngine().usable) return false;
  const readable = await backgroundEngine().isProbablyReaderable(html);
  await api.action.setIcon({ tabId, path: readable ? ICONS.on : ICONS.off });
  return readable;
}

export function startReaderableIcon() {
  api.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' || !/^https?:/.test(tab?.url ?? '')) return;
    isEnabled().then((on) => on && checkReaderable(tabId)).catch(() => {});
  });
}
