// The extension in Chromium (Debian's chromium via playwright-core), shared behaviour first.
import { defineExtensionTests } from './helpers/extension-spec.mjs';
import { chromiumDriver, eventually } from './helpers/drivers.mjs';

defineExtensionTests('Chromium', chromiumDriver);

// ---- Chromium-only checks: accessible names, keyboard, clipboard, print, restart.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './helpers/chromium.mjs';
import { startFixtureServer } from './helpers/fixture-server.mjs';
import { largeNewsPage } from './helpers/large-page.mjs';
import { tempDir, STORY_TITLE, STORY_PARAGRAPHS } from './helpers/paths.mjs';

describe('the reader in Chromium, in detail', () => {
  let browser;
  let server;
  let profile;

  before(async () => {
    server = await startFixtureServer(undefined, { pages: { '/large.html': largeNewsPage() } });
    profile = tempDir('lectern-chromium-detail-');
    browser = await launchChromium(profile.dir);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    profile?.remove();
  });

  async function openReader(path, context = browser) {
    const page = await context.context.newPage();
    await page.goto(server.url(path));
    await context.triggerAction(page);
    const frame = await context.waitForReaderFrame(page);
    await frame.locator('article').waitFor();
    return { page, frame };
  }
  async function closeReader({ page }, context = browser) {
    await context.pressEscape(page);
    await page.close();
  }

  it('every control has exactly the accessible name people and assistive technology look for', async () => {
    const reader = await openReader('/news.html');
    const { frame } = reader;
    for (const name of ['Close reader', 'Copy as Markdown', 'Print', 'Reader settings']) {
      assert.equal(await frame.getByRole('button', { name, exact: true }).count(), 1, name);
    }
    await frame.getByRole('button', { name: 'Reader settings' }).click();
    const groups = {
      Theme: ['Light', 'Sepia', 'Dark', 'Auto'],
      Font: ['Serif', 'Sans-serif', 'Monospace'],
      'Line width': ['Narrow', 'Medium', 'Wide'],
      'Line spacing': ['Tight', 'Normal', 'Loose'],
      'Letter spacing': ['Normal', 'Wide', 'Wider'],
      'Word spacing': ['Normal', 'Wide', 'Wider'],
      'Text alignment': ['Start', 'Justify'],
      'Font weight': ['Light', 'Regular', 'Bold'],
    };
    groups.Theme.push('Gray', 'High contrast', 'Custom');
    const colours = frame.getByRole('group', { name: 'Custom colours', exact: true });
    for (const name of ['Text', 'Background', 'Links']) assert.equal(await colours.getByLabel(name, { exact: true }).count(), 1, name);
    for (const name of ['Reset', 'Forget reading positions']) {
      assert.equal(await frame.getByRole('button', { name, exact: true }).count(), 1, name);
    }
    for (const [group, options] of Object.entries(groups)) {
      const box = frame.getByRole('group', { name: group, exact: true });
      assert.equal(await box.count(), 1, group);
      for (const option of options) assert.equal(await box.getByRole('radio', { name: option, exact: true }).count(), 1, `${group}: ${option}`);
    }
    const size = frame.getByRole('group', { name: 'Text size', exact: true });
    for (const name of ['Smaller', 'Larger']) assert.equal(await size.getByRole('button', { name, exact: true }).count(), 1, name);
    assert.equal(await frame.getByRole('heading', { level: 1 }).textContent(), STORY_TITLE);
    await closeReader(reader);
  });

  it('on a narrow screen "Contents" is a menu: opened from the toolbar, a choice jumps and closes it, Escape closes it and not the reader', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 600, height: 740 });
    await page.goto(server.url('/long-read.html'));
    await browser.triggerAction(page);
    const frame = await browser.waitForReaderFrame(page);
    await frame.locator('article').waitFor();
    const button = frame.getByRole('button', { name: 'Contents', exact: true });
    const nav = frame.getByRole('navigation', { name: 'Contents', exact: true });
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await nav.count(), 0, 'the menu starts closed');
    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.equal(await frame.evaluate(() => document.activeElement.textContent), 'A town on the water');
    assert.equal(await nav.getByRole('link').count(), 6);
    await page.keyboard.press('Escape');
    assert.equal(await button.getAttribute('aria-expanded'), 'false', 'Escape closes the menu');
    assert.equal(await nav.count(), 0);
    assert.ok(browser.readerFrame(page), 'and leaves the reader open');
    assert.equal(await frame.evaluate(() => document.activeElement.textContent), 'Contents', 'focus back on the button');
    await page.keyboard.press('Enter');
    assert.equal(await frame.evaluate(() => document.activeElement.textContent), 'A town on the water', 'opening moves into the menu');
    await page.keyboard.press('Tab');
    assert.equal(await frame.evaluate(() => document.activeElement.textContent), 'The mill and its keepers');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => {
      const heading = document.getElementById('article-sec2');
      const top = heading.getBoundingClientRect().top;
      const bar = document.querySelector('.lectern-bar').getBoundingClientRect().bottom;
      return document.activeElement === heading && top >= bar - 1 && top <= bar + 40;
    });
    assert.equal(await button.getAttribute('aria-expanded'), 'false', 'choosing a section closes the menu');
    await button.click();
    assert.equal(await nav.locator('a[aria-current="location"]').textContent(), 'The mill and its keepers');
    await page.keyboard.press('Escape'); // the menu first, then the reader
    await closeReader({ page });
  });

  it('works with the keyboard alone, with a visible focus indicator', async () => {
    const reader = await openReader('/news.html');
    const { page, frame } = reader;
    const focused = () => frame.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    // The toolbar comes before the article: step back from the focused reader to its last button.
    for (let i = 0; i < 6 && (await focused()) !== 'Reader settings'; i++) await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), 'Reader settings');
    assert.notEqual(await frame.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // into the Theme radio group
    const before = await frame.evaluate(() => document.activeElement.value);
    await page.keyboard.press('ArrowRight');
    const after = await frame.evaluate(() => ({ value: document.activeElement.value, checked: document.activeElement.checked, ring: getComputedStyle(document.activeElement.nextElementSibling).outlineStyle }));
    assert.notEqual(after.value, before);
    assert.equal(after.checked, true);
    assert.equal(after.ring, 'solid');
    await frame.getByRole('radio', { name: 'Auto' }).check();
    await closeReader(reader);
  });

  it('Copy as Markdown puts "# Title" and the article as Markdown on the clipboard', async () => {
    const reader = await openReader('/news.html');
    await reader.frame.getByRole('button', { name: 'Copy as Markdown' }).click();
    await reader.frame.getByRole('status').filter({ hasText: 'Copied the article as Markdown.' }).waitFor();
    await closeReader(reader);
    const page = await browser.context.newPage();
    await page.goto(server.url('/no-article.html'));
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(text.startsWith(`# ${STORY_TITLE}\n\n`), text.slice(0, 120));
    for (const paragraph of STORY_PARAGRAPHS) assert.ok(text.includes(paragraph), paragraph);
    assert.ok(!text.includes('Leave a Comment'));
    await page.close();
  });

  it('the print stylesheet prints only the title and the article', async () => {
    const reader = await openReader('/news.html');
    await reader.page.emulateMedia({ media: 'print' });
    const shown = await reader.frame.evaluate(() => {
      const visible = (selector) => {
        const el = document.querySelector(selector);
        return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      return {
        title: visible('header h1'), article: visible('article'), toolbar: visible('.lectern-toolbar'),
        meta: visible('.lectern-meta'), original: visible('.lectern-original'), site: visible('.lectern-site'),
      };
    });
    assert.deepEqual(shown, { title: true, article: true, toolbar: false, meta: false, original: false, site: false });
    await reader.page.emulateMedia({ media: 'screen' });
    await closeReader(reader);
  });

  it('assistive technology meets the reader as a modal dialog named "Reader view", and not the page underneath', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/news.html'));
    const cdp = await browser.context.newCDPSession(page);
    const exposed = async () => {
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      return new Set(nodes.filter((n) => !n.ignored).map((n) => `${n.role?.value}: ${n.name?.value}`));
    };
    const pageNodes = ['textbox: Comment *', `heading: ${STORY_TITLE}`];
    const before = await exposed();
    for (const node of pageNodes) assert.ok(before.has(node), `the page alone exposes ${node}`);
    await browser.triggerAction(page);
    const frame = await browser.waitForReaderFrame(page);
    await frame.locator('article').waitFor();
    const open = await exposed();
    assert.ok(open.has('dialog: Reader view'), 'the reader is a dialog named "Reader view"');
    assert.deepEqual(pageNodes.filter((node) => open.has(node)), [], 'page content exposed under the reader');
    await cdp.detach();
    await closeReader({ page });
  });

  it('at phone width the reader fits the screen: no sideways scrolling, every control within reach, readable text', async () => {
    for (const path of ['/news.html', '/rich.html']) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(server.url(path));
      await browser.triggerAction(page);
      const frame = await browser.waitForReaderFrame(page);
      await frame.locator('article').waitFor();
      // At this width the toolbar's actions are in its menu.
      await frame.getByRole('button', { name: 'Menu' }).click();
      await frame.getByRole('button', { name: 'Reader settings' }).click();
      const view = await frame.evaluate(() => {
        const outside = (selector) => [...document.querySelectorAll(selector)]
          .filter((el) => el.getClientRects().length)
          .filter((el) => { const r = el.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth; })
          .map((el) => `${el.tagName.toLowerCase()} ${el.textContent.trim().slice(0, 30)}`);
        return {
          sideways: document.scrollingElement.scrollWidth - innerWidth,
          controlsOutside: outside('button, input, label, legend, .lectern-choice span'),
          // Wide tables and code scroll inside their own box, never the page.
          articleOutside: outside('article > *, header h1, .lectern-meta'),
          textSize: parseFloat(getComputedStyle(document.querySelector('article p')).fontSize),
        };
      });
      assert.equal(view.sideways, 0, `${path}: the reader scrolls sideways`);
      assert.deepEqual(view.controlsOutside, [], `${path}: controls outside the screen`);
      assert.deepEqual(view.articleOutside, [], `${path}: article blocks outside the screen`);
      assert.ok(view.textSize >= 16, `${path}: article text ${view.textSize}px`);
      await frame.getByRole('button', { name: 'Menu' }).click(); // closed again: Escape then closes the reader
      await closeReader({ page });
    }
  });

  it('a ~1 MB page opens without freezing and shows its article', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/large.html'));
    const started = Date.now();
    await browser.triggerAction(page);
    const frame = await browser.waitForReaderFrame(page);
    await frame.locator('article').waitFor({ timeout: 10000 });
    const elapsed = Date.now() - started;
    const text = await frame.locator('article').textContent();
    assert.ok(text.includes(STORY_PARAGRAPHS[3]));
    assert.ok(!text.includes('Comment number 100:'), 'the comment thread is not the article');
    // The page stays responsive while the reader works (the engine runs in a Worker).
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    console.log(`# 1 MB page: action to article in ${elapsed} ms (Chromium, includes polling)`);
    await closeReader({ page });
  });

  it('the reader opens after Chromium stopped the idle background, and a reloaded reader gets its article again', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/news.html'));
    await browser.stopServiceWorker();
    await browser.triggerAction(page);
    let frame = await browser.waitForReaderFrame(page);
    await frame.locator('article').waitFor();
    assert.ok((await frame.locator('article').textContent()).includes(STORY_PARAGRAPHS[3]));
    // The background handed this article over already; a reloaded reader page (or one whose
    // background restarted meanwhile) reads the snapshot the content script keeps.
    await browser.stopServiceWorker();
    await frame.evaluate(() => location.reload());
    frame = await browser.waitForReaderFrame(page);
    await frame.locator('article').waitFor();
    assert.ok((await frame.locator('article').textContent()).includes(STORY_PARAGRAPHS[3]));
    assert.equal(await frame.locator('h1').first().textContent(), STORY_TITLE);
    await closeReader({ page });
  });

  it('the engine stays compiled while the background sleeps: its keeper outlives a stopped service worker and comes back after an open', async () => {
    const keepers = () => browser.engineKeepers();
    await eventually(async () => (await keepers()).length === 1, { message: 'the engine keeper made at install' });
    await browser.stopServiceWorker();
    assert.equal((await keepers()).length, 1, 'still there with the service worker stopped');
    for (const keeper of await keepers()) await browser.cdp.send('Target.closeTarget', { targetId: keeper.targetId });
    await eventually(async () => (await keepers()).length === 0, { message: 'the keeper closed' });
    const opened = await openReader('/news.html');
    assert.ok((await opened.frame.locator('article').textContent()).includes(STORY_PARAGRAPHS[3]));
    await eventually(async () => (await keepers()).length === 1, { message: 'the keeper made again after the open' });
    await closeReader(opened);
  });

  it('selection mode works after Chromium stopped the background while the reader was open', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/no-article.html'));
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('selectable'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    await browser.triggerAction(page);
    const frame = await browser.waitForReaderFrame(page);
    await frame.getByRole('button', { name: 'Use selected text' }).waitFor();
    await browser.stopServiceWorker();
    await frame.getByRole('button', { name: 'Use selected text' }).click();
    await frame.locator('article').waitFor();
    assert.match(await frame.locator('article').textContent(), /Forgot your password\? Contact support\./);
    await closeReader({ page });
  });

  it('the optional readable-page icon uses the engine in the background: yes for a story, no for a login page', async () => {
    const results = {};
    for (const path of ['/news.html', '/no-article.html']) {
      const page = await browser.context.newPage();
      await page.goto(server.url(path));
      // The feature normally runs with optional host permissions; a click grants activeTab here.
      await browser.triggerAction(page);
      await browser.waitForReaderFrame(page);
      await browser.pressEscape(page);
      results[path] = await browser.serviceWorker().evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return globalThis.lecternTestHooks.checkReaderable(tab.id);
      });
      await page.close();
    }
    assert.deepEqual(results, { '/news.html': true, '/no-article.html': false });
  });

  it('the options page offers the readable-page icon, off by default', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const box = page.getByRole('checkbox', { name: /Show in the toolbar icon whether a page looks readable/ });
    await box.waitFor();
    assert.equal(await box.isChecked(), false);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Lectern options');
    await page.close();
  });

  it('settings survive a browser restart', async () => {
    const dir = tempDir('lectern-chromium-restart-');
    try {
      let context = await launchChromium(dir.dir);
      let reader = await openReader('/news.html', context);
      await reader.frame.getByRole('button', { name: 'Reader settings' }).click();
      await reader.frame.getByRole('radio', { name: 'Dark' }).check();
      await reader.frame.getByRole('radio', { name: 'Monospace' }).check();
      await closeReader(reader, context);
      await context.close();

      context = await launchChromium(dir.dir);
      reader = await openReader('/news.html', context);
      await reader.frame.locator('.lectern-app[data-theme="dark"]').waitFor();
      const style = await reader.frame.evaluate(() => ({
        bg: getComputedStyle(document.querySelector('.lectern-app')).backgroundColor,
        font: getComputedStyle(document.querySelector('article')).fontFamily,
      }));
      assert.equal(style.bg, 'rgb(28, 28, 30)');
      assert.match(style.font, /monospace$/);
      await closeReader(reader, context);
      await context.close();
    } finally {
      dir.remove();
    }
  });

  it('a site rule made in the reader ("Remove this block", "Always remove") survives a browser restart', async () => {
    const dir = tempDir('lectern-chromium-rule-restart-');
    try {
      let context = await launchChromium(dir.dir);
      let reader = await openReader('/news.html', context);
      await reader.frame.locator('article p', { hasText: STORY_PARAGRAPHS[2] }).hover();
      await reader.frame.getByRole('button', { name: 'Remove this block' }).click();
      await reader.frame.getByRole('button', { name: /^Always remove this on / }).click();
      await reader.frame.locator('.lectern-rule-saved').waitFor();
      await closeReader(reader, context);
      await context.close();

      context = await launchChromium(dir.dir);
      reader = await openReader('/news.html', context);
      const text = await reader.frame.locator('article').textContent();
      assert.ok(!text.includes(STORY_PARAGRAPHS[2]), 'still removed after the restart');
      assert.ok(text.includes(STORY_PARAGRAPHS[1]) && text.includes(STORY_PARAGRAPHS[3]));
      await closeReader(reader, context);
      await context.close();
    } finally {
      dir.remove();
    }
  });
});

