// Registered by the background (shared/auto-open.js) for the sites a person chose "Always
// open reader on <site>" for, run in the top frame once the page has loaded: it asks the
// background to open the reader, once per document. (shared/protocol.js runs just before it.)
(() => {
  const DONE = Symbol.for('lectern.autoOpen');
  if (globalThis[DONE] || window !== window.top) return;
  globalThis[DONE] = true;
  const api = globalThis.browser ?? globalThis.chrome;
  Promise.resolve(api.runtime.sendMessage({ type: globalThis.lecternProtocol.AutoOpenToBackground.OPEN })).catch(() => {});
})();
