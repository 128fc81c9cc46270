// The shared reader renderer. The extension's reader page and the demo site both use it, each
// through a small platform adapter:
//   adapter.t(key, ...substitutions) -> string        (strings from _locales)
//   adapter.loadSettings() -> Promise<object|null>
//   adapter.saveSettings(settings) -> Promise<void>
//   adapter.onSettingsChanged?(callback)              (settings changed elsewhere)
//   adapter.locale?                                   (for dates; default: the browser's)
//   adapter.linkTarget?                               ('_top' in the extension, '_blank' in the demo)
//
// One module, sections below (settings, formatting, putting the article in, the reader): the
// extension's reader page loads it on the way to the article, and every module is one more file
// the browser reads and checks its code cache for (~2 ms of the browser's CPU each on the bench
// machine, with two cores shared by the page, the reader and the engine).

// ---------------------------------------------------------------------------------------------
// Settings: the defaults, the allowed values, and how they apply to the reader's root.
// Persisting is the platform adapter's job (extension storage or localStorage).

const CHOICES = Object.freeze({
  theme: ['light', 'sepia', 'dark', 'auto'],
  font: ['serif', 'sans', 'mono'],
  width: ['narrow', 'medium', 'wide'],
  spacing: ['tight', 'normal', 'loose'],
});

const TEXT_SIZES = Object.freeze([14, 16, 18, 20, 22, 24, 28, 32]);

const DEFAULTS = Object.freeze({
  theme: 'auto',
  font: 'serif',
  size: 20,
  width: 'medium',
  spacing: 'normal',
});

/** Returns a complete, valid settings object from whatever storage gave us. */
function normalise(raw) {
  const out = { ...DEFAULTS };
  if (!raw || typeof raw !== 'object') return out;
  for (const [key, allowed] of Object.entries(CHOICES)) {
    if (allowed.includes(raw[key])) out[key] = raw[key];
  }
  if (TEXT_SIZES.includes(raw.size)) out.size = raw.size;
  return out;
}

function stepSize(size, direction) {
  const i = TEXT_SIZES.indexOf(size);
  const next = Math.min(TEXT_SIZES.length - 1, Math.max(0, (i < 0 ? 3 : i) + direction));
  return TEXT_SIZES[next];
}

function applySettings(root, settings) {
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  root.dataset.width = settings.width;
  root.dataset.spacing = settings.spacing;
  root.style.setProperty('--lectern-font-size', `${settings.size}px`);
}

// ---------------------------------------------------------------------------------------------
// Formatting for the reader's header (formatDate: the demo's too).

export function formatDate(iso, locale) {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(locale || undefined, { dateStyle: 'long' }).format(date);
  } catch {
    return date.toDateString();
  }
}

function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

function hostOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function isWebUrl(url) {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Putting the article in: the engine's (already sanitised) article HTML goes into an element
// through a second line of defence. Prefers the HTML Sanitizer API (Element.setHTML with a configured Sanitizer: the
// built-in default drops images, media and classes the reader needs, while any configuration
// stays "safe", so scripts, event handlers and javascript: URLs are always removed). Without
// it, parses into an inert document and strips anything executable before adopting the nodes.

const ALLOWED_ELEMENTS = ['img', 'picture', 'source', 'video', 'audio', 'track', 'details', 'summary'];
const ALLOWED_ATTRIBUTES = ['class', 'id', 'src', 'srcset', 'sizes', 'alt', 'width', 'height', 'poster', 'controls', 'loading', 'open'];
const EXECUTABLE = 'script, iframe, object, embed, frame, frameset, base, meta, link, noscript, template, style';
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'cite']);

let sanitizer;
function articleSanitizer() {
  if (sanitizer !== undefined) return sanitizer;
  sanitizer = null;
  try {
    if (typeof globalThis.Sanitizer === 'function') {
      const s = new globalThis.Sanitizer();
      for (const el of ALLOWED_ELEMENTS) s.allowElement(el);
      for (const attr of ALLOWED_ATTRIBUTES) s.allowAttribute(attr);
      sanitizer = s;
    }
  } catch {
    sanitizer = null;
  }
  return sanitizer;
}

function insertArticleHtml(target, html) {
  target.replaceChildren();
  const configured = typeof target.setHTML === 'function' ? articleSanitizer() : null;
  if (configured) {
    try {
      target.setHTML(html, { sanitizer: configured });
      return target;
    } catch {
      target.replaceChildren(); // fall through to the inert-document route
    }
  }
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  for (const el of doc.body.querySelectorAll(EXECUTABLE)) el.remove();
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' ||
          (URL_ATTRIBUTES.has(name) && /(^|,)(javascript|vbscript|data:text\/html)/.test(value))) {
        el.removeAttribute(attr.name);
      }
    }
  }
  target.append(...[...doc.body.childNodes].map((n) => target.ownerDocument.adoptNode(n)));
  return target;
}

