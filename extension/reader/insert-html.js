// Puts the engine's (already sanitised) article HTML into an element.
// Prefers the HTML Sanitizer API's Element.setHTML(); otherwise parses into an inert document
// and strips anything executable before adopting the nodes. Never uses innerHTML on a live
// document.

const EXECUTABLE = 'script, iframe, object, embed, frame, frameset, base, meta, link, noscript, template';

export function insertArticleHtml(target, html) {
  target.replaceChildren();
  if (typeof target.setHTML === 'function') {
    try {
      target.setHTML(html);
      return target;
    } catch {
      // fall through to the inert-document route
    }
  }
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  for (const el of doc.body.querySelectorAll(EXECUTABLE)) el.remove();
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' ||
          ((name === 'href' || name === 'src' || name === 'action' || name === 'formaction' ||
            name === 'xlink:href') && /^(javascript|vbscript|data:text\/html)/.test(value.replace(/\s+/g, '')))) {
        el.removeAttribute(attr.name);
      }
    }
  }
  target.append(...[...doc.body.childNodes].map((n) => target.ownerDocument.adoptNode(n)));
  return target;
}
