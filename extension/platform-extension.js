// The reader's platform adapter inside the extension: strings from _locales through the i18n
// API, settings in storage.sync (storage.local where sync is unavailable).

const api = globalThis.browser ?? globalThis.chrome;
const KEY = 'settings';

async function withArea(fn) {
  if (api.storage.sync) {
    try {
      return await fn(api.storage.sync);
    } catch {
      // sync can be disabled by policy or unavailable for temporary add-ons: use local
    }
  }
  return fn(api.storage.local);
}

export const extensionAdapter = {
  t: (key, ...subs) => api.i18n.getMessage(key, subs.map(String)),
  locale: api.i18n.getUILanguage?.() || undefined,
  linkTarget: '_top',
  async loadSettings() {
    const stored = await withArea((area) => area.get(KEY));
    return stored?.[KEY] ?? null;
  },
  async saveSettings(settings) {
    await withArea((area) => area.set({ [KEY]: settings }));
  },
  onSettingsChanged(callback) {
    api.storage.onChanged.addListener((changes) => {
      if (changes[KEY]?.newValue) callback(changes[KEY].newValue);
    });
  },
};
