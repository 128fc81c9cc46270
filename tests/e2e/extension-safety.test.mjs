// The extension against hostile pages, in Chromium and in Firefox (issue 6):
//  1. every vector of the XSS corpus (tests/xss/vectors.json), in article pages, through the
//     toolbar button and the reader: no payload runs, in the page or in the reader, and nothing
//     planted loads;
//  2. an engine that fails (a test build of the extension): the reader says so politely and the
//     page is left exactly as it was, its scripts still running.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumDriver, firefoxDriver, eventually, openSettled } from './helpers/drivers.mjs';
import { startFixtureServer } from './helpers/fixture-server.mjs';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Parser as CommonMarkParser, HtmlRenderer } from 'commonmark';
import { tempDir, EXTENSION, FIXTURES, STORY_PARAGRAPHS } from './helpers/paths.mjs';
import { testBuild, patch, prepend } from './helpers/extension-build.mjs';
import {
  VECTORS, FLAG, MARKER, PAGE_ENDERS, payload, corpusPages, batchPage, before as noteBefore, after as noteAfter, startPlantedServer,
} from './helpers/xss-corpus.mjs';

const BROWSERS = [['Chromium', chromiumDriver], ['Firefox', firefoxDriver]];

// Elements the reader's article must never contain (as tests/sanitise.rs), and those that must
// not appear anywhere in the reader's body (its own controls are buttons and inputs).
const FORBIDDEN_IN_ARTICLE = 'script, style, iframe, frame, frameset, object, embed, applet, param, base, meta, link, form, input, button, select, option, textarea, keygen, output, template, noscript, svg, use, foreignObject, annotation-xml, mglyph, malignmark, maction, title, xmp, noembed, noframes, plaintext, listing, portal, video, audio, image, animate, set, isindex, bgsound, marquee, body, html, head';
const FORBIDDEN_IN_READER = 'body script, body style, iframe, frame, frameset, object, embed, applet, base, body meta, body link, svg, template, noscript, portal, plaintext';

/** What the reader shows and whether anything in it looks executable; runs in the reader. */
const INSPECT_READER = `(async () => {
  const article = document.querySelector('article');
  // Load every image of the article now, not when scrolled to, and let them finish: images may
  // load (that is the point of a reader), and so a planted one would be seen.
  await Promise.all([...article.querySelectorAll('img')].map((img) => {
    img.loading = 'eager';
    return img.complete ? null : new Promise((resolve) => {
      img.addEventListener('load', resolve);
      img.addEventListener('error', resolve);
      setTimeout(resolve, 2000);
    });
  }));
  const problems = [];
  // Through the prototypes: a form in the article may clobber its own properties (an
  // <input name="attributes">).
  const getter = (name) => Object.getOwnPropertyDescriptor(Element.prototype, name).get;
  const [attributesOf, localNameOf, outerHtmlOf] = ['attributes', 'localName', 'outerHTML'].map(getter);
  const describe = (el) => outerHtmlOf.call(el).slice(0, 160);
  for (const el of article.querySelectorAll(${JSON.stringify(FORBIDDEN_IN_ARTICLE)})) problems.push('forbidden element in the article: ' + describe(el));
  for (const el of document.querySelectorAll(${JSON.stringify(FORBIDDEN_IN_READER)})) problems.push('forbidden element in the reader: ' + describe(el));
  for (const el of document.querySelectorAll('*')) {
    for (const { name, value } of attributesOf.call(el)) {
      if (/^on/i.test(name) || name === 'srcdoc' || name === 'formaction' || name === 'style' && article.contains(el)) problems.push('attribute ' + name + ': ' + describe(el));
      if (!article.contains(el) || !['href', 'src', 'srcset', 'poster', 'cite', 'action', 'data', 'background', 'xlink:href', 'ping'].includes(name)) continue;
      const urls = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\\s+/)[0]) : [value];
      for (const url of urls) {
        let scheme;
        try { scheme = new URL(url, document.baseURI).protocol; } catch { problems.push('unparsable ' + name + ': ' + describe(el)); continue; }
        const ok = ['http:', 'https:'].includes(scheme) || (name === 'href' && (scheme === 'mailto:' || url.startsWith('#')))
          || (localNameOf.call(el) === 'img' && name === 'src' && /^data:image\\/(png|jpeg|gif|webp|avif)[;,]/i.test(url));
        if (!ok) problems.push(name + ' with scheme ' + scheme + ': ' + describe(el));
      }
    }
  }
  return {
    flag: self.${FLAG} ?? null,
    location: location.href,
    childFrames: window.frames.length,
    text: article.textContent,
    images: [...article.querySelectorAll('img')].map((img) => ({ src: img.currentSrc || img.src, loaded: img.naturalWidth > 0 })),
    problems,
  };
})()`;

// The extension pages' Content-Security-Policy directives (script-src, object-src) as browsers
// quote them when they block something: a message quoting one means something executable
// reached an extension page.
const EXTENSION_POLICY = JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8'))
  .content_security_policy.extension_pages.split(';').map((d) => d.trim()).filter(Boolean);

/**
 * The watched events that show a payload, or an attempt an extension page's policy blocked:
 * a payload's console message; a violation of the extension pages' policy; any other error from
 * an extension page or the reader frame (there should be none); dialogs, windows; frames or
 * navigations other than the reader's own. The page's own messages do not count: its
 * `default-src 'none'` blocking its own copy of a vector is expected.
 */
function suspicious(events, readerPrefix) {
  const ours = (url) => !url || url === 'about:blank' || url.startsWith(readerPrefix);
  return events.filter((e) => {
    if (e.kind === 'dialog' || e.kind === 'window') return true;
    if (e.kind === 'frame' || e.kind === 'navigation') return !ours(e.url);
    const text = e.text ?? '';
    if (text.startsWith(MARKER) || EXTENSION_POLICY.some((directive) => text.includes(directive))) return true;
    return e.where !== 'page' && e.type !== 'warning';
  });
}

