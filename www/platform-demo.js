// The reader's platform adapter on the demo site: strings from the extension's _locales files
// (one source for every UI string, the demo's own among them) in the first of the browser's
// languages there are messages for, settings in localStorage.

const SETTINGS_KEY = 'lectern.settings';
const POSITIONS_KEY = 'lectern.positions';
// The interface languages there are messages for (extension/_locales/<language>/messages.json).
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ar', 'ja'];

/**
 * The first of the person's languages (`navigator.languages`, most wanted first) there are
 * messages for, matched by its primary subtag ('de-AT' -> de): { messages: that language's
 * folder, locale: the browser's tag, for dates and numbers }. English when none is.
 */
export function chooseLanguage(wanted = []) {
  for (const tag of wanted) {
    const language = String(tag).toLowerCase().split(/[-_]/)[0];
    if (LANGUAGES.includes(language)) return { messages: language, locale: tag };
  }
  return { messages: 'en', locale: 'en' };
}

// build.sh copies extension/_locales next to the demo; when the repository root is served,
// the extension's own copy is one level up.
const messageFiles = (language) => [`./_locales/${language}/messages.json`, `../extension/_locales/${language}/messages.json`];

async function loadMessages(language) {
  for (const file of messageFiles(language)) {
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
    text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), () => value);
  }
  return text.replace(/\$\$/g, '$');
}

let speechModule = null;

export async function createDemoAdapter(wanted = navigator.languages ?? [navigator.language]) {
  const { messages: language, locale } = chooseLanguage(wanted);
  // English under the chosen language: a message missing there still says something.
  const [english, chosen] = await Promise.all([loadMessages('en'), language === 'en' ? {} : loadMessages(language)]);
  const messages = { ...english, ...chosen };
  return {
    t: (key, ...subs) => format(messages[key], subs.map(String)) || key,
    locale,
    linkTarget: '_blank',
    // The engine's speech module (sentences for "Read aloud"): loaded when reading starts.
    loadSpeech: () => (speechModule ??= import('./engine/lectern_speech.js').then(async (speech) => {
      await speech.default({ module_or_path: new URL('./engine/lectern_speech_bg.wasm', import.meta.url) });
      return speech;
    })),
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
