// What the extension's contexts share: the message types (one table per direction, so each
// listener names exactly what it may receive), the storage keys and the limits.
//
// One plain script, no import or export, so that every context can load the same file:
// - the content script is a classic script (MV3 content scripts are not modules): the
//   background injects this file just before content.js, in one scripting.executeScript call
//   (`files: ['shared/protocol.js', 'content.js']`), in the content script's isolated world,
//   which the page cannot see;
// - the background, the reader page and the options page import it for its effect
//   (`import './shared/protocol.js'`) and read `globalThis.lecternProtocol`.
// It assigns a property rather than declaring a constant: the content script's world keeps
// its globals between clicks, and a second top-level `const` there would be an error.

/**
 * Runs `fn` with storage.sync, or with storage.local where sync is unavailable (disabled by
 * policy, or for a temporary add-on): the area for what a person sets (settings, site rules,
 * sites that open in the reader).
 */
async function withSyncedArea(fn) {
  const api = globalThis.browser ?? globalThis.chrome;
  if (api.storage.sync) {
    try {
      return await fn(api.storage.sync);
    } catch {
      // sync unavailable: use local
    }
  }
  return fn(api.storage.local);
}

globalThis.lecternProtocol = Object.freeze({
  withSyncedArea,

  /** The reader page → the background (runtime.sendMessage). */
  ReaderToBackground: Object.freeze({
    /** Answered with { url, title, article } (article: { ok, result, ms } or { ok: false, error }, or null). */
    GET_ARTICLE: 'lectern:get-article',
    /** Answered with the content script's snapshot { html, url, title, selectionHtml }, or null. */
    GET_SNAPSHOT: 'lectern:get-snapshot',
    /** Close the reader in the reader page's tab. */
    CLOSE: 'lectern:close',
    /**
     * { host }: open the options page beside the tab, where the person allows `host` to open in
     * the reader (Firefox gives an extension frame inside a page no permissions API to ask with).
     */
    CONFIRM_AUTO_OPEN: 'lectern:confirm-auto-open',
  }),

  /** The background → the content script in the tab's top frame (tabs.sendMessage). */
  BackgroundToContent: Object.freeze({
    /** Answered with the snapshot taken when the reader opened, or null when it is closed. */
    SNAPSHOT: 'lectern:snapshot',
    CLOSE: 'lectern:close',
  }),

  /**
   * The reader page → the content script, straight through the frame (window.postMessage,
   * checked for the extension's origin), so Close works while the background is busy.
   */
  ReaderToContent: Object.freeze({
    CLOSE: 'lectern:close',
    /** The reader shows its first view (the article, or why not): Firefox hides the page now. */
    SHOWN: 'lectern:shown',
  }),

  /** Chromium's engine keeper (engine-keeper.js) and the background. */
  EngineKeeper: Object.freeze({
    /** Background → keeper: an open just used the engine; the idle spell starts again. */
    USED: 'lectern:keeper-used',
    /** Keeper → background: idle for Limits.ENGINE_KEEPER_IDLE_MS; close me (memory back). */
    IDLE: 'lectern:keeper-idle',
  }),

  /** The auto-open content script → the background: this page's site opens in the reader. */
  AutoOpenToBackground: Object.freeze({
    OPEN: 'lectern:auto-open',
  }),

  /** Keys in extension storage. */
  StorageKeys: Object.freeze({
    /** storage.sync (storage.local where sync is unavailable): the reader's settings. */
    READER_SETTINGS: 'settings',
    /** storage.local: reading positions, { url: { at: fraction read, time } }, the last 200 pages. */
    READING_POSITIONS: 'readingPositions',
    /**
     * storage.sync (storage.local where sync is unavailable): a site's rules, one item per
     * site under this prefix and its host (shared/site-rules.js, docs/site-rules.md).
     */
    SITE_RULES_PREFIX: 'siteRules:',
    /**
     * storage.sync (storage.local where sync is unavailable): the sites whose pages open in the
     * reader by themselves ("Always open reader on <site>"), a list of hosts.
     */
    AUTO_OPEN_SITES: 'autoOpenSites',
    /** storage.local: whether the optional "readable page" toolbar icon is on. */
    READERABLE_ICON: 'readerableIcon',
  }),

  /**
   * The host permissions "Always open reader on <host>" asks for: that host's pages, by either
   * scheme (match patterns take no port). Null for what is not a plain host name.
   */
  autoOpenOrigins: (host) => (typeof host === 'string' && /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/i.test(host)
    ? { origins: [`http://${host}/*`, `https://${host}/*`] }
    : null),

  /** The host permissions the optional "readable page" icon asks for when switched on. */
  READERABLE_ORIGINS: Object.freeze({ origins: Object.freeze(['http://*/*', 'https://*/*']) }),

  Limits: Object.freeze({
    /**
     * Pages up to this many characters are extracted by the background's engine. Larger ones
     * go to a fresh engine in the reader page's own Worker instead, which shows the page's size
     * and progress: a 3 MB page keeps a warm engine busy for a few hundred milliseconds at
     * most, while a 30 MB one would hold up the background (and with it the reader's Close)
     * for seconds.
     */
    BACKGROUND_MAX_CHARS: 3 * 1024 * 1024,
    /** The readable-page icon looks at most this many characters of a page's HTML. */
    READERABLE_MAX_CHARS: 3 * 1024 * 1024,
    /**
     * Chromium's engine keeper closes after this long without an open, giving back the ~30 MB
     * its process holds (docs/benchmarks.md): someone reading opens the reader every few
     * minutes and finds it fast; a browser left alone keeps nothing for it.
     */
    ENGINE_KEEPER_IDLE_MS: 30 * 60 * 1000,
    /**
     * How long after answering an open the background tells the keeper it was used (or starts
     * it again after a restart): later than the reader's first view, whose start and render it
     * slowed on two cores (a message to every extension frame; after a restart, a document,
     * a worker and the wasm compiled again).
     */
    ENGINE_KEEPER_NOTICE_AFTER_MS: 1000,
  }),
});
