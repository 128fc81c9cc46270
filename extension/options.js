// Options: the optional "readable page" toolbar icon. Host permissions are requested only when
// the user switches it on, and given back when they switch it off.
const api = globalThis.browser ?? globalThis.chrome;
const ORIGINS = { origins: ['http://*/*', 'https://*/*'] };
const t = (key) => api.i18n.getMessage(key);

const box = document.getElementById('readerable');
const status = document.getElementById('status');
document.title = t('optionsTitle');
document.getElementById('title').textContent = t('optionsTitle');
document.getElementById('readerable-label').textContent = t('optionsReaderableIcon');

const { readerableIcon } = await api.storage.local.get('readerableIcon');
box.checked = readerableIcon === true && (await api.permissions.contains(ORIGINS));

box.addEventListener('change', async () => {
  if (box.checked) {
    // Must run straight from the click: the browser only asks during a user gesture.
    const granted = await api.permissions.request(ORIGINS);
    box.checked = granted;
    await api.storage.local.set({ readerableIcon: granted });
    status.textContent = granted ? t('optionsSaved') : t('optionsDenied');
  } else {
    await api.storage.local.set({ readerableIcon: false });
    await api.permissions.remove(ORIGINS).catch(() => {});
    status.textContent = t('optionsSaved');
  }
});
