// Lectern's background (a module service worker in Chromium, a module event page in Firefox).
// The toolbar button and the keyboard shortcut inject the content script, which toggles the
// reader and hands back the snapshot it took. The background starts extracting at once, in its
// long-lived engine (engine-host.js), while the reader page loads; the reader then asks here for
// the article, and to be closed, so the page itself (window.postMessage) never takes part.

import './shared/protocol.js';
import { startReaderableIcon } from './readerable-icon.js';
import { backgroundEngine } from './engine-host.js';
import { fileFor } from './shared/site-rules.js';
import { grantedAutoOpenSites, hostOfPage, isAutoOpen, onAutoOpenChanged } from './shared/auto-open.js';

const api = globalThis.browser ?? globalThis.chrome;
const { ReaderToBackground, BackgroundToContent, AutoOpenToBackground, EngineKeeper, Limits, autoOpenOrigins } = globalThis.lecternProtocol;

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Right after a click (or a navigation) Chromium sometimes refuses "Cannot access contents"
// until the tab has settled: retry a few times, waiting a little longer each time.
const INJECT_RETRY_DELAYS_MS = [50, 100, 200, 400];

// The shared tables first: content.js is a classic script and reads them from its world.
const CONTENT_SCRIPTS = ['shared/protocol.js', 'content.js'];

