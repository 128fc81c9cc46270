// The demo page: paste, open or pick a page; the wasm engine (in a Worker) extracts the
// article and the shared reader renderer shows it beside the original page, which is rendered
// in a sandboxed iframe without scripts.

import { createReader, formatDate, interfaceLanguage } from './reader/reader.js';
import { createEngine } from './reader/engine-client.js';
import { createDemoAdapter } from './platform-demo.js';

const $ = (id) => document.getElementById(id);
const ui = {
  sample: $('sample'), file: $('file'), address: $('address'), html: $('html'), drop: $('drop'),
  show: $('show'), status: $('engine-status'), output: $('output'), panes: document.querySelector('.panes'),
  original: $('original'), timing: $('timing'), meta: $('meta'), explain: $('explain'),
};

// Offline once loaded: a small service worker keeps a copy of the demo's own files.
navigator.serviceWorker?.register('./sw.js').catch(() => {});

const engine = createEngine();
engine.warmUp(); // fetch and compile the wasm (streaming) while the person reads the page
const engineReady = engine.isProbablyReaderable('<p></p>');
engineReady.catch(() => {}); // said below, once the messages are in

// The interface in the first of the browser's languages the demo has messages for.
const adapter = await createDemoAdapter();
const t = (key, ...subs) => adapter.t(key, ...subs);
const language = interfaceLanguage(adapter);
document.documentElement.lang = language.lang;
document.documentElement.dir = language.dir;
for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
for (const node of document.querySelectorAll('[data-i18n-attr]')) {
  for (const pair of node.dataset.i18nAttr.split(';')) {
    const [attribute, key] = pair.split(':');
    node.setAttribute(attribute, t(key));
  }
}
engineReady
  .then(() => { ui.status.textContent = t('demoEngineReady'); })
  .catch((error) => { ui.status.textContent = t('demoEngineFailed', error.message); });
const reader = createReader($('reader'), adapter, {
  onClose() {
    ui.output.hidden = true;
    ui.html.focus();
  },
});

let highlighted = null;
let run = 0;

async function showReaderView() {
  const html = ui.html.value;
  if (!html.trim()) {
    ui.status.textContent = t('demoNothingToShow');
    ui.html.focus();
    return;
  }
  const url = ui.address.value.trim() || null;
  const current = ++run;
  ui.output.hidden = false;
  ui.original.srcdoc = html;
  reader.showLoading(html.length);
  ui.timing.textContent = '…';
  ui.meta.replaceChildren();
  ui.explain.replaceChildren();
  ui.status.textContent = t('demoExtracting');
  try {
    const { result, ms } = await engine.extract(html, url, { explain: true });
    if (current !== run) return;
    await reader.ready;
    ui.timing.textContent = t('demoMilliseconds', language.number(ms, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
    if (result) {
      reader.render(result, {
        url,
        // The removed blocks, asked for when the person opens "Removed" (the timing above is
        // the plain extraction's).
        loadRemoved: () => engine.extract(html, url, { removedBlocks: true }).then((r) => r.result),
        onShowWholePage: () => showWholePage(html, url),
        pageSource: () => ({ html, url }),
      });
      fillMetadata(result);
      fillExplain(result.removed ?? []);
      ui.status.textContent = t('demoExtracted', result.title ?? t('demoUntitled'));
    } else {
      reader.showNoArticle({ onUseSelection: () => useSelection(url) });
      ui.status.textContent = t('demoNoArticle');
    }
  } catch (error) {
    if (current !== run) return;
    ui.timing.textContent = '–';
    reader.showError(error?.message ?? error);
    ui.status.textContent = t('demoEngineError');
  }
}

/** The whole page as the article (offered when the article may be incomplete). */
async function showWholePage(html, url) {
  try {
    const { result } = await engine.extract(html, url, { wholeDocument: true });
    if (result) reader.render(result, { url });
    else reader.showNoArticle();
  } catch (error) {
    reader.showError(error?.message ?? error);
  }
}

/** Selection mode: the text selected in the original page becomes the article. */
async function useSelection(url) {
  const doc = ui.original.contentDocument;
  const selection = doc?.getSelection();
  if (!selection || selection.isCollapsed) {
    reader.showNoSelection();
    return;
  }
  const box = doc.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) box.append(selection.getRangeAt(i).cloneContents());
  try {
    const { result } = await engine.extract(box.innerHTML, url, { wholeDocument: true });
    if (result) reader.render(result, { url, title: doc.title || adapter.t('selectionTitle') });
    else reader.showNoSelection();
  } catch (error) {
    reader.showError(error?.message ?? error);
  }
}

function fillMetadata(result) {
  const rows = [
    [t('demoMetaTitle'), result.title],
    [t('demoMetaByline'), result.byline],
    [t('demoMetaSite'), result.siteName],
    [t('demoMetaPublished'), result.publishedTime ? `${formatDate(result.publishedTime, language.locale) ?? ''} (${result.publishedTime})` : null],
    [t('demoMetaLanguage'), [result.lang, result.dir].filter(Boolean).join(', ') || null],
    [t('demoMetaReadingTime'), result.readingTimeMinutes != null ? language.count('readingTime', result.readingTimeMinutes) : null],
    [t('demoMetaWords'), result.wordCount != null ? language.number(result.wordCount) : null],
    [t('demoMetaExcerpt'), result.excerpt],
    [t('demoMetaLeadImage'), result.leadImageUrl],
  ];
  ui.meta.replaceChildren(...rows.map(([name, value]) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = name;
    const td = document.createElement('td');
    td.textContent = value ?? '—';
    tr.append(th, td);
    return tr;
  }));
}