// ---- Site rules on the options page (issue 20): export, import on a fresh profile, an invalid
// file, and the CLI reading the same exported file.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, FIXTURES } from './helpers/paths.mjs';

describe('site rules on the options page, in Chromium', () => {
  const SIDEBAR = 'div#page.site:4>div#content.site-content:2>aside#secondary.widget-area:2';
  const RULES = {
    'siteRules:127.0.0.1': [{ action: 'keep', signature: SIDEBAR }],
    'siteRules:example.com': [{ action: 'remove', signature: 'div#main:1>p:2' }],
  };
  const storedRules = (page) => page.evaluate(async () => {
    const all = await chrome.storage.sync.get(null);
    return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('siteRules:')));
  });
  async function optionsPage(browser) {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByRole('heading', { name: 'Site rules' }).waitFor();
    return page;
  }

  it('export then import on a fresh profile gives the same rules; an invalid file changes nothing; the CLI applies the exported file', async () => {
    const first = tempDir('lectern-rules-a-');
    const second = tempDir('lectern-rules-b-');
    const files = tempDir('lectern-rules-files-');
    let browser;
    try {
      browser = await launchChromium(first.dir);
      let page = await optionsPage(browser);
      await page.evaluate((rules) => chrome.storage.sync.set(rules), RULES);
      await page.locator('.rules-site h3', { hasText: 'example.com' }).waitFor();
      assert.equal(await page.locator('.rules-rule').count(), 2);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export rules' }).click()]);
      const exported = readFileSync(await download.path(), 'utf8');
      assert.equal(JSON.parse(exported).format, 'lectern-site-rules');
      await browser.close();

      browser = await launchChromium(second.dir);
      page = await optionsPage(browser);
      assert.deepEqual(await storedRules(page), {});
      const rulesFile = page.locator('#rules-file');
      const bad = '{"format": "lectern-site-rules", "version": 1, "rules": [{"host": "example.com", "action": "hide", "signature": "p:1"}]}';
      await rulesFile.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
      await page.locator('#rules-status', { hasText: 'Nothing was imported: invalid site rules: rule 1' }).waitFor();
      assert.deepEqual(await storedRules(page), {}, 'an invalid file changes nothing');
      await rulesFile.setInputFiles({ name: 'rules.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
      await page.locator('#rules-status', { hasText: 'Imported 2 rules.' }).waitFor();
      assert.deepEqual(await storedRules(page), RULES);
      await page.getByRole('button', { name: `Delete rule: Always remove div#main:1>p:2` }).click();
      await page.locator('#rules-status', { hasText: 'Rule deleted.' }).waitFor();
      assert.deepEqual(Object.keys(await storedRules(page)), ['siteRules:127.0.0.1']);

      const file = join(files.dir, 'rules.json');
      writeFileSync(file, exported);
      const cli = join(ROOT, 'target', 'release', 'lectern');
      const args = ['--format', 'text', '--url', 'http://127.0.0.1:8000/news.html', join(FIXTURES, 'news.html')];
      assert.ok(!execFileSync(cli, args, { encoding: 'utf8' }).includes('Recent News'));
      assert.ok(execFileSync(cli, ['--rules', file, ...args], { encoding: 'utf8' }).includes('Recent News'), 'the keep rule puts the sidebar back');
    } finally {
      await browser?.close();
      first.remove();
      second.remove();
      files.remove();
    }
  });
});

