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

globalThis.lecternProtocol = Object.freeze({
  /** The reader page → the background (runtime.sendMessage). */
  ReaderToBackground: Object.freeze({
    /** Answered with { url, title, article } (article: { ok, result, ms } or { ok: false, error }, or null). */
    GET_ARTICLE: 'lectern:get-article',
    /** Answered with the content script's snapshot { html, url, title, selectionHtml }, or null. */
    GET_SNAPSHOT: 'lectern:get-snapshot',
    /** Close the reader in the reader page's tab. */
    CLOSE: 'lectern:close',
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
    /** storage.local: whether the optional "readable page" toolbar icon is on. */
    READERABLE_ICON: 'readerableIcon',
  }),

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
  }),
});
