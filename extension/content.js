// Injected on demand (toolbar button or shortcut) into the page's top frame, in the extension's
// isolated world. It toggles the reader: cover the viewport with the reader page (an extension
// page in an iframe), hide the page underneath and snapshot it; on close, remove the reader,
// show the page and give back focus and scroll position. The page's own DOM is not touched
// except for the one host element, and its adopted style sheets for one of ours (hidePage),
// both removed again on close. Injecting it again only toggles.
// The script's value (what scripting.executeScript hands the background) is the outcome:
// { opened: true, snapshot } or { opened: false }, so the background can start extracting
// while the reader page is still loading. The background injects shared/protocol.js just
// before it (globalThis.lecternProtocol: the message types).
(() => {
  const STATE = Symbol.for('lectern.content');
  try {
    if (globalThis[STATE]) return globalThis[STATE].toggle();
  } catch {
    return { opened: false };
  }

  const api = globalThis.browser ?? globalThis.chrome;
  const { BackgroundToContent, ReaderToContent } = globalThis.lecternProtocol;
  // The reader page's address: with `use_dynamic_url` (manifest), Chromium gives it a
  // per-session address here, so a page cannot load it by the extension's fixed one.
  const READER_URL = api.runtime.getURL('reader.html');
  // The origin the reader page's document has all the same: the extension's own. Its close
  // request comes straight to this window too (see onReaderMessage), and nothing else can send a
  // message from that origin; and the clipboard permission is delegated to it by name (the
  // default, the frame's src origin, is the per-session one, which Chromium does not match).
  const READER_ORIGIN = api.runtime.getURL('').replace(/\/$/, '');
  let session = null;
  // Firefox runs the reader's frame on the page's own thread (Chromium in the extension's
  // process), so hiding the page and making the reader modal, which restyle the whole page,
  // held the reader's start up there (by ~170 ms on a 1 MB page): Firefox does both once the
  // reader says it shows its first view (ReaderToContent.SHOWN), or after SETTLE_AFTER_MS.
  // Chromium does them at once, as before: there a dialog made modal after its frame had
  // loaded left the frame unable to scroll (Chromium 156).
  const SETTLE_WHEN_SHOWN = api.runtime.getURL('').startsWith('moz-extension:');
  const SETTLE_AFTER_MS = 1500;
  // Script and style texts shorter than this stay in the snapshot (see withoutCode).
  const MIN_LEFT_OUT_CHARS = 200;

  /**
   * What serialising needs from the page: its open shadow roots (to be included where the
   * browser can serialise them) and the texts of its scripts and style sheets that the snapshot
   * leaves out (see withoutCode), both in document order. Found by the browser's own walks (a
   * TreeWalker, a selector query): on the 1 MB bench page (~14,000 elements) these take ~1 ms
   * where a script loop over querySelectorAll('*') took 3-6.
   */
  function survey() {
    const shadowRoots = [];
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.currentNode; el; el = walker.nextNode()) {
      if (el.shadowRoot) shadowRoots.push(el.shadowRoot);
    }
    const code = [];
    for (const el of document.querySelectorAll('script, style')) {
      if (el.localName === 'script' && (el.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') continue;
      const text = el.textContent;
      if (text.length >= MIN_LEFT_OUT_CHARS) code.push(text);
    }
    return { shadowRoots, code };
  }

  /**
   * The page as HTML for the engine, without our own host element (`leave`, already in the
   * page so that the reader page loads meanwhile) and without the text of scripts and style
   * sheets.
   */
  function serialiseDocument(leave) {
    const root = document.documentElement;
    if (!root) return '';
    const { shadowRoots, code } = survey();
    const own = leave?.outerHTML ?? '';
    const without = (html) => {
      const at = own ? html.lastIndexOf(own) : -1;
      return withoutCode(at < 0 ? html : html.slice(0, at) + html.slice(at + own.length), code);
    };
    if (typeof root.getHTML === 'function') {
      try {
        const inner = without(root.getHTML({ serializableShadowRoots: true, shadowRoots }));
        const attrs = [...root.attributes]
          .map((a) => ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
          .join('');
        return `<!DOCTYPE html><html${attrs}>${inner}</html>`;
      } catch {
        // fall back to outerHTML
      }
    }
    return without(root.outerHTML);
  }

  /**
   * `html` without the texts in `code` (the page's scripts and style sheets, in document order),
   * which the engine leaves out anyway (it keeps the text of JSON-LD scripts only, for
   * metadata): over the corpora's pages that is 37% of the bytes, each copied twice more on its
   * way to the engine. Each text is found in order in the serialisation (raw, between its
   * tags); short ones are not worth the search, and any not found as expected stays.
   */
  function withoutCode(html, code) {
    let out = '';
    let from = 0;
    for (const text of code) {
      const at = html.indexOf(text, from);
      if (at < 0) continue;
      const end = at + text.length;
      if (html[at - 1] !== '>' || !html.startsWith('</', end)) continue;
      out += html.slice(from, at);
      from = end;
    }
    return from ? out + html.slice(from) : html;
  }

  function selectionHtml() {
    try {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
      const box = document.createElement('div');
      for (let i = 0; i < selection.rangeCount; i++) box.append(selection.getRangeAt(i).cloneContents());
      const html = box.innerHTML.trim();
      return html || null;
    } catch {
      return null;
    }
  }

  // While the reader covers the page, the page is not rendered: its body gets
  // `content-visibility: hidden` from a style sheet of ours (document.adoptedStyleSheets: no
  // change to the page's DOM; taken away again on close). Chromium then skips the body's
  // descendants when showModal() makes the page inert: a restyle of every element, which held
  // the reader frame's first frame back (~70 ms on a 1 MB page, ~5 ms with this). The document
  // keeps its scrollable size (`extent`, measured before the reader was added; no scroll
  // anchoring meanwhile), so the page's scroll position does not move underneath. Where this
  // cannot be done (no constructable style sheets in this content script), the page just
  // stays rendered. Returns what shows the page again.
  function hidePage(extent) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`:root { overflow-anchor: none !important; min-width: ${extent.width}px !important; ` +
        `min-height: ${extent.height}px !important; } body { content-visibility: hidden !important; }`);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      return () => {
        try {
          document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch { /* ignore */ }
      };
    } catch {
      return () => {};
    }
  }

  function onPageKeydown(event) {
    if (event.key === 'Escape' && session) {
      event.stopImmediatePropagation();
      event.preventDefault();
      close();
    }
  }

  // Escape or "Close reader" in the reader page: it posts to this window as well as asking the
  // background, so the reader closes at once even while the background is busy extracting or
  // has to be started again after idling. A page script cannot send from the reader's origin;
  // one that swallows the message leaves the background's way.
  function onReaderMessage(event) {
    if (!session || event.origin !== READER_ORIGIN) return;
    if (event.data?.type === ReaderToContent.CLOSE) close();
    else if (event.data?.type === ReaderToContent.SHOWN) session.settle?.(true);
  }

  function open() {
    // What is read from the page's rendering is read first, while its layout is still clean
    // (the selection or the scroll position read after a change would make the browser restyle
    // it); its HTML once the reader page has started loading, which it need not wait for.
    const reading = {
      url: location.href,
      title: document.title || null,
      selectionHtml: selectionHtml(),
    };
    const host = document.createElement('lectern-reader');
    host.setAttribute('style', [
      'all: initial', 'position: fixed', 'inset: 0', 'width: 100vw', 'height: 100vh',
      'z-index: 2147483647', 'display: block', 'margin: 0', 'padding: 0', 'border: 0',
    ].map((d) => `${d} !important`).join(';'));
    const shadow = host.attachShadow({ mode: 'closed' });
    const label = api.i18n.getMessage('readerDocumentTitle') || 'Reader view';
    // A modal <dialog>: it sits in the browser's top layer, above anything the page stacks
    // over its own content, and makes the page underneath inert (out of reach of the keyboard
    // and of assistive technology) without touching any of the page's own elements.
    const dialog = document.createElement('dialog');
    dialog.setAttribute('aria-label', label);
    const fill = {
      display: 'block', position: 'fixed', inset: '0', width: '100%', height: '100%',
      'max-width': 'none', 'max-height': 'none', margin: '0', padding: '0', border: '0',
      background: 'transparent', overflow: 'hidden',
    };
    for (const [property, value] of Object.entries(fill)) dialog.style.setProperty(property, value, 'important');
    // Escape while focus is on the page's side of the frame: close our way (focus, scroll).
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close();
    });
    dialog.addEventListener('close', () => { if (session?.host === host) close(); });
    const frame = document.createElement('iframe');
    frame.src = READER_URL;
    frame.allow = `clipboard-write ${READER_ORIGIN}`;
    frame.title = label;
    frame.setAttribute('style', 'display:block;width:100%;height:100%;border:0;margin:0;padding:0;background:transparent;color-scheme:normal');
    let frameLoaded = false;
    frame.addEventListener('load', () => {
      frameLoaded = true;
      try { frame.focus(); } catch { /* ignore */ }
    }, { once: true });
    // Where showModal() puts focus (the dialog's first focusable element), until the frame has
    // loaded and takes it: in this document, which hears an early Escape, rather than in the
    // frame, whose page may not be there yet.
    const holder = document.createElement('div');
    holder.tabIndex = -1;
    holder.autofocus = true;
    holder.setAttribute('aria-label', label);
    holder.setAttribute('style', 'position:absolute;width:1px;height:1px;overflow:hidden;outline:none');
    dialog.append(holder, frame);
    shadow.append(dialog);

    const scroller = document.scrollingElement ?? document.documentElement;
    const extent = { width: scroller?.scrollWidth ?? 0, height: scroller?.scrollHeight ?? 0 };
    const snapshot = { html: '', ...reading };
    session = {
      host,
      snapshot,
      scrollX: window.scrollX,
      scrollY: window.scrollY,
      focused: document.activeElement,
      showPage: null,
      settled: false,
      settle: null,
    };
    window.addEventListener('keydown', onPageKeydown, true);
    window.addEventListener('message', onReaderMessage, true);
    // The frame starts loading the reader page as soon as it is in the document.
    (document.documentElement ?? document.body).append(host);
    // Focus leaves the page before the page is hidden: blurring an element already hidden
    // would have the browser bring it up to date first.
    try { holder.focus({ preventScroll: true }); } catch { /* ignore */ }
    if (!SETTLE_WHEN_SHOWN) session.showPage = hidePage(extent);
    try {
      snapshot.html = serialiseDocument(host);
    } catch (error) {
      close();
      throw error;
    }
    // Made modal just after this script has handed the snapshot back: making the page inert
    // restyles it (a few ms with its body hidden; the whole page's elements otherwise), which
    // the snapshot need not wait for; in Firefox once the reader shows its first view (see
    // SETTLE_WHEN_SHOWN). The dialog is already shown meanwhile (its inline display), just not
    // modal yet.
    const settle = (readerShown = false) => {
      if (session?.host !== host || session.settled) return;
      session.settled = true;
      clearTimeout(settleTimer);
      session.showPage ??= hidePage(extent);
      // showModal() focuses the dialog's autofocus element: the reader's frame once the reader
      // has shown itself (a frame that has focus keeps it, and its own focus inside).
      if (readerShown) {
        holder.autofocus = false;
        frame.autofocus = true;
      }
      try {
        dialog.showModal();
      } catch {
        // still shown over the page (the host covers it), just not modal
      }
      if (frameLoaded && !readerShown) {
        try { frame.focus(); } catch { /* ignore */ }
      }
    };
    const settleTimer = setTimeout(() => settle(), SETTLE_WHEN_SHOWN ? SETTLE_AFTER_MS : 0);
    if (SETTLE_WHEN_SHOWN) session.settle = settle;
    return snapshot;
  }

  function close() {
    if (!session) return;
    const { host, scrollX, scrollY, focused, showPage } = session;
    session = null;
    showPage?.();
    window.removeEventListener('keydown', onPageKeydown, true);
    window.removeEventListener('message', onReaderMessage, true);
    try { host.remove(); } catch { /* ignore */ }
    try {
      // The page's style brought up to date (its body shown again) before anything in it is
      // focused: focusing into a subtree still hidden would make the browser force it.
      if (document.body) void getComputedStyle(document.body).contentVisibility;
      if (focused && focused !== document.body && focused.isConnected && typeof focused.focus === 'function') {
        focused.focus({ preventScroll: true });
      } else {
        window.focus();
      }
    } catch { /* ignore */ }
    if (window.scrollX !== scrollX || window.scrollY !== scrollY) window.scrollTo(scrollX, scrollY);
  }

  function toggle() {
    try {
      if (session) {
        close();
        return { opened: false };
      }
      return { opened: true, snapshot: open() };
    } catch (error) {
      console.warn('Lectern could not open the reader:', error);
      session = null;
      return { opened: false };
    }
  }

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== api.runtime.id || !message) return false;
    if (message.type === BackgroundToContent.SNAPSHOT) {
      sendResponse(session ? session.snapshot : null);
    } else if (message.type === BackgroundToContent.CLOSE) {
      close();
      sendResponse(true);
    }
    return false;
  });

  globalThis[STATE] = { toggle };
  return toggle();
})();
