// The shared reader renderer. The extension's reader page and the demo site both use it, each
// through a small platform adapter:
//   adapter.t(key, ...substitutions) -> string        (strings from _locales)
//   adapter.loadSettings() -> Promise<object|null>
//   adapter.saveSettings(settings) -> Promise<void>
//   adapter.onSettingsChanged?(callback)              (settings changed elsewhere)
//   adapter.locale?                                   (the browser's UI language, e.g. 'de-AT': the
//                                                     regional variant of the messages' language for
//                                                     dates and numbers)
//   adapter.linkTarget?                               ('_top' in the extension, '_blank' in the demo)
//   adapter.loadSpeech?                              (-> Promise<{ sentences(texts, lang) }>: the
//                                                      engine's speech module, for "Read aloud")
//   adapter.autoOpen?                                 ({ isOn(host), set(host, on) -> Promise<on now, or
//                                                      null: asked elsewhere>, onChanged(callback) }:
//                                                      "Always open reader on <site>", the extension's)
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
//   value:  no control in the panel: a value its own feature sets, checked by `valid`.
// `label` is the string key of the group's legend. Persisting is the platform adapter's job
// (extension storage or localStorage).

/** Read aloud's speeds (1: the voice's own). */
const SPEECH_RATES = Object.freeze([0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);

const CONTROLS = Object.freeze([
  {
    name: 'theme', kind: 'choice', label: 'theme', initial: 'auto',
    options: { light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark', gray: 'themeGray', contrast: 'themeHighContrast', custom: 'themeCustom', auto: 'themeAuto' },
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
  // Images shown, or hidden with their figures, for reading the text alone ("Load images: On
  // request" is the setting that keeps images from loading).
  {
    name: 'showImages', kind: 'choice', label: 'images', initial: 'show',
    options: { show: 'imagesShow', hide: 'imagesHide' },
  },
  // Images from the page's servers: loaded with the article, or each only when asked for (until
  // then a placeholder with its description), so those servers need not learn the page was read.
  {
    name: 'images', kind: 'choice', label: 'loadImages', initial: 'always',
    options: { always: 'loadImagesAlways', onRequest: 'loadImagesOnRequest' },
  },
  {
    name: 'letters', kind: 'choice', label: 'letterSpacing', initial: 'normal',
    options: { normal: 'letterSpacingNormal', wide: 'letterSpacingWide', wider: 'letterSpacingWider' },
  },
  {
    name: 'words', kind: 'choice', label: 'wordSpacing', initial: 'normal',
    options: { normal: 'wordSpacingNormal', wide: 'wordSpacingWide', wider: 'wordSpacingWider' },
  },
  {
    name: 'align', kind: 'choice', label: 'textAlignment', initial: 'start',
    options: { start: 'alignStart', justify: 'alignJustify' },
  },
  {
    name: 'weight', kind: 'choice', label: 'fontWeight', initial: 'regular',
    options: { light: 'weightLight', regular: 'weightRegular', bold: 'weightBold' },
  },
  // Read aloud's speed and voice (issue 22): kept with the settings, chosen in its player.
  { name: 'speechRate', kind: 'value', initial: 1, valid: (v) => SPEECH_RATES.includes(v) },
  { name: 'speechVoice', kind: 'value', initial: '', valid: (v) => typeof v === 'string' && v.length <= 500 },
  {
    name: 'colours', kind: 'colours', label: 'customColours', theme: 'custom',
    initial: Object.freeze({ text: '#1b1b1b', background: '#ffffff', links: '#0b57d0' }),
    parts: { text: 'colourText', background: 'colourBackground', links: 'colourLinks' },
  },
].map((control) => Object.freeze(control)));

// ---- the settings model ------------------------------------------------------------------------

const DEFAULTS = Object.freeze(Object.fromEntries(CONTROLS.map((c) => [c.name, c.initial])));

/** Whether `value` is one a control allows. */
function allowed(control, value) {
  if (control.kind === 'colours') {
    return Boolean(value) && typeof value === 'object' && Object.keys(control.parts).every((part) => /^#[0-9a-f]{6}$/i.test(value[part]));
  }
  if (control.kind === 'value') return control.valid(value);
  return control.kind === 'steps' ? control.steps.includes(value) : Object.hasOwn(control.options, value);
}

// WCAG contrast of two #rrggbb colours.
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrastRatio(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
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
    if (control.kind === 'colours') {
      for (const part of Object.keys(control.parts)) root.style.setProperty(`--lectern-custom-${part}`, settings[control.name][part]);
    }
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

function formatBytes(n, locale) {
  const [value, unit, digits] = n < 1024 ? [n, 'byte', 0] : n < 1024 * 1024 ? [n / 1024, 'kilobyte', 0] : [n / (1024 * 1024), 'megabyte', 1];
  try {
    return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
  } catch {
    return `${value.toFixed(digits)} ${{ byte: 'B', kilobyte: 'KB', megabyte: 'MB' }[unit]}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The interface language: the language of the messages the platform gives (each locale's
// messages name it, `uiLanguage`, and its direction, `uiDirection`), so the reader's own text,
// its direction and its dates and numbers always agree, whatever the browser asked for.

const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** { lang, dir, locale, number(n, options), count(key, n) } for the adapter's messages. */
export function interfaceLanguage(adapter) {
  const named = adapter.t('uiLanguage');
  const lang = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(named ?? '') ? named : 'en';
  const dir = adapter.t('uiDirection') === 'rtl' ? 'rtl' : 'ltr';
  let locale = lang;
  try {
    // The browser's own variant of that language (de-AT, es-MX) for dates and numbers.
    if (adapter.locale && new Intl.Locale(adapter.locale).language === new Intl.Locale(lang).language) locale = new Intl.Locale(adapter.locale).toString();
  } catch {
    locale = lang;
  }
  const numbers = new Map();
  const number = (n, options = {}) => {
    const key = JSON.stringify(options);
    if (!numbers.has(key)) numbers.set(key, new Intl.NumberFormat(locale, options));
    return numbers.get(key).format(n);
  };
  const plurals = new Intl.PluralRules(locale);
  /** The message `key_<plural category of n>` (else `key_other`), with n formatted as $1. */
  const count = (key, n) => {
    const category = plurals.select(n);
    const text = number(n);
    return (PLURAL_CATEGORIES.includes(category) && adapter.t(`${key}_${category}`, text)) || adapter.t(`${key}_other`, text) || key;
  };
  let lists = null;
  /** `items` joined as the language joins a list ("a, b"; Arabic "a و b"). */
  const list = (items) => {
    try {
      lists ??= new Intl.ListFormat(locale, { type: 'unit', style: 'short' });
      return lists.format(items);
    } catch {
      return items.join(', ');
    }
  };
  return { lang, dir, locale, number, count, list };
}

// The engine names each removed block's group in English (src/rule.rs, Rule::group); the
// reader shows it in the interface language.
const GROUP_KEYS = {
  'Forms and comment boxes': 'groupForms', 'Page code': 'groupPageCode', 'Embedded frames': 'groupEmbeds',
  'Hidden content': 'groupHidden', Navigation: 'groupNavigation', 'Page header and footer': 'groupHeaderFooter',
  Sidebars: 'groupSidebars', 'Cookie notices': 'groupCookies', 'Your site rules': 'groupSiteRules', Byline: 'groupByline',
  'Repeated title': 'groupRepeatedTitle', 'Comments, menus and sidebars': 'groupCommentsMenus', 'Page furniture': 'groupFurniture',
  'Share buttons': 'groupShare', 'Headings of extras': 'groupExtraHeadings', 'Related stories and comments': 'groupRelated',
  'Customer reviews': 'groupReviews', 'Link lists and teasers': 'groupLinkLists', Ads: 'groupAds',
  'Image galleries': 'groupGalleries', 'Empty blocks': 'groupEmpty', Notices: 'groupNotices',
  'Boilerplate lines': 'groupBoilerplate', 'Repeated text': 'groupRepeatedText', 'Unsafe or unsupported content': 'groupUnsafe',
};

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
  // Parsed into a document of its own, which has no browsing context: nothing in it runs,
  // loads or fires, then kept only as far as the allowlist says before it leaves that document.
  // (Not `innerHTML` on a template: Mozilla's linter flags every innerHTML assignment.) The body
  // is read through Document.prototype's getter: a `<form name="body">` in the markup shadows
  // `parsed.body` itself (documents let named forms override their properties).
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const body = Object.getOwnPropertyDescriptor(Document.prototype, 'body').get.call(parsed);
  keepAllowed(body);
  holder.append(...body.childNodes);
  return holder;
}

// ---------------------------------------------------------------------------------------------
// The reader.

// How each kind of control is built: (control, { el, t, uid, update(value), current() }) ->
// { element, reflect(settings) }. The DOM and class names are what reader.css styles.
const CONTROL_KINDS = {
  // A setting with no control in the panel (its own feature sets it).
  value() {
    return { element: null, reflect() {} };
  },
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

  // Three colour inputs (text, background, links); changing one chooses the custom theme. A
  // warning says when text or links fall below 4.5:1 against the background.
  colours(control, { el, t, uid, current, change, ui }) {
    const inputs = {};
    const warning = el('p', { class: 'lectern-contrast-warning', id: `${uid}-colours-warning`, role: 'status' });
    const element = el('fieldset', { class: `lectern-colours lectern-${control.name}` },
      el('legend', { text: t(control.label) }));
    for (const [part, labelKey] of Object.entries(control.parts)) {
      const input = el('input', { type: 'color', 'aria-describedby': warning.id });
      input.addEventListener('input', () => {
        change({ [control.name]: { ...current(), [part]: input.value.toLowerCase() }, theme: control.theme });
      });
      inputs[part] = input;
      element.append(el('label', { class: 'lectern-colour' }, el('span', { text: t(labelKey) }), input));
    }
    element.append(warning);
    return {
      element,
      reflect(settings) {
        const colours = settings[control.name];
        for (const [part, input] of Object.entries(inputs)) if (input.value !== colours[part]) input.value = colours[part];
        const low = ['text', 'links'].map((part) => [part, contrastRatio(colours[part], colours.background)]).filter(([, ratio]) => ratio < 4.5);
        warning.textContent = low.length
          ? t('lowContrast', ui.list(low.map(([part, ratio]) => t(`lowContrast_${part}`, ui.number(ratio, { minimumFractionDigits: 1, maximumFractionDigits: 1 })))))
          : '';
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
  const ui = interfaceLanguage(adapter);
  const groupName = (group) => (GROUP_KEYS[group] && adapter.t(GROUP_KEYS[group])) || group;

  let article = null;

  // ---- toolbar -------------------------------------------------------------------------------
  const status = el('p', { class: 'lectern-status', role: 'status', 'aria-live': 'polite' });
  const settingsButton = el('button', {
    type: 'button', class: 'lectern-button', 'aria-expanded': 'false', 'aria-controls': `${uid}-settings`,
    text: t('readerControls'),
  });
  const copyButton = el('button', { type: 'button', class: 'lectern-button', text: t('copyMarkdown'), disabled: true });
  const readAloudButton = adapter.loadSpeech
    ? el('button', { type: 'button', class: 'lectern-button', 'aria-keyshortcuts': 'Alt+Shift+P', text: t('readAloud'), disabled: true })
    : null;
  const printButton = el('button', { type: 'button', class: 'lectern-button', text: t('print'), disabled: true });
  const closeButton = onClose
    ? el('button', { type: 'button', class: 'lectern-button lectern-close', text: t('closeReader') })
    : null;

  // Each control as DOM: a fieldset, and `reflect(settings)` to show the current value. Built
  // when the panel first opens: a dozen fieldsets, built and brought up to date with the stored
  // settings, are work the reader's first view does not show, done while the engine is busy.
  let controls = null;
  function buildControls() {
    controls = CONTROLS.map((control) => CONTROL_KINDS[control.kind](control, { el, t, uid, update: (value) => model.update({ [control.name]: value }), current: () => model.settings[control.name], change: (settings) => model.update(settings), ui }));
    for (const control of controls) control.reflect(model.settings);
    panel.prepend(...controls.map((c) => c.element));
  }
  const resetButton = el('button', { type: 'button', class: 'lectern-button', text: t('resetSettings') });
  resetButton.addEventListener('click', () => {
    model.update({ ...DEFAULTS });
    say(t('settingsReset'));
  });
  const forgetButton = adapter.savePositions
    ? el('button', { type: 'button', class: 'lectern-button', text: t('forgetPositions') })
    : null;
  forgetButton?.addEventListener('click', async () => {
    try {
      await adapter.savePositions({});
      continueOffer.replaceChildren();
      say(t('positionsForgotten'));
    } catch (error) {
      say(String(error?.message ?? error));
    }
  });
  // "Always open reader on <site>", where the platform can (the extension: it asks for the
  // site's host permission at the click). A toggle: pressed while the site is on the list.
  const autoOpenButton = adapter.autoOpen
    ? el('button', { type: 'button', class: 'lectern-button', 'aria-pressed': 'false', hidden: true })
    : null;
  let autoOpenHost = null;
  let autoOpenOffer = 0;
  async function offerAutoOpen(url) {
    autoOpenOffer++;
    if (!autoOpenButton) return;
    const host = isWebUrl(url) ? new URL(url).hostname.toLowerCase() : null;
    autoOpenHost = host;
    autoOpenButton.hidden = !host;
    if (!host) return;
    followAutoOpen();
    autoOpenButton.textContent = t('alwaysOpen', host);
    autoOpenButton.setAttribute('aria-pressed', 'false');
    const on = await adapter.autoOpen.isOn(host).catch(() => false);
    if (autoOpenHost === host) autoOpenButton.setAttribute('aria-pressed', String(on));
  }
  autoOpenButton?.addEventListener('click', () => {
    const host = autoOpenHost;
    if (!host) return;
    const on = autoOpenButton.getAttribute('aria-pressed') !== 'true';
    // Straight from the click: the browser asks for the permission only within it.
    adapter.autoOpen.set(host, on).then((now) => {
      if (now === null) {
        say(t('autoOpenConfirm', host));
        return;
      }
      if (autoOpenHost === host) autoOpenButton.setAttribute('aria-pressed', String(now));
      say(t(now ? 'autoOpenOn' : on ? 'autoOpenDenied' : 'autoOpenOff', host));
    }, (error) => say(t('autoOpenFailed', String(error?.message ?? error))));
  });
  // Allowed or stopped elsewhere (the options page): the button follows. Listened for from the
  // first article on (see offerAutoOpen), not while the reader starts.
  let followingAutoOpen = false;
  function followAutoOpen() {
    if (followingAutoOpen) return;
    followingAutoOpen = true;
    adapter.autoOpen?.onChanged?.(() => {
      const host = autoOpenHost;
      if (host) adapter.autoOpen.isOn(host).then((on) => { if (autoOpenHost === host) autoOpenButton.setAttribute('aria-pressed', String(on)); }, () => {});
    });
  }
  const panel = el('div', { class: 'lectern-settings', id: `${uid}-settings`, hidden: true },
    el('p', { class: 'lectern-settings-actions' }, resetButton, forgetButton, autoOpenButton));
  settingsButton.addEventListener('click', () => {
    const open = settingsButton.getAttribute('aria-expanded') !== 'true';
    if (open && !controls) buildControls();
    settingsButton.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
  });

  // What the engine removed: a panel listing it by group, each block shown in place or restored.
  const removedButton = el('button', {
    type: 'button', class: 'lectern-button', 'aria-expanded': 'false', 'aria-controls': `${uid}-removed`,
    text: t('removed'), disabled: true,
  });
  const removedPanel = el('section', { class: 'lectern-removed', id: `${uid}-removed`, hidden: true, 'aria-label': t('removedTitle') });
  removedButton.addEventListener('click', () => {
    const open = removedButton.getAttribute('aria-expanded') !== 'true';
    removedButton.setAttribute('aria-expanded', String(open));
    removedPanel.hidden = !open;
    if (open && view && !view.listed) listRemoved(view);
  });

  // "Contents": the article's headings (at least three), a side panel where the reader is wide,
  // a menu opened from the toolbar where it is narrow.
  const contentsButton = el('button', {
    type: 'button', class: 'lectern-button lectern-contents-button', 'aria-expanded': 'false', 'aria-controls': `${uid}-contents`,
    text: t('contents'), hidden: true,
  });
  const contents = el('nav', { class: 'lectern-contents', id: `${uid}-contents`, 'aria-label': t('contents'), hidden: true });

  // The article's actions and the panels' buttons; on a narrow reader (a phone) they fold into
  // a menu opened by one button.
  const actions = el('div', { class: 'lectern-actions', id: `${uid}-actions` }, readAloudButton, copyButton, printButton, removedButton, settingsButton);
  const menuButton = el('button', {
    type: 'button', class: 'lectern-button lectern-menu-button', 'aria-expanded': 'false', 'aria-controls': actions.id,
    text: t('menu'), hidden: true,
  });
  const toolbar = el('div', { class: 'lectern-toolbar', role: 'toolbar', 'aria-label': t('readerControls') },
    closeButton, contentsButton, el('span', { class: 'lectern-spacer' }), menuButton, actions);

  // ---- content area ----------------------------------------------------------------------------
  const main = el('main', { class: 'lectern-main', tabindex: '-1' });
  const progress = el('div', { class: 'lectern-reading-progress', 'aria-hidden': 'true' });
  const bar = el('div', { class: 'lectern-bar' }, toolbar, panel, removedPanel, progress);
  const continueOffer = el('p', { class: 'lectern-continue' });
  // The reader's own interface in its language and direction (the article keeps its own).
  const root = el('div', { class: 'lectern-app', lang: ui.lang, dir: ui.dir }, bar, status, continueOffer, main);
  container.replaceChildren(root);
  const reading = readingAids({ doc, root, bar, main, contents, contentsButton, progress, continueOffer, el, t, adapter });
  const viewer = imageViewer({ doc, root, main, el, t });

  /** Folds the actions into the menu where the reader is narrower than NARROW_READER_PX. */
  function fold() {
    const narrow = root.clientWidth > 0 && root.clientWidth < NARROW_READER_PX;
    root.classList.toggle('lectern-narrow', narrow);
    menuButton.hidden = !narrow;
    if (!narrow) menuButton.setAttribute('aria-expanded', 'false');
    actions.hidden = narrow && menuButton.getAttribute('aria-expanded') !== 'true';
  }
  menuButton.addEventListener('click', () => {
    const open = menuButton.getAttribute('aria-expanded') !== 'true';
    menuButton.setAttribute('aria-expanded', String(open));
    fold();
    if (open) actions.querySelector('button:not(:disabled)')?.focus();
  });
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented || menuButton.hidden || menuButton.getAttribute('aria-expanded') !== 'true') return;
    event.preventDefault();
    menuButton.setAttribute('aria-expanded', 'false');
    fold();
    menuButton.focus();
  });
  if (typeof doc.defaultView.ResizeObserver === 'function') new doc.defaultView.ResizeObserver(() => fold()).observe(root);

  // ---- Read aloud (issue 22): its player and the sentences are loaded when reading starts -----
  let articleBody = null;
  let articleLang = '';
  let lastPlace = null; // the article element last clicked or focused: reading starts there
  let readAloud = null;
  const notePlace = (event) => {
    if (articleBody?.contains(event.target)) lastPlace = event.target;
  };
  main.addEventListener('pointerdown', notePlace);
  main.addEventListener('focusin', notePlace);
  function player() {
    readAloud ??= import('./read-aloud.js').then(({ createReadAloud }) => createReadAloud({
      doc, bar, el, t, rates: SPEECH_RATES,
      body: () => articleBody,
      lang: () => articleLang,
      settings: () => model.settings,
      update: (change) => model.update(change),
      sentencesOf: (texts, lang) => adapter.loadSpeech().then((speech) => speech.sentences(texts, lang)),
      say,
      onStop: () => readAloudButton?.focus(),
    }));
    return readAloud;
  }
  async function startReading() {
    if (!articleBody) return;
    try {
      const p = await player();
      p.start(lastPlace && articleBody.contains(lastPlace) ? lastPlace : null);
    } catch (error) {
      say(t('readAloudFailed', String(error?.message ?? error)));
    }
  }
  function stopReading() {
    readAloud?.then((p) => p.stop(), () => {});
  }
  readAloudButton?.addEventListener('click', () => startReading());
  // Reading stops when the reader closes or the page is left.
  doc.defaultView.addEventListener('pagehide', () => doc.defaultView.speechSynthesis?.cancel());
  root.addEventListener('keydown', (event) => {
    if (!readAloudButton || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    const key = event.code === 'KeyP' ? 'P' : event.key;
    if (!['P', 'ArrowUp', 'ArrowDown'].includes(key)) return;
    event.preventDefault();
    readAloud?.then((p) => {
      if (!p.active) {
        if (key === 'P') startReading();
      } else if (key === 'P') p.toggle();
      else if (key === 'ArrowUp') p.previous();
      else p.next();
    }, () => {}) ?? (key === 'P' && startReading());
  });

  // Images held back by "Load images: On request", each a function that loads it.
  let heldImages = [];
  const model = settingsModel(adapter, (settings) => {
    applySettings(root, settings);
    for (const control of controls ?? []) control.reflect(settings);
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
    if (readAloudButton) readAloudButton.disabled = !enabled;
  }

  // ---- the "Removed" panel ---------------------------------------------------------------------
  // `view`: the article shown, its elements as the engine numbered them (RemovedBlock.parent and
  // .after index them), the removed blocks (or how to get them) and the ones placed in it.
  let view = null;

  function setView(next) {
    if (view) offerTools(view, null);
    if (view) choose(view, false);
    view = next;
    removedButton.disabled = !next;
    removedButton.setAttribute('aria-expanded', 'false');
    removedPanel.hidden = true;
    removedPanel.replaceChildren();
  }

  /**
   * The panel's content, then "Choose blocks to remove" (the keyboard's way to every block's
   * "Remove this block") and "Report a problem" where the platform can save a report.
   */
  function fillPanel(v, ...children) {
    const tail = el('p', { class: 'lectern-report' }, chooseButton, v.pageSource ? ' ' : '', v.pageSource ? reportButton(v) : '');
    removedPanel.replaceChildren(...children, tail);
  }

  function reportButton(v) {
    const button = el('button', { type: 'button', class: 'lectern-button', text: t('report') });
    button.addEventListener('click', async () => {
      try {
        await saveReport(v);
        say(t('reportSaved'));
      } catch (error) {
        say(t('reportFailed', String(error?.message ?? error)));
      }
    });
    return button;
  }

  /**
   * "Report a problem": a file saved on this computer (nothing is sent), for
   * `./build.sh add-page`: the page as the engine saw it, without scripts and with form fields
   * emptied, its address, the engine's version, and the person's corrections as signatures.
   */
  async function saveReport(v) {
    const [page, result] = await Promise.all([v.pageSource(), details(v)]);
    const kept = result?.keptBlocks ?? [];
    const keep = [...v.placed].filter(([, wrap]) => wrap.classList.contains('lectern-restored')).map(([block]) => block.signature);
    const remove = [...v.userRemoved].map((number) => kept.find((k) => k.number === number)?.signature).filter(Boolean);
    const report = {
      format: 'lectern-report',
      version: 1,
      url: page.url ?? null,
      engineVersion: adapter.engineVersion ?? null,
      html: pageForReport(page.html),
      corrections: { keep, remove },
    };
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' }));
    const link = el('a', { href: url, download: 'lectern-report.json', hidden: true });
    root.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  async function listRemoved(v) {
    v.listed = true;
    removedPanel.replaceChildren(el('p', { class: 'lectern-removed-note', text: t('removedLoading') }));
    let blocks;
    try {
      blocks = v.blocks ?? (await details(v))?.removedBlocks;
    } catch (error) {
      v.listed = false;
      if (view === v) fillPanel(v, el('p', { class: 'lectern-removed-note', text: t('removedFailed', String(error?.message ?? error)) }));
      return;
    }
    if (view !== v) return;
    v.blocks = blocks = [...(blocks ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    if (!blocks.length) {
      fillPanel(v, el('p', { class: 'lectern-removed-note', text: t('removedNone') }));
      return;
    }
    const groups = new Map();
    for (const block of blocks) {
      if (!groups.has(groupName(block.group))) groups.set(groupName(block.group), []);
      groups.get(groupName(block.group)).push(block);
    }
    const children = [el('h2', { class: 'lectern-removed-title', text: t('removedTitle') })];
    let n = 0;
    for (const [group, list] of groups) {
      const heading = `${uid}-group-${++n}`;
      children.push(el('h3', { id: heading, text: `${group} (${ui.number(list.length)})` }),
        el('ul', { 'aria-labelledby': heading }, ...list.map((block) => removedItem(v, block))));
    }
    fillPanel(v, ...children);
  }

  /** The page extracted again with its removed and kept blocks (once per article shown). */
  function details(v) {
    v.details ??= Promise.resolve().then(() => v.load());
    v.details.catch(() => { v.details = null; });
    return v.details;
  }

  /** Saves a site rule for `signature`; says so, or why not. */
  async function saveRule(v, action, signature) {
    await adapter.saveSiteRule(v.site, action, signature);
    say(t('ruleSaved', v.site));
  }

  // ---- "Remove this block": one control, moved to the block under the pointer or with focus --
  const BLOCKS = 'p, ul, ol, dl, .lectern-scroll, figure, blockquote, pre, h2, h3, h4, h5, h6';
  const removeBlockButton = el('button', { type: 'button', class: 'lectern-button lectern-block-remove', text: t('removeBlock') });
  const blockTools = el('span', { class: 'lectern-block-tools', contenteditable: 'false' }, removeBlockButton);
  let toolsFor = null;

  function blockAt(v, target) {
    const block = target instanceof Element ? target.closest(BLOCKS) : null;
    if (!block || !v.body.contains(block) || block.closest('.lectern-removed-block, .lectern-user-removed')) return null;
    return block;
  }

  function offerTools(v, target) {
    if (blockTools.contains(target)) return;
    const block = blockAt(v, target);
    if (block === toolsFor) return;
    toolsFor?.classList.remove('lectern-has-tools');
    toolsFor = block;
    if (!block) {
      blockTools.remove();
      return;
    }
    block.classList.add('lectern-has-tools');
    block.append(blockTools);
  }

  function setUpBlockTools(v) {
    v.body.addEventListener('mouseover', (event) => { if (view === v) offerTools(v, event.target); });
    v.body.addEventListener('focusin', (event) => { if (view === v) offerTools(v, event.target); });
    v.body.addEventListener('mouseleave', () => { if (view === v && !blockTools.contains(doc.activeElement)) offerTools(v, null); });
  }

  // "Choose blocks to remove": a paragraph without a link cannot take the keyboard's focus, so
  // its "Remove this block" could only be reached with a pointer. While this is pressed every
  // block of the article is a tab stop (Tab reaches a block, then its "Remove this block", then
  // the next block); pressing it again or Escape ends it, and the article has no extra tab
  // stops otherwise.
  const chooseButton = el('button', { type: 'button', class: 'lectern-button', 'aria-pressed': 'false', text: t('chooseBlocks') });
  let choosing = null;

  function choose(v, on) {
    if (!on && choosing !== v) return;
    for (const block of v.body.querySelectorAll(on ? BLOCKS : '.lectern-choosable')) {
      if (!on) {
        block.classList.remove('lectern-choosable');
        block.removeAttribute('tabindex');
      } else if (blockAt(v, block) === block && !block.hasAttribute('tabindex')) {
        block.classList.add('lectern-choosable');
        block.tabIndex = 0;
      }
    }
    choosing = on ? v : null;
    chooseButton.setAttribute('aria-pressed', String(on));
    if (on) {
      say(t('chooseBlocksHint'));
      v.body.querySelector('.lectern-choosable')?.focus();
    }
  }

  chooseButton.addEventListener('click', () => {
    if (view) choose(view, choosing !== view);
  });
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !choosing || choosing !== view) return;
    event.preventDefault();
    const back = choosing.body.contains(doc.activeElement) || blockTools.contains(doc.activeElement);
    choose(choosing, false);
    if (back) (removedPanel.hidden ? removedButton : chooseButton).focus();
  });

  removeBlockButton.addEventListener('click', () => {
    const v = view;
    const block = toolsFor;
    if (!v || !block) return;
    offerTools(v, null);
    block.hidden = true;
    const undo = el('button', { type: 'button', class: 'lectern-button', text: t('undo') });
    const placeholder = el('div', { class: 'lectern-user-removed', role: 'group', 'aria-label': t('removedByYou') },
      el('span', { text: t('removedByYou') }), ' ', undo);
    // The engine numbered the table, not the reader's scrolling box around it.
    const number = v.elements.indexOf(block.classList.contains('lectern-scroll') ? block.querySelector('table') : block);
    v.userRemoved.add(number);
    undo.addEventListener('click', () => {
      block.hidden = false;
      placeholder.remove();
      v.userRemoved.delete(number);
    });
    if (v.site && adapter.saveSiteRule && number >= 0) {
      const always = el('button', { type: 'button', class: 'lectern-button', text: t('alwaysRemove', v.site) });
      always.addEventListener('click', async () => {
        try {
          const kept = (await details(v))?.keptBlocks ?? [];
          const signature = kept.find((k) => k.number === number)?.signature;
          if (!signature) throw new Error(t('ruleNoBlock'));
          await saveRule(v, 'remove', signature);
          always.replaceWith(el('span', { class: 'lectern-rule-saved', text: t('alwaysRemoved', v.site) }));
          undo.remove();
          placeholder.focus();
        } catch (error) {
          say(t('ruleFailed', String(error?.message ?? error)));
        }
      });
      placeholder.append(' ', always);
    }
    placeholder.tabIndex = -1;
    block.after(placeholder);
    undo.focus();
  });

  /** Puts `block` into the article where it stood (marked with its page index, for order). */
  function placeBlock(v, block) {
    const wrap = el('div', { class: 'lectern-removed-block', 'data-lectern-at': String(block.index ?? 0) });
    // Checked like the article (inert, the same allowlist), and held back like its images.
    const content = inertArticle(block.html || '', wrap.ownerDocument);
    decorate(el, adapter, content);
    if (model.settings.images === 'onRequest') {
      heldImages.push(...placeholders(el, t, content, `${uid}-restored-${block.index ?? 0}`));
    }
    wrap.append(...content.childNodes);
    const parent = (block.parent == null ? null : v.elements[block.parent]) ?? v.body;
    let ref = block.after == null ? null : v.elements[block.after] ?? null;
    if (ref?.parentElement?.classList.contains('lectern-scroll')) ref = ref.parentElement;
    // Blocks placed earlier at the same spot that stood before this one stay before it.
    let next = ref ? ref.nextElementSibling : parent.firstElementChild;
    while (next?.classList.contains('lectern-removed-block') && Number(next.dataset.lecternAt) < (block.index ?? 0)) {
      ref = next;
      next = next.nextElementSibling;
    }
    if (ref) ref.after(wrap);
    else parent.prepend(wrap);
    v.placed.set(block, wrap);
    return wrap;
  }

  function removedItem(v, block) {
    const preview = `${uid}-removed-${block.index}`;
    const show = el('button', { type: 'button', class: 'lectern-button', 'aria-pressed': 'false', 'aria-describedby': preview, text: t('removedShow') });
    const restore = el('button', { type: 'button', class: 'lectern-button', 'aria-describedby': preview, text: t('removedRestore') });
    const actions = el('p', { class: 'lectern-removed-actions' }, show, ' ', restore);
    const item = el('li', { class: 'lectern-removed-item', 'data-rule': block.rule, tabindex: '-1' },
      el('p', { id: preview, class: 'lectern-removed-preview', text: block.preview || groupName(block.group) }),
      el('p', { class: 'lectern-removed-rule', text: block.rule }),
      actions);
    show.addEventListener('click', () => {
      const placed = v.placed.get(block);
      if (placed) {
        placed.remove();
        v.placed.delete(block);
        show.setAttribute('aria-pressed', 'false');
        return;
      }
      const wrap = placeBlock(v, block);
      wrap.classList.add('lectern-shown');
      wrap.prepend(el('p', { class: 'lectern-removed-label', text: t('removedLabel', groupName(block.group)) }));
      show.setAttribute('aria-pressed', 'true');
      wrap.scrollIntoView?.({ block: 'nearest' });
    });
    restore.addEventListener('click', () => {
      const wrap = v.placed.get(block) ?? placeBlock(v, block);
      wrap.classList.remove('lectern-shown');
      wrap.querySelector(':scope > .lectern-removed-label')?.remove();
      wrap.classList.add('lectern-restored');
      actions.replaceChildren(el('span', { class: 'lectern-removed-done', text: t('removedRestored') }));
      if (v.site && adapter.saveSiteRule && block.signature) {
        const always = el('button', { type: 'button', class: 'lectern-button', text: t('alwaysKeep', v.site) });
        always.addEventListener('click', async () => {
          try {
            await saveRule(v, 'keep', block.signature);
            always.replaceWith(el('span', { class: 'lectern-rule-saved', text: t('alwaysKept', v.site) }));
            item.focus();
          } catch (error) {
            say(t('ruleFailed', String(error?.message ?? error)));
          }
        });
        actions.append(' ', always);
      }
      item.focus();
      say(t('restoredStatus', block.preview || groupName(block.group)));
    });
    return item;
  }

  function showPanel(...children) {
    stopReading();
    articleBody = null;
    reading.attach(null, null);
    viewer.close();
    offerAutoOpen(null);
    article = null;
    setArticleActions(false);
    setView(null);
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
        el('p', { text: bytes > 512 * 1024 ? t('loadingLarge', formatBytes(bytes, ui.locale)) : t('loading') }),
        el('progress', { class: 'lectern-progress', 'aria-label': t('loading') }),
      );
      main.setAttribute('aria-busy', 'true');
    },

    /**
     * Renders an engine result. `url` is the original page's address. `loadRemoved()` resolves
     * to the page's removed blocks (the engine's `removedBlocks`, extracted again with that
     * option) when the result does not carry them; `onShowWholePage()` shows the whole page
     * (offered when the article may be incomplete); `pageSource()` resolves to the page's
     * { html, url }, for "Report a problem".
     */
    render(result, { url = null, title = null, loadRemoved = null, onShowWholePage = null, pageSource = null } = {}) {
      heldImages = [];
      const shown = renderArticle(el, t, adapter, result, { url, title, onShowWholePage, uid, ui, holdImages: model.settings.images === 'onRequest' });
      heldImages = shown.held;
      article = shown.article;
      main.removeAttribute('aria-busy');
      main.replaceChildren(shown.header, shown.body);
      setArticleActions(true);
      stopReading();
      articleBody = shown.body;
      articleLang = result.lang || '';
      lastPlace = null;
      const blocks = Array.isArray(result.removedBlocks) && (result.removedBlocks.length || !loadRemoved) ? result.removedBlocks : null;
      setView(blocks || loadRemoved
        ? { body: shown.body, elements: shown.elements, blocks, load: loadRemoved, listed: false, placed: new Map(), site: hostOf(url), userRemoved: new Set(), pageSource }
        : null);
      if (view) setUpBlockTools(view);
      viewer.close();
      reading.attach(shown.body, url);
      // The button sits in the settings panel, and asking whether the site opens by itself
      // loads a module and reads storage: after the article's first paint, unless another
      // view came first.
      const offer = ++autoOpenOffer;
      doc.defaultView.requestAnimationFrame(() => setTimeout(() => { if (offer === autoOpenOffer) offerAutoOpen(url); }, 0));
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
  // Saves run one after another, so the stored settings are always the newest: two changes
  // a moment apart (the speed, then the voice) could otherwise land in the wrong order (a
  // browser's synced storage that falls back to local storage takes longer for one write) and
  // leave the older one stored.
  let saving = Promise.resolve();
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
      const snapshot = settings;
      saving = saving.then(() => adapter.saveSettings(snapshot)).catch(() => {});
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The render step: an engine result as the reader's header and article. `url` is the original
// page's address; `title` the page's, for a result without one.

function renderArticle(el, t, adapter, result, { url, title, onShowWholePage, uid, ui, holdImages }) {
  const article = { ...result, title: result.title || title || hostOf(url) || '' };
  const site = result.siteName || hostOf(url);
  const date = formatDate(result.publishedTime, ui.locale);
  // The header and the article are in the article's language and direction ('' and auto when
  // the page does not say: not the interface's); the reader's own lines in the interface's.
  const own = { lang: result.lang || '', dir: result.dir || 'auto' };
  const uiText = { lang: ui.lang, dir: ui.dir };
  const meta = el('p', { class: 'lectern-meta', ...uiText });
  const parts = [];
  if (result.byline) parts.push(el('span', { class: 'lectern-byline', text: t('byline', result.byline) }));
  if (date) parts.push(el('time', { datetime: result.publishedTime, text: date }));
  if (result.readingTimeMinutes) {
    parts.push(el('span', { class: 'lectern-reading-time', text: ui.count('readingTime', result.readingTimeMinutes) }));
  }
  parts.forEach((part, i) => { if (i) meta.append(' · '); meta.append(part); });

  const header = el('header', { class: 'lectern-header', ...own },
    site ? el('p', { class: 'lectern-site', text: site }) : null,
    el('h1', { class: 'lectern-title lectern-print', text: article.title }),
    parts.length ? meta : null,
    isWebUrl(url)
      ? el('p', { class: 'lectern-original', ...uiText }, el('a', { href: url, target: adapter.linkTarget || '_top', rel: 'noopener noreferrer', text: t('viewOriginal') }))
      : null,
    result.mayBeIncomplete ? incompleteNotice(el, t, onShowWholePage, uiText) : null);

  const body = el('article', { class: 'lectern-article lectern-print', ...own });
  // Checked and decorated while still inert: no image loads before it is known whether to hold it.
  const content = inertArticle(result.content || '', body.ownerDocument);
  // The engine numbers the article's elements in this order (before the reader adds its own).
  const elements = [...content.querySelectorAll('*')];
  decorate(el, adapter, content);
  const held = holdImages ? placeholders(el, t, content, uid) : [];
  body.append(...content.childNodes);
  return { article, header, body, elements, held };
}

/**
 * The page's HTML for a report: no scripts (JSON-LD, which is data, stays), no event handler
 * attributes, and every form field emptied (what a person typed stays on their computer).
 */
export function pageForReport(html) {
  const doc = new DOMParser().parseFromString(String(html ?? ''), 'text/html');
  for (const script of doc.querySelectorAll('script')) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') script.remove();
  }
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) if (attr.name.toLowerCase().startsWith('on')) el.removeAttribute(attr.name);
  }
  for (const input of doc.querySelectorAll('input')) {
    input.removeAttribute('value');
    input.removeAttribute('checked');
  }
  for (const textarea of doc.querySelectorAll('textarea')) textarea.textContent = '';
  for (const option of doc.querySelectorAll('option')) option.removeAttribute('selected');
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}

/** "This article may be incomplete", with "Show the whole page" beside it where offered. */
function incompleteNotice(el, t, onShowWholePage, uiText) {
  const notice = el('p', { class: 'lectern-incomplete', role: 'note', ...uiText }, el('span', { text: t('mayBeIncomplete') }));
  if (onShowWholePage) {
    const button = el('button', { type: 'button', class: 'lectern-button', text: t('showWholePage') });
    button.addEventListener('click', () => onShowWholePage());
    notice.append(' ', button);
  }
  return notice;
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
    if (MAYBE_TRANSPARENT.test(img.getAttribute('src') ?? '')) img.classList.add('lectern-maybe-transparent');
    // An image that is not a link opens large in the lightbox, by click or by keyboard.
    if (!img.closest('a[href]')) {
      img.classList.add('lectern-zoomable');
      img.tabIndex = 0;
      img.setAttribute('role', 'button');
      img.setAttribute('aria-haspopup', 'dialog');
      img.setAttribute('aria-label', adapter.t('openImage', img.getAttribute('alt')?.trim() || captionOf(img) || adapter.t('imageNoDescription')));
    }
  }
}

/**
 * Images in formats that can be transparent (PNG, GIF, SVG, WebP): in dark themes they sit on a
 * light card, so a diagram drawn in black on nothing stays readable.
 */
const MAYBE_TRANSPARENT = /^\s*(?:data:image\/(?:png|gif|svg\+xml|webp)[;,]|[^?#]*\.(?:png|gif|svg|webp)(?:[?#]|\s*$))/i;

/** The caption of the figure an image is in, if any. */
function captionOf(img) {
  return img.closest('figure')?.querySelector('figcaption')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * The lightbox: an article image seen large, with its caption, in a modal dialog. Click or
 * Enter on an image opens it; "Previous image" / "Next image" and the arrow keys go through the
 * article's images; Escape, "Close image" or a click beside the image close it, and the focus
 * goes back to the image it was opened from.
 */
function imageViewer({ doc, root, main, el, t }) {
  const picture = el('img', { class: 'lectern-lightbox-image', alt: '' });
  picture.referrerPolicy = 'no-referrer';
  const caption = el('p', { class: 'lectern-lightbox-caption' });
  const counter = el('p', { class: 'lectern-lightbox-count', 'aria-live': 'polite' });
  const previous = el('button', { type: 'button', class: 'lectern-button', text: t('previousImage') });
  const next = el('button', { type: 'button', class: 'lectern-button', text: t('nextImage') });
  const close = el('button', { type: 'button', class: 'lectern-button', text: t('closeImage') });
  const dialog = el('dialog', { class: 'lectern-lightbox', 'aria-label': t('imageViewer') },
    el('figure', { class: 'lectern-lightbox-figure' }, picture, caption),
    el('div', { class: 'lectern-lightbox-controls' }, previous, counter, next, close));
  root.append(dialog);
  let images = [];
  let index = -1;
  let opener = null;

  const visible = () => [...main.querySelectorAll('img.lectern-zoomable')].filter((img) => img.isConnected && img.getClientRects().length > 0);

  function show(i) {
    index = i;
    const img = images[i];
    picture.src = img.currentSrc || img.src;
    picture.alt = img.getAttribute('alt') ?? '';
    caption.textContent = captionOf(img) || img.getAttribute('alt')?.trim() || '';
    caption.hidden = !caption.textContent;
    counter.textContent = t('imageCount', i + 1, images.length);
    previous.disabled = i === 0;
    next.disabled = i === images.length - 1;
  }

  function open(img) {
    images = visible();
    const i = images.indexOf(img);
    if (i < 0) return;
    opener = img;
    show(i);
    if (!dialog.open) dialog.showModal();
    close.focus();
  }

  function shut() {
    if (!dialog.open) return;
    dialog.close();
    picture.removeAttribute('src');
    opener?.focus();
    opener = null;
  }

  const step = (by) => {
    const i = index + by;
    if (i >= 0 && i < images.length) {
      show(i);
      opener = images[i];
    }
  };
  previous.addEventListener('click', () => step(-1));
  next.addEventListener('click', () => step(1));
  close.addEventListener('click', shut);
  // A click on the backdrop (the dialog itself, outside its content) closes it.
  dialog.addEventListener('click', (event) => { if (event.target === dialog) shut(); });
  dialog.addEventListener('cancel', (event) => { event.preventDefault(); shut(); });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault(); // the dialog's, not the reader's: the reader stays open
      shut();
      return;
    }
    const rtl = doc.defaultView.getComputedStyle(dialog).direction === 'rtl';
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      step((event.key === 'ArrowRight') !== rtl ? 1 : -1);
    }
  });

  main.addEventListener('click', (event) => {
    const img = event.target instanceof Element ? event.target.closest('img.lectern-zoomable') : null;
    if (img) open(img);
  });
  main.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof Element && event.target.matches('img.lectern-zoomable')) {
      event.preventDefault();
      open(event.target);
    }
  });
  return { close: shut };
}

// ---------------------------------------------------------------------------------------------
// Reading aids (issue 21): "Contents", the reading-progress bar, the reading position remembered
// per page ("Continue where you left off"), and footnotes opened in a popover. `attach(body,
// url)` sets them up for an article shown (null: none shown). The adapter keeps positions:
//   adapter.loadPositions() -> Promise<object>   adapter.savePositions(object) -> Promise<void>

/** How many pages' reading positions are kept (the most recently read). */
export const POSITIONS_KEPT = 200;

/** The address a position is kept under: the page without its fragment. */
export function positionKey(url) {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** `positions` with `url` read to `fraction` now, only the latest POSITIONS_KEPT pages kept. */
export function rememberPosition(positions, url, fraction, now = Date.now()) {
  const next = {};
  const entries = Object.entries(positions && typeof positions === 'object' ? positions : {})
    .filter(([key, value]) => key !== url && Number.isFinite(value?.at) && Number.isFinite(value?.time));
  entries.push([url, { at: Math.min(1, Math.max(0, fraction)), time: now }]);
  entries.sort((a, b) => b[1].time - a[1].time);
  for (const [key, value] of entries.slice(0, POSITIONS_KEPT)) next[key] = value;
  return next;
}

const WIDE_READER_PX = 1024;
/** Below this width (a phone held upright) the toolbar's actions fold into a menu. */
const NARROW_READER_PX = 480;
const NOTE_SELECTOR_TARGETS = 'li, [role~="doc-endnotes"], [role~="doc-endnote"], [role~="doc-footnote"]';

function readingAids({ doc, root, bar, main, contents, contentsButton, progress, continueOffer, el, t, adapter }) {
  const win = doc.defaultView;
  let body = null;
  let key = null;
  let headings = [];
  let links = new Map();
  let current = null;
  let scroller = doc.scrollingElement || doc.documentElement;
  // Found again for each article, in its first frame (update): asked for while the article has
  // just been put in, it would style the whole article once more before its first paint.
  let scrollerStale = true;
  let frame = 0;
  let shownBefore = false;
  let saveTimer = 0;
  let note = null;
  let resetting = false;

  const motion = () => (win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

  function scrollerOf(node) {
    for (let n = node.parentElement; n && n !== doc.body && n !== doc.documentElement; n = n.parentElement) {
      const overflow = win.getComputedStyle(n).overflowY;
      if (overflow === 'auto' || overflow === 'scroll') return n;
    }
    return doc.scrollingElement || doc.documentElement;
  }
  const range = () => Math.max(0, scroller.scrollHeight - scroller.clientHeight);

  // ---- Contents --------------------------------------------------------------------------------
  function buildContents() {
    headings = body ? [...body.querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]')].filter((h) => h.textContent.trim()) : [];
    links = new Map();
    current = null;
    contents.replaceChildren();
    if (headings.length < 3) headings = [];
    if (!headings.length) return;
    const top = Math.min(...headings.map((h) => Number(h.tagName[1])));
    const list = el('ol', { class: 'lectern-contents-list' });
    for (const heading of headings) {
      const link = el('a', { href: `#${heading.id}`, text: heading.textContent.trim() });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        jump(heading);
      });
      links.set(heading, link);
      list.append(el('li', { class: `lectern-contents-level-${Number(heading.tagName[1]) - top}` }, link));
    }
    contents.append(el('h2', { class: 'lectern-contents-title', text: t('contents') }), list);
  }

  function jump(heading) {
    if (!root.classList.contains('lectern-wide')) setMenu(false);
    if (heading.tabIndex < 0 && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    // Only the reader's own scroller moves (scrollIntoView would scroll the demo page too).
    const top = scroller === doc.scrollingElement ? 0 : scroller.getBoundingClientRect().top;
    const margin = parseFloat(win.getComputedStyle(heading).scrollMarginTop) || 0;
    scroller.scrollTo({ top: scroller.scrollTop + heading.getBoundingClientRect().top - top - margin, behavior: motion() });
    heading.focus({ preventScroll: true });
    mark(heading);
  }

  function mark(heading) {
    if (heading === current) return;
    links.get(current)?.removeAttribute('aria-current');
    current = heading;
    links.get(current)?.setAttribute('aria-current', 'location');
  }

  function setMenu(open) {
    contentsButton.setAttribute('aria-expanded', String(open));
    layout();
  }
  contentsButton.addEventListener('click', () => {
    const open = contentsButton.getAttribute('aria-expanded') !== 'true';
    setMenu(open);
    // Into the menu, at the current section (or the first): Tab walks on through it.
    if (open) (links.get(current) ?? contents.querySelector('a'))?.focus();
  });

  /** The side panel where the reader is wide, the toolbar's menu where it is narrow. */
  // The reader's width, kept by a ResizeObserver (read there, after the browser's own layout):
  // reading it while an article has just been put in would lay the whole article out once more
  // before its first paint (a 1 MB page's article takes milliseconds to lay out).
  let width = root.clientWidth;
  function layout() {
    const wide = width >= WIDE_READER_PX;
    root.classList.toggle('lectern-wide', wide);
    root.classList.toggle('lectern-has-contents', headings.length > 0);
    if (!headings.length) {
      contents.hidden = true;
      contentsButton.hidden = true;
      contentsButton.setAttribute('aria-expanded', 'false');
      return;
    }
    if (wide) {
      if (contents.parentElement !== root) root.insertBefore(contents, main);
      contents.hidden = false;
      contentsButton.hidden = true;
      contentsButton.setAttribute('aria-expanded', 'false');
    } else {
      if (contents.parentElement !== bar) bar.insertBefore(contents, progress);
      contentsButton.hidden = false;
      contents.hidden = contentsButton.getAttribute('aria-expanded') !== 'true';
    }
  }
  if (typeof win.ResizeObserver === 'function') {
    new win.ResizeObserver(() => {
      width = root.clientWidth;
      layout();
    }).observe(root);
  }

  // ---- progress, the current section, the position kept -----------------------------------------
  function update() {
    frame = 0;
    if (!body) return;
    if (scrollerStale) {
      scroller = scrollerOf(root);
      scrollerStale = false;
    }
    const max = range();
    const fraction = max > 0 ? Math.min(1, scroller.scrollTop / max) : 0;
    progress.style.transform = `scaleX(${fraction})`;
    if (headings.length) {
      // A heading is the current section's once it reaches the top quarter of what shows.
      const view = scroller === doc.scrollingElement ? win.innerHeight : scroller.clientHeight;
      const line = bar.getBoundingClientRect().bottom + Math.max(48, view / 4);
      let at = null;
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top <= line) at = heading;
        else break;
      }
      mark(at);
    }
  }

  function onScroll(event) {
    if (!body || (event.target !== scroller && !(event.target === doc && scroller === doc.scrollingElement))) return;
    if (!frame) frame = win.requestAnimationFrame(update);
    if (resetting) {
      // The reader's own move to the top for a new article is not the person reading.
      resetting = false;
      if (scroller.scrollTop === 0) return;
    }
    if (key && adapter.savePositions) {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(savePosition, 300);
    }
  }
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });

  async function savePosition() {
    if (!body || !key) return;
    const max = range();
    const fraction = max > 0 ? scroller.scrollTop / max : 0;
    const url = key;
    try {
      const positions = await adapter.loadPositions();
      await adapter.savePositions(rememberPosition(positions, url, fraction));
    } catch {
      // storage unavailable: the position is not kept
    }
  }

  async function offerContinue(forBody) {
    let saved = null;
    try {
      saved = (await adapter.loadPositions())?.[key]?.at;
    } catch {
      saved = null;
    }
    if (body !== forBody || !Number.isFinite(saved) || saved < 0.02) return;
    const button = el('button', { type: 'button', class: 'lectern-button', text: t('continueReading') });
    button.addEventListener('click', () => {
      continueOffer.replaceChildren();
      scroller.scrollTo({ top: saved * range(), behavior: 'auto' });
      main.focus({ preventScroll: true });
    });
    continueOffer.replaceChildren(button);
  }

  // ---- footnotes ---------------------------------------------------------------------------------
  function noteFor(link) {
    const href = link.getAttribute('href') ?? '';
    if (!href.startsWith('#') || href.length < 2) return null;
    let id;
    try { id = decodeURIComponent(href.slice(1)); } catch { return null; }
    const target = doc.getElementById(id);
    if (!target || !body?.contains(target) || target.contains(link) || /^H[1-6]$/.test(target.tagName)) return null;
    if (!(link.closest('sup') || link.matches('[role~="doc-noteref"]') || target.closest(NOTE_SELECTOR_TARGETS))) return null;
    return target;
  }

  function closeNote({ focusRef = false } = {}) {
    if (!note) return;
    const { element, ref } = note;
    note = null;
    element.remove();
    ref.removeAttribute('aria-expanded');
    if (focusRef) ref.focus();
  }

  function openNote(ref, target) {
    closeNote();
    const label = ref.textContent.trim();
    const element = el('div', { class: 'lectern-note', role: 'dialog', 'aria-label': label ? t('footnoteLabel', label) : t('footnote'), tabindex: '-1' });
    const copy = target.cloneNode(true);
    for (const node of [copy, ...copy.querySelectorAll('[id]')]) node.removeAttribute('id');
    element.append(...copy.childNodes);
    // A link in the note back to the reference closes it; one is added where the note has none.
    const backs = [...element.querySelectorAll('a[href^="#"]')].filter((a) => {
      let id;
      try { id = decodeURIComponent(a.getAttribute('href').slice(1)); } catch { return false; }
      const to = doc.getElementById(id);
      return to && (to === ref || to.contains(ref));
    });
    if (!backs.length) {
      const back = el('a', { href: ref.id ? `#${ref.id}` : '#', class: 'lectern-note-back', text: '\u21a9\ufe0e', 'aria-label': t('backToText') });
      element.append(' ', back);
      backs.push(back);
    }
    for (const back of backs) {
      back.setAttribute('aria-label', t('backToText'));
      back.addEventListener('click', (event) => {
        event.preventDefault();
        closeNote({ focusRef: true });
      });
    }
    for (const a of element.querySelectorAll('a[href]')) {
      if (!a.getAttribute('href').startsWith('#')) {
        a.target = adapter.linkTarget || '_top';
        a.rel = 'noopener noreferrer';
      }
    }
    main.append(element);
    const refBox = ref.getBoundingClientRect();
    const mainBox = main.getBoundingClientRect();
    const width = element.offsetWidth;
    element.style.top = `${refBox.bottom - mainBox.top + 6}px`;
    element.style.left = `${Math.max(0, Math.min(refBox.left - mainBox.left - 16, main.clientWidth - width))}px`;
    ref.setAttribute('aria-expanded', 'true');
    note = { element, ref };
    element.focus({ preventScroll: true });
  }

  root.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    if (link && body?.contains(link)) {
      const target = noteFor(link);
      if (target) {
        event.preventDefault();
        if (note?.ref === link) closeNote({ focusRef: true });
        else openNote(link, target);
        return;
      }
    }
    if (note && !note.element.contains(event.target)) closeNote();
  });

  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (note) {
      event.preventDefault();
      closeNote({ focusRef: true });
    } else if (contentsButton.getAttribute('aria-expanded') === 'true' && !contentsButton.hidden) {
      event.preventDefault();
      setMenu(false);
      contentsButton.focus();
    }
  });

  return {
    attach(nextBody, url) {
      closeNote();
      clearTimeout(saveTimer);
      body = nextBody;
      key = nextBody && url && adapter.loadPositions && adapter.savePositions ? positionKey(url) : null;
      continueOffer.replaceChildren();
      buildContents();
      layout();
      scrollerStale = true;
      // A new article starts at its top (the demo's pane keeps its scroll between articles; the
      // first article of a reader starts there already, and reading the scroll position would
      // lay it out before its first paint).
      resetting = false;
      if (body && shownBefore && scroller.scrollTop > 0) {
        resetting = true;
        scroller.scrollTop = 0;
      }
      shownBefore ||= Boolean(body);
      progress.style.transform = 'scaleX(0)';
      root.classList.toggle('lectern-reading', Boolean(body));
      // Progress and the current section once the article has been laid out for its paint.
      if (body && !frame) frame = win.requestAnimationFrame(update);
      if (key) offerContinue(body);
    },
  };
}