for (const [browserName, makeDriver] of BROWSERS) {
  describe(`the XSS corpus through the reader in ${browserName}`, () => {
    let driver;
    let server;
    let planted;
    let profile;
    let readerPrefix;
    const pages = {};
    // The batches' make-up does not depend on the servers' addresses; their pages do.
    const { batches } = corpusPages({ plantedOrigin: 'http://planted', fixtureOrigin: 'http://fixture' });

    before(async () => {
      planted = await startPlantedServer();
      server = await startFixtureServer(undefined, { pages });
      Object.assign(pages, corpusPages({ plantedOrigin: planted.origin, fixtureOrigin: server.origin }).pages);
      profile = tempDir(`lectern-xss-${browserName}-`);
      driver = await makeDriver(profile.dir);
    });
    after(async () => {
      await driver?.close();
      await server?.close();
      await planted?.close();
      profile?.remove();
    });

    const articleShown = (tab) => eventually(
      () => driver.reader(tab, `document.querySelector('article.lectern-article') && !document.querySelector('main[aria-busy]')`),
      { message: 'the article' });

    /** Opens the reader on a batch page; returns what the test needs to judge it. */
    async function readBatch(path) {
      // The page is served with `default-src 'none'`: the vectors are inert in the page itself,
      // so any payload that runs, and any planted load, comes from what the extension did.
      const tab = await driver.openTab(server.url(`/strict${path}`));
      const watch = await driver.watch(tab);
      const mark = planted.hits.length;
      await driver.trigger(tab);
      await driver.waitForReader(tab);
      await articleShown(tab);
      const view = await driver.reader(tab, INSPECT_READER);
      readerPrefix ??= view.location.replace(/reader\.html.*$/, '');
      // Anything that slipped through gets time to fire: timers, frame loads, refreshes.
      await new Promise((r) => setTimeout(r, 300));
      const later = await driver.reader(tab, `({ flag: self.${FLAG} ?? null, location: location.href, childFrames: window.frames.length })`);
      const page = await driver.page(tab, `({ flag: self.${FLAG} ?? null, url: location.href })`);
      return { tab, watch, mark, view, later, page };
    }
    async function closeReader({ tab, watch }) {
      await driver.pressEscape(tab);
      watch.stop();
      await driver.closeTab(tab);
    }

    it('control: the detectors see payloads that do run, and attempts the reader blocks', async () => {
      const run = await readBatch(batches[0].path);
      const { tab, watch, mark } = run;
      // A payload run in the reader (by the test, not through the page) and one in the page.
      await driver.reader(tab, `(${payload(9001, planted.origin)}).then(() => true)`);
      await driver.page(tab, `(self.${FLAG} = 9002, console.log('${MARKER}-9002'), true)`);
      // An inline handler put into the reader: its Content-Security-Policy blocks it, and the
      // violation is logged.
      await driver.reader(tab, `(() => {
        const img = document.createElement('img');
        img.setAttribute('onerror', ${JSON.stringify(payload(9003, planted.origin))});
        img.src = 'x-blocked:';
        document.body.append(img);
        return true;
      })()`);
      assert.equal(await driver.reader(tab, `self.${FLAG}`), 9001);
      assert.equal(await driver.page(tab, `self.${FLAG}`), 9002);
      await eventually(() => planted.since(mark).some((h) => h.path === '/ran/9001'), { message: 'the reader payload request', timeout: 3000 });
      const seen = (predicate) => eventually(async () => (await watch.collect()).find(predicate), { message: 'an event', timeout: 3000 });
      await seen((e) => e.text?.includes(`${MARKER}-9002`));
      if (driver.name === 'chromium') await seen((e) => e.text?.includes(`${MARKER}-9001`)); // Firefox: invisible
      const blocked = await seen((e) => EXTENSION_POLICY.some((directive) => e.text?.includes(directive)));
      const flagged = suspicious(watch.events, readerPrefix);
      assert.ok(flagged.includes(blocked), 'a blocked attempt in the reader counts');
      assert.ok(flagged.some((e) => e.text?.includes(`${MARKER}-9002`)), 'a payload message counts');
      assert.ok(!planted.since(mark).some((h) => h.path === '/ran/9003'), 'the blocked handler did not run');
      await closeReader(run);
    });

    for (const [index, batch] of batches.entries()) {
      const first = batch.ids[0];
      it(`batch ${index + 1} of ${batches.length} (${batch.ids.length} vectors from #${first}): the article is shown, nothing runs, nothing planted loads`, async (t) => {
        const run = await readBatch(batch.path);
        const { watch, mark, view, later, page } = run;
        const events = await watch.collect();
        await closeReader(run);
        const vector = (id) => `#${id} ${JSON.stringify(VECTORS[id])}`;

        // Not vacuous: the reader shows the article around every vector.
        const missing = batch.ids.flatMap((id) => [noteBefore(id), ...(PAGE_ENDERS.includes(id) ? [] : [noteAfter(id)])]
          .filter((note) => !view.text.includes(note)).map((note) => `${note} (next to ${vector(Number(note.slice(5, 8)))})`));
        assert.deepEqual(missing, [], 'notes missing from the reader');

        // Nothing ran: no flag, no payload console message, no dialog, no window, no frame.
        assert.equal(view.flag, null, 'a payload ran in the reader');
        assert.equal(later.flag, null, 'a payload ran in the reader (late)');
        assert.equal(page.flag, null, 'a payload ran in the page');
        assert.deepEqual(view.problems, [], 'executable markup in the reader');
        assert.equal(later.childFrames, 0, 'the reader has frames');
        assert.equal(later.location, view.location, 'the reader navigated');
        assert.equal(page.url, server.url(`/strict${batch.path}`), 'the page navigated');
        assert.deepEqual(suspicious(events, readerPrefix), [], 'console messages, dialogs, frames or navigations from payloads');

        // Nothing planted loaded, except images (an article's images load; there are none
        // planted in the corpus, but a planted <base> may point relative images there).
        const hits = planted.since(mark);
        const ran = hits.filter((h) => h.path.startsWith('/ran/')).map((h) => vector(Number(h.path.slice(5))));
        assert.deepEqual(ran, [], 'payloads that ran (seen by their request)');
        assert.deepEqual(hits.filter((h) => h.dest !== 'image'), [], 'planted loads other than images');
        for (const h of hits) t.diagnostic(`planted image request: ${h.path}`);
        // ... and the corpus's harmless image (https://ok.test/a.png, served here) does load.
        assert.deepEqual(view.images.filter((i) => i.src === server.url('/figure.png') && !i.loaded), [], 'harmless images that did not load');
        t.diagnostic(`${view.images.filter((i) => i.loaded).length} of ${view.images.length} article images loaded`);
      });
    }
  });
}

