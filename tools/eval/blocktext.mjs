// A stand-in for `lectern --whole-document --format text`, used only when no Lectern binary is
// built: article HTML to text with blocks separated by blank lines, without captions, alt
// text or URLs. The eval prefers the CLI so both sides share exactly the same text rules.

import { DOMParser } from 'linkedom';

const BLOCKS = new Set(
  ('address article aside blockquote dd details div dl dt fieldset figure footer form h1 h2 h3 ' +
    'h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot tr td th ul')
    .split(' '),
);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'figcaption', 'img', 'svg', 'math', 'button']);

export function htmlToBlockText(html) {
  const doc = new DOMParser().parseFromString(`<html><body>${html}</body></html>`, 'text/html');
  const blocks = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/[ \t\r\f]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    if (text) blocks.push(text);
    current = '';
  };
  const walk = (node, inPre) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        current += inPre ? child.data : child.data.replace(/\s+/g, ' ');
      } else if (child.nodeType === 1) {
        const tag = child.localName;
        if (SKIP.has(tag)) continue;
        if (tag === 'br') { current += '\n'; continue; }
        const block = BLOCKS.has(tag);
        if (block) flush();
        walk(child, inPre || tag === 'pre');
        if (block) flush();
      }
    }
  };
  walk(doc.body ?? doc, false);
  flush();
  return blocks.join('\n\n');
}
