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
import { eventually, firefoxDriver as makeFirefoxDriver } from './helpers/drivers.mjs';

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

// ---- Firefox-only: the reader under the user's reduced-motion and forced-colours settings
// (Firefox's own preferences for them: the Chromium checks in accessibility.test.mjs emulate
// the media features instead).
describe('the reader in Firefox, with reduced motion and forced colours', () => {
  it('follows both: nothing moves, system colours throughout, the chosen option marked by a shape', async () => {
    const server = await startFixtureServer();
    const profile = tempDir('lectern-firefox-a11y-');
    const driver = await makeFirefoxDriver(profile.dir, {
      prefs: { 'ui.prefersReducedMotion': 1, 'browser.display.document_color_use': 2 },
    });
    try {
      const tab = await driver.openTab(server.url('/rich.html'));
      await driver.trigger(tab);
      await driver.waitForReader(tab);
      await eventually(() => driver.reader(tab, `!!document.querySelector('article.lectern-article')`), { message: 'the article' });
      const view = await driver.reader(tab, `(() => {
        // Motion a future rule might add (as in accessibility.test.mjs): it must not move.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('@keyframes lectern-test-pulse { from { opacity: 0.5; } to { opacity: 1; } } ' +
          '.lectern-app, .lectern-app .lectern-button, .lectern-app article p { transition: all 2s linear; } ' +
          '.lectern-app .lectern-title { animation: lectern-test-pulse 2s infinite; }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        $button('Reader settings')?.click();
        const s = (el) => getComputedStyle(el);
        const app = document.querySelector('.lectern-app');
        const probe = document.createElement('span');
        document.body.append(probe);
        const system = (name) => { probe.style.color = name; return s(probe).color; };
        const colours = { Canvas: system('Canvas'), CanvasText: system('CanvasText'), LinkText: system('LinkText') };
        probe.remove();
        const chosen = [...document.querySelectorAll('.lectern-choice input')].find((i) => i.checked)?.nextElementSibling;
        return {
          reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
          forcedColours: matchMedia('(forced-colors: active)').matches,
          moving: [app, ...app.querySelectorAll('*')]
            .filter((el) => s(el).transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s(el).animationName !== 'none')
            .map((el) => el.className || el.tagName).slice(0, 5),
          animations: document.getAnimations().length,
          background: s(app).backgroundColor, text: s(document.querySelector('article p')).color,
          link: s(document.querySelector('.lectern-original a')).color, colours,
          mark: chosen ? getComputedStyle(chosen, '::before').content : null,
        };
      })()`);
      assert.equal(view.reducedMotion, true, 'the reduced-motion preference reached the reader');
      assert.equal(view.forcedColours, true, 'forced colours reached the reader');
      assert.deepEqual({ moving: view.moving, animations: view.animations }, { moving: [], animations: 0 }, 'motion under reduced motion');
      assert.deepEqual({ background: view.background, text: view.text, link: view.link },
        { background: view.colours.Canvas, text: view.colours.CanvasText, link: view.colours.LinkText }, 'system colours');
      assert.match(view.mark ?? '', /\u2713|✓/, `the chosen option's check mark (${view.mark})`);
      await driver.pressEscape(tab);
    } finally {
      await driver.close();
      await server.close();
      profile.remove();
    }
  });
});

// ---- Firefox: "Always open reader on <site>" (issue 21); Firefox grants optional permissions
// without its prompt under this preference (see helpers/auto-open-spec.mjs).
import { defineAutoOpenTests } from './helpers/auto-open-spec.mjs';

defineAutoOpenTests('Firefox', (dir) => makeFirefoxDriver(dir, { prefs: { 'extensions.webextOptionalPermissionPrompts': false } }));