function fillExplain(removed) {
  if (!removed.length) {
    const li = document.createElement('li');
    li.textContent = t('demoNothingRemoved');
    ui.explain.replaceChildren(li);
    return;
  }
  ui.explain.replaceChildren(...removed.map((entry) => {
    const li = document.createElement('li');
    li.tabIndex = 0;
    const what = document.createElement('code');
    what.textContent = `<${entry.tag ?? '?'}>`;
    const why = document.createElement('span');
    why.textContent = ` ${entry.stage ?? ''}: ${entry.rule ?? ''}${entry.detail ? ` – ${entry.detail}` : ''}`;
    const preview = document.createElement('span');
    preview.className = 'preview';
    preview.textContent = entry.preview ?? '';
    li.append(what, why, preview);
    // Focusable (to highlight by keyboard), so it needs its own name: list items get none
    // from their content.
    li.setAttribute('aria-label', t('demoExplainEntry', `${what.textContent}${why.textContent}`, preview.textContent).trim());
    const on = () => highlight(entry.index);
    li.addEventListener('mouseenter', on);
    li.addEventListener('focus', on);
    li.addEventListener('mouseleave', () => highlight(null));
    li.addEventListener('blur', () => highlight(null));
    return li;
  }));
}

const HIGHLIGHT = 'data-lectern-removed';
function highlight(index) {
  const doc = ui.original.contentDocument;
  if (!doc) return;
  highlighted?.removeAttribute(HIGHLIGHT);
  highlighted = null;
  if (index == null) return;
  const win = ui.original.contentWindow;
  if (!doc.adoptedStyleSheets.length && win?.CSSStyleSheet) {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(`[${HIGHLIGHT}] { outline: 3px solid #d40000 !important; outline-offset: 2px; background-color: rgba(255, 213, 74, 0.45) !important; }`);
    doc.adoptedStyleSheets = [sheet];
  }
  const el = doc.querySelectorAll('*')[index];
  if (!el) return;
  el.setAttribute(HIGHLIGHT, '');
  highlighted = el;
  el.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
}

async function loadFile(file) {
  if (!file) return;
  ui.html.value = await file.text();
  ui.sample.value = '';
  await showReaderView();
}

ui.show.addEventListener('click', showReaderView);
ui.file.addEventListener('change', () => loadFile(ui.file.files[0]));
ui.sample.addEventListener('change', async () => {
  const option = ui.sample.selectedOptions[0];
  if (!option?.value) return;
  const response = await fetch(option.value);
  ui.html.value = await response.text();
  ui.address.value = option.dataset.url ?? '';
  await showReaderView();
});
ui.drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  ui.drop.classList.add('dragging');
});
ui.drop.addEventListener('dragleave', () => ui.drop.classList.remove('dragging'));
ui.drop.addEventListener('drop', (event) => {
  event.preventDefault();
  ui.drop.classList.remove('dragging');
  loadFile(event.dataTransfer?.files?.[0]);
});
for (const button of document.querySelectorAll('.view-toggle button')) {
  button.addEventListener('click', () => {
    ui.panes.dataset.view = button.dataset.view;
    for (const b of document.querySelectorAll('.view-toggle button')) b.setAttribute('aria-pressed', String(b === button));
  });
}
