// The shared reader renderer. The extension's reader page and the demo site both use it, each
// through a small platform adapter:
//   adapter.t(key, ...substitutions) -> string        (strings from _locales)
//   adapter.loadSettings() -> Promise<object|null>
//   adapter.saveSettings(settings) -> Promise<void>
//   adapter.onSettingsChanged?(callback)              (settings changed elsewhere)
//   adapter.locale?                                   (for dates; default: the browser's)
//   adapter.linkTarget?                               ('_top' in the extension, '_blank' in the demo)
//
// One module, sections below (the controls and the settings model, formatting, putting the
// article in, the controls as DOM, the reader and its render step): the
// extension's reader page loads it on the way to the article, and every module is one more file
// the browser reads and checks its code cache for (~2 ms of the browser's CPU each on the bench
// machine, with two cores shared by the page, the reader and the engine).

// ---------------------------------------------------------------------------------------------
// The reader's controls: one declarative list. Each entry is a setting and the control that
// changes it, in the order the settings panel shows them; the settings model (defaults,
// validation, how a value applies to the reader's root) and the panel are derived from it. A new
// control is one entry here plus its CSS (reader.css, keyed on the root's data-* attribute or
// custom property). Kinds:
//   choice: one of `options` (value -> string key of its label), as radio buttons; applied as
//           the root's data-<name> attribute.
//   steps:  one of the numbers `steps`, with a smaller and a larger button; applied as the
//           root's custom property `property` (in `unit`).
// `label` is the string key of the group's legend. Persisting is the platform adapter's job
// (extension storage or localStorage).