// ---- "Report a problem" (issue 20): the report file, and `./build.sh add-page` turning it into a
// golden page whose expected text carries the corrections.
describe('"Report a problem", in Chromium', () => {
  it('saves the page without scripts or form values, its address and the corrections; add-page makes a golden page of it', async () => {
    const server = await startFixtureServer();
    const profile = tempDir('lectern-report-');
    const pages = tempDir('lectern-report-pages-');
    const browser = await launchChromium(profile.dir);
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url('/news.html'));
      await page.evaluate(() => {
        document.getElementById('author').setAttribute('value', 'Jane Secret');
        document.getElementById('comment').textContent = 'my secret comment';
      });
      await browser.triggerAction(page);
      const frame = await browser.waitForReaderFrame(page);
      await frame.locator('article').waitFor();
      // Remove the second paragraph, restore the sidebar.
      const second = frame.locator('article p', { hasText: STORY_PARAGRAPHS[1] });
      await second.hover();
      await frame.getByRole('button', { name: 'Remove this block' }).click();
      await frame.getByRole('button', { name: 'Removed', exact: true }).click();
      await frame.locator('.lectern-removed-item', { hasText: 'Recent News' }).getByRole('button', { name: 'Restore' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        frame.getByRole('button', { name: 'Report a problem' }).click(),
      ]);
      const file = await download.path();
      const report = JSON.parse(readFileSync(file, 'utf8'));
      assert.equal(report.format, 'lectern-report');
      assert.equal(report.url, server.url('/news.html'));
      assert.equal(report.engineVersion, JSON.parse(readFileSync(join(ROOT, 'extension', 'manifest.json'), 'utf8')).version);
      assert.ok(report.html.includes(STORY_PARAGRAPHS[1]), 'the page as the engine saw it');
      assert.ok(!report.html.includes('Jane Secret') && !report.html.includes('my secret comment'), 'form fields emptied');
      assert.ok(!/<script(?![^>]*ld\+json)/i.test(report.html), 'no scripts');
      assert.deepEqual(report.corrections.keep, ['div#page.site:4>div#content.site-content:2>aside#secondary.widget-area:2']);
      assert.equal(report.corrections.remove.length, 1);
      assert.match(report.corrections.remove[0], />p:\d+$/);

      execFileSync('node', [join(ROOT, 'tools', 'add-page.mjs'), file, 'reported', '--pages', pages.dir, '--lectern', join(ROOT, 'target', 'release', 'lectern')]);
      const expected = readFileSync(join(pages.dir, 'reported', 'expected.txt'), 'utf8');
      assert.ok(expected.indexOf('Recent News') > expected.indexOf(STORY_PARAGRAPHS[3]), 'the restored sidebar is expected');
      assert.ok(!expected.includes(STORY_PARAGRAPHS[1]) && expected.includes(STORY_PARAGRAPHS[2]), 'the removed paragraph is not');
      assert.equal(readFileSync(join(pages.dir, 'reported', 'source.html'), 'utf8'), report.html);
      assert.equal(JSON.parse(readFileSync(join(pages.dir, 'reported', 'expected.json'), 'utf8')).title, STORY_TITLE);
      await page.close();
    } finally {
      await browser.close();
      await server.close();
      profile.remove();
      pages.remove();
    }
  });

  it('add-page refuses a file that is not a report, and writes nothing', async () => {
    const pages = tempDir('lectern-report-bad-');
    try {
      const bad = join(pages.dir, 'bad.json');
      writeFileSync(bad, '{"format": "lectern-site-rules", "version": 1, "rules": []}');
      assert.throws(
        () => execFileSync('node', [join(ROOT, 'tools', 'add-page.mjs'), bad, 'bad', '--pages', pages.dir, '--lectern', join(ROOT, 'target', 'release', 'lectern')], { stdio: 'pipe' }),
        (error) => String(error.stderr).includes('not a Lectern report'));
      assert.ok(!existsSync(join(pages.dir, 'bad')));
    } finally {
      pages.remove();
    }
  });
});

