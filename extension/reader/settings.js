// Reader settings: the defaults, the allowed values, and how they apply to the reader's root.
// Persisting is the platform adapter's job (extension storage or localStorage).

export const CHOICES = Object.freeze({
  theme: ['light', 'sepia', 'dark', 'auto'],
  font: ['serif', 'sans', 'mono'],
  width: ['narrow', 'medium', 'wide'],
  spacing: ['tight', 'normal', 'loose'],
});

export const TEXT_SIZES = Object.freeze([14, 16, 18, 20, 22, 24, 28, 32]);

export const DEFAULTS = Object.freeze({
  theme: 'auto',
  font: 'serif',
  size: 20,
  width: 'medium',
  spacing: 'normal',
});

/** Returns a complete, valid settings object from whatever storage gave us. */
export function normalise(raw) {
  const out = { ...DEFAULTS };
  if (!raw || typeof raw !== 'object') return out;
  for (const [key, allowed] of Object.entries(CHOICES)) {
    if (allowed.includes(raw[key])) out[key] = raw[key];
  }
  if (TEXT_SIZES.includes(raw.size)) out.size = raw.size;
  return out;
}

export function stepSize(size, direction) {
  const i = TEXT_SIZES.indexOf(size);
  const next = Math.min(TEXT_SIZES.length - 1, Math.max(0, (i < 0 ? 3 : i) + direction));
  return TEXT_SIZES[next];
}

export function applySettings(root, settings) {
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  root.dataset.width = settings.width;
  root.dataset.spacing = settings.spacing;
  root.style.setProperty('--lectern-font-size', `${settings.size}px`);
}