/** The engine's Worker script throws as it starts. */
function failWorker(dir) {
  const worker = join(dir, 'reader', 'engine-worker.js');
  prepend(worker, "throw new Error('the engine failed to start (test build)');\n");
}

// ---- 2. A failing engine never breaks the page. Each case is a test build of the extension (a
// copy in a temporary folder with one file changed); the shipped extension has no hook for it.
const FAILURES = [
  {
    name: 'the engine throws',
    detail: /the engine failed on purpose \(test build\)/,
    build(dir) {
      renameSync(join(dir, 'engine', 'lectern.js'), join(dir, 'engine', 'lectern-real.js'));
      writeFileSync(join(dir, 'engine', 'lectern.js'), [
        '// Test build: the engine loads, then every extraction fails.',
        "export * from './lectern-real.js';",
        "export { default } from './lectern-real.js';",
        "export function extract() { throw new Error('the engine failed on purpose (test build)'); }",
        '',
      ].join('\n'));
    },
  },
  {
    name: 'the wasm module is corrupt',
    detail: /wasm|WebAssembly|magic|compil/i,
    build(dir) {
      writeFileSync(join(dir, 'engine', 'lectern_bg.wasm'), 'this is not a WebAssembly module');
    },
  },
  {
    name: 'the background\'s engine cannot start',
    detail: /the engine failed to start \(test build\)|could not start/,
    build(dir) {
      // Chromium runs the background's engine in the service worker itself, Firefox in a Worker
      // its event page starts: both fail to start here. (Not the engine's module: the background
      // imports it, and a module that cannot load would take the toolbar button down with it.)
      patch(join(dir, 'engine-host.js'), 'init({ module_or_path: WASM_URL })',
        "Promise.reject(new Error('the engine failed to start (test build)'))");
      failWorker(dir);
    },
  },
  {
    name: 'a page too large for the background, and the reader\'s own engine worker dies as it starts',
    detail: /the engine failed to start \(test build\)|could not start/,
    build(dir) {
      // Every page counts as too large for the background: the reader page extracts it itself.
      patch(join(dir, 'shared', 'protocol.js'), /BACKGROUND_MAX_CHARS: [^,]+,/, 'BACKGROUND_MAX_CHARS: 0,');
      failWorker(dir);
    },
  },
];

const ERROR_TITLE = 'Something went wrong';
const ERROR_BODY = /^Lectern could not show this page in reader view\. The page itself is unchanged\. Details: (.+)$/;