// ---- Chromium: "Always open reader on <site>" (issue 21), with a test build that holds the
// fixture host's permission from installation (headless Chromium's permission prompt cannot be
// answered; see helpers/auto-open-spec.mjs).
import { defineAutoOpenTests } from './helpers/auto-open-spec.mjs';
import { testBuild, patch } from './helpers/extension-build.mjs';

defineAutoOpenTests('Chromium', (dir) => {
  const build = testBuild('lectern-auto-open-build-', (root) => patch(join(root, 'manifest.json'),
    '"optional_host_permissions"', '"host_permissions": ["http://127.0.0.1/*", "https://127.0.0.1/*"],\n  "optional_host_permissions"'));
  process.once('exit', () => build.remove());
  return chromiumDriver(dir, { extension: build.dir });
});

// ---- The engine keeper gives its memory back after an idle spell (here 1.5 s instead of 30 min).
describe('the engine keeper, in Chromium', () => {
  let browser;
  let server;
  let profile;
  let build;

  before(async () => {
    build = testBuild('lectern-keeper-build-', (root) => patch(join(root, 'shared', 'protocol.js'),
      'ENGINE_KEEPER_IDLE_MS: 30 * 60 * 1000', 'ENGINE_KEEPER_IDLE_MS: 1500'));
    server = await startFixtureServer();
    profile = tempDir('lectern-chromium-keeper-');
    browser = await launchChromium(profile.dir, { extension: build.dir });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    profile?.remove();
    build?.remove();
  });

  it('closes itself when no open has used the engine for a while, and an open brings it back', async () => {
    const keepers = () => browser.engineKeepers();
    await eventually(async () => (await keepers()).length === 1, { message: 'the engine keeper made at install' });
    await eventually(async () => (await keepers()).length === 0, { timeout: 15000, message: 'the idle keeper closed' });
    const page = await browser.context.newPage();
    await page.goto(server.url('/news.html'));
    await browser.triggerAction(page);
    const frame = await browser.waitForReaderFrame(page);
    await frame.locator('article').waitFor();
    await eventually(async () => (await keepers()).length === 1, { message: 'the keeper made again after the open' });
    await browser.pressEscape(page);
    await page.close();
  });
});