// ---------------------------------------------------------------------------------------------
// The reader.

const LABELS = {
  theme: ['theme', { light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark', auto: 'themeAuto' }],
  font: ['font', { serif: 'fontSerif', sans: 'fontSans', mono: 'fontMono' }],
  width: ['lineWidth', { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' }],
  spacing: ['lineSpacing', { tight: 'spacingTight', normal: 'spacingNormal', loose: 'spacingLoose' }],
};

let instances = 0;

function h(doc, tag, attrs = {}, ...children) {
  const el = doc.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  el.append(...children.filter((c) => c != null));
  return el;
}

export function createReader(container, adapter, { onClose } = {}) {
  const doc = container.ownerDocument;
  const t = (key, ...subs) => adapter.t(key, ...subs) || key;
  const uid = `lectern-${++instances}`;
  const el = (...args) => h(doc, ...args);

  let settings = { ...DEFAULTS };
  let article = null;

  // ---- toolbar -------------------------------------------------------------------------------
  const status = el('p', { class: 'lectern-status', role: 'status', 'aria-live': 'polite' });
  const settingsButton = el('button', {
    type: 'button', class: 'lectern-button', 'aria-expanded': 'false', 'aria-controls': `${uid}-settings`,
    text: t('readerControls'),
  });
  const copyButton = el('button', { type: 'button', class: 'lectern-button', text: t('copyMarkdown'), disabled: true });
  const printButton = el('button', { type: 'button', class: 'lectern-button', text: t('print'), disabled: true });
  const closeButton = onClose
    ? el('button', { type: 'button', class: 'lectern-button lectern-close', text: t('closeReader') })
    : null;

  const radios = {};
  function choiceGroup(name) {
    const [legendKey, optionKeys] = LABELS[name];
    radios[name] = {};
    const group = el('fieldset', { class: `lectern-choices lectern-choices-${name}` },
      el('legend', { text: t(legendKey) }));
    for (const value of CHOICES[name]) {
      const input = el('input', { type: 'radio', name: `${uid}-${name}`, value });
      input.addEventListener('change', () => input.checked && update({ [name]: value }));
      radios[name][value] = input;
      group.append(el('label', { class: `lectern-choice lectern-choice-${value}` }, input,
        el('span', { text: t(optionKeys[value]) })));
    }
    return group;
  }
  const smaller = el('button', { type: 'button', class: 'lectern-button', text: t('textSmaller') });
  const larger = el('button', { type: 'button', class: 'lectern-button', text: t('textLarger') });
  smaller.addEventListener('click', () => update({ size: stepSize(settings.size, -1) }));
  larger.addEventListener('click', () => update({ size: stepSize(settings.size, +1) }));
  const sizeGroup = el('fieldset', { class: 'lectern-choices lectern-size' },
    el('legend', { text: t('textSize') }), smaller, larger);

  const panel = el('div', { class: 'lectern-settings', id: `${uid}-settings`, hidden: true },
    choiceGroup('theme'), choiceGroup('font'), sizeGroup, choiceGroup('width'), choiceGroup('spacing'));
  settingsButton.addEventListener('click', () => {
    const open = settingsButton.getAttribute('aria-expanded') !== 'true';
    settingsButton.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
  });

  const toolbar = el('div', { class: 'lectern-toolbar', role: 'toolbar', 'aria-label': t('readerControls') },
    closeButton, el('span', { class: 'lectern-spacer' }), copyButton, printButton, settingsButton);

  // ---- content area ----------------------------------------------------------------------------
  const main = el('main', { class: 'lectern-main', tabindex: '-1' });
  const root = el('div', { class: 'lectern-app' }, el('div', { class: 'lectern-bar' }, toolbar, panel), status, main);
  container.replaceChildren(root);
  applySettings(root, settings);

  function reflectSettings() {
    applySettings(root, settings);
    for (const [name, inputs] of Object.entries(radios)) {
      for (const [value, input] of Object.entries(inputs)) input.checked = settings[name] === value;
    }
    smaller.disabled = settings.size === stepSize(settings.size, -1);
    larger.disabled = settings.size === stepSize(settings.size, +1);
  }

  // Our own writes come back as change events, possibly after newer clicks: skip those echoes,
  // apply only changes made elsewhere (another tab's reader).
  const echoes = [];
  function update(change) {
    settings = normalise({ ...settings, ...change });
    reflectSettings();
    echoes.push(JSON.stringify(settings));
    if (echoes.length > 50) echoes.shift();
    Promise.resolve(adapter.saveSettings(settings)).catch(() => {});
  }

  const ready = Promise.resolve()
    .then(() => adapter.loadSettings())
    .catch(() => null)
    .then((stored) => {
      settings = normalise(stored);
      reflectSettings();
    });
  reflectSettings();
  adapter.onSettingsChanged?.((next) => {
    const incoming = normalise(next);
    const echo = echoes.indexOf(JSON.stringify(incoming));
    if (echo >= 0) {
      echoes.splice(0, echo + 1);
      return;
    }
    settings = incoming;
    reflectSettings();
  });

  copyButton.addEventListener('click', async () => {
    if (!article) return;
    const markdown = `# ${article.title ?? ''}\n\n${article.markdown ?? ''}`;
    try {
      await navigator.clipboard.writeText(markdown);
      say(t('copied'));
    } catch {
      say(t('copyFailed'));
    }
  });
  printButton.addEventListener('click', () => doc.defaultView.print());
  closeButton?.addEventListener('click', () => onClose());

  let statusTimer = 0;
  function say(message) {
    status.textContent = message;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => { status.textContent = ''; }, 4000);
  }

  function setArticleActions(enabled) {
    copyButton.disabled = !enabled;
    printButton.disabled = !enabled;
  }

  function showPanel(...children) {
    article = null;
    setArticleActions(false);
    main.removeAttribute('aria-busy');
    main.replaceChildren(el('div', { class: 'lectern-message' }, ...children));
  }

  return {
    root,
    ready,
    get settings() { return { ...settings }; },

    /** A calm loading state; with a byte count, says the page is large and shows progress. */
    showLoading(bytes = 0) {
      showPanel(
        el('p', { text: bytes > 512 * 1024 ? t('loadingLarge', formatBytes(bytes)) : t('loading') }),
        el('progress', { class: 'lectern-progress', 'aria-label': t('loading') }),
      );
      main.setAttribute('aria-busy', 'true');
    },

    /** Renders an engine result. `url` is the original page's address. */
    render(result, { url = null, title = null } = {}) {
      article = { ...result, title: result.title || title || hostOf(url) || '' };
      const site = result.siteName || hostOf(url);
      const date = formatDate(result.publishedTime, adapter.locale);
      const meta = el('p', { class: 'lectern-meta' });
      const parts = [];
      if (result.byline) parts.push(el('span', { class: 'lectern-byline', text: t('byline', result.byline) }));
      if (date) parts.push(el('time', { datetime: result.publishedTime, text: date }));
      if (result.readingTimeMinutes) {
        parts.push(el('span', { class: 'lectern-reading-time', text: t('readingTime', String(result.readingTimeMinutes)) }));
      }
      parts.forEach((part, i) => { if (i) meta.append(' · '); meta.append(part); });

      const header = el('header', { class: 'lectern-header', dir: result.dir || null, lang: result.lang || null },
        site ? el('p', { class: 'lectern-site', text: site }) : null,
        el('h1', { class: 'lectern-title lectern-print', text: article.title }),
        parts.length ? meta : null,
        isWebUrl(url)
          ? el('p', { class: 'lectern-original' }, el('a', { href: url, target: adapter.linkTarget || '_top', rel: 'noopener noreferrer', text: t('viewOriginal') }))
          : null);

      const body = el('article', { class: 'lectern-article lectern-print', dir: result.dir || null, lang: result.lang || null });
      insertArticleHtml(body, result.content || '');
      decorate(body);
      main.removeAttribute('aria-busy');
      main.replaceChildren(header, body);
      setArticleActions(true);
      return body;
    },

    showNoArticle({ onUseSelection } = {}) {
      const children = [
        el('h1', { class: 'lectern-title', text: t('noArticleTitle') }),
        el('p', { text: t('noArticleBody') }),
      ];
      if (onUseSelection) {
        const button = el('button', { type: 'button', class: 'lectern-button lectern-primary', text: t('useSelection') });
        button.addEventListener('click', () => onUseSelection());
        children.push(el('p', {}, button));
      }
      showPanel(...children);
    },

    showNoSelection() {
      say(t('noSelection'));
    },

    showError(detail) {
      showPanel(
        el('h1', { class: 'lectern-title', text: t('errorTitle') }),
        el('p', { text: t('errorBody', String(detail ?? '')) }),
      );
    },

    focus() {
      main.focus({ preventScroll: true });
    },
  };

  function decorate(body) {
    for (const a of body.querySelectorAll('a[href]')) {
      if (a.getAttribute('href').startsWith('#')) continue;
      a.target = adapter.linkTarget || '_top';
      a.rel = 'noopener noreferrer';
    }
    for (const table of body.querySelectorAll('table')) {
      if (table.parentElement?.classList.contains('lectern-scroll')) continue;
      const wrap = el('div', { class: 'lectern-scroll', tabindex: '0' });
      table.replaceWith(wrap);
      wrap.append(table);
    }
    for (const pre of body.querySelectorAll('pre')) pre.tabIndex = 0;
    for (const img of body.querySelectorAll('img')) {
      img.loading = 'lazy';
      img.decoding = 'async';
    }
  }
}