for (const [browserName, makeDriver] of BROWSERS) {
  describe(`a failing engine in ${browserName}`, () => {
    let server;
    before(async () => {
      // news.html with the page's own scripts and a button they handle.
      const news = readFileSync(join(FIXTURES, 'news.html'), 'utf8');
      const scripted = news
        .replace('</head>', '<script src="/page-scripts.js"></script>\n</head>')
        .replace('</body>', '<p><button id="page-button" type="button">Count</button> <output id="page-output"></output></p>\n</body>');
      const trap = news.replace('</body>', '<p>lectern-test-trap</p>\n</body>');
      const slow = news.replace('</body>', '<p>lectern-test-slow</p>\n</body>');
      server = await startFixtureServer(undefined, { pages: { '/scripted.html': scripted, '/trap.html': trap, '/slow.html': slow } });
    });
    after(() => server?.close());

    /**
     * A copy of the extension whose engine's `extract` is the function `lines` define (they may
     * call `realExtract`), and a profile for it: the test builds below.
     */
    function wrappedEngineBuild(name, lines) {
      const build = testBuild(`lectern-${name}-${browserName}-`, (dir) => {
        renameSync(join(dir, 'engine', 'lectern.js'), join(dir, 'engine', 'lectern-real.js'));
        writeFileSync(join(dir, 'engine', 'lectern.js'), [
          "export * from './lectern-real.js';",
          "export { default } from './lectern-real.js';",
          "import { extract as realExtract } from './lectern-real.js';",
          ...lines,
          '',
        ].join('\n'));
      });
      const profile = tempDir(`lectern-${name}-profile-${browserName}-`);
      return { build, profile };
    }

    for (const failure of FAILURES) {
      it(`${failure.name}: a polite message; the page's DOM, scroll and focus are exactly as before, and its scripts keep working`, async (t) => {
        const build = testBuild(`lectern-failing-${browserName}-`, failure.build);
        const profile = tempDir(`lectern-failing-profile-${browserName}-`);
        const driver = await makeDriver(profile.dir, { extension: build.dir });
        try {
          const tab = await driver.openTab(server.url('/scripted.html'));
          const pageState = `({ html: document.documentElement.outerHTML, y: window.scrollY, focused: document.activeElement?.id ?? null, ticks: window.__page.ticks, errors: window.__page.errors, mutations: window.__page.mutations })`;
          const before = await driver.page(tab, `(() => {
            document.getElementById('comment').focus();
            window.scrollTo(0, 600);
            window.__page.mutations.length = 0;
            return ${pageState};
          })()`);
          assert.ok(before.y > 0, 'the page scrolls');

          for (const round of [1, 2]) { // a second time: a failed engine does not wedge the reader
            await driver.trigger(tab);
            await driver.waitForReader(tab);
            let last;
            const shown = await eventually(async () => {
              last = await driver.reader(tab, `({
                title: document.querySelector('.lectern-message h1')?.textContent ?? null,
                body: document.querySelector('.lectern-message p')?.textContent ?? null,
                paragraphs: document.querySelectorAll('.lectern-message p').length,
                article: !!document.querySelector('article'),
                busy: !!document.querySelector('[aria-busy]'),
                copyDisabled: $button('Copy as Markdown')?.disabled,
                printDisabled: $button('Print')?.disabled,
                closeButton: !!$button('Close reader'),
              })`);
              return last.title === ERROR_TITLE && last;
            }, { message: `the error message (round ${round})` }).catch((error) => {
              throw new Error(`${error.message}; the reader showed ${JSON.stringify(last)}`);
            });
            const [, detail] = shown.body.match(ERROR_BODY) ?? [];
            if (round === 1) t.diagnostic(`the reader says: ${shown.body}`);
            assert.ok(detail, `the polite message: ${shown.body}`);
            assert.match(detail, failure.detail);
            assert.doesNotMatch(detail, /\n|\bat\s+\S+:\d|@(moz|chrome)-extension:|\.js:\d/, 'no stack trace');
            assert.deepEqual({ ...shown, body: undefined }, { title: ERROR_TITLE, body: undefined, paragraphs: 1, article: false, busy: false, copyDisabled: true, printDisabled: true, closeButton: true });
            await eventually(() => driver.reader(tab, `document.activeElement?.matches('main')`), { message: 'focus on the message' });
            await driver.pressEscape(tab);
          }

          const after = await driver.page(tab, pageState);
          assert.equal(after.html, before.html, 'the DOM is exactly as before');
          assert.equal(after.y, before.y, 'the scroll position is as before');
          assert.equal(after.focused, 'comment', 'focus is back where it was');
          assert.deepEqual(after.errors, [], 'the page saw no errors');
          assert.deepEqual(after.mutations, [1, 2].flatMap(() => [
            { type: 'childList', target: 'HTML', attribute: null, added: ['LECTERN-READER'], removed: [] },
            { type: 'childList', target: 'HTML', attribute: null, added: [], removed: ['LECTERN-READER'] },
          ]), 'the only changes to the page were the reader\'s host element, added and removed');
          assert.ok(after.ticks > before.ticks, 'the page\'s timer kept running');
          const clicked = await driver.page(tab, `(() => { document.getElementById('page-button').click(); return { clicks: window.__page.clicks, output: document.getElementById('page-output').textContent }; })()`);
          assert.deepEqual(clicked, { clicks: 1, output: 'Clicked 1 times' }, 'the page\'s click handler works');
          const ticks = await driver.page(tab, 'window.__page.ticks');
          await eventually(async () => (await driver.page(tab, 'window.__page.ticks')) > ticks, { message: 'the timer still ticking' });
          await driver.closeTab(tab);
        } finally {
          await driver.close();
          build.remove();
          profile.remove();
        }
      });
    }

    it('"Close reader" closes at once while the engine is still busy with the page', async (t) => {
      // Test build: on a marked page the engine works for 6 s (in Chromium that holds up the
      // service worker, which runs it; in Firefox the event page's Worker).
      const { build, profile } = wrappedEngineBuild('slow', [
        'export function extract(html, url, options) {',
        "  if (html.includes('lectern-test-slow')) { const end = Date.now() + 6000; while (Date.now() < end) { /* busy */ } }",
        '  return realExtract(html, url, options);',
        '}',
      ]);
      const driver = await makeDriver(profile.dir, { extension: build.dir });
      try {
        const tab = await driver.openTab(server.url('/slow.html'));
        await driver.trigger(tab);
        await driver.waitForReader(tab);
        await eventually(() => driver.reader(tab, `!!$button('Close reader') && !!document.querySelector('main[aria-busy]')`), { message: 'the reader, still loading' });
        const clicked = Date.now();
        await driver.reader(tab, `(setTimeout(() => $button('Close reader').click()), true)`);
        await eventually(async () => !(await driver.page(tab, `!!document.querySelector('lectern-reader')`)), { timeout: 3000, message: 'the reader to close while the engine works' });
        t.diagnostic(`closed after ${Date.now() - clicked} ms`);
        await driver.closeTab(tab);
      } finally {
        await driver.close();
        build.remove();
        profile.remove();
      }
    });

    it('an engine that traps on one page is not used again: the next pages open with a fresh engine', async () => {
      // Test build: a wasm trap (what a panic would be) on a marked page, after which that
      // instance fails every call, as a half-changed instance might.
      const { build, profile } = wrappedEngineBuild('trap', [
        'let trapped = false;',
        'export function extract(html, url, options) {',
        "  if (trapped) throw new Error('an engine used after it trapped (test build)');",
        "  if (html.includes('lectern-test-trap')) { trapped = true; throw new WebAssembly.RuntimeError('unreachable (test build)'); }",
        '  return realExtract(html, url, options);',
        '}',
      ]);
      const driver = await makeDriver(profile.dir, { extension: build.dir });
      try {
        const tab = await driver.openTab(server.url('/trap.html'));
        await driver.trigger(tab);
        await driver.waitForReader(tab);
        const said = await eventually(() => driver.reader(tab, `document.querySelector('.lectern-message h1')?.textContent === ${JSON.stringify(ERROR_TITLE)} && document.querySelector('.lectern-message p').textContent`),
          { message: 'the error message' });
        assert.match(said, /unreachable \(test build\)/);
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
        for (const round of [1, 2]) {
          const next = await driver.openTab(server.url('/news.html'));
          await driver.trigger(next);
          await driver.waitForReader(next);
          let last;
          await eventually(async () => {
            last = await driver.reader(next, `({ article: document.querySelector('article')?.textContent ?? null, error: document.querySelector('.lectern-message h1')?.textContent === ${JSON.stringify(ERROR_TITLE)} ? document.querySelector('.lectern-message p').textContent : null })`);
            return last.article?.includes(STORY_PARAGRAPHS[3]) || last.error;
          }, { message: `the next page (round ${round})` });
          assert.equal(last.error, null, `the next page shows its article (round ${round})`);
          await driver.pressEscape(next);
          await driver.closeTab(next);
        }
      } finally {
        await driver.close();
        build.remove();
        profile.remove();
      }
    });
  });
}

