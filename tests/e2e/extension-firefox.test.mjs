// The extension in Firefox ESR, driven over WebDriver BiDi, shared behaviour first.
import { defineExtensionTests } from './helpers/extension-spec.mjs';
import { firefoxDriver } from './helpers/drivers.mjs';

defineExtensionTests('Firefox', firefoxDriver);

// ---- Firefox-only: settings survive a browser restart. A temporary add-on is uninstalled when
// Firefox quits; the profile keeps its storage and UUID (prefs set in helpers/firefox.mjs) and
// the test installs it again, as a person reloading it from about:debugging would.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox } from './helpers/firefox.mjs';
import { startFixtureServer } from './helpers/fixture-server.mjs';
import { tempDir } from './helpers/paths.mjs';
import { eventually } from './helpers/drivers.mjs';

describe('the reader in Firefox, across a restart', () => {
  it('settings survive a browser restart', async () => {
    const server = await startFixtureServer();
    const profile = tempDir('lectern-firefox-restart-');
    let ff;
    const readerOn = async (top) => {
      await ff.navigate(top, server.url('/news.html'));
      await ff.triggerAction();
      const reader = await ff.waitFor(() => ff.readerContext(top), { message: 'the reader' });
      await eventually(() => ff.evaluate(reader, `!!document.querySelector('article')`), { message: 'the article' });
      return reader;
    };
    try {
      ff = await launchFirefox(profile.dir);
      let top = await ff.topContext();
      let reader = await readerOn(top);
      await ff.evaluate(reader, `(() => {
        const pick = (value) => document.querySelector('input[type=radio][value="' + value + '"]').click();
        pick('dark'); pick('mono');
        return true;
      })()`);
      // let the storage write land before quitting
      await new Promise((r) => setTimeout(r, 300));
      await ff.close();

      ff = await launchFirefox(profile.dir);
      top = await ff.topContext();
      reader = await readerOn(top);
      const style = await eventually(async () => {
        const value = await ff.evaluate(reader, `JSON.stringify({ bg: getComputedStyle(document.querySelector('.lectern-app')).backgroundColor, font: getComputedStyle(document.querySelector('article')).fontFamily })`);
        const parsed = JSON.parse(value);
        return parsed.bg === 'rgb(28, 28, 30)' ? parsed : null;
      }, { message: 'dark settings after restart', timeout: 3000 });
      assert.match(style.font, /monospace$/);
    } finally {
      await ff?.close();
      await server.close();
      profile.remove();
    }
  });
});
