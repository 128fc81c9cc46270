// WCAG 2.x contrast, measured from computed styles inside a page or frame.
//
// `auditColours` is passed to page.evaluate() / frame.evaluate(), so it must stay
// self-contained (no references to anything outside its body). It returns one record per
// visible piece of text and per control, each with the colours it was measured from, so a
// failure message can say exactly what failed against what.
//
//   text:     every visible element with its own non-blank text, its colour against the
//             background actually behind it (ancestors' backgrounds composited, alpha included),
//             with the WCAG AA minimum for its size (4.5:1, or 3:1 for large text: at least
//             24px, or 18.66px and bold); placeholders of inputs and text areas as well.
//   controls: every visible, enabled element matching `controls`: its boundary against what
//             surrounds it (the stronger of its border and its own fill, 3:1 minimum).

export function auditColours({ root = 'body', controls = '', categories = [], skip = '' } = {}) {
  const parse = (value) => {
    const v = String(value).trim();
    if (v === 'transparent') return [0, 0, 0, 0];
    const srgb = v.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/);
    if (srgb) return [srgb[1] * 255, srgb[2] * 255, srgb[3] * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
    const rgb = v.match(/^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+%?))?\)$/);
    if (!rgb) throw new Error(`cannot read the colour ${v}`);
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : Number(rgb[4]);
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alpha];
  };
  // Source-over compositing of `top` on an opaque `bottom`.
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const luminance = ([r, g, b]) => {
    const lin = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const hex = (c) => `#${c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
  // The opaque colour behind an element: its own background and its ancestors', composited.
  const backgroundOf = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== 'none' && !style.backgroundImage.startsWith('url(')) {
        throw new Error(`cannot measure text over a gradient (${node.tagName.toLowerCase()}.${node.className})`);
      }
      const bg = parse(style.backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let colour = [255, 255, 255, 1]; // the canvas when nothing is opaque
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const opacityOf = (el) => {
    let opacity = 1;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
    return opacity;
  };
  const describe = (el) => {
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${cls} "${text}"`;
  };
  const visible = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && el.getClientRects().length > 0;
  const categoryOf = (el) => categories.find(([, selector]) => el.matches(selector))?.[0] ?? 'other';

  const scope = document.querySelector(root);
  if (!scope) throw new Error(`no ${root} to audit`);
  const text = [];
  for (const el of [scope, ...scope.querySelectorAll('*')]) {
    if (skip && el.matches(skip)) continue;
    if (el.closest(':disabled')) continue; // inactive controls are exempt (WCAG 1.4.3)
    if (!visible(el)) continue;
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!ownText) continue;
    const style = getComputedStyle(el);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const bg = backgroundOf(el);
    const opacity = opacityOf(el);
    const fgRaw = parse(style.color);
    const fg = over([...fgRaw.slice(0, 3), fgRaw[3] * opacity], bg);
    text.push({
      category: categoryOf(el), what: describe(el), fg: hex(fg), bg: hex(bg),
      ratio: ratio(fg, bg), minimum: large ? 3 : 4.5, size, large,
    });
  }
  // Placeholder text is text too (WCAG 1.4.3).
  for (const el of scope.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    if (!el.placeholder || !visible(el) || el.matches(':disabled')) continue;
    const style = getComputedStyle(el, '::placeholder');
    const bg = backgroundOf(el);
    const raw = parse(style.color);
    const fg = over([...raw.slice(0, 3), raw[3] * Number(style.opacity) * opacityOf(el)], bg);
    text.push({ category: 'placeholder', what: `${describe(el)} placeholder`, fg: hex(fg), bg: hex(bg), ratio: ratio(fg, bg), minimum: 4.5, size: parseFloat(style.fontSize), large: false });
  }
  const boundaries = [];
  for (const el of controls ? scope.querySelectorAll(controls) : []) {
    if (el.matches(':disabled') || el.closest('label')?.querySelector('input:disabled')) continue;
    if (!visible(el)) continue;
    const style = getComputedStyle(el);
    const outside = backgroundOf(el.parentElement);
    const fill = backgroundOf(el);
    const border = Math.min(...['Top', 'Right', 'Bottom', 'Left'].map((side) => (style[`border${side}Style`] === 'none' ? 0 : parseFloat(style[`border${side}Width`]))));
    const borderColour = over(parse(style.borderTopColor), fill);
    const byBorder = border >= 1 ? ratio(borderColour, outside) : 0;
    const byFill = ratio(fill, outside);
    boundaries.push({
      category: categoryOf(el), what: describe(el), border: border >= 1 ? hex(borderColour) : 'none', fill: hex(fill), outside: hex(outside),
      ratio: Math.max(byBorder, byFill), minimum: 3,
    });
  }
  return { text, boundaries };
}

/** The contrast ratio of two CSS colours (rgb()/rgba(), alpha ignored), in Node. */
export function contrast(a, b) {
  const channels = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
  const lum = (c) => {
    const [r, g, b] = channels(c).map((v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The records below their minimum, one line each, for an assertion message. */
export function failures(records) {
  return records.filter((r) => r.ratio < r.minimum)
    .map((r) => `${r.category}: ${r.what} ${r.fg ?? r.border}${r.bg ? ` on ${r.bg}` : ` (fill ${r.fill}) against ${r.outside}`} = ${r.ratio.toFixed(2)}:1, needs ${r.minimum}:1`);
}

/** The lowest ratio in each category. */
export function lowestByCategory(records) {
  const out = {};
  for (const r of records) out[r.category] = Math.min(out[r.category] ?? Infinity, r.ratio);
  return out;
}
