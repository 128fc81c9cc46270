// Options: the optional "readable page" toolbar icon. Host permissions are requested only when
// the user switches it on, and given back when they switch it off.
import './shared/protocol.js';

const api = globalThis.browser ?? globalThis.chrome;
const { StorageKeys, READERABLE_ORIGINS } = globalThis.lecternProtocol;
const KEY = StorageKeys.READERABLE_ICON;
const t = (key) => api.i18n.getMessage(key);

const box = document.getElementById('readerable');
const status = document.getElementById('status');
document.title = t('optionsTitle');
document.getElementById('title').textContent = t('optionsTitle');
document.getElementById('readerable-label').textContent = t('optionsReaderableIcon');

const stored = await api.storage.local.get(KEY);
box.checked = stored[KEY] === true && (await api.permissions.contains(READERABLE_ORIGINS));

box.addEventListener('change', async () => {
  if (box.checked) {
    // Must run straight from the click: the browser only asks during a user gesture.
    const granted = await api.permissions.request(READERABLE_ORIGINS);
    box.checked = granted;
    await api.storage.local.set({ [KEY]: granted });
    status.textContent = granted ? t('optionsSaved') : t('optionsDenied');
  } else {
    await api.storage.local.set({ [KEY]: false });
    await api.permissions.remove(READERABLE_ORIGINS).catch(() => {});
    status.textContent = t('optionsSaved');
  }
});
