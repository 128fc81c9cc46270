// Puts the engine's (already sanitised) article HTML into an element, as a second line of
// defence. Prefers the HTML Sanitizer API (Element.setHTML with a configured Sanitizer: the
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

export function insertArticleHtml(target, html) {
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