const CONTROLS = Object.freeze([
  {
    name: 'theme', kind: 'choice', label: 'theme', initial: 'auto',
    options: { light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark', auto: 'themeAuto' },
  },
  {
    name: 'font', kind: 'choice', label: 'font', initial: 'serif',
    options: { serif: 'fontSerif', sans: 'fontSans', mono: 'fontMono' },
  },
  {
    name: 'size', kind: 'steps', label: 'textSize', initial: 20,
    steps: [14, 16, 18, 20, 22, 24, 28, 32], property: '--lectern-font-size', unit: 'px',
    smaller: 'textSmaller', larger: 'textLarger',
  },
  {
    name: 'width', kind: 'choice', label: 'lineWidth', initial: 'medium',
    options: { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' },
  },
  {
    name: 'spacing', kind: 'choice', label: 'lineSpacing', initial: 'normal',
    options: { tight: 'spacingTight', normal: 'spacingNormal', loose: 'spacingLoose' },
  },
  // Images from the page's servers: loaded with the article, or each only when asked for (until
  // then a placeholder with its description), so those servers need not learn the page was read.
  {
    name: 'images', kind: 'choice', label: 'loadImages', initial: 'always',
    options: { always: 'loadImagesAlways', onRequest: 'loadImagesOnRequest' },
  },
].map((control) => Object.freeze(control)));

// ---- the settings model ------------------------------------------------------------------------

const DEFAULTS = Object.freeze(Object.fromEntries(CONTROLS.map((c) => [c.name, c.initial])));

/** Whether `value` is one a control allows. */
function allowed(control, value) {
  return control.kind === 'steps' ? control.steps.includes(value) : Object.hasOwn(control.options, value);
}

/** Returns a complete, valid settings object from whatever storage gave us. */
function normalise(raw) {
  const out = { ...DEFAULTS };
  if (!raw || typeof raw !== 'object') return out;
  for (const control of CONTROLS) {
    if (allowed(control, raw[control.name])) out[control.name] = raw[control.name];
  }
  return out;
}

/** The step next to `value` in `direction` (-1, +1); the same value at either end. */
function step(control, value, direction) {
  const { steps } = control;
  const i = steps.indexOf(value);
  const from = i < 0 ? steps.indexOf(control.initial) : i;
  return steps[Math.min(steps.length - 1, Math.max(0, from + direction))];
}

function applySettings(root, settings) {
  for (const control of CONTROLS) {
    if (control.kind === 'choice') root.dataset[control.name] = settings[control.name];
  }
  for (const control of CONTROLS) {
    if (control.kind === 'steps') root.style.setProperty(control.property, `${settings[control.name]}${control.unit}`);
  }
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

// The title as the text of a Markdown heading: on one line, and every character Markdown could
// read as markup (raw HTML, links, images, emphasis, code, character references) backslash-
// escaped, as the engine escapes the article's text (docs/security.md, "The Markdown output").
export function markdownHeadingText(title) {
  return String(title ?? '').replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>|!&#~]/g, '\\$&');
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
// through a second line of defence, built in an inert document (one without a browsing
// context: nothing in it loads or runs) and moved into the reader only once checked, so that
// the "Load images: On request" setting can take the images out before any of them loads.
// Prefers the HTML Sanitizer API (Element.setHTML with a configured Sanitizer: the built-in
// default drops images and classes the reader needs, while any configuration stays "safe", so
// scripts, event handlers and javascript: URLs are always removed). Without it, parses the HTML
// in the inert document and keeps only what the engine's own sanitiser keeps (the allowlist
// below, a copy of src/sanitise/allowlist.rs and values.rs): elements, attributes, URL schemes.

const ALLOWED_ELEMENTS = ['img', 'picture', 'source'];
const ALLOWED_ATTRIBUTES = ['class', 'id', 'src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'];

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

// Attribute value rules: each returns the value to keep, or null to drop the attribute.
const any = (v) => v;
const oneOf = (...values) => (v) => (values.includes(v.trim().toLowerCase()) ? v.trim().toLowerCase() : null);
const number = (percent) => (v) => {
  const t = v.trim();
  const digits = percent && t.endsWith('%') ? t.slice(0, -1) : t;
  return /^[0-9.]{1,9}$/.test(digits) ? t : null;
};
const integer = (v) => (/^-?[0-9]{1,9}$/.test(v.trim()) ? v.trim() : null);

/** The scheme of `url` as a browser reads it ('' for a relative URL), or null when refused. */
function schemeOf(url) {
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (!cleaned || /[\u0000-\u001f\u007f]/.test(cleaned)) return null;
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1].toLowerCase() ?? '';
}
const DATA_IMAGE = /^\s*data:image\/(png|jpeg|jpg|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)[;,]/i;
/**
 * A URL rule: http and https, mailto: for links, raster data: for images, and in-page links
 * (`#article-...`). Relative URLs too are refused: the engine makes them absolute against the
 * page, and here they would point into the reader's own origin.
 */
const url = (kind) => (v) => {
  const scheme = schemeOf(v);
  const ok = scheme === 'http' || scheme === 'https' || (kind === 'link' && (scheme === 'mailto' || (scheme === '' && v.startsWith('#'))))
    || (scheme === 'data' && kind === 'image' && DATA_IMAGE.test(v));
  return ok ? v : null;
};
/** Every candidate of a srcset must be an http or https URL. */
const srcset = (v) => (v.split(/,\s+/).every((candidate) => url('media')(candidate.trim().split(/\s+/)[0] ?? '') !== null) ? v : null);
const CLASS_TOKEN = /^(lectern-video|lectern-post)$/;
const CODE_CLASS_TOKEN = /^(language-|lang-)[a-z0-9\-_+#.]+$/i;
const classes = (code) => (v) => {
  const kept = v.split(/[\t\n\f\r ]+/).filter((t) => CLASS_TOKEN.test(t) || (code && CODE_CLASS_TOKEN.test(t)));
  return kept.length ? kept.join(' ') : null;
};

const GLOBAL_ATTRIBUTES = {
  title: any,
  lang: (v) => (/^[a-z0-9_-]{1,35}$/i.test(v) ? v : null),
  dir: oneOf('ltr', 'rtl', 'auto'),
  id: (v) => (v.startsWith('article-') ? v : null), // the engine prefixes every id it keeps
  class: classes(false),
};
const CELL = { colspan: number(false), rowspan: number(false), headers: any };
const HTML_ELEMENTS = {
  ...Object.fromEntries(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody',
    'tfoot', 'tr', 'caption', 'figure', 'figcaption', 'picture', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup',
    'small', 'mark', 'abbr', 'br', 'hr', 'cite', 'kbd', 'samp', 'var', 'span', 'div', 'section', 'dfn', 'bdi', 'bdo',
    'wbr', 'ruby', 'rt', 'rp'].map((name) => [name, {}])),
  pre: { class: classes(true) },
  code: { class: classes(true) },
  ol: { start: integer, reversed: () => '', type: (v) => (['1', 'a', 'A', 'i', 'I'].includes(v.trim()) ? v.trim() : null) },
  ul: { type: oneOf('disc', 'circle', 'square') },
  li: { value: integer },
  td: CELL,
  th: { ...CELL, scope: oneOf('row', 'col', 'rowgroup', 'colgroup') },
  col: { span: number(false) },
  colgroup: { span: number(false) },
  a: { href: url('link'), rel: (v) => (v === 'noopener noreferrer' ? v : null) },
  img: { src: url('image'), srcset, sizes: any, alt: any, width: number(true), height: number(true) },
  source: { src: url('media'), srcset, sizes: any, media: any, width: number(true), height: number(true),
    type: (v) => (/^[a-z0-9/+\-.;=" ,]*$/i.test(v) ? v : null) },
  time: { datetime: any },
  del: { datetime: any, cite: url('cite') },
  ins: { datetime: any, cite: url('cite') },
  blockquote: { cite: url('cite') },
  q: { cite: url('cite') },
};
// Dropped with their content (the engine's DROPPED_HTML), as is anything neither HTML nor the
// MathML subset (SVG, MathML's annotations); other HTML elements are unwrapped. One exception:
// <noscript> is unwrapped. The engine parses with scripting on, where its content is raw text;
// here it is parsed with scripting off, as elements that the allowlist checks like any other
// (and a browser may leave it open over the rest of the article: Chromium does).
const DROPPED_HTML = new Set(['script', 'template', 'style', 'link', 'iframe', 'frame', 'frameset', 'object',
  'embed', 'applet', 'param', 'portal', 'fencedframe', 'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea',
  'datalist', 'output', 'keygen', 'selectedcontent', 'base', 'meta', 'title', 'head', 'video', 'audio', 'track', 'canvas',
  'map', 'area', 'dialog']);

const MATHML_ELEMENTS = new Set(['math', 'mrow', 'mi', 'mo', 'mn', 'ms', 'mtext', 'mspace', 'msub', 'msup', 'msubsup', 'munder',
  'mover', 'munderover', 'mfrac', 'msqrt', 'mroot', 'mstyle', 'merror', 'mpadded', 'mphantom', 'menclose', 'mtable', 'mtr',
  'mtd', 'mlabeledtr', 'mmultiscripts', 'mprescripts', 'none', 'semantics']);
const MATH_LENGTH_KEYWORDS = new Set(['veryverythinmathspace', 'verythinmathspace', 'thinmathspace', 'mediummathspace',
  'thickmathspace', 'verythickmathspace', 'veryverythickmathspace', 'negativeveryverythinmathspace',
  'negativeverythinmathspace', 'negativethinmathspace', 'negativemediummathspace', 'negativethickmathspace',
  'negativeverythickmathspace', 'negativeveryverythickmathspace', 'thin', 'medium', 'thick', 'infinity']);
/** A MathML length within the engine's bounds (5 em, 80 px, 300 %), or null. */
function mathLength(v) {
  const t = v.trim().toLowerCase();
  if (MATH_LENGTH_KEYWORDS.has(t)) return t;
  const m = /^([+-]?(?:[0-9]{1,6}(?:\.[0-9]{0,6})?|\.[0-9]{1,6}))\s*(em|ex|rem|px|pt|%)?$/.exec(t);
  if (!m) return null;
  const n = Math.abs(Number(m[1]));
  const limit = { px: 80, pt: 60, '%': 300 }[m[2]] ?? 5;
  return n <= limit ? t : null;
}
const MATHML_ATTRIBUTES = {
  ...Object.fromEntries(['display', 'mathvariant', 'displaystyle', 'fence', 'separator', 'stretchy', 'symmetric', 'largeop',
    'movablelimits', 'accent', 'accentunder', 'form', 'notation', 'columnalign', 'rowalign', 'columnspan', 'rowspan',
    'columnlines', 'rowlines', 'frame', 'open', 'close', 'separators', 'dir'].map((name) => [name, any])),
  ...Object.fromEntries(['lspace', 'rspace', 'minsize', 'maxsize', 'width', 'height', 'depth', 'voffset', 'linethickness']
    .map((name) => [name, mathLength])),
  scriptlevel: (v) => (/^[+-]?[0-9]{1,3}$/.test(v.trim()) && Math.abs(Number(v.trim())) <= 4 ? v.trim() : null),
};

/** Keeps only allowed attributes, with allowed values, on `el` (`rules`: name -> value rule). */
function cleanAttributes(el, rules) {
  for (const attr of [...el.attributes]) {
    // Own properties only: a page's `constructor` or `__proto__` attribute is not a rule.
    const rule = attr.namespaceURI === null && Object.hasOwn(rules, attr.localName) ? rules[attr.localName] : undefined;
    const kept = rule ? rule(attr.value) : null;
    if (kept === null) el.removeAttributeNode(attr);
    else if (kept !== attr.value) el.setAttribute(attr.localName, kept);
  }
}

/** The allowlist over `parent`'s subtree: unknown HTML elements unwrapped, the rest dropped. */
function keepAllowed(parent) {
  for (const node of [...parent.childNodes]) {
    if (node.nodeType === 3) continue; // text
    if (node.nodeType !== 1) { node.remove(); continue; } // comments, processing instructions
    const name = node.localName;
    const html = node.namespaceURI === HTML_NS;
    const math = node.namespaceURI === MATHML_NS && MATHML_ELEMENTS.has(name);
    if (!(html || math) || (html && DROPPED_HTML.has(name))) { node.remove(); continue; }
    keepAllowed(node);
    if (math) cleanAttributes(node, MATHML_ATTRIBUTES);
    else if (Object.hasOwn(HTML_ELEMENTS, name)) cleanAttributes(node, { ...GLOBAL_ATTRIBUTES, ...HTML_ELEMENTS[name] });
    else node.replaceWith(...node.childNodes);
  }
}
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

/** The article's HTML checked, as an element of an inert document (nothing in it loads). */
function inertArticle(html, doc) {
  const inert = doc.implementation.createHTMLDocument('');
  const holder = inert.createElement('div');
  const configured = typeof holder.setHTML === 'function' ? articleSanitizer() : null;
  if (configured) {
    try {
      holder.setHTML(html, { sanitizer: configured });
      return holder;
    } catch {
      holder.replaceChildren(); // fall through to the allowlist
    }
  }
  // Parsed as a template's contents, where nothing runs, loads or fires events (not even the
  // toggle of a <details open ontoggle>), then kept only as far as the allowlist says.
  const template = inert.createElement('template');
  template.innerHTML = html;
  keepAllowed(template.content);
  holder.append(template.content);
  return holder;
}

// ---------------------------------------------------------------------------------------------
// The reader.

// How each kind of control is built: (control, { el, t, uid, update(value), current() }) ->
// { element, reflect(settings) }. The DOM and class names are what reader.css styles.
const CONTROL_KINDS = {
  choice(control, { el, t, uid, update }) {
    const { name } = control;
    const inputs = {};
    const element = el('fieldset', { class: `lectern-choices lectern-choices-${name}` },
      el('legend', { text: t(control.label) }));
    for (const [value, labelKey] of Object.entries(control.options)) {
      const input = el('input', { type: 'radio', name: `${uid}-${name}`, value });
      input.addEventListener('change', () => input.checked && update(value));
      inputs[value] = input;
      element.append(el('label', { class: `lectern-choice lectern-choice-${value}` }, input,
        el('span', { text: t(labelKey) })));
    }
    return {
      element,
      reflect(settings) {
        for (const [value, input] of Object.entries(inputs)) input.checked = settings[name] === value;
      },
    };
  },

  steps(control, { el, t, update, current }) {
    const smaller = el('button', { type: 'button', class: 'lectern-button', text: t(control.smaller) });
    const larger = el('button', { type: 'button', class: 'lectern-button', text: t(control.larger) });
    smaller.addEventListener('click', () => update(step(control, current(), -1)));
    larger.addEventListener('click', () => update(step(control, current(), +1)));
    return {
      element: el('fieldset', { class: `lectern-choices lectern-${control.name}` },
        el('legend', { text: t(control.label) }), smaller, larger),
      reflect(settings) {
        const value = settings[control.name];
        smaller.disabled = value === step(control, value, -1);
        larger.disabled = value === step(control, value, +1);
      },
    };
  },
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

  // Each control as DOM: a fieldset, and `reflect(settings)` to show the current value.
  const controls = CONTROLS.map((control) => CONTROL_KINDS[control.kind](control, { el, t, uid, update: (value) => model.update({ [control.name]: value }), current: () => model.settings[control.name] }));
  const panel = el('div', { class: 'lectern-settings', id: `${uid}-settings`, hidden: true },
    ...controls.map((c) => c.element));
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

  // Images held back by "Load images: On request", each a function that loads it.
  let heldImages = [];
  const model = settingsModel(adapter, (settings) => {
    applySettings(root, settings);
    for (const control of controls) control.reflect(settings);
    if (settings.images === 'always') for (const load of heldImages.splice(0)) load();
  });
  const { ready } = model;

  copyButton.addEventListener('click', async () => {
    if (!article) return;
    const markdown = `# ${markdownHeadingText(article.title)}\n\n${article.markdown ?? ''}`;
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
    get settings() { return { ...model.settings }; },

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
      heldImages = [];
      const shown = renderArticle(el, t, adapter, result, { url, title, uid, holdImages: model.settings.images === 'onRequest' });
      heldImages = shown.held;
      article = shown.article;
      main.removeAttribute('aria-busy');
      main.replaceChildren(shown.header, shown.body);
      setArticleActions(true);
      return shown.body;
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

}

// ---------------------------------------------------------------------------------------------
// The settings model: the current settings, loaded through the adapter, saved on each change,
// and changes made elsewhere (another tab's reader) applied. `reflect(settings)` shows them.

function settingsModel(adapter, reflect) {
  let settings = { ...DEFAULTS };
  // Our own writes come back as change events, possibly after newer clicks: skip those echoes,
  // apply only changes made elsewhere.
  const echoes = [];
  const ready = Promise.resolve()
    .then(() => adapter.loadSettings())
    .catch(() => null)
    .then((stored) => {
      settings = normalise(stored);
      reflect(settings);
    });
  reflect(settings);
  adapter.onSettingsChanged?.((next) => {
    const incoming = normalise(next);
    const echo = echoes.indexOf(JSON.stringify(incoming));
    if (echo >= 0) {
      echoes.splice(0, echo + 1);
      return;
    }
    settings = incoming;
    reflect(settings);
  });
  return {
    ready,
    get settings() { return settings; },
    update(change) {
      settings = normalise({ ...settings, ...change });
      reflect(settings);
      echoes.push(JSON.stringify(settings));
      if (echoes.length > 50) echoes.shift();
      Promise.resolve(adapter.saveSettings(settings)).catch(() => {});
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The render step: an engine result as the reader's header and article. `url` is the original
// page's address; `title` the page's, for a result without one.

function renderArticle(el, t, adapter, result, { url, title, uid, holdImages }) {
  const article = { ...result, title: result.title || title || hostOf(url) || '' };
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
  // Checked and decorated while still inert: no image loads before it is known whether to hold it.
  const content = inertArticle(result.content || '', body.ownerDocument);
  decorate(el, adapter, content);
  const held = holdImages ? placeholders(el, t, content, uid) : [];
  body.append(...content.childNodes);
  return { article, header, body, held };
}

/**
 * Each image of `content` (a <picture>, or an <img> outside one) replaced by a placeholder: its
 * description (alt text, else its figure's caption) and a "Load image" button that puts the
 * image back, which only then starts loading. Returns a loader for each image.
 */
function placeholders(el, t, content, uid) {
  const loaders = [];
  for (const [i, img] of [...content.querySelectorAll('img')].entries()) {
    const image = img.parentElement?.localName === 'picture' ? img.parentElement : img;
    const description = img.getAttribute('alt')?.trim()
      || image.closest('figure')?.querySelector('figcaption')?.textContent.trim()
      || t('imageNoDescription');
    const labelId = `${uid}-image-${i}`;
    const button = el('button', { type: 'button', class: 'lectern-button', 'aria-describedby': labelId, text: t('loadImage') });
    const placeholder = el('span', { class: 'lectern-image-placeholder' },
      el('span', { class: 'lectern-image-label', id: labelId, text: description }), button);
    image.replaceWith(placeholder);
    let loaded = false;
    const load = () => {
      if (loaded) return;
      loaded = true;
      img.loading = 'eager';
      placeholder.replaceWith(image);
    };
    button.addEventListener('click', (event) => {
      event.preventDefault(); // a placeholder inside a link: load, do not follow
      event.stopPropagation();
      load();
    });
    loaders.push(load);
  }
  return loaders;
}

/**
 * Links open outside the reader; wide tables and code scroll on their own; images load lazily
 * and, like links, tell the page's servers nothing about where they were seen (no Referer).
 */
function decorate(el, adapter, body) {
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
    img.referrerPolicy = 'no-referrer';
  }
}
