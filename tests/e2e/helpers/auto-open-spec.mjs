// "Always open reader on <site>" (issue 21), the same specification in both browsers: asked for
// in the reader's settings with a real click (the browser grants the site's host permission
// only within one), the next page of that site opens in the reader by itself, the options page
// lists the site and "Stop opening …" takes it off, after which its pages open as they are.
//
// The permission prompt: Firefox answers it through its preference for tests
// (`extensions.webextOptionalPermissionPrompts`: false grants what is asked); headless Chromium
// shows its prompt where nothing can answer it, so the Chromium run uses a test build that holds
// the fixture host's permission from installation, where `permissions.request` answers "granted"
// without a prompt. Everything after the request is the same code in both.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './fixture-server.mjs';
import { tempDir } from './paths.mjs';
import { eventually, openSettled } from './drivers.mjs';

export function defineAutoOpenTests(browserName, makeDriver) {
  describe(`"Always open reader on <site>", in ${browserName}`, () => {
    let driver;
    let server;
    let profile;
    before(async () => {
      server = await startFixtureServer();
      profile = tempDir(`lectern-${browserName}-auto-open-`);
      driver = await makeDriver(profile.dir);
    });
    after(async () => {
      await driver?.close();
      await server?.close();
      profile?.remove();
    });

    const articleShown = async (tab) => {
      await eventually(
        () => driver.reader(tab, `document.querySelector('article.lectern-article') && !document.querySelector('main[aria-busy]')`),
        { message: 'the article' });
      await openSettled(driver, tab);
    };

    it('asked once in the reader, the next page of the site opens in the reader by itself; the options page lists it and "Stop opening" ends it', async () => {
      const host = new URL(server.url('/')).hostname;
      const tab = await driver.openTab(server.url('/news.html'));
      await driver.trigger(tab);
      await driver.waitForReader(tab);
      await articleShown(tab);
      await driver.clickInReader(tab, 'Reader settings');
      const name = `Always open reader on ${host}`;
      assert.equal(await eventually(() => driver.reader(tab, `$button(${JSON.stringify(name)})?.getAttribute('aria-pressed')`), { message: 'the button' }), 'false');
      await driver.clickInReader(tab, name);
      const said = await eventually(() => driver.reader(tab, `document.querySelector('.lectern-status').textContent`), { message: 'what the reader says' });
      if (browserName === 'Firefox') {
        // Firefox's extension frames have no permissions API: the question is asked on the
        // options page, opened beside the tab, and allowed there with a click.
        assert.equal(said, `Allow ${host} in the tab that opened beside this one.`);
        const ask = await eventually(() => driver.findTab('options.html#auto-open='), { message: 'the options page asking' });
        await eventually(() => driver.page(ask, `!document.getElementById('auto-open-ask').hidden`), { message: 'the question' });
        await driver.clickInTab(ask, name);
        await eventually(() => driver.page(ask, `document.getElementById('auto-open-status').textContent === ${JSON.stringify(`Pages of ${host} now open in the reader.`)}`), { message: 'allowed' });
        await driver.closeTab(ask);
      } else {
        assert.equal(said, `Pages of ${host} now open in the reader.`);
      }
      await eventually(() => driver.reader(tab, `$button(${JSON.stringify(name)}).getAttribute('aria-pressed') === 'true'`), { message: 'the site on the list' });
      await driver.pressEscape(tab);

      // A second visit: the reader opens by itself, with the article.
      const second = await driver.openTab(server.url('/rich.html'));
      await driver.waitForReader(second);
      await articleShown(second);
      await eventually(() => driver.reader(second, `$button(${JSON.stringify(name)})?.getAttribute('aria-pressed') === 'true'`), { message: 'shown as on' });
      await driver.pressEscape(second);

      // The options page lists the site; "Stop opening" takes it off.
      const options = await driver.openTab(await driver.extensionPage('options.html'));
      const listed = () => driver.page(options, `[...document.querySelectorAll('#auto-open-list li')].map((li) => li.textContent)`);
      await eventually(async () => (await listed()).some((text) => text.startsWith(host)), { message: 'the site listed' });
      await driver.page(options, `([...document.querySelectorAll('#auto-open-list button')].find((b) => b.textContent === ${JSON.stringify(`Stop opening ${host} in the reader`)}).click(), true)`);
      await eventually(async () => JSON.stringify(await listed()) === JSON.stringify(['No site opens in the reader by itself.']), { message: 'the list empty' });
      assert.equal(await driver.page(options, `document.getElementById('auto-open-status').textContent`), `${host} no longer opens in the reader by itself.`);

      // And the site's pages open as they are again.
      const third = await driver.openTab(server.url('/news.html'));
      await new Promise((r) => setTimeout(r, 1500));
      await assert.rejects(driver.reader(third, 'true'), /no reader frame/, 'no reader on its own');
      for (const t of [tab, second, options, third]) await driver.closeTab(t);
    });
  });
}
