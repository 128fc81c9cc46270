// Lectern's background (a module service worker in Chromium, a module event page in Firefox).
// The toolbar button and the keyboard shortcut inject the content script, which toggles the
// reader. The reader page asks for the page snapshot and to be closed through here, so the page
// itself (window.postMessage) never takes part.

import { startReaderableIcon, checkReaderable } from './readerable-icon.js';

const api = globalThis.browser ?? globalThis.chrome;

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Right after a click (or a navigation) Chromium sometimes refuses "Cannot access contents"
// until the tab has settled: retry a few times, waiting a little longer each time.
const INJECT_RETRY_DELAYS_MS = [50, 100, 200, 400];

async function injectContentScript(tabId) {
  const run = () => api.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
  for (const wait of INJECT_RETRY_DELAYS_MS) {
    try {
      return await run();
    } catch (error) {
      if (!/Cannot access contents/i.test(String(error?.message))) throw error;
      await delay(wait);
    }
  }
  return run();
}

export async function toggleReader(tab) {
  let tabId = tab?.id;
  if (tabId == null || tabId < 0) {
    const [active] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    tabId = active?.id;
  }
  if (tabId == null) return;
  try {
    await injectContentScript(tabId);
  } catch (error) {
    // Browser pages and stores cannot be scripted: say so on the button rather than fail silently.
    console.warn('Lectern cannot open the reader on this page:', error?.message ?? error);
    api.action.setBadgeText({ tabId, text: '!' }).catch?.(() => {});
    setTimeout(() => { Promise.resolve(api.action.setBadgeText({ tabId, text: '' })).catch(() => {}); }, 3000);
  }
}

export function onCommand(command, tab) {
  if (command === 'toggle-reader') return toggleReader(tab);
  return Promise.resolve();
}

api.action.onClicked.addListener((tab) => { toggleReader(tab); });
api.commands.onCommand.addListener((command, tab) => { onCommand(command, tab); });

const READER_URL = api.runtime.getURL('reader.html');

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own reader page, inside a tab, may ask.
  if (sender.id !== api.runtime.id || !sender.url?.startsWith(READER_URL)) return false;
  const tabId = sender.tab?.id;
  if (tabId == null || !message || typeof message.type !== 'string') return false;
  if (message.type === 'lectern:get-snapshot') {
    api.tabs.sendMessage(tabId, { type: 'lectern:snapshot' }, { frameId: 0 })
      .then((snapshot) => sendResponse(snapshot ?? null), () => sendResponse(null));
    return true;
  }
  if (message.type === 'lectern:close') {
    api.tabs.sendMessage(tabId, { type: 'lectern:close' }, { frameId: 0 })
      .then(() => sendResponse(true), () => sendResponse(false));
    return true;
  }
  return false;
});

startReaderableIcon();

// For the end-to-end tests: the shortcut cannot be pressed in headless Chromium, so the tests
// call the same handler the `commands` event calls.
globalThis.lecternTestHooks = { onCommand, toggleReader, checkReaderable };
