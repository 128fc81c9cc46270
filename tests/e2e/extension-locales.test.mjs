// The reader in the browser's interface language, in Chromium and in Firefox: its controls,
// dates and reading time in German; in Arabic its own interface right to left while the
// article keeps its own language and direction. (The other end-to-end tests run in English and
// name the controls by their English names.)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './helpers/fixture-server.mjs';
import { chromiumDriver, eventually, firefoxDriver, openSettled } from './helpers/drivers.mjs';
import { tempDir } from './helpers/paths.mjs';

const READER_STATE = `(() => {
  // The settings' controls are built when their panel first opens: opened and closed again.
  const settings = document.querySelector('button[aria-controls$="-settings"]');
  settings.click();
  settings.click();
  const app = document.querySelector('.lectern-app');
  const toolbar = document.querySelector('.lectern-toolbar');
  const close = toolbar.querySelector('.lectern-close');
  const article = document.querySelector('article');
  return {
    htmlLang: document.documentElement.lang, htmlDir: document.documentElement.dir,
    lang: app.lang, dir: app.dir, toolbarDirection: getComputedStyle(toolbar).direction,
    closeAtRight: close.getBoundingClientRect().right > window.innerWidth / 2,
    toolbarName: toolbar.getAttribute('aria-label'),
    buttons: [...toolbar.querySelectorAll('button')].map((b) => b.textContent.trim()),
    legends: [...document.querySelectorAll('legend')].map((l) => l.textContent.trim()),
    date: document.querySelector('.lectern-meta time')?.textContent,
    readingTime: document.querySelector('.lectern-reading-time')?.textContent,
    meta: { lang: document.querySelector('.lectern-meta').lang, dir: document.querySelector('.lectern-meta').dir },
    article: { lang: article.lang, direction: getComputedStyle(article).direction, title: document.querySelector('header h1').textContent },
  };
})()`;

for (const [browserName, makeDriver] of [['Chromium', chromiumDriver], ['Firefox', firefoxDriver]]) {
  describe(`the reader in the browser's language, in ${browserName}`, () => {
    let server;
    before(async () => { server = await startFixtureServer(); });
    after(async () => { await server?.close(); });

    /** The reader's state on the news page in a browser whose interface is in `language`. */
    async function readerIn(language) {
      const profile = tempDir(`lectern-${browserName}-${language}-`);
      const driver = await makeDriver(profile.dir, { language });
      try {
        const tab = await driver.openTab(server.url('/news.html'));
        await driver.trigger(tab);
        await driver.waitForReader(tab);
        await eventually(() => driver.reader(tab, `document.querySelector('article.lectern-article') && !document.querySelector('main[aria-busy]')`), { message: 'the article' });
        await openSettled(driver, tab);
        return await driver.reader(tab, READER_STATE);
      } finally {
        await driver.close();
        profile.remove();
      }
    }

    it('in German the controls, the date and the reading time are German', async () => {
      const state = await readerIn('de');
      assert.deepEqual([state.lang, state.dir, state.htmlLang], ['de', 'ltr', 'de']);
      assert.equal(state.toolbarName, 'Leseeinstellungen');
      for (const name of ['Leseansicht schließen', 'Menü', 'Als Markdown kopieren', 'Drucken', 'Entfernt', 'Leseeinstellungen']) {
        assert.ok(state.buttons.includes(name), `${name} in ${state.buttons.join(', ')}`);
      }
      for (const legend of ['Farbschema', 'Schrift', 'Schriftgröße', 'Zeilenbreite']) assert.ok(state.legends.includes(legend), legend);
      assert.equal(state.date, new Intl.DateTimeFormat('de', { dateStyle: 'long' }).format(new Date('2025-07-25T12:00:00Z')));
      assert.match(state.readingTime, /^\d+ Minuten? Lesezeit$/);
    });

    it('in Arabic the reader\'s own interface is right to left and mirrored; the article keeps its language and direction', async () => {
      const state = await readerIn('ar');
      assert.deepEqual([state.lang, state.dir, state.htmlLang, state.htmlDir], ['ar', 'rtl', 'ar', 'rtl']);
      assert.equal(state.toolbarDirection, 'rtl');
      assert.equal(state.closeAtRight, true, '"Close reader", first in the toolbar, sits at its right');
      assert.ok(state.buttons.includes('إغلاق عرض القراءة'), state.buttons.join(', '));
      assert.ok(state.legends.includes('السمة'), state.legends.join(', '));
      assert.deepEqual(state.meta, { lang: 'ar', dir: 'rtl' }, 'the byline, date and reading time are the interface\'s');
      assert.match(state.readingTime, /^مدة القراءة: /);
      assert.deepEqual({ lang: state.article.lang, direction: state.article.direction }, { lang: 'en-US', direction: 'ltr' });
      assert.equal(state.article.title, 'Trump: Israel to Hunt Down Hamas as Ceasefire Talks Stall');
    });
  });
}
