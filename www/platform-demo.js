// The reader's platform adapter on the demo site: strings from the extension's _locales file
// (one source for every UI string), settings in localStorage.

const SETTINGS_KEY = 'lectern.settings';
const POSITIONS_KEY = 'lectern.positions';
// build.sh copies extension/_locales next to the demo; when the repository root is served,
// the extension's own copy is one level up.
const MESSAGE_FILES = ['./_locales/en/messages.json', '../extension/_locales/en/messages.json'];

async function loadMessages() {
  for (const file of MESSAGE_FILES) {
    try {
      const response = await fetch(new URL(file, import.meta.url));
      if (response.ok) return await response.json();
    } catch {
      // try the next location
    }
  }
  return {};
}

function format(entry, subs) {
  if (!entry?.message) return '';
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const value = content.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1] ?? '');
    text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), value);
  }
  return text.replace(/\$\$/g, '$');
}

export async function createDemoAdapter() {
  const messages = await loadMessages();
  return {
    t: (key, ...subs) => format(messages[key], subs.map(String)) || key,
    locale: navigator.language,
    linkTarget: '_blank',
    loadSettings() {
      try {
        return JSON.parse(localStorage.getItem(SETTINGS_KEY));
      } catch {
        return null;
      }
    },
    saveSettings(settings) {
      try {
        localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
      } catch {
        // private mode or storage full: settings just do not persist
      }
    },
    loadPositions() {
      try {
        return JSON.parse(localStorage.getItem(POSITIONS_KEY)) ?? {};
      } catch {
        return {};
      }
    },
    savePositions(positions) {
      try {
        localStorage.setItem(POSITIONS_KEY, JSON.stringify(positions));
      } catch {
        // private mode or storage full: positions just are not kept
      }
    },
    onSettingsChanged(callback) {
      window.addEventListener('storage', (event) => {
        if (event.key !== SETTINGS_KEY || !event.newValue) return;
        try { callback(JSON.parse(event.newValue)); } catch { /* ignore */ }
      });
    },
  };
}