// ---- 3. The reader's fallback insertion path (browsers without Element.setHTML), fed the XSS
// corpus as it is: a test build whose reader page has no setHTML and whose engine hands the
// reader each batch's article markup unsanitised, so that the reader's own allowlist is all
// that stands between the vectors and the reader.

// What the allowlist keeps (as the engine's src/sanitise/allowlist.rs), and what the reader
// adds afterwards (decorate(): link targets, image loading, scrolling boxes for tables and code).
const GLOBAL_ATTRIBUTES = ['title', 'lang', 'dir', 'id', 'class'];
const KEPT_HTML = {
  ...Object.fromEntries(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre',
    'code', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col', 'figure', 'figcaption',
    'img', 'picture', 'source', 'a', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'time',
    'br', 'hr', 'q', 'cite', 'kbd', 'samp', 'var', 'del', 'ins', 'span', 'div', 'section', 'dfn', 'bdi', 'bdo', 'wbr',
    'ruby', 'rt', 'rp'].map((name) => [name, []])),
  a: ['href', 'rel', 'target'],
  // tabindex, role, aria-haspopup and aria-label: the reader makes an image that is not a link
  // open in its lightbox (the label is made from the alt text or the caption, as text).
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding', 'referrerpolicy', 'tabindex', 'role', 'aria-haspopup', 'aria-label'],
  source: ['src', 'srcset', 'sizes', 'media', 'width', 'height', 'type'],
  td: ['colspan', 'rowspan', 'headers'],
  th: ['colspan', 'rowspan', 'headers', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  ol: ['start', 'reversed', 'type'],
  ul: ['type'],
  li: ['value'],
  time: ['datetime'],
  del: ['datetime', 'cite'],
  ins: ['datetime', 'cite'],
  blockquote: ['cite'],
  q: ['cite'],
  pre: ['tabindex'],
  div: ['tabindex'],
};
const KEPT_MATHML = ['math', 'mrow', 'mi', 'mo', 'mn', 'ms', 'mtext', 'mspace', 'msub', 'msup', 'msubsup', 'munder', 'mover',
  'munderover', 'mfrac', 'msqrt', 'mroot', 'mstyle', 'merror', 'mpadded', 'mphantom', 'menclose', 'mtable', 'mtr', 'mtd',
  'mlabeledtr', 'mmultiscripts', 'mprescripts', 'none', 'semantics'];
const MATHML_ATTRIBUTES = ['display', 'mathvariant', 'displaystyle', 'scriptlevel', 'fence', 'separator', 'stretchy',
  'symmetric', 'largeop', 'movablelimits', 'accent', 'accentunder', 'lspace', 'rspace', 'form', 'minsize', 'maxsize',
  'width', 'height', 'depth', 'voffset', 'linethickness', 'notation', 'columnalign', 'rowalign', 'columnspan', 'rowspan',
  'columnlines', 'rowlines', 'frame', 'open', 'close', 'separators', 'dir'];

/** Elements and attributes in the reader's article outside the allowlist; runs in the reader. */
const OUTSIDE_ALLOWLIST = `(() => {
  const html = ${JSON.stringify(KEPT_HTML)};
  const math = new Set(${JSON.stringify(KEPT_MATHML)});
  const mathAttributes = ${JSON.stringify(MATHML_ATTRIBUTES)};
  const global = ${JSON.stringify(GLOBAL_ATTRIBUTES)};
  const outside = [];
  for (const el of document.querySelector('article').querySelectorAll('*')) {
    const isMath = el.namespaceURI === 'http://www.w3.org/1998/Math/MathML' && math.has(el.localName);
    const isHtml = el.namespaceURI === 'http://www.w3.org/1999/xhtml' && Object.hasOwn(html, el.localName);
    if (!isMath && !isHtml) { outside.push('element ' + el.namespaceURI + ' ' + el.localName); continue; }
    const allowed = isMath ? mathAttributes : [...global, ...html[el.localName]];
    for (const a of el.attributes) {
      if (a.namespaceURI !== null || !allowed.includes(a.localName)) outside.push('attribute ' + a.name + ' on ' + el.localName);
    }
  }
  return outside;
})()`;

