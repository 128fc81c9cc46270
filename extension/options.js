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
document.documentElement.lang = t('uiLanguage') || 'en';
document.documentElement.dir = t('uiDirection') === 'rtl' ? 'rtl' : 'ltr';
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

// ---- Site rules (issue 20, docs/site-rules.md): per site, delete one or all, export, import.
// An imported file is checked by the engine itself (the same reader as extraction's); a file it
// refuses changes nothing.
import { allRules, deleteAll, deleteRule, importRules, onRulesChanged } from './shared/site-rules.js';

const tt = (key, ...subs) => api.i18n.getMessage(key, subs.map(String));
const $ = (id) => document.getElementById(id);
const rulesStatus = $('rules-status');
$('rules-title').textContent = tt('rulesTitle');
$('rules-intro').textContent = tt('rulesIntro');
$('rules-export').textContent = tt('rulesExport');
$('rules-import').textContent = tt('rulesImport');
$('rules-clear').textContent = tt('rulesDeleteAll');

/** "Imported N rules", in the plural form the interface language uses for N. */
function importedMessage(count) {
  const locale = t('uiLanguage') || 'en';
  const n = new Intl.NumberFormat(locale).format(count);
  return tt(`rulesImported_${new Intl.PluralRules(locale).select(count)}`, n) || tt('rulesImported_other', n);
}

/** Imported files larger than this are refused before reading (the engine's own limit). */
const MAX_FILE_BYTES = 100 * 1024;
let engine = null;
const checkSiteRules = () => (engine ??= import('./engine/lectern.js').then(async (module) => {
  await module.default({ module_or_path: new URL('./engine/lectern_bg.wasm', import.meta.url) });
  return module.checkSiteRules;
}));

function element(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

async function showRules() {
  const { rules } = await allRules();
  const list = $('rules-list');
  $('rules-clear').disabled = !rules.length;
  if (!rules.length) {
    list.replaceChildren(element('p', { className: 'rules-none', textContent: tt('rulesNone') }));
    return;
  }
  const sites = new Map();
  for (const rule of rules) {
    if (!sites.has(rule.host)) sites.set(rule.host, []);
    sites.get(rule.host).push(rule);
  }
  list.replaceChildren(...[...sites].map(([host, siteRules]) => element('section', { className: 'rules-site' },
    element('h3', { textContent: host }),
    element('ul', {}, ...siteRules.map((rule) => {
      const what = rule.action === 'keep' ? tt('rulesKeep') : tt('rulesRemove');
      const remove = element('button', { type: 'button', textContent: tt('rulesDelete') });
      remove.setAttribute('aria-label', tt('rulesDeleteOne', `${what} ${rule.signature}`));
      remove.addEventListener('click', async () => {
        await deleteRule(host, rule.signature);
        rulesStatus.textContent = tt('rulesDeleted');
        await showRules();
      });
      return element('li', { className: 'rules-rule' }, `${what}: `, element('code', { textContent: rule.signature }), ' ', remove);
    })))));
}

$('rules-clear').addEventListener('click', async () => {
  await deleteAll();
  rulesStatus.textContent = tt('rulesDeletedAll');
  await showRules();
});

$('rules-export').addEventListener('click', async () => {
  const file = await allRules();
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }));
  const link = element('a', { href: url, download: 'lectern-site-rules.json' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
});

$('rules-import').addEventListener('click', () => $('rules-file').click());
$('rules-file').addEventListener('change', async () => {
  const input = $('rules-file');
  const [file] = input.files;
  input.value = '';
  if (!file) return;
  try {
    if (file.size > MAX_FILE_BYTES) throw new Error(`the file is larger than ${MAX_FILE_BYTES} bytes`);
    const text = await file.text();
    const count = (await checkSiteRules())(text);
    await importRules(JSON.parse(text));
    rulesStatus.textContent = importedMessage(count);
  } catch (error) {
    rulesStatus.textContent = tt('rulesImportFailed', String(error?.message ?? error));
  }
  await showRules();
});

onRulesChanged(() => { showRules(); });
await showRules();

// ---- Sites that open in the reader by themselves (issue 21): listed, each with a button that
// takes it off the list and gives back its host permission.
import { autoOpenSites, setAutoOpen, stopAutoOpen, onAutoOpenChanged } from './shared/auto-open.js';

const autoOpenStatus = $('auto-open-status');
$('auto-open-title').textContent = tt('autoOpenTitle');
$('auto-open-intro').textContent = tt('autoOpenIntro');

async function showAutoOpen() {
  const sites = await autoOpenSites();
  const list = $('auto-open-list');
  if (!sites.length) {
    list.replaceChildren(element('li', { className: 'auto-open-none', textContent: tt('autoOpenNone') }));
    return;
  }
  list.replaceChildren(...sites.map((host) => {
    const stop = element('button', { type: 'button', textContent: tt('autoOpenStop', host) });
    stop.addEventListener('click', async () => {
      await stopAutoOpen(host);
      autoOpenStatus.textContent = tt('autoOpenStopped', host);
      await showAutoOpen();
    });
    return element('li', { className: 'auto-open-site' }, element('span', { textContent: host }), ' ', stop);
  }));
}

// Opened by the reader as `options.html#auto-open=<host>` where it cannot ask itself (Firefox):
// the question, and the button that asks the browser for the site's permission.
const asked = /^#auto-open=(.+)$/.exec(location.hash);
const askedHost = asked ? decodeURIComponent(asked[1]) : null;
if (askedHost && globalThis.lecternProtocol.autoOpenOrigins(askedHost)) {
  $('auto-open-question').textContent = tt('autoOpenAsk', askedHost);
  const allow = $('auto-open-allow');
  allow.textContent = tt('alwaysOpen', askedHost);
  $('auto-open-ask').hidden = false;
  allow.addEventListener('click', () => {
    // Straight from the click: the browser asks only within it.
    api.permissions.request(globalThis.lecternProtocol.autoOpenOrigins(askedHost)).then(async (granted) => {
      if (granted) await setAutoOpen(askedHost, true);
      autoOpenStatus.textContent = tt(granted ? 'autoOpenOn' : 'autoOpenDenied', askedHost);
      $('auto-open-ask').hidden = granted;
    }).catch((error) => { autoOpenStatus.textContent = tt('autoOpenFailed', String(error?.message ?? error)); });
  });
  allow.focus();
}

onAutoOpenChanged(() => { showAutoOpen(); });
await showAutoOpen();
