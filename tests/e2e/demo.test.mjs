// The demo site (www/) in headless Chromium: every way in (paste, file, samples), what it
// shows (reader, metadata, timing, Explain), and that pasted pages never run code.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';
import { ROOT, FIXTURES, CHROMIUM, STORY_PARAGRAPHS, CLUTTER, STORY_TITLE } from './helpers/paths.mjs';

const NEWS = readFileSync(join(FIXTURES, 'news.html'), 'utf8');

describe('the demo site', () => {
  let server;
  let browser;
  let origin;

  before(async () => {
    // The repository root, so the demo is reached at /www/ exactly as build.sh lays it out.
    server = await serve(ROOT, 0);
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    server?.closeAllConnections?.();
  });

  /** The demo in a new context (`options`: Playwright's, e.g. a viewport or a `locale`), its engine ready. */
  async function openDemo(options = {}, ready = 'Engine ready.') {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    const consoleMessages = [];
    const requests = [];
    page.on('console', (message) => consoleMessages.push(message.text()));
    page.on('pageerror', (error) => consoleMessages.push(`pageerror: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${origin}/www/`);
    await page.getByRole('status').filter({ hasText: ready }).waitFor();
    return { page, context, consoleMessages, requests, done: () => context.close() };
  }

  const article = (page) => page.locator('#reader article');
  async function showPasted(page, html, address = '') {
    await page.getByLabel('Page HTML').fill(html);
    await page.getByLabel('Page address').fill(address);
    await page.getByRole('button', { name: 'Show reader view' }).click();
  }

  it('a pasted page becomes a reader view: the story with its title, without the clutter', async () => {
    const { page, done } = await openDemo();
    await showPasted(page, NEWS, 'https://news.example/story');
    await article(page).waitFor();
    const text = await article(page).textContent();
    for (const paragraph of STORY_PARAGRAPHS) assert.ok(text.includes(paragraph), paragraph);
    for (const clutter of CLUTTER) assert.ok(!text.includes(clutter), clutter);
    const title = await page.evaluate(() => document.querySelector('#reader article').parentElement.querySelector('h1')?.textContent);
    assert.equal(title, STORY_TITLE);
    await done();
  });

  it('a pasted page offers "Removed": the sidebar and the comment form by group, "Restore" puts the sidebar back after the story, by keyboard', async () => {
    const { page, done } = await openDemo();
    await showPasted(page, NEWS, 'https://news.example/story');
    await article(page).waitFor();
    const removed = page.locator('#reader').getByRole('button', { name: 'Removed', exact: true });
    await removed.focus();
    await page.keyboard.press('Enter');
    assert.equal(await removed.getAttribute('aria-expanded'), 'true');
    const panel = page.locator('#reader .lectern-removed');
    const sidebar = panel.locator('li', { hasText: 'Recent News' });
    await sidebar.waitFor();
    assert.equal(await sidebar.locator('.lectern-removed-rule').textContent(), 'aside');
    assert.equal(await panel.locator('h3', { hasText: /^Sidebars \(\d+\)$/ }).count(), 1);
    const form = panel.locator('li', { hasText: 'Your email address will not be published' });
    assert.equal(await form.locator('.lectern-removed-rule').textContent(), 'form');
    assert.ok(!(await article(page).textContent()).includes('Recent News'), 'not in the article before Restore');
    await sidebar.getByRole('button', { name: 'Restore' }).focus();
    await page.keyboard.press('Enter');
    const text = await article(page).textContent();
    assert.ok(text.indexOf('Recent News') > text.indexOf(STORY_PARAGRAPHS[3]), 'the sidebar is back after the story');
    assert.match(await page.locator('#reader .lectern-status').textContent(), /Restored to the article: Recent News/);
    await done();
  });

  it('a long read in the demo: "Contents" jumps inside the reader pane, a footnote opens in a popover, the position is offered again', async () => {
    const { page, done } = await openDemo();
    const longRead = readFileSync(join(FIXTURES, 'long-read.html'), 'utf8');
    await showPasted(page, longRead, 'https://paper.example/long-read');
    await article(page).waitFor();
    const reader = page.locator('#reader');
    // The pane is narrower than the side panel needs: "Contents" is a menu.
    await reader.getByRole('button', { name: 'Contents', exact: true }).click();
    const link = reader.getByRole('navigation', { name: 'Contents', exact: true }).getByRole('link', { name: 'What remains today' });
    // Where the link is (Playwright scrolls the page to reach it, if it must), then the jump.
    await link.scrollIntoViewIfNeeded();
    const pageTop = await page.evaluate(() => document.scrollingElement.scrollTop);
    await link.click();
    await page.waitForFunction(() => {
      const heading = document.getElementById('article-sec5');
      const pane = heading.closest('.pane-reader') ?? document.scrollingElement;
      return document.activeElement === heading && pane.scrollTop > 0;
    });
    assert.equal(await page.evaluate(() => document.scrollingElement.scrollTop), pageTop, 'the jump does not scroll the demo page itself');
    await page.waitForFunction(() => document.querySelector('#reader nav a[aria-current="location"]')?.textContent === 'What remains today');
    await reader.getByRole('button', { name: 'Contents', exact: true }).click();
    assert.equal(await reader.locator('nav a[aria-current="location"]').textContent(), 'What remains today');
    await page.keyboard.press('Escape');
    await reader.locator('article sup a').first().click();
    const note = reader.getByRole('dialog', { name: 'Note 1' });
    assert.match(await note.textContent(), /The first note/);
    await page.keyboard.press('Escape');
    assert.equal(await note.count(), 0);
    // Reading positions live in localStorage: showing the page again offers to continue.
    await page.evaluate(() => { const pane = document.querySelector('.pane-reader'); pane.scrollTop = (pane.scrollHeight - pane.clientHeight) / 2; });
    await page.waitForFunction(() => Math.abs(JSON.parse(localStorage.getItem('lectern.positions') ?? '{}')['https://paper.example/long-read']?.at - 0.5) < 0.02);
    await showPasted(page, longRead, 'https://paper.example/long-read');
    await reader.getByRole('button', { name: 'Continue where you left off' }).waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('.pane-reader').scrollTop), 0, 'the article shown again starts at its top');
    await reader.getByRole('button', { name: 'Continue where you left off' }).click();
    const at = await page.evaluate(() => { const pane = document.querySelector('.pane-reader'); return pane.scrollTop / (pane.scrollHeight - pane.clientHeight); });
    assert.ok(Math.abs(at - 0.5) < 0.02, `continued at ${at}`);
    await done();
  });

  it('shows the metadata and the extraction time', async () => {
    const { page, done } = await openDemo();
    await showPasted(page, NEWS);
    await article(page).waitFor();
    const cell = (name) => page.locator('#meta tr', { has: page.locator('th', { hasText: name }) }).locator('td').textContent();
    assert.equal(await cell('Title'), STORY_TITLE);
    assert.match(await cell('Byline'), /Staff Reporter/);
    assert.equal(await cell('Site'), 'World News Daily');
    assert.match(await cell('Published'), /2025/);
    assert.match(await cell('Language'), /^en/);
    assert.match(await cell('Reading time'), /^\d+ min read$/);
    assert.match(await page.locator('#timing').textContent(), /^\d+(\.\d)? ms$/);
    await done();
  });

  it('"Open HTML file" shows the file as a reader view', async () => {
    const { page, done } = await openDemo();
    await page.getByLabel('Open HTML file').setInputFiles(join(FIXTURES, 'news.html'));
    await article(page).waitFor();
    assert.ok((await article(page).textContent()).includes(STORY_PARAGRAPHS[3]));
    assert.equal(await page.getByLabel('Page HTML').inputValue(), NEWS);
    await done();
  });

  it('dropping an HTML file on the page box shows it as a reader view', async () => {
    const { page, done } = await openDemo();
    const transfer = await page.evaluateHandle((html) => {
      const dt = new DataTransfer();
      dt.items.add(new File([html], 'news.html', { type: 'text/html' }));
      return dt;
    }, NEWS);
    await page.locator('#drop').dispatchEvent('drop', { dataTransfer: transfer });
    await article(page).waitFor();
    assert.ok((await article(page).textContent()).includes(STORY_PARAGRAPHS[0]));
    await done();
  });

  it('the news sample drops ads, widgets and comments', async () => {
    const { page, done } = await openDemo();
    await page.getByLabel('Sample page').selectOption({ label: 'Cluttered news page' });
    await article(page).waitFor();
    const text = await article(page).textContent();
    assert.ok(text.includes(STORY_PARAGRAPHS[2]));
    for (const clutter of [...CLUTTER, 'Advertisement', 'We use cookies']) assert.ok(!text.includes(clutter), clutter);
    await done();
  });

  it('the blog sample keeps its code blocks and table', async () => {
    const { page, done } = await openDemo();
    await page.getByLabel('Sample page').selectOption({ label: 'Blog post with code' });
    await article(page).waitFor();
    assert.equal(await page.locator('#reader h1').textContent(), 'Streaming a WebAssembly module without blocking the page');
    assert.equal(await article(page).locator('pre code.language-rust').count(), 1);
    assert.equal(await article(page).locator('.lectern-scroll table').count(), 1);
    const pre = await article(page).locator('pre').first().evaluate((el) => ({ ws: getComputedStyle(el).whiteSpace, overflow: getComputedStyle(el).overflowX }));
    assert.deepEqual(pre, { ws: 'pre', overflow: 'auto' });
    assert.ok(!(await article(page).textContent()).includes('Popular posts'));
    await done();
  });

  it('the Arabic sample is laid out right to left', async () => {
    const { page, done } = await openDemo();
    await page.getByLabel('Sample page').selectOption({ label: 'Arabic article (right to left)' });
    await article(page).waitFor();
    const view = await article(page).evaluate((el) => ({ dir: el.dir, lang: el.lang, direction: getComputedStyle(el).direction }));
    assert.deepEqual(view, { dir: 'rtl', lang: 'ar', direction: 'rtl' });
    assert.equal(await page.locator('#reader h1').textContent(), 'المكتبات العامة تعود إلى قلب المدينة');
    await done();
  });

  it('the sample without an article gets the friendly no-article message', async () => {
    const { page, done } = await openDemo();
    await page.getByLabel('Sample page').selectOption({ label: 'Page without an article' });
    await page.locator('#reader .lectern-message h1').waitFor();
    assert.equal(await page.locator('#reader .lectern-message h1').textContent(), 'No article here');
    assert.equal(await article(page).count(), 0);
    await done();
  });

  it('a pasted page never runs its scripts or event handlers', async () => {
    const { page, consoleMessages, done } = await openDemo();
    const hostile = NEWS.replace('</head>', `<script>parent.__pwned = 'script'; console.log('pwned by script');</script></head>`)
      .replace('<div class="entry-content">', `<div class="entry-content"><img src="missing.png" onerror="parent.__pwned = 'onerror'; console.log('pwned by onerror')"><svg onload="parent.__pwned = 'svg'; console.log('pwned by svg')"></svg>`);
    await showPasted(page, hostile);
    await article(page).waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(consoleMessages.filter((m) => m.includes('pwned')), []);
    assert.equal(await page.locator('#reader [onerror], #reader [onload], #reader script').count(), 0);
    assert.equal(await page.locator('#original').getAttribute('sandbox'), 'allow-same-origin');
    await done();
  });

  it('an engine error becomes a polite message, and the demo keeps working', async () => {
    const { page, consoleMessages, done } = await openDemo();
    await showPasted(page, NEWS, 'not a web address');
    const message = page.locator('#reader .lectern-message');
    await message.locator('h1', { hasText: 'Something went wrong' }).waitFor();
    assert.match(await message.textContent(), /The page itself is unchanged\. Details: invalid page address/);
    assert.deepEqual(consoleMessages.filter((m) => m.startsWith('pageerror')), []);
    await showPasted(page, NEWS, 'https://news.example/story');
    await article(page).waitFor();
    await done();
  });

  it('Explain lists what was removed and highlights it in the original on hover', async () => {
    const { page, done } = await openDemo();
    await page.getByLabel('Sample page').selectOption({ label: 'Cluttered news page' });
    await article(page).waitFor();
    const entries = page.locator('#explain li');
    assert.ok((await entries.count()) > 0);
    const entry = entries.filter({ hasText: 'form' }).first();
    await entry.hover();
    const highlighted = page.frameLocator('#original').locator('[data-lectern-removed]');
    await highlighted.waitFor();
    assert.equal(await highlighted.evaluate((el) => el.tagName.toLowerCase()), 'form');
    await page.mouse.move(0, 0);
    await highlighted.waitFor({ state: 'detached' });
    await done();
  });

  it('makes no third-party requests and serves the wasm for streaming compilation', async () => {
    const { page, requests, done } = await openDemo();
    const wasm = await page.request.get(`${origin}/www/engine/lectern_bg.wasm`);
    assert.equal(wasm.headers()['content-type'], 'application/wasm');
    await page.getByLabel('Sample page').selectOption({ label: 'Cluttered news page' });
    await article(page).waitFor();
    const foreign = requests.filter((url) => !url.startsWith(origin) && !/^(data|blob|about):/.test(url));
    assert.deepEqual(foreign, []);
    await done();
  });

  it('works offline once it has been loaded', async () => {
    const { page, context, done } = await openDemo();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.reload(); // now under the service worker's control, which has cached the files
    await page.getByRole('status').filter({ hasText: 'Engine ready.' }).waitFor();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Engine ready.' }).waitFor();
    await page.getByLabel('Sample page').selectOption({ label: 'Blog post with code' });
    await article(page).waitFor();
    assert.equal(await page.locator('#reader h1').textContent(), 'Streaming a WebAssembly module without blocking the page');
    await context.setOffline(false);
    await done();
  });

  it('reader settings persist in localStorage across visits', async () => {
    const { page, done } = await openDemo();
    await page.getByLabel('Sample page').selectOption({ label: 'Cluttered news page' });
    await article(page).waitFor();
    await page.getByRole('button', { name: 'Reader settings' }).click();
    await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Engine ready.' }).waitFor();
    await page.getByLabel('Sample page').selectOption({ label: 'Cluttered news page' });
    await article(page).waitFor();
    assert.equal(await page.locator('.lectern-app').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(28, 28, 30)');
    await done();
  });

  it('on a phone-sized screen it shows one pane at a time', async () => {
    const { page, done } = await openDemo({ viewport: { width: 390, height: 800 } });
    await page.getByLabel('Sample page').selectOption({ label: 'Cluttered news page' });
    await article(page).waitFor();
    assert.ok(await page.locator('.pane-reader').isVisible());
    assert.ok(!(await page.locator('.pane-original').isVisible()));
    await page.getByRole('button', { name: 'Original only' }).click();
    assert.ok(await page.locator('.pane-original').isVisible());
    assert.ok(!(await page.locator('.pane-reader').isVisible()));
    await done();
  });

  // ---- issue 24: the demo in the browser's language (navigator.languages) ----------------------
  it('in German (the browser\'s first language) the demo\'s own text, the reader\'s controls and the metadata are German', async () => {
    const { page, done } = await openDemo({ locale: 'de-DE' }, 'Engine bereit.');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    assert.equal(await page.title(), 'Lectern – Demo der Leseansicht');
    await page.getByLabel('HTML der Seite').fill(NEWS);
    await page.getByRole('button', { name: 'Leseansicht zeigen' }).click();
    await article(page).waitFor();
    assert.ok(await page.locator('#reader').getByRole('button', { name: 'Leseeinstellungen' }).isVisible());
    const cell = (name) => page.locator('#meta tr', { has: page.locator('th', { hasText: name }) }).locator('td').textContent();
    assert.match(await cell('Lesezeit'), /^\d+ Minuten? Lesezeit$/);
    assert.match(await cell('Veröffentlicht'), /^25\. Juli 2025/);
    await done();
  });

  it('in Arabic the demo and its reader\'s interface are right to left; the article keeps its own direction', async () => {
    const { page, done } = await openDemo({ locale: 'ar' }, 'المحرك جاهز.');
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
    await page.getByLabel('HTML الصفحة').fill(NEWS);
    await page.getByRole('button', { name: 'عرض القراءة', exact: true }).click();
    await article(page).waitFor();
    const view = await page.evaluate(() => ({
      dir: document.querySelector('.lectern-app').dir,
      toolbar: getComputedStyle(document.querySelector('.lectern-toolbar')).direction,
      article: getComputedStyle(document.querySelector('#reader article')).direction,
    }));
    assert.deepEqual(view, { dir: 'rtl', toolbar: 'rtl', article: 'ltr' });
    await done();
  });

  it('a browser language the demo has no messages for falls back to English', async () => {
    const { page, done } = await openDemo({ locale: 'pt-BR' });
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['en', 'ltr']);
    assert.ok(await page.getByRole('button', { name: 'Show reader view' }).isVisible());
    await done();
  });
});