async function injectContentScript(tabId) {
  const run = () => api.scripting.executeScript({ target: { tabId }, files: CONTENT_SCRIPTS });
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

// Per tab, from the click that opened the reader until the reader page asked for its article:
// a promise of { snapshot, article } (article: a promise of the engine's outcome, or null for a
// page too large for the background, which the reader extracts itself). A promise from the
// moment of the click, because the reader page may ask before the injection has reported back.
const sessions = new Map();

// A young wasm instance is several times slower than one the browser has optimised: V8
// compiles each function on its first call with its baseline compiler and optimises the hot
// ones only after they have run a while (on the 1 MB bench page: 219, 82, 44, 18 … 12 ms on a
// service worker's calls 1, 2, 3, 4 … 25). So after an open has been answered, while nothing
// else waits, the engine runs again on the page just read until this many calls in all, and a
// person's next open finds it ripe. Each extra call is skipped if an open has started since,
// and reads at most the page's first RIPEN_CHARS, so that an open arriving meanwhile waits for
// a short call at most (a young engine takes ~80 ms on a whole 1 MB page). A call that fails
// ends it for good.
const RIPE_AFTER_CALLS = 8;
const RIPEN_CHARS = 256 * 1024;
// The first extra call waits this long after the answer: the reader is rendering and painting
// the article meanwhile, which the engine's calls slowed on two cores.
const RIPEN_AFTER_MS = 250;
let engineCalls = 0;
let ripening = false;

function ripen(snapshot) {
  if (ripening || engineCalls >= RIPE_AFTER_CALLS) return;
  ripening = true;
  const html = snapshot.html.slice(0, RIPEN_CHARS);
  const step = () => {
    const engine = backgroundEngine();
    if (sessions.size || engineCalls >= RIPE_AFTER_CALLS || !engine.usable) {
      ripening = false;
      return;
    }
    engineCalls++;
    engine.extract(html, snapshot.url, undefined).then(
      () => setTimeout(step, 0),
      () => { ripening = false; engineCalls = RIPE_AFTER_CALLS; });
  };
  setTimeout(step, RIPEN_AFTER_MS);
}

/** What the reader page uses of the engine's result: no `textContent`. */
const READER_OUTPUTS = Object.freeze({ text: false });

/** The site's rules file for `url` (null without any, or if storage fails). */
const rulesFor = (url) => fileFor(url).catch(() => null);

/**
 * Starts extracting the snapshot. `rules`: the site's rules when they were already asked for
 * (at the click, for the tab's address, in parallel with the injection), else read now.
 */
function startExtraction(snapshot, rules = null) {
  const engine = backgroundEngine();
  const background = snapshot.html.length <= Limits.BACKGROUND_MAX_CHARS && engine.usable;
  if (background) engineCalls++;
  // The site's rules (a person's corrections) go with the page; a page without any is read
  // as it always was. Not the article's plain text: the reader shows its HTML and copies its
  // Markdown, and the text would only lengthen the way to the reader page.
  const article = !background
    ? null
    : (rules ?? rulesFor(snapshot.url))
      .then((siteRules) => engine.extract(snapshot.html, snapshot.url, siteRules ? { siteRules, ...READER_OUTPUTS } : READER_OUTPUTS)).then(
      ({ result, ms }) => ({ ok: true, result, ms }),
      (error) => ({ ok: false, error: String(error?.message ?? error) }));
  return { snapshot, article };
}

/** What the reader page gets: the article (or why not), and the page's address and title. */
async function articleFor(tabId) {
  const pending = sessions.get(tabId);
  let session = await pending;
  if (pending && sessions.get(tabId) === pending) sessions.delete(tabId);
  if (!session) {
    // The background was restarted since the reader opened (or the reader page was reloaded):
    // the content script still holds the snapshot.
    const snapshot = await api.tabs.sendMessage(tabId, { type: BackgroundToContent.SNAPSHOT }, { frameId: 0 }).catch(() => null);
    if (!snapshot || typeof snapshot.html !== 'string') return null;
    session = startExtraction(snapshot);
  }
  const { snapshot, article } = session;
  const outcome = article ? await article : null;
  // Runs after this answer has been sent (see ripen); never on a page the engine failed on
  // (a trap would fail whatever else the engine has in hand, such as the next open).
  if (outcome?.ok) ripen(snapshot);
  setTimeout(keepEngineCompiled, Limits.ENGINE_KEEPER_NOTICE_AFTER_MS);
  return { url: snapshot.url, title: snapshot.title, article: outcome };
}

export async function toggleReader(tab) {
  let tabId = tab?.id;
  if (tabId == null || tabId < 0) {
    const [active] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    tabId = active?.id;
  }
  if (tabId == null) return;
  backgroundEngine().warmUp();
  // The site's rules are read while the content script takes the snapshot, not after it (the
  // tab's address is known from the click; the snapshot's is checked against it below).
  const earlyRules = typeof tab?.url === 'string' ? { url: tab.url, rules: rulesFor(tab.url) } : null;
  let settle;
  const session = new Promise((resolve) => { settle = resolve; });
  sessions.set(tabId, session);
  const forget = () => { if (sessions.get(tabId) === session) sessions.delete(tabId); };
  try {
    const [injection] = await injectContentScript(tabId);
    // The content script's outcome: { opened: true, snapshot } or { opened: false } (closed).
    const snapshot = injection?.result?.snapshot;
    const rules = earlyRules && earlyRules.url === snapshot?.url ? earlyRules.rules : null;
    settle(typeof snapshot?.html === 'string' ? startExtraction(snapshot, rules) : null);
    if (!injection?.result?.opened) forget();
  } catch (error) {
    settle(null);
    forget();
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

// The reader page's addresses: with `use_dynamic_url` (manifest), Chromium's getURL gives the
// background the per-session address of a web-accessible page, while the content script may load
// it by the extension's fixed one; either is our reader page. (Firefox ignores the key: one.)
const READER_URLS = [api.runtime.getURL('reader.html'), `${api.runtime.getURL('')}reader.html`];

// ---- "Always open reader on <site>": one registered content script for the listed sites whose
// permission is held, kept in step with the list and the permissions; it asks to open once a
// page of such a site has loaded.
const AUTO_OPEN_SCRIPT = 'lectern-auto-open';
let autoOpenSync = Promise.resolve();

function syncAutoOpenScript() {
  autoOpenSync = autoOpenSync.catch(() => {}).then(async () => {
    const matches = (await grantedAutoOpenSites()).flatMap((host) => autoOpenOrigins(host).origins);
    const registered = await api.scripting.getRegisteredContentScripts({ ids: [AUTO_OPEN_SCRIPT] }).catch(() => []);
    if (registered.length) await api.scripting.unregisterContentScripts({ ids: [AUTO_OPEN_SCRIPT] });
    if (matches.length) {
      await api.scripting.registerContentScripts([{
        id: AUTO_OPEN_SCRIPT, matches, js: ['shared/protocol.js', 'auto-open.js'], runAt: 'document_idle', allFrames: false,
      }]);
    }
  }).catch((error) => console.warn('Lectern: the sites that open in the reader could not be set up:', error?.message ?? error));
  return autoOpenSync;
}

onAutoOpenChanged(syncAutoOpenScript);
api.permissions.onAdded?.addListener(syncAutoOpenScript);
api.permissions.onRemoved?.addListener(syncAutoOpenScript);
api.runtime.onStartup.addListener(syncAutoOpenScript);
api.runtime.onInstalled.addListener(syncAutoOpenScript);

async function autoOpen(tab, url) {
  const host = hostOfPage(url);
  if (!host || !(await isAutoOpen(host))) return;
  // Not where the person has already opened (or opened and closed) the reader on this page.
  const [seen] = await api.scripting.executeScript({
    target: { tabId: tab.id, frameIds: [0] }, func: () => Boolean(globalThis[Symbol.for('lectern.content')]),
  });
  if (seen?.result === false) await toggleReader(tab);
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // The auto-open content script, in a tab's top frame (no page can message the background).
  if (sender.id === api.runtime.id && message?.type === AutoOpenToBackground.OPEN && sender.tab && sender.frameId === 0) {
    autoOpen(sender.tab, sender.url).then(() => sendResponse(true), () => sendResponse(false));
    return true;
  }
  if (sender.id === api.runtime.id && message?.type === EngineKeeper.IDLE && sender.url?.startsWith(KEEPER_PAGE)) {
    closeIdleKeeper();
    return false;
  }
  // Only our own reader page, inside a tab, may ask.
  if (sender.id !== api.runtime.id || !READER_URLS.some((url) => sender.url?.startsWith(url))) return false;
  const tabId = sender.tab?.id;
  if (tabId == null || !message || typeof message.type !== 'string') return false;
  if (message.type === ReaderToBackground.GET_ARTICLE) {
    articleFor(tabId).then(sendResponse, (error) => sendResponse({ error: String(error?.message ?? error) }));
    return true;
  }
  if (message.type === ReaderToBackground.GET_SNAPSHOT) {
    api.tabs.sendMessage(tabId, { type: BackgroundToContent.SNAPSHOT }, { frameId: 0 })
      .then((snapshot) => sendResponse(snapshot ?? null), () => sendResponse(null));
    return true;
  }
  if (message.type === ReaderToBackground.CONFIRM_AUTO_OPEN) {
    const host = typeof message.host === 'string' && autoOpenOrigins(message.host) ? message.host : null;
    if (!host) return false;
    api.tabs.create({ url: `${api.runtime.getURL('options.html')}#auto-open=${encodeURIComponent(host)}`, openerTabId: tabId, index: sender.tab.index + 1 })
      .then(() => sendResponse(true), () => sendResponse(false));
    return true;
  }
  if (message.type === ReaderToBackground.CLOSE) {
    sessions.delete(tabId);
    api.tabs.sendMessage(tabId, { type: BackgroundToContent.CLOSE }, { frameId: 0 })
      .then(() => sendResponse(true), () => sendResponse(false));
    return true;
  }
  return false;
});

api.tabs.onRemoved.addListener((tabId) => { sessions.delete(tabId); });

// ---- Chromium: the offscreen document that keeps the engine compiled while this service
// worker sleeps (engine-keeper.js says why). Made when the browser starts or the extension is
// installed, and again after an open if it is gone (never during one: it would compete with
// the open for the processor). Firefox has no offscreen documents and needs none: its
// extension process lives as long as the browser.
const KEEPER_URL = 'engine-keeper.html';
const KEEPER_PAGE = api.runtime.getURL(KEEPER_URL);
let keeperCheck = null;

function keepEngineCompiled() {
  if (!api.offscreen?.createDocument || keeperCheck) return keeperCheck;
  keeperCheck = (async () => {
    if (await api.offscreen.hasDocument?.()) {
      // An open has just used the engine: the keeper's idle spell starts again.
      await Promise.resolve(api.runtime.sendMessage({ type: EngineKeeper.USED })).catch(() => {});
      return;
    }
    await api.offscreen.createDocument({
      url: KEEPER_URL,
      reasons: ['WORKERS'],
      justification: 'Keeps the reader engine compiled between service worker restarts, so the reader opens fast.',
    });
  })().catch((error) => {
    // "Only a single offscreen document may be created": another call made it meanwhile.
    if (!/single offscreen/i.test(String(error?.message))) console.warn('Lectern: the engine keeper could not start:', error?.message ?? error);
  }).finally(() => { keeperCheck = null; });
  return keeperCheck;
}

api.runtime.onStartup.addListener(keepEngineCompiled);
api.runtime.onInstalled.addListener(keepEngineCompiled);

/** The keeper has not been used for Limits.ENGINE_KEEPER_IDLE_MS: its memory goes back. */
function closeIdleKeeper() {
  Promise.resolve(api.offscreen?.closeDocument?.()).catch(() => {});
}

startReaderableIcon();
