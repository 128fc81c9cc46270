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
        // The settings' controls are built when their panel opens, as a person opens it.
        document.querySelector('button[aria-controls$="-settings"]').click();
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

// ---- Firefox: site rules on the options page (issue 20), as in Chromium: export, import on a
// fresh profile, an invalid file that changes nothing, and the CLI reading the exported file.
// The options page is opened as a tab at its moz-extension:// address; the export is a real
// download into a folder the profile's preferences name; the import sets the file input's file
// through WebDriver BiDi (`input.setFiles`), as a person choosing it does.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, FIXTURES } from './helpers/paths.mjs';
import { GECKO_ID } from './helpers/firefox.mjs';

describe('site rules on the options page, in Firefox', () => {
  const SIDEBAR = 'div#page.site:4>div#content.site-content:2>aside#secondary.widget-area:2';
  const RULES = {
    'siteRules:127.0.0.1': [{ action: 'keep', signature: SIDEBAR }],
    'siteRules:example.com': [{ action: 'remove', signature: 'div#main:1>p:2' }],
  };
  const STORED = `(async () => {
    const all = await browser.storage.sync.get(null);
    return JSON.stringify(Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('siteRules:'))));
  })()`;

  async function optionsTab(ff) {
    const { contexts } = await ff.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const host = await ff.evaluate(contexts[0].context, `WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).mozExtensionHostname`);
    const tab = await ff.topContext();
    await ff.navigate(tab, `moz-extension://${host}/options.html`);
    await ff.waitFor(() => ff.evaluate(tab, `document.getElementById('rules-title')?.textContent === 'Site rules'`), { message: 'the options page' });
    return tab;
  }
  const stored = async (ff, tab) => JSON.parse(await ff.evaluate(tab, STORED));
  const statusSays = (ff, tab, text) => ff.waitFor(
    () => ff.evaluate(tab, `document.getElementById('rules-status').textContent.includes(${JSON.stringify(text)})`),
    { message: `the status "${text}"` });
  async function chooseFile(ff, tab, file) {
    const { result } = await ff.send('script.evaluate', {
      expression: `document.getElementById('rules-file')`, target: { context: tab }, awaitPromise: false, resultOwnership: 'root',
    });
    await ff.send('input.setFiles', { context: tab, element: { sharedId: result.sharedId }, files: [file] });
  }

  it('export then import on a fresh profile gives the same rules; an invalid file changes nothing; the CLI applies the exported file', async () => {
    const first = tempDir('lectern-ff-rules-a-');
    const second = tempDir('lectern-ff-rules-b-');
    const files = tempDir('lectern-ff-rules-files-');
    const downloads = {
      'browser.download.folderList': 2,
      'browser.download.dir': files.dir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
    };
    let ff;
    try {
      ff = await launchFirefox(first.dir, { prefs: downloads });
      let tab = await optionsTab(ff);
      await ff.evaluate(tab, `browser.storage.sync.set(${JSON.stringify(RULES)}).then(() => true)`);
      await ff.waitFor(() => ff.evaluate(tab, `document.querySelectorAll('.rules-rule').length === 2`), { message: 'both rules listed' });
      await ff.evaluate(tab, `(document.getElementById('rules-export').click(), true)`);
      const exportedFile = join(files.dir, 'lectern-site-rules.json');
      const exported = await ff.waitFor(() => {
        if (!existsSync(exportedFile)) return null;
        const text = readFileSync(exportedFile, 'utf8');
        try { return JSON.parse(text) && text; } catch { return null; }
      }, { message: 'the exported file', timeout: 15000 });
      assert.equal(JSON.parse(exported).format, 'lectern-site-rules');
      await ff.close();

      ff = await launchFirefox(second.dir);
      tab = await optionsTab(ff);
      assert.deepEqual(await stored(ff, tab), {});
      const bad = join(files.dir, 'bad.json');
      writeFileSync(bad, '{"format": "lectern-site-rules", "version": 1, "rules": [{"host": "example.com", "action": "hide", "signature": "p:1"}]}');
      await chooseFile(ff, tab, bad);
      await statusSays(ff, tab, 'Nothing was imported: invalid site rules: rule 1');
      assert.deepEqual(await stored(ff, tab), {}, 'an invalid file changes nothing');
      const good = join(files.dir, 'rules.json');
      writeFileSync(good, exported);
      await chooseFile(ff, tab, good);
      await statusSays(ff, tab, 'Imported 2 rules.');
      assert.deepEqual(await stored(ff, tab), RULES);

      const cli = join(ROOT, 'target', 'release', 'lectern');
      const args = ['--format', 'text', '--url', 'http://127.0.0.1:8000/news.html', join(FIXTURES, 'news.html')];
      assert.ok(!execFileSync(cli, args, { encoding: 'utf8' }).includes('Recent News'));
      assert.ok(execFileSync(cli, ['--rules', exportedFile, ...args], { encoding: 'utf8' }).includes('Recent News'), 'the keep rule puts the sidebar back');
    } finally {
      await ff?.close();
      first.remove();
      second.remove();
      files.remove();
    }
  });
});
// ---- Firefox: "Always open reader on <site>" (issue 21); Firefox grants optional permissions
// without its prompt under this preference (see helpers/auto-open-spec.mjs).
import { defineAutoOpenTests } from './helpers/auto-open-spec.mjs';

defineAutoOpenTests('Firefox', (dir) => makeFirefoxDriver(dir, { prefs: { 'extensions.webextOptionalPermissionPrompts': false } }));

// ---- Firefox hides the page and makes the reader modal once the reader has shown itself (its
// frame runs on the page's thread): here the fallback is a minute away, so the reader's word
// does it. (Focus in the reader after that: the shared suite's focus test, which waits for it.)
import { testBuild, patch } from './helpers/extension-build.mjs';
import { PAGE_SETTLED } from './helpers/drivers.mjs';

describe('the page under the reader, in Firefox', () => {
  it('is hidden once the reader shows its article, and shown again on close', async () => {
    const build = testBuild('lectern-settle-build-', (root) => patch(join(root, 'content.js'),
      'const SETTLE_AFTER_MS = 1500;', 'const SETTLE_AFTER_MS = 60000;'));
    const server = await startFixtureServer();
    const profile = tempDir('lectern-firefox-settle-');
    const driver = await makeFirefoxDriver(profile.dir, { extension: build.dir });
    try {
      const tab = await driver.openTab(server.url('/news.html'));
      await driver.trigger(tab);
      await driver.waitForReader(tab);
      await eventually(() => driver.reader(tab, `!!document.querySelector('article.lectern-article')`), { message: 'the article' });
      await eventually(() => driver.page(tab, PAGE_SETTLED), { timeout: 5000, message: 'the page hidden under the reader' });
      await driver.pressEscape(tab);
      await driver.waitForReaderGone(tab);
      assert.equal(await driver.page(tab, PAGE_SETTLED), false, 'shown again on close');
    } finally {
      await driver.close();
      await server.close();
      profile.remove();
      build.remove();
    }
  });
});
