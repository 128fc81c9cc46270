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
import { CHROMIUM, EXTENSION, FIXTURES, ROOT, STORY_PARAGRAPHS, STORY_TITLE, tempDir } from './helpers/paths.mjs';

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

    // ---- the declarations (issue 24): extract's result and options are typed, not `any` ------
    const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    /** Type-checks `source` as a TypeScript module of the project; returns tsc's complaints ('' when none). */
    const typeCheck = (name, source) => {
      writeFileSync(join(project, name), source);
      try {
        execFileSync('node', [TSC, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext',
          '--lib', 'es2022,dom', name], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
        return '';
      } catch (error) {
        return String(error.stdout || error.stderr || error.message);
      }
    };
    const USE_TYPES = `
      import init, { extract, checkSiteRules, type Article, type Options, type ExtractError, type RemovedBlock, type Removal, type KeptBlock, type SiteRule } from 'lectern-engine';
      await init();
      const options: Options = { explain: true, removedBlocks: true, markdown: false, maxNodes: 1000, siteRules: '{}' };
      const result: Article | null = extract('<p>A page</p>', 'https://example.com/', options);
      if (result) {
        const a: Article = result;
        const strings: string[] = [a.title, a.content, a.textContent, a.markdown];
        const maybe: (string | null)[] = [a.byline, a.lang, a.excerpt, a.siteName, a.publishedTime, a.leadImageUrl];
        const dir: 'ltr' | 'rtl' | null = a.dir;
        const numbers: number[] = [a.length, a.wordCount, a.readingTimeMinutes];
        const incomplete: boolean = a.mayBeIncomplete;
        const removal: Removal | undefined = a.removed[0];
        const why: string[] = removal ? [removal.stage, removal.rule, removal.detail, removal.tag, removal.preview] : [];
        const block: RemovedBlock | undefined = a.removedBlocks[0];
        const place: (number | null)[] = block ? [block.index, block.parent, block.after] : [];
        const named: string[] = block ? [block.rule, block.group, block.html, block.preview, block.signature] : [];
        const kept: KeptBlock | undefined = a.keptBlocks[0];
        const number: number | undefined = kept?.number;
        const rule: SiteRule | undefined = a.unmatchedRules[0];
        const action: 'keep' | 'remove' | undefined = rule?.action;
        console.log(strings, maybe, dir, numbers, incomplete, why, place, named, number, action);
      }
      try {
        const count: number = checkSiteRules('{}');
        console.log(count);
      } catch (e) {
        const error = e as ExtractError;
        console.log(error.message);
      }
    `;

    it('its declarations type extract\'s result, its parts, its options and its error: a program using every field type-checks', () => {
      const dts = readFileSync(join(project, 'node_modules', 'lectern-engine', 'lectern.d.ts'), 'utf8');
      assert.match(dts, /export function extract\([^)]*options_js: ExtractOptions[^)]*\): Article \| null;/);
      assert.equal(typeCheck('use-types.ts', USE_TYPES), '');
    });

    it('its declarations refuse a misspelt field, a wrong type and a missing null check', () => {
      assert.match(typeCheck('misspelt.ts', USE_TYPES.replace('a.textContent,', 'a.textContents,')), /textContents/);
      assert.match(typeCheck('wrong-type.ts', USE_TYPES.replace('const incomplete: boolean = a.mayBeIncomplete;', 'const incomplete: string = a.mayBeIncomplete;')), /TS2322/);
      assert.match(typeCheck('no-null-check.ts', USE_TYPES.replace('const result: Article | null = extract(', 'const result: Article = extract(')), /TS2322/);
      assert.match(typeCheck('bad-option.ts', USE_TYPES.replace('explain: true,', 'explian: true,')), /explian/);
    });

    it('its declared Article, RemovedBlock, Removal, KeptBlock and SiteRule have exactly the fields a real result has', () => {
      const dts = readFileSync(join(project, 'node_modules', 'lectern-engine', 'lectern.d.ts'), 'utf8');
      const declared = (name) => {
        const body = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(dts)?.[1] ?? '';
        return [...body.matchAll(/^\s*([A-Za-z]+)\??:/gm)].map((m) => m[1]).sort();
      };
      writeFileSync(join(project, 'fields.mjs'), `
        import { readFile } from 'node:fs/promises';
        import { createRequire } from 'node:module';
        import init, { extract } from 'lectern-engine';
        const require = createRequire(import.meta.url);
        await init({ module_or_path: await readFile(require.resolve('lectern-engine/lectern_bg.wasm')) });
        const rules = JSON.stringify({ format: 'lectern-site-rules', version: 1, rules: [{ host: 'news.example.com', action: 'remove', signature: 'div#nowhere:1' }] });
        const a = extract(await readFile(process.argv[2], 'utf8'), 'https://news.example.com/story', { explain: true, removedBlocks: true, siteRules: rules });
        const keys = (o) => Object.keys(o ?? {}).sort();
        console.log(JSON.stringify({ Article: keys(a), Removal: keys(a.removed[0]), RemovedBlock: keys(a.removedBlocks[0]), KeptBlock: keys(a.keptBlocks[0]), SiteRule: keys(a.unmatchedRules[0]) }));
      `);
      const real = JSON.parse(execFileSync('node', ['fields.mjs', join(FIXTURES, 'news.html')], { cwd: project, encoding: 'utf8' }));
      for (const [name, fields] of Object.entries(real)) {
        assert.ok(fields.length > 1, `a real ${name} came back`);
        assert.deepEqual(declared(name), fields, name);
      }
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