for (const [browserName, makeDriver] of BROWSERS) {
  describe(`the reader's fallback insertion path (no Element.setHTML) in ${browserName}`, () => {
    let driver;
    let server;
    let planted;
    let build;
    let profile;
    let readerPrefix;
    const pages = {};
    const { batches } = corpusPages({ plantedOrigin: 'http://planted', fixtureOrigin: 'http://fixture' });

    before(async () => {
      planted = await startPlantedServer();
      server = await startFixtureServer(undefined, { pages });
      Object.assign(pages, corpusPages({ plantedOrigin: planted.origin, fixtureOrigin: server.origin }).pages);
      // Each batch's article markup as the page has it, vectors armed and unsanitised.
      const raw = Object.fromEntries(batches.map((batch, i) => {
        const page = pages[batch.path];
        // And attributes named like properties of a plain object, which a lookup table must not
        // take for rules.
        const article = page.slice(page.indexOf('<div class="entry-content">'), page.lastIndexOf('</article>'));
        return [i + 1, `<p constructor="a" __proto__="b" tostring="c">Attributes named like object properties.</p>${article}`];
      }));
      build = testBuild(`lectern-fallback-${browserName}-`, (dir) => {
        prepend(join(dir, 'reader-page.js'), '// Test build: a browser without the HTML Sanitizer API.\ndelete Element.prototype.setHTML;\n');
        renameSync(join(dir, 'engine', 'lectern.js'), join(dir, 'engine', 'lectern-real.js'));
        writeFileSync(join(dir, 'engine', 'lectern.js'), [
          '// Test build: the article of a corpus page is its markup as the page has it, unsanitised.',
          "export * from './lectern-real.js';",
          "export { default } from './lectern-real.js';",
          "import { extract as realExtract } from './lectern-real.js';",
          `const RAW = ${JSON.stringify(raw)};`,
          'export function extract(html, url, options) {',
          '  const result = realExtract(html, url, options);',
          '  const part = /Notes on hostile markup, part (\\d+) of/.exec(html);',
          '  if (result && part) result.content = RAW[part[1]];',
          '  return result;',
          '}',
          '',
        ].join('\n'));
      });
      profile = tempDir(`lectern-fallback-profile-${browserName}-`);
      driver = await makeDriver(profile.dir, { extension: build.dir });
    });
    after(async () => {
      await driver?.close();
      await server?.close();
      await planted?.close();
      build?.remove();
      profile?.remove();
    });

    for (const [index, batch] of batches.entries()) {
      it(`batch ${index + 1} of ${batches.length} unsanitised: the allowlist keeps only allowed elements, attributes and URLs, and nothing runs`, async () => {
        const tab = await driver.openTab(server.url(`/strict${batch.path}`));
        const watch = await driver.watch(tab);
        const mark = planted.hits.length;
        await driver.trigger(tab);
        await driver.waitForReader(tab);
        await eventually(() => driver.reader(tab, `document.querySelector('article.lectern-article') && !document.querySelector('main[aria-busy]')`), { message: 'the article' });
        const view = await driver.reader(tab, INSPECT_READER);
        const fallback = await driver.reader(tab, `typeof Element.prototype.setHTML === 'undefined'`);
        const outside = await driver.reader(tab, OUTSIDE_ALLOWLIST);
        readerPrefix ??= view.location.replace(/reader\.html.*$/, '');
        await new Promise((r) => setTimeout(r, 300));
        const later = await driver.reader(tab, `({ flag: self.${FLAG} ?? null, childFrames: window.frames.length })`);
        const page = await driver.page(tab, `self.${FLAG} ?? null`);
        const events = await watch.collect();
        await driver.pressEscape(tab);
        watch.stop();
        await driver.closeTab(tab);

        assert.ok(fallback, 'the reader had no setHTML (the fallback path was taken)');
        // Not vacuous: the unsanitised markup went in; the text before every vector is there.
        const missing = batch.ids.map(noteBefore).filter((note) => !view.text.includes(note));
        assert.deepEqual(missing, [], 'notes missing from the reader');
        assert.deepEqual(outside, [], 'elements or attributes outside the allowlist');
        assert.deepEqual(view.problems, [], 'executable markup or a disallowed URL in the reader');
        assert.equal(view.flag, null, 'a payload ran in the reader');
        assert.equal(later.flag, null, 'a payload ran in the reader (late)');
        assert.equal(page, null, 'a payload ran in the page');
        assert.equal(later.childFrames, 0, 'the reader has frames');
        // Chromium checks the policy as the parser sets an on* attribute, in any document, even
        // one where nothing runs (DOMParser's, a template's): parsing the unsanitised markup at
        // all reports each handler as "Executing inline event handler ... blocked", before the
        // allowlist can remove it. Those reports are not runs; a run sets the flag, logs its
        // marker and requests /ran/, which the checks around this one look for.
        const parsed = (e) => driver.name === 'chromium' && e.where === 'extension' && /^Executing inline event handler violates/.test(e.text ?? '');
        assert.deepEqual(suspicious(events, readerPrefix).filter((e) => !parsed(e)), [], 'console messages, dialogs, frames or navigations from payloads');
        const hits = planted.since(mark);
        assert.deepEqual(hits.filter((h) => h.path.startsWith('/ran/')), [], 'payloads that ran (seen by their request)');
        assert.deepEqual(hits.filter((h) => h.dest !== 'image'), [], 'planted loads other than images');
      });
    }
  });
}

// ---- 4. Privacy: what the page's servers learn from the reader. The fixture server records
// every request (path, Referer); an article page with two figures: an image with a srcset, and a
// <picture> with a <source> (relative URLs: under /strict/ too). It is served with
// `default-src 'none'`, so that the page loads none of its images itself: every image request
// is the reader's.

const IMAGES_PAGE = batchPage('Two figures from the harbour', [{
  id: 1,
  html: [
    '<figure><img src="figure.png?held-1" srcset="figure.png?held-1-2x 2x" alt="A lighthouse at dusk" width="128" height="128"><figcaption>The lighthouse.</figcaption></figure>',
    '<figure><picture><source srcset="figure.png?held-2-source" type="image/png"><img src="figure.png?held-2" alt=""></picture><figcaption>A harbour in the rain, the second figure.</figcaption></figure>',
  ].join('\n'),
}]);

