// Optional feature, off by default: when the user switches it on in the options page (which
// asks for host permissions at that moment), the toolbar icon shows per tab whether the page
// looks readable, using the engine's cheap isProbablyReaderable check after the page loaded.

import './shared/protocol.js';
import { backgroundEngine } from './engine-host.js';

const api = globalThis.browser ?? globalThis.chrome;
const { StorageKeys, READERABLE_ORIGINS, Limits } = globalThis.lecternProtocol;

const ICONS = {
  on: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
  off: { 16: 'icons/icon-off-16.png', 32: 'icons/icon-off-32.png' },
};

async function isEnabled() {
  try {
    const stored = await api.storage.local.get(StorageKeys.READERABLE_ICON);
    return stored[StorageKeys.READERABLE_ICON] === true && (await api.permissions.contains(READERABLE_ORIGINS));
  } catch {
    return false;
  }
}

/** Looks at the tab's page and sets its icon; resolves to whether the page looks readable. */
export async function checkReaderable(tabId) {
  const [injection] = await api.scripting.executeScript({
    target: { tabId },
    func: (max) => (document.documentElement ? document.documentElement.outerHTML.slice(0, max) : ''),
    args: [Limits.READERABLE_MAX_CHARS],
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
