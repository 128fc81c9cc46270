// The packages people install (`./build.sh package`, tools/package.mjs), built afresh into a
// temporary folder: the store packages load and open the reader in their browsers, the Firefox
// one passes Mozilla's linter, and the engine's npm package installs into a new project and
// works from Node and from a page.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildPackages, version } from '../../tools/package.mjs';
import { addTestHooks } from './helpers/extension-build.mjs';
import { chromiumDriver, firefoxDriver } from './helpers/drivers.mjs';
import { startFixtureServer } from './helpers/fixture-server.mjs';
import { CHROMIUM, EXTENSION, FIXTURES, STORY_PARAGRAPHS, STORY_TITLE, tempDir } from './helpers/paths.mjs';

const unzip = (zip, dir) => execFileSync('unzip', ['-q', '-o', zip, '-d', dir]);
const zipList = (zip) => execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
const zipManifest = (zip) => JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' }));
const filesUnder = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1)).sort();

describe('the packages', () => {
  let work;
  let packages;
  let server;

  before(async () => {
    work = tempDir('lectern-packages-');
    packages = buildPackages(join(work.dir, 'dist'));
    server = await startFixtureServer();
  });
  after(async () => {
    await server?.close();
    work?.remove();
  });

  it('take their version from Cargo.toml', () => {
    const v = version();
    assert.match(v, /^\d+\.\d+\.\d+/);
    assert.equal(zipManifest(packages.chromium).version, v);
    assert.equal(zipManifest(packages.firefox).version, v);
    assert.ok(packages.engine.endsWith(`lectern-engine-${v}.tgz`), packages.engine);
    assert.equal(JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8')).version, v);
  });

  it('hold every file of the built extension, and nothing else', () => {
    const expected = filesUnder(EXTENSION);
    assert.deepEqual(zipList(packages.chromium), expected);
    assert.deepEqual(zipList(packages.firefox), expected);
  });

  it('give each browser the one manifest without the keys it ignores', () => {
    const chromiumManifest = zipManifest(packages.chromium);
    assert.equal(chromiumManifest.background.service_worker, 'background.js');
    assert.equal(chromiumManifest.background.scripts, undefined);
    assert.equal(chromiumManifest.browser_specific_settings, undefined);
    const firefoxManifest = zipManifest(packages.firefox);
    assert.deepEqual(firefoxManifest.background.scripts, ['background.js']);
    assert.equal(firefoxManifest.background.service_worker, undefined);
    assert.ok(firefoxManifest.browser_specific_settings.gecko.id);
    assert.ok(firefoxManifest.browser_specific_settings.gecko_android, 'Firefox for Android is declared');
  });

  it('the Firefox package passes web-ext lint with no errors and no warnings', () => {
    assert.deepEqual(packages.lint.errors, []);
    assert.deepEqual(packages.lint.warnings, []);
  });

  it('the source archive is the committed tree, with how to build it', () => {
    const files = zipList(packages.source).map((f) => f.replace(/^lectern-[^/]+\//, ''));
    for (const f of ['README.md', 'build.sh', 'Cargo.toml', 'Cargo.lock', 'package-lock.json', 'src/lib.rs', 'extension/manifest.json']) {
      assert.ok(files.includes(f), f);
    }
    assert.ok(!files.some((f) => /^(target|node_modules|extension\/engine)\//.test(f)), 'no build output');
  });

  for (const [name, makeDriver, packageOf] of [
    ['Chromium', chromiumDriver, (p) => p.chromium],
    ['Firefox', firefoxDriver, (p) => p.firefox],
  ]) {
    it(`the ${name} package installs and opens the reader on a news page`, async () => {
      const profile = tempDir(`lectern-package-${name.toLowerCase()}-`);
      let extension = packageOf(packages);
      if (name === 'Chromium') {
        // Chromium loads folders: the package unzipped, with the hook that says its background
        // has started (the only change; tests/e2e/helpers/extension-build.mjs).
        const dir = join(work.dir, 'chromium-unpacked');
        mkdirSync(dir, { recursive: true });
        unzip(extension, dir);
        addTestHooks(dir);
        extension = dir;
      }
      const driver = await makeDriver(profile.dir, { extension });
      try {
        const tab = await driver.openTab(server.url('/news.html'));
        await driver.trigger(tab);
        await driver.waitForReader(tab);
        const shown = await driver.reader(tab, `(async () => {
          for (let i = 0; i < 400 && !document.querySelector('article p'); i++) await new Promise((r) => setTimeout(r, 25));
          return { title: document.querySelector('header h1')?.textContent ?? '', text: document.querySelector('article')?.textContent ?? '' };
        })()`);
        assert.equal(shown.title.trim(), STORY_TITLE);
        assert.ok(shown.text.includes(STORY_PARAGRAPHS[0]), shown.text.slice(0, 300));
      } finally {
        await driver.close();
        profile.remove();
      }
    });
  }

  describe('the engine npm package', () => {
    let project;
    before(() => {
      project = join(work.dir, 'project');
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
      // No dependencies of its own: installs offline from the tarball.
      execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', packages.engine], { cwd: project });
    });

    it('installs with its module, wasm, declarations and licences', () => {
      const files = readdirSync(join(project, 'node_modules', 'lectern-engine')).sort();
      assert.deepEqual(files, ['LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'lectern.d.ts', 'lectern.js', 'lectern_bg.wasm', 'package.json']);
      const dts = readFileSync(join(project, 'node_modules', 'lectern-engine', 'lectern.d.ts'), 'utf8');
      assert.match(dts, /export function extract\(/);
      assert.match(dts, /export function isProbablyReaderable\(/);
    });

    it('extracts an article in Node', () => {
      writeFileSync(join(project, 'use.mjs'), `
        import { readFile } from 'node:fs/promises';
        import { createRequire } from 'node:module';
        import init, { extract, isProbablyReaderable } from 'lectern-engine';
        const require = createRequire(import.meta.url);
        await init({ module_or_path: await readFile(require.resolve('lectern-engine/lectern_bg.wasm')) });
        const html = await readFile(process.argv[2], 'utf8');
        const article = extract(html, 'https://news.example.com/story', {});
        console.log(JSON.stringify({ title: article.title, text: article.textContent, readerable: isProbablyReaderable(html),
          none: extract(await readFile(process.argv[3], 'utf8'), null, {}) }));
      `);
      const fixture = join(FIXTURES, 'news.html');
      const out = JSON.parse(execFileSync('node', ['use.mjs', fixture, join(FIXTURES, 'no-article.html')], { cwd: project, encoding: 'utf8' }));
      assert.equal(out.title, STORY_TITLE);
      assert.ok(out.text.includes(STORY_PARAGRAPHS[1]));
      assert.equal(out.readerable, true);
      assert.equal(out.none, null, 'a page without an article gives null');
    });

    it('extracts an article in a browser page that imports it by name', async () => {
      writeFileSync(join(project, 'index.html'), `<!DOCTYPE html><html><head><title>scratch</title>
        <script type="importmap">{ "imports": { "lectern-engine": "./node_modules/lectern-engine/lectern.js" } }</script>
        <script type="module">
          import init, { extract } from 'lectern-engine';
          await init();
          const html = await (await fetch('./news.html')).text();
          window.result = extract(html, location.href, { markdown: false });
        </script></head><body></body></html>`);
      writeFileSync(join(project, 'news.html'), readFileSync(join(FIXTURES, 'news.html')));
      const site = await startFixtureServer(project + '/');
      const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
      try {
        const page = await browser.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(site.url('/index.html'));
        await page.waitForFunction(() => window.result !== undefined, null, { timeout: 15000 });
        const result = await page.evaluate(() => ({ title: window.result.title, text: window.result.textContent, markdown: window.result.markdown }));
        assert.deepEqual(errors, []);
        assert.equal(result.title, STORY_TITLE);
        assert.ok(result.text.includes(STORY_PARAGRAPHS[2]));
        assert.ok(!result.markdown, 'the markdown output was turned off');
      } finally {
        await browser.close();
        await site.close();
      }
    });
  });
});