for (const [browserName, makeDriver] of BROWSERS) {
  describe(`privacy in ${browserName}`, () => {
    let driver;
    let server;
    let profile;
    before(async () => {
      server = await startFixtureServer(undefined, { pages: { '/images.html': IMAGES_PAGE } });
      profile = tempDir(`lectern-privacy-${browserName}-`);
      driver = await makeDriver(profile.dir);
    });
    after(async () => {
      await driver?.close();
      await server?.close();
      profile?.remove();
    });

    const imageHits = (mark) => server.hits.slice(mark).filter((h) => h.path.startsWith('/strict/figure.png'));
    async function openImagesPage() {
      const tab = await driver.openTab(server.url('/strict/images.html'));
      await driver.trigger(tab);
      await driver.waitForReader(tab);
      await eventually(() => driver.reader(tab, `document.querySelector('article.lectern-article') && !document.querySelector('main[aria-busy]')`), { message: 'the article' });
      return tab;
    }
    async function closeReader(tab) {
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    }

    it('the reader sends no Referer: its policy is no-referrer, and its image requests carry none', async () => {
      // Today's browsers send no Referer from an extension page to a web server anyway; the
      // reader's policy makes it so whatever a browser's default, and is checked as well.
      const mark = server.hits.length;
      const tab = await openImagesPage();
      const policy = await driver.reader(tab, `({
        meta: document.querySelector('meta[name="referrer"]')?.content ?? null,
        images: [...document.querySelectorAll('article img')].map((img) => img.referrerPolicy),
      })`);
      await driver.reader(tab, `(document.querySelectorAll('article img').forEach((img) => { img.loading = 'eager'; }), true)`);
      const hits = await eventually(() => imageHits(mark).length >= 2 && imageHits(mark), { message: 'both images requested' });
      await closeReader(tab);
      assert.deepEqual(policy, { meta: 'no-referrer', images: ['no-referrer', 'no-referrer'] });
      assert.deepEqual(hits.filter((h) => h.referer !== null), [], 'image requests with a Referer');
    });

    it('with "Load images: On request", no image is requested until its "Load image" button is pressed', async () => {
      // Chosen in the reader's settings (on another page), kept for the next reader.
      const setup = await driver.openTab(server.url('/news.html'));
      await driver.trigger(setup);
      await driver.waitForReader(setup);
      await eventually(() => driver.reader(setup, `!!document.querySelector('article.lectern-article')`), { message: 'the article' });
      assert.ok(await driver.reader(setup, `$choose('Load images', 'On request')`), 'the setting is chosen');
      await closeReader(setup);

      const mark = server.hits.length;
      const tab = await openImagesPage();
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(imageHits(mark), [], 'image requests before any button was pressed');
      const shown = await driver.reader(tab, `({
        images: document.querySelectorAll('article img, article picture, article source').length,
        placeholders: [...document.querySelectorAll('article .lectern-image-placeholder')].map((p) => ({
          label: p.querySelector('.lectern-image-label').textContent,
          button: p.querySelector('button').textContent,
          described: p.querySelector('button').getAttribute('aria-describedby') === p.querySelector('.lectern-image-label').id,
        })),
        onRequest: [...$group('Load images').querySelectorAll('label')].find((l) => l.querySelector('input').checked)?.textContent.trim(),
      })`);
      assert.equal(shown.onRequest, 'On request', 'the setting persisted');
      assert.equal(shown.images, 0, 'no image element in the article');
      assert.deepEqual(shown.placeholders, [
        { label: 'A lighthouse at dusk', button: 'Load image', described: true },
        { label: 'A harbour in the rain, the second figure.', button: 'Load image', described: true },
      ]);

      await driver.reader(tab, `($button('Load image').click(), true)`);
      await eventually(() => imageHits(mark).some((h) => h.path.startsWith('/strict/figure.png?held-1')), { message: 'the first image requested' });
      await new Promise((r) => setTimeout(r, 300));
      const after = await driver.reader(tab, `({ placeholders: document.querySelectorAll('article .lectern-image-placeholder').length, images: document.querySelectorAll('article img').length })`);
      await closeReader(tab);
      assert.deepEqual(after, { placeholders: 1, images: 1 }, 'the first image in place, the second still held');
      assert.deepEqual(imageHits(mark).filter((h) => h.path.startsWith('/strict/figure.png?held-2')), [], 'the second image (or its <source>) requested');
    });

    if (browserName === 'Chromium') {
      // Firefox has no use_dynamic_url: there an add-on's address has a random UUID of each
      // installation, which a page cannot guess (docs/security.md).
      it('a page cannot load the reader page by the extension\'s fixed address (use_dynamic_url)', async () => {
        const tab = await driver.openTab(server.url('/news.html'));
        const probe = await driver.page(tab, `fetch('chrome-extension://${driver.browser.extensionId}/reader.html').then((r) => 'loaded ' + r.status, () => 'refused')`);
        await driver.closeTab(tab);
        assert.equal(probe, 'refused');
      });
    }
  });
}

// ---- 5. "Copy as Markdown" on a hostile page: what lands on the clipboard (read back from the
// system clipboard: in Chromium by the page with the clipboard-read permission granted, in
// Firefox from the browser's privileged window, both after a real click on the button), read by
// a CommonMark renderer that passes raw HTML through (commonmark.js, `safe: false`), must hold
// no HTML of the page's, nothing that runs, and no link outside http, https and mailto.

// The title holds HTML and Markdown; the code block holds fences of both kinds; the alt text
// holds blank lines and HTML; the links' URLs hold `(`, `<` and a javascript: scheme, and the
// text holds an autolink to one.
const COPY_TITLE = '&lt;img src=x onerror=alert(1)&gt; **Breaking** [news](javascript:alert(1)) &lt;script&gt;alert(2)&lt;/script&gt; # here';
const COPY_TITLE_TEXT = '<img src=x onerror=alert(1)> **Breaking** [news](javascript:alert(1)) <script>alert(2)</script> # here';
const copyPage = (origin) => batchPage(COPY_TITLE, [{
  id: 1,
  html: [
    '<pre>before\n```\n&lt;img src=x onerror=alert(3)&gt;\n```\n~~~\n&lt;script&gt;alert(4)&lt;/script&gt;\nafter</pre>',
    `<p><img src="${origin}/figure.png" alt="first line\n\n&lt;script&gt;alert(5)&lt;/script&gt;\n\n&lt;img src=x onerror=alert(6)&gt;"></p>`,
    `<p>Links: <a href="${origin}/(&lt;script&gt;alert(7)&lt;/script&gt;">paren link</a>, <a href="${origin}/a&lt;b onmouseover=alert(8)&gt;c">angle link</a>, <a href="javascript:alert(9)">script link</a>, and the text &lt;javascript:alert(10)&gt; and [x](javascript:alert(11)).</p>`,
    '<p>Raw text: &lt;b onmouseover=alert(12)&gt;bold&lt;/b&gt;, &lt;!-- a comment --&gt;, &amp;lt;script&amp;gt; and &lt;div&gt;</p>',
  ].join('\n'),
}]);

/** The Markdown as commonmark.js reads it: its raw HTML nodes, and its HTML (raw HTML passed). */
function renderCommonMark(markdown) {
  const tree = new CommonMarkParser().parse(markdown);
  const walker = tree.walker();
  const raw = [];
  for (let event; (event = walker.next());) {
    if (event.entering && (event.node.type === 'html_block' || event.node.type === 'html_inline')) raw.push(event.node.literal);
  }
  return { raw, html: new HtmlRenderer({ safe: false }).render(tree) };
}

/** What a browser makes of `html` (runs in the page, parsed inert by DOMParser). */
const INSPECT_RENDERED = (html) => `(() => {
  const doc = new DOMParser().parseFromString(${JSON.stringify(`<!doctype html><body>${html}`)}, 'text/html');
  const renderer = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'img', 'em', 'strong', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'hr', 'br']);
  const problems = [];
  for (const el of doc.body.querySelectorAll('*')) {
    if (!renderer.has(el.localName)) problems.push('element ' + el.localName);
    for (const { name, value } of el.attributes) {
      if (!['href', 'src', 'alt', 'title', 'class', 'start'].includes(name)) problems.push('attribute ' + name + ' on ' + el.localName);
      if (name === 'href' || name === 'src') {
        const scheme = /^\\s*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
        if (scheme && !['http', 'https', 'mailto'].includes(scheme)) problems.push(name + ' ' + value);
      }
    }
  }
  return {
    problems,
    title: doc.querySelector('h1')?.textContent ?? null,
    code: doc.querySelector('pre code')?.textContent ?? null,
    alt: doc.querySelector('img')?.getAttribute('alt') ?? null,
    links: [...doc.querySelectorAll('a')].map((a) => a.textContent),
    text: doc.body.textContent,
  };
})()`;

for (const [browserName, makeDriver] of BROWSERS) {
  describe(`"Copy as Markdown" on a hostile page in ${browserName}`, () => {
    let driver;
    let server;
    let profile;
    const pages = {};
    before(async () => {
      server = await startFixtureServer(undefined, { pages });
      pages['/copy.html'] = copyPage(server.origin);
      profile = tempDir(`lectern-copy-${browserName}-`);
      driver = await makeDriver(profile.dir);
    });
    after(async () => {
      await driver?.close();
      await server?.close();
      profile?.remove();
    });

    it('the clipboard\'s Markdown, rendered by CommonMark, holds no raw HTML, nothing that runs and no javascript: URL', async () => {
      const tab = await driver.openTab(server.url('/strict/copy.html'));
      await driver.trigger(tab);
      await driver.waitForReader(tab);
      await eventually(() => driver.reader(tab, `document.querySelector('article.lectern-article') && !$button('Copy as Markdown').disabled`), { message: 'the article' });
      await openSettled(driver, tab);
      await driver.clickInReader(tab, 'Copy as Markdown');
      await eventually(() => driver.reader(tab, `document.querySelector('.lectern-status').textContent === 'Copied the article as Markdown.'`), { message: 'the copy' });
      await driver.pressEscape(tab);
      const markdown = await driver.readClipboard(tab);
      const { raw, html } = renderCommonMark(markdown);
      const seen = await driver.page(tab, INSPECT_RENDERED(html));
      await driver.closeTab(tab);

      assert.deepEqual(raw, [], `raw HTML in the Markdown:\n${markdown}`);
      assert.deepEqual(seen.problems, [], `the rendered Markdown:\n${html}`);
      // Not vacuous: the hostile text is all there, as text.
      assert.equal(seen.title, COPY_TITLE_TEXT, 'the title, as text');
      assert.equal(seen.code, 'before\n```\n<img src=x onerror=alert(3)>\n```\n~~~\n<script>alert(4)</script>\nafter\n', 'the code block, whole');
      assert.match(seen.alt ?? '', /first line.*<script>alert\(5\)<\/script>.*<img src=x onerror=alert\(6\)>/s, 'the alt text, as text');
      assert.deepEqual(seen.links, ['paren link', 'angle link'], 'the links (the javascript: one without its link)');
      for (const text of ['script link', '<javascript:alert(10)>', '[x](javascript:alert(11))', '<b onmouseover=alert(12)>bold</b>', '<!-- a comment -->', '&lt;script&gt;', '<div>']) {
        assert.ok(seen.text.includes(text), `the text ${JSON.stringify(text)}`);
      }
    });
  });
}
