// The extension's behaviour, specified once and run in each browser (see drivers.mjs).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './fixture-server.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, STORY_PARAGRAPHS, CLUTTER, STORY_TITLE, FIXTURES } from './paths.mjs';
import { eventually, openSettled } from './drivers.mjs';
import { largeNewsPage } from './large-page.mjs';

// Over the background engine's limit (Limits.BACKGROUND_MAX_CHARS in extension/shared/protocol.js, 3 MiB).
const HUGE_PAGE_BYTES = 3.5 * 1024 * 1024;

// The story page with the code a real page carries: a long inline script, a style sheet, a
// framework's JSON state, and JSON-LD naming an author the page itself does not.
const scriptedPage = () => readFileSync(join(FIXTURES, 'news.html'), 'utf8').replace('</head>', [
  '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","author":{"@type":"Person","name":"Linked Data Author"}}</script>',
  `<script>/* PAGE-CODE */ window.pageCode = ${JSON.stringify('x'.repeat(4000))};</script>`,
  `<style>/* PAGE-STYLE */ ${'.unused { color: red; } '.repeat(200)}</style>`,
  `<script type="application/json" id="state">{"PAGE-STATE": ${JSON.stringify('y'.repeat(4000))}}</script>`,
  '</head>',
].join('\n'));

// A page whose body is its scroller (html and body a viewport high), with a scrolling box inside.
const bodyScrollPage = () => readFileSync(join(FIXTURES, 'news.html'), 'utf8')
  .replace('</head>', '<style>html, body { height: 100%; margin: 0; overflow: hidden; } body { overflow: auto; } #inner { height: 120px; overflow: auto; }</style></head>')
  .replace('<div class="entry-content">', '<div id="inner"><p>Scrolled box.</p>'.padEnd(400, ' ') + `${'<p>Line of the box.</p>'.repeat(40)}</div><div class="entry-content">`);

// The story page whose JSON-LD articleBody is twice the page's text (every paragraph, twice).
const incompletePage = () => {
  const html = readFileSync(join(FIXTURES, 'news.html'), 'utf8');
  const text = [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')).join(' ');
  const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', articleBody: `${text} ${text}` };
  return html.replace('</head>', `<script type="application/ld+json">${JSON.stringify(ld)}</script></head>`);
};

const PAGES = [['an ordinary page', '/news.html'], ['a page with a strict Content-Security-Policy', '/strict/news.html']];

export function defineExtensionTests(browserName, makeDriver) {
  describe(`the extension in ${browserName}`, () => {
    let driver;
    let server;
    let profile;

    before(async () => {
      server = await startFixtureServer(undefined, { pages: { '/huge.html': largeNewsPage(HUGE_PAGE_BYTES), '/scripted.html': scriptedPage(), '/body-scroll.html': bodyScrollPage(), '/incomplete.html': incompletePage() } });
      profile = tempDir(`lectern-${browserName}-`);
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
    const messageShown = (tab) => eventually(() => driver.reader(tab, `!!document.querySelector('.lectern-message h1')`), { message: 'a message' });

    /** The reader opened on a tab already loaded (and set up by the test), its article shown. */
    async function showReader(tab) {
      await driver.trigger(tab);
      await driver.waitForReader(tab);
      await articleShown(tab);
    }

    async function openReader(path) {
      const tab = await driver.openTab(server.url(path));
      await driver.trigger(tab);
      await driver.waitForReader(tab);
      return tab;
    }

    for (const [label, path] of PAGES) {
      it(`shows the story, titled, without the clutter, on ${label}`, async () => {
        const tab = await openReader(path);
        await articleShown(tab);
        const view = await driver.reader(tab, `({
          title: document.querySelector('header h1')?.textContent,
          titleBeforeArticle: document.querySelector('article').previousElementSibling?.querySelector('h1') === document.querySelector('header h1'),
          articles: document.querySelectorAll('article').length,
          text: document.querySelector('article').textContent,
          paragraphs: document.querySelectorAll('article p').length,
        })`);
        assert.equal(view.title, STORY_TITLE);
        assert.ok(view.titleBeforeArticle, 'the <h1> sits in the header right before the <article>');
        assert.equal(view.articles, 1);
        for (const paragraph of STORY_PARAGRAPHS) assert.ok(view.text.includes(paragraph), `keeps: ${paragraph}`);
        for (const clutter of CLUTTER) assert.ok(!view.text.includes(clutter), `drops: ${clutter}`);
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      });

      it(`Escape closes the reader and leaves ${label} exactly as it was: DOM, scroll and focus`, async () => {
        const tab = await driver.openTab(server.url(path));
        const before = await driver.page(tab, `(() => {
          document.getElementById('comment').focus();
          window.scrollTo(0, 600);
          return { html: document.documentElement.outerHTML, y: window.scrollY };
        })()`);
        assert.ok(before.y > 0, 'the fixture page scrolls');
        await showReader(tab);
        assert.equal(await driver.page(tab, 'window.scrollY'), before.y, 'the page does not scroll underneath the reader');
        await driver.pressEscape(tab);
        const after = await driver.page(tab, `({ html: document.documentElement.outerHTML, y: window.scrollY, focused: document.activeElement?.id })`);
        assert.equal(after.html, before.html);
        assert.equal(after.y, before.y);
        assert.equal(after.focused, 'comment');
        await driver.closeTab(tab);
      });
    }

    // ---- issue 20: what was removed, put back; an article that may be incomplete ----------------
    const removedItems = `(() => {
      const items = [...document.querySelectorAll('.lectern-removed-item')];
      return items.length ? items.map((li) => ({
        preview: li.querySelector('.lectern-removed-preview').textContent,
        rule: li.dataset.rule,
        group: li.closest('ul').previousElementSibling.textContent,
      })) : null;
    })()`;
    const itemButton = (text, name) => `[...[...document.querySelectorAll('.lectern-removed-item')].find((li) => li.textContent.includes(${JSON.stringify(text)})).querySelectorAll('button')].find((b) => b.textContent === ${JSON.stringify(name)})`;

    it('lists the sidebar and the comment form under "Removed" with their rules; "Restore" brings the sidebar back after the story', async () => {
      const tab = await openReader('/news.html');
      await articleShown(tab);
      assert.equal(await driver.reader(tab, `!!document.querySelector('.lectern-incomplete')`), false, 'no incomplete notice on a complete page');
      assert.ok(await driver.reader(tab, `(() => { const b = $button('Removed'); b.click(); return b.getAttribute('aria-expanded') === 'true'; })()`));
      const items = await eventually(() => driver.reader(tab, removedItems), { message: 'the removed blocks' });
      const sidebar = items.find((i) => i.preview.startsWith('Recent News'));
      assert.equal(sidebar?.rule, 'aside', JSON.stringify(items));
      assert.match(sidebar.group, /^Sidebars \(\d+\)$/);
      const form = items.find((i) => i.preview.includes('Your email address will not be published'));
      assert.equal(form?.rule, 'form', JSON.stringify(items));
      const before = await driver.reader(tab, `document.querySelector('article').textContent`);
      assert.ok(!before.includes('Recent News'));
      const text = await driver.reader(tab, `(() => { ${itemButton('Recent News', 'Restore')}.click(); return document.querySelector('article').textContent; })()`);
      assert.ok(text.indexOf('Recent News') > text.indexOf(STORY_PARAGRAPHS[3]), 'the sidebar is back after the story');
      const shown = await driver.reader(tab, `(() => {
        const show = ${itemButton('Your email address', 'Show')};
        show.click();
        const block = document.querySelector('article .lectern-shown');
        return { text: block?.textContent ?? '', outline: block ? getComputedStyle(block).outlineStyle : null, pressed: show.getAttribute('aria-pressed') };
      })()`);
      assert.match(shown.text, /^Removed: Forms and comment boxes.*Your email address will not be published/);
      assert.equal(shown.outline, 'dashed');
      assert.equal(shown.pressed, 'true');
      // "Always keep this on <site>" on the restored sidebar: the next open has it in place.
      const site = new URL(server.url('/')).hostname;
      try {
        assert.ok(await driver.reader(tab, `($button('Always keep this on ${site}').click(), true)`));
        await eventually(() => driver.reader(tab, `!!document.querySelector('.lectern-rule-saved')`), { message: 'the rule saved' });
        await driver.pressEscape(tab);
        await showReader(tab);
        const kept = await driver.reader(tab, `document.querySelector('article').textContent`);
        assert.ok(kept.indexOf('Recent News') > kept.indexOf(STORY_PARAGRAPHS[3]), 'kept in place on reopening');
      } finally {
        await forgetRules(tab);
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      }
    });

    // Every site rule in the profile goes (the fixture pages share one host).
    const forgetRules = (tab) => driver.reader(tab, `(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      for (const area of [api.storage.sync, api.storage.local]) {
        const keys = Object.keys(await area.get(null)).filter((k) => k.startsWith('siteRules:'));
        if (keys.length) await area.remove(keys);
      }
      return true;
    })()`);

    it('"Remove this block" on a paragraph, then "Always remove this on <site>": it stays removed on reopening and in a second tab', async () => {
      const tab = await openReader('/news.html');
      await articleShown(tab);
      try {
        const paragraph = JSON.stringify(STORY_PARAGRAPHS[1]);
        const offered = await driver.reader(tab, `(() => {
          const p = [...document.querySelectorAll('article p')].find((p) => p.textContent.includes(${paragraph}));
          p.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
          const button = p.querySelector('.lectern-block-tools button');
          const name = button?.textContent;
          button?.click();
          return { name, hidden: p.hidden };
        })()`);
        assert.deepEqual(offered, { name: 'Remove this block', hidden: true });
        const site = new URL(server.url('/')).hostname;
        assert.ok(await driver.reader(tab, `($button('Always remove this on ${site}').click(), true)`));
        await eventually(() => driver.reader(tab, `!!document.querySelector('.lectern-rule-saved')`), { message: 'the rule saved' });
        await driver.pressEscape(tab);
        await showReader(tab);
        const text = await driver.reader(tab, `document.querySelector('article').textContent`);
        assert.ok(!text.includes(STORY_PARAGRAPHS[1]), 'stays removed on reopening');
        assert.ok(text.includes(STORY_PARAGRAPHS[0]) && text.includes(STORY_PARAGRAPHS[2]), 'the rest stays');
        await driver.pressEscape(tab);
        const second = await openReader('/news.html');
        await articleShown(second);
        assert.ok(!(await driver.reader(second, `document.querySelector('article').textContent`)).includes(STORY_PARAGRAPHS[1]), 'removed in a second tab');
        await driver.pressEscape(second);
        await driver.closeTab(second);
        await showReader(tab);
      } finally {
        await forgetRules(tab);
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      }
    });

    it('the keyboard alone reaches "Remove this block" on any block: "Choose blocks to remove", Tab, Enter; Escape ends choosing, not the reader', async () => {
      const tab = await openReader('/news.html');
      await articleShown(tab);
      try {
        await driver.reader(tab, `($button('Removed').click(), true)`);
        await eventually(() => driver.reader(tab, `(() => {
          const b = $button('Choose blocks to remove');
          b?.focus();
          return !!b && document.activeElement === b;
        })()`), { message: 'the "Choose blocks to remove" button' });
        await driver.press(tab, 'Enter');
        const focused = `(() => {
          const a = document.activeElement;
          return { tag: a?.tagName, text: (a?.textContent ?? '').slice(0, 60), choosable: !!a?.classList.contains('lectern-choosable'),
            inArticle: !!a?.closest('article'), pressed: $button('Choose blocks to remove')?.getAttribute('aria-pressed') };
        })()`;
        const block = await eventually(async () => {
          const f = await driver.reader(tab, focused);
          return f.choosable ? f : null;
        }, { message: 'focus on the first block' });
        assert.equal(block.inArticle, true);
        assert.equal(block.pressed, 'true');
        await driver.press(tab, 'Tab');
        const tool = await driver.reader(tab, `(() => {
          const a = document.activeElement;
          return { name: a?.textContent, owner: (a?.closest('.lectern-choosable')?.textContent ?? '').slice(0, 60) };
        })()`);
        assert.deepEqual(tool, { name: 'Remove this block', owner: block.text }, 'Tab goes from the block to its "Remove this block"');
        await driver.press(tab, 'Enter');
        const removed = await driver.reader(tab, `(() => {
          const hidden = [...document.querySelectorAll('article .lectern-choosable')].filter((b) => b.hidden);
          return { hidden: hidden.map((b) => b.textContent.slice(0, 60)), focus: document.activeElement?.textContent };
        })()`);
        assert.equal(removed.hidden.length, 1);
        assert.ok(block.text.startsWith(removed.hidden[0].slice(0, 20)), `the focused block went (${JSON.stringify(removed)})`);
        assert.equal(removed.focus, 'Undo');
        await driver.press(tab, 'Escape');
        const after = await driver.reader(tab, `({ open: !!document.querySelector('article'), choosable: document.querySelectorAll('.lectern-choosable').length,
          pressed: $button('Choose blocks to remove')?.getAttribute('aria-pressed'), focus: document.activeElement?.textContent })`);
        assert.deepEqual(after, { open: true, choosable: 0, pressed: 'false', focus: 'Choose blocks to remove' }, 'Escape ends choosing and leaves the reader open');
      } finally {
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      }
    });

    it('says the article may be incomplete when its JSON-LD articleBody is twice its text, and "Show the whole page" shows it', async () => {
      const tab = await openReader('/incomplete.html');
      await articleShown(tab);
      const notice = await driver.reader(tab, `document.querySelector('header .lectern-incomplete')?.textContent ?? ''`);
      assert.match(notice, /may be incomplete/);
      assert.ok(!(await driver.reader(tab, `document.querySelector('article').textContent`)).includes('Leave a Comment'));
      await driver.reader(tab, `($button('Show the whole page').click(), true)`);
      await eventually(() => driver.reader(tab, `!!document.querySelector('article')?.textContent.includes('Leave a Comment')`), { message: 'the whole page' });
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    it('leaves a page that scrolls inside its body, and a scrolling box in it, where they were', async () => {
      const tab = await driver.openTab(server.url('/body-scroll.html'));
      const state = `[document.body.scrollTop, document.getElementById('inner').scrollTop]`;
      const before = await driver.page(tab, `(() => { document.body.scrollTop = 700; document.getElementById('inner').scrollTop = 150; return ${state}; })()`);
      assert.ok(before[0] > 0 && before[1] > 0, 'the fixture scrolls');
      await showReader(tab);
      await driver.pressEscape(tab);
      assert.deepEqual(await driver.page(tab, state), before);
      await driver.closeTab(tab);
    });

    it('hands the engine the page without the text of its scripts and style sheets, JSON-LD kept', async () => {
      const tab = await openReader('/scripted.html');
      await articleShown(tab);
      const snapshot = await driver.reader(tab, `(async () => {
        const api = globalThis.browser ?? globalThis.chrome;
        const { html } = await api.runtime.sendMessage({ type: 'lectern:get-snapshot' });
        return { code: html.includes('PAGE-CODE'), style: html.includes('PAGE-STYLE'), state: html.includes('PAGE-STATE'), ld: html.includes('Linked Data Author'), story: html.includes(${JSON.stringify(STORY_PARAGRAPHS[0])}), scripts: (html.match(/<script/g) ?? []).length };
      })()`);
      assert.deepEqual(snapshot, { code: false, style: false, state: false, ld: true, story: true, scripts: 3 });
      assert.match(await driver.reader(tab, `document.querySelector('.lectern-byline')?.textContent ?? ''`), /Linked Data Author/);
      assert.equal(await driver.page(tab, `window.pageCode.length`), 4000, 'the page itself keeps its script');
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    it('does not render the page underneath while the reader covers it, and renders it again on close, its own style sheets kept', async () => {
      const tab = await driver.openTab(server.url('/news.html'));
      const state = `({ shown: getComputedStyle(document.body).contentVisibility, sheets: document.adoptedStyleSheets.length, first: document.adoptedStyleSheets[0]?.cssRules[0]?.cssText ?? null })`;
      await driver.page(tab, `(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('p { letter-spacing: 0.01em; }');
        document.adoptedStyleSheets = [sheet];
      })()`);
      const before = await driver.page(tab, state);
      assert.deepEqual(before, { shown: 'visible', sheets: 1, first: 'p { letter-spacing: 0.01em; }' });
      await showReader(tab);
      assert.equal((await driver.page(tab, state)).shown, 'hidden');
      await driver.pressEscape(tab);
      assert.deepEqual(await driver.page(tab, state), before);
      await driver.closeTab(tab);
    });

    it('keeps figures with captions, code with its language and wide tables that scroll', async () => {
      const tab = await openReader('/rich.html');
      await articleShown(tab);
      const view = await driver.reader(tab, `(async () => {
        const img = document.querySelector('article figure img');
        if (img && !img.complete) await new Promise((r) => { img.onload = img.onerror = r; });
        const pre = document.querySelector('article pre');
        const scroller = document.querySelector('article .lectern-scroll');
        return {
          image: !!img && img.naturalWidth > 0 && img.getBoundingClientRect().width <= document.querySelector('article').clientWidth,
          caption: document.querySelector('article figcaption')?.textContent,
          language: document.querySelector('article pre code')?.className,
          preScrolls: pre.scrollWidth > pre.clientWidth && getComputedStyle(pre).overflowX === 'auto',
          preKeepsWhitespace: getComputedStyle(pre).whiteSpace,
          tableScrolls: !!scroller?.querySelector('table') && scroller.scrollWidth > scroller.clientWidth,
          pageDoesNotScrollSideways: document.documentElement.scrollWidth <= window.innerWidth,
          nav: document.querySelector('article').textContent.includes('About'),
        };
      })()`);
      assert.deepEqual(view, {
        image: true, caption: 'The figure caption stays with its picture.', language: 'language-rust',
        preScrolls: true, preKeepsWhitespace: 'pre', tableScrolls: true, pageDoesNotScrollSideways: true, nav: false,
      });
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    it('reads the live page, including what its scripts rendered', async () => {
      const tab = await driver.openTab(server.url('/rendered.html'));
      await eventually(() => driver.page(tab, `!!document.querySelector('#app article')`), { message: 'the page to render' });
      await showReader(tab);
      const view = await driver.reader(tab, `({ title: document.querySelector('header h1').textContent, text: document.querySelector('article').textContent })`);
      assert.equal(view.title, 'An article rendered by JavaScript');
      assert.match(view.text, /only a snapshot of the live document can see it/);
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    it('the toolbar button closes the reader it opened', async () => {
      const tab = await openReader('/news.html');
      await articleShown(tab);
      await driver.trigger(tab);
      await driver.waitForReaderGone(tab);
      await driver.closeTab(tab);
    });

    it('the keyboard shortcut opens and closes the reader', async () => {
      const tab = await driver.openTab(server.url('/news.html'));
      // In Chromium the shortcut path is the command handler; activeTab comes from a first click.
      if (driver.name === 'chromium') {
        await driver.trigger(tab);
        await driver.waitForReader(tab);
        await driver.pressEscape(tab);
      }
      await driver.shortcut(tab);
      await driver.waitForReader(tab);
      await articleShown(tab);
      await driver.shortcut(tab);
      await driver.waitForReaderGone(tab);
      await driver.closeTab(tab);
    });

    it('while the reader is open the page underneath is inert: its controls cannot take focus', async () => {
      const tab = await openReader('/news.html');
      await articleShown(tab);
      const focusComment = `(() => { document.getElementById('comment').focus(); return document.activeElement?.id ?? null; })()`;
      assert.notEqual(await driver.page(tab, focusComment), 'comment', 'the page\'s text box took focus under the reader');
      await driver.pressEscape(tab);
      assert.equal(await driver.page(tab, focusComment), 'comment', 'the page works again after closing');
      await driver.closeTab(tab);
    });

    it('focus moves into the reader when it opens', async () => {
      const tab = await openReader('/news.html');
      await articleShown(tab);
      await eventually(() => driver.reader(tab, `document.hasFocus() && document.activeElement?.matches('main')`), { message: 'focus in the reader' });
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    it('"Close reader" closes the reader', async () => {
      const tab = await openReader('/news.html');
      await articleShown(tab);
      // Clicked after the evaluation returns: the click removes the frame it runs in.
      await driver.reader(tab, `(setTimeout(() => $button('Close reader').click()), true)`);
      await driver.waitForReaderGone(tab);
      await driver.closeTab(tab);
    });

    it('a page too large for the background\'s engine is read in the reader page, which says how large it is', async () => {
      const tab = await openReader('/huge.html');
      // The reader's own engine starts cold on 3.5 MB: long enough to see the message.
      const said = await eventually(() => driver.reader(tab, `document.querySelector('.lectern-message p')?.textContent?.match(/large page \\((.+)\\)/)?.[1] ?? null`),
        { message: 'the large-page message', interval: 10 });
      assert.match(said, /^3\.\d MB$/);
      await articleShown(tab);
      const text = await driver.reader(tab, `document.querySelector('article').textContent`);
      assert.ok(text.includes(STORY_PARAGRAPHS[3]), 'the story');
      assert.ok(!text.includes('Comment number 100:'), 'the comment thread is not the article');
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    it('a page without an article gets a friendly message, not a broken page', async () => {
      const tab = await openReader('/no-article.html');
      await messageShown(tab);
      const view = await driver.reader(tab, `({
        heading: document.querySelector('.lectern-message h1').textContent,
        offersSelection: !!$button('Use selected text'),
        article: !!document.querySelector('article'),
      })`);
      assert.equal(view.heading, 'No article here');
      assert.ok(view.offersSelection);
      assert.equal(view.article, false);
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    it('selection mode shows the selected text as the article', async () => {
      const tab = await driver.openTab(server.url('/no-article.html'));
      await driver.page(tab, `(() => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('selectable'));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return true;
      })()`);
      await driver.trigger(tab);
      await driver.waitForReader(tab);
      await messageShown(tab);
      await driver.reader(tab, `$button('Use selected text').click()`);
      await articleShown(tab);
      const text = await driver.reader(tab, `document.querySelector('article').textContent`);
      assert.match(text, /Forgot your password\? Contact support\./);
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    it('Theme switches the reader between Light, Sepia, Dark and Auto colours', async () => {
      const tab = await openReader('/news.html');
      await articleShown(tab);
      const colours = {};
      for (const theme of ['Light', 'Sepia', 'Dark', 'Auto']) {
        colours[theme] = await driver.reader(tab, `$choose('Theme', ${JSON.stringify(theme)}) && ({ bg: $style('.lectern-app').backgroundColor, fg: $style('.lectern-app').color })`);
      }
      assert.equal(colours.Light.bg, 'rgb(255, 255, 255)');
      assert.equal(colours.Sepia.bg, 'rgb(244, 236, 216)');
      assert.equal(colours.Dark.bg, 'rgb(28, 28, 30)');
      assert.notEqual(colours.Dark.fg, colours.Light.fg);
      assert.equal(colours.Auto.bg, colours.Light.bg, 'Auto follows the (light) system setting');
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    it('every theme meets WCAG AA contrast for text, secondary text, links and controls', async () => {
      const tab = await openReader('/news.html');
      await articleShown(tab);
      const ratios = {};
      for (const theme of ['Light', 'Sepia', 'Dark', 'Gray', 'High contrast']) {
        ratios[theme] = await driver.reader(tab, `(() => {
          $choose('Theme', ${JSON.stringify(theme)});
          const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
          const lum = (c) => {
            const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };
          const bg = $style('.lectern-app').backgroundColor;
          const button = document.querySelector('.lectern-button');
          return {
            text: ratio($style('article p').color, bg),
            secondary: ratio($style('.lectern-meta').color, bg),
            link: ratio($style('.lectern-original a').color, bg),
            control: ratio(getComputedStyle(button).color, getComputedStyle(button).backgroundColor),
          };
        })()`);
      }
      await driver.reader(tab, `$choose('Theme', 'Auto')`);
      for (const [theme, values] of Object.entries(ratios)) {
        for (const [what, ratio] of Object.entries(values)) assert.ok(ratio >= 4.5, `${theme} ${what}: ${ratio.toFixed(2)}:1`);
      }
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    it('"Images: Hide" hides every image with its figure, and it persists; "Show" brings them back', async () => {
      const tab = await openReader('/gallery.html');
      await articleShown(tab);
      const state = `(() => {
        const imgs = [...document.querySelectorAll('article img')];
        const figures = [...document.querySelectorAll('article figure')];
        return { images: imgs.length, shown: imgs.filter((i) => i.getClientRects().length > 0).length,
          figuresShown: figures.filter((f) => f.getClientRects().length > 0).length,
          text: document.querySelector('article').textContent.includes('harbour') };
      })()`;
      try {
        assert.deepEqual(await driver.reader(tab, state), { images: 3, shown: 3, figuresShown: 2, text: true });
        await driver.reader(tab, `$choose('Images', 'Hide')`);
        assert.deepEqual(await driver.reader(tab, state), { images: 3, shown: 0, figuresShown: 0, text: true });
        await driver.pressEscape(tab);
        await showReader(tab);
        assert.deepEqual(await driver.reader(tab, state), { images: 3, shown: 0, figuresShown: 0, text: true }, 'hidden on reopening');
        await driver.reader(tab, `$choose('Images', 'Show')`);
        assert.deepEqual(await driver.reader(tab, state), { images: 3, shown: 3, figuresShown: 2, text: true });
      } finally {
        await driver.reader(tab, `$choose('Images', 'Show')`).catch(() => {});
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      }
    });

    it('an image opens large in a lightbox with its caption, by click or Enter; "Next image" and the arrow keys go through the images; Escape closes it, not the reader, and focus returns to the image', async () => {
      const tab = await openReader('/gallery.html');
      await articleShown(tab);
      const box = `(() => {
        const d = document.querySelector('dialog.lectern-lightbox');
        const img = d?.querySelector('img');
        return { open: !!d?.open, modal: !!d?.matches(':modal'), name: d?.getAttribute('aria-label'), src: img?.getAttribute('src')?.replace(/^https?:\\/\\/[^/]+/, '') ?? null,
          caption: d?.querySelector('.lectern-lightbox-caption')?.textContent ?? null, count: d?.querySelector('.lectern-lightbox-count')?.textContent ?? null,
          focus: document.activeElement?.textContent || document.activeElement?.getAttribute('aria-label') || null };
      })()`;
      try {
        assert.deepEqual(await driver.reader(tab, `(document.querySelector('article img').click(), ${box})`),
          { open: true, modal: true, name: 'Image viewer', src: '/photo.jpg', caption: 'The harbour at dusk, from the old tower.', count: 'Image 1 of 3', focus: 'Close image' });
        await driver.reader(tab, `($button('Next image').click(), true)`);
        let now = await driver.reader(tab, box);
        assert.deepEqual([now.src, now.caption, now.count], ['/figure.png', 'How the lamp turns: a diagram.', 'Image 2 of 3']);
        await driver.press(tab, 'ArrowRight');
        now = await driver.reader(tab, box);
        assert.deepEqual([now.src, now.caption, now.count], ['/photo.jpg?keepers', 'The keepers on the rocks', 'Image 3 of 3'], 'no caption: the alt text');
        assert.equal(await driver.reader(tab, `$button('Next image').disabled`), true, 'the last image has no next');
        await driver.press(tab, 'ArrowLeft');
        assert.equal((await driver.reader(tab, box)).count, 'Image 2 of 3');
        await driver.press(tab, 'Escape');
        const closed = await driver.reader(tab, `({ open: document.querySelector('dialog.lectern-lightbox').open, article: !!document.querySelector('article'),
          focus: document.activeElement?.getAttribute('src')?.replace(/^https?:\\/\\/[^/]+/, '') })`);
        assert.deepEqual(closed, { open: false, article: true, focus: '/figure.png' }, 'closed, the reader open, focus on the image last shown');
        // By keyboard: Enter on the focused image.
        await driver.reader(tab, `(document.querySelector('article img').focus(), true)`);
        await driver.press(tab, 'Enter');
        now = await eventually(async () => { const b = await driver.reader(tab, box); return b.open ? b : null; }, { message: 'the lightbox by Enter' });
        assert.equal(now.count, 'Image 1 of 3');
        await driver.reader(tab, `($button('Close image').click(), true)`);
        assert.equal((await driver.reader(tab, box)).open, false);
      } finally {
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      }
    });

    it('in the Dark theme photos are dimmed and images that may be transparent sit on a light card', async () => {
      const tab = await openReader('/gallery.html');
      await articleShown(tab);
      const look = `(() => {
        const s = (src) => getComputedStyle([...document.querySelectorAll('article img')].find((i) => i.getAttribute('src').endsWith(src)));
        const photo = s('/photo.jpg'); const diagram = s('/figure.png');
        return { photo: photo.filter, diagram: diagram.filter, card: diagram.backgroundColor, padding: diagram.paddingTop };
      })()`;
      try {
        assert.deepEqual(await driver.reader(tab, `$choose('Theme', 'Light') && ${look}`),
          { photo: 'none', diagram: 'none', card: 'rgba(0, 0, 0, 0)', padding: '0px' });
        assert.deepEqual(await driver.reader(tab, `$choose('Theme', 'Dark') && ${look}`),
          { photo: 'brightness(0.85)', diagram: 'none', card: 'rgb(242, 242, 242)', padding: '8px' });
      } finally {
        await driver.reader(tab, `$choose('Theme', 'Auto')`).catch(() => {});
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      }
    });

    // ---- Read aloud (issue 22), with a stand-in speechSynthesis whose events the test sends:
    // what is spoken, and when a word or a sentence is done, are the test's to say, so the
    // highlight can be checked step by step. (Real voices: see the README.)
    const FAKE_SPEECH = `(() => {
      const spoken = [];
      let current = null;
      class Utterance extends EventTarget {
        constructor(text) { super(); this.text = text; this.lang = ''; this.rate = 1; this.voice = null; }
      }
      const voices = [
        { name: 'Test Deutsch', lang: 'de-DE', voiceURI: 'test-de', localService: true, default: false },
        { name: 'Test English', lang: 'en-GB', voiceURI: 'test-en', localService: true, default: true },
      ];
      const fire = (u, type, props = {}) => { const e = new Event(type); Object.assign(e, props); u.dispatchEvent(e); };
      const synth = Object.assign(new EventTarget(), {
        getVoices: () => voices,
        speak(u) { spoken.push({ text: u.text, rate: u.rate, voice: u.voice?.voiceURI ?? null, lang: u.lang }); current = u; fire(u, 'start'); },
        cancel() { const u = current; current = null; if (u) fire(u, 'error', { error: 'interrupted' }); },
        pause() {}, resume() {},
      });
      globalThis.__speech = {
        spoken,
        word(charIndex, charLength) { fire(current, 'boundary', { name: 'word', charIndex, charLength }); },
        end() { const u = current; current = null; fire(u, 'end'); },
      };
      Object.defineProperty(globalThis, 'speechSynthesis', { value: synth, configurable: true });
      globalThis.SpeechSynthesisUtterance = Utterance;
      return true;
    })()`;
    // The highlighted sentence and word, by the Custom Highlight API or its <mark> fallback.
    const LIT = `(() => {
      const text = (name) => globalThis.CSS?.highlights
        ? ([...(CSS.highlights.get(name) ?? [])].map((r) => r.toString()).join('') || null)
        : ([...document.querySelectorAll('mark.' + name)].map((m) => m.textContent).join('') || null);
      return { sentence: text('lectern-sentence'), word: text('lectern-word'), api: Boolean(globalThis.CSS?.highlights), spoken: __speech.spoken.length,
        last: __speech.spoken.at(-1) ?? null, player: !document.querySelector('.lectern-player')?.hidden, pause: $button('Pause') ? 'Pause' : $button('Resume') ? 'Resume' : null };
    })()`;
    const SENTENCES = ['Mr. Hale lit the lamp at dusk.', 'The ships came home one by one.', 'It never failed.',
      'The keepers wrote in the log every night of the year.'];

    it('"Read aloud" speaks the article a sentence at a time, the sentence and the word being read highlighted; "Next sentence", "Previous sentence", "Pause"/"Resume" and "Stop"', async () => {
      const tab = await openReader('/read-aloud.html');
      await articleShown(tab);
      try {
        await driver.reader(tab, FAKE_SPEECH);
        await driver.reader(tab, `($button('Read aloud').click(), true)`);
        let lit = await eventually(async () => { const l = await driver.reader(tab, LIT); return l.spoken ? l : null; }, { message: 'the first sentence spoken' });
        assert.deepEqual([lit.last.text, lit.sentence, lit.word, lit.player, lit.pause], [SENTENCES[0], SENTENCES[0], null, true, 'Pause']);
        assert.equal(lit.last.lang, 'en', 'spoken in the article\'s language');
        assert.equal(lit.api, true, 'highlighted with the CSS Custom Highlight API');
        const names = await driver.reader(tab, `[...document.querySelector('.lectern-player').querySelectorAll('button, select')].map((c) => c.labels?.[0]?.textContent ?? c.textContent)`);
        assert.deepEqual(names, ['Pause', 'Previous sentence', 'Next sentence', 'Reading speed', 'Voice', 'Stop']);
        await driver.reader(tab, `(__speech.word(4, 4), true)`);
        assert.equal((await driver.reader(tab, LIT)).word, 'Hale', 'the word being read');
        await driver.reader(tab, `(__speech.word(9, 3), true)`);
        assert.equal((await driver.reader(tab, LIT)).word, 'lit', 'the highlight moves from word to word');
        await driver.reader(tab, `(__speech.end(), true)`);
        lit = await driver.reader(tab, LIT);
        assert.deepEqual([lit.last.text, lit.sentence, lit.word], [SENTENCES[1], SENTENCES[1], null], 'the next sentence follows by itself');
        await driver.reader(tab, `($button('Next sentence').click(), true)`);
        assert.equal((await driver.reader(tab, LIT)).sentence, SENTENCES[2]);
        await driver.reader(tab, `(__speech.end(), true)`);
        assert.equal((await driver.reader(tab, LIT)).sentence, SENTENCES[3], 'on into the next paragraph');
        await driver.reader(tab, `($button('Previous sentence').click(), true)`);
        assert.equal((await driver.reader(tab, LIT)).sentence, SENTENCES[2]);
        const before = (await driver.reader(tab, LIT)).spoken;
        await driver.reader(tab, `($button('Pause').click(), true)`);
        lit = await driver.reader(tab, LIT);
        assert.deepEqual([lit.pause, lit.spoken, lit.sentence], ['Resume', before, SENTENCES[2]], 'paused where it was');
        await driver.reader(tab, `($button('Resume').click(), true)`);
        lit = await driver.reader(tab, LIT);
        assert.deepEqual([lit.pause, lit.spoken, lit.last.text], ['Pause', before + 1, SENTENCES[2]], 'resumed at that sentence');
        await driver.reader(tab, `($button('Stop').click(), true)`);
        lit = await driver.reader(tab, LIT);
        assert.deepEqual([lit.player, lit.sentence, lit.word], [false, null, null], 'stopped: no player, no highlight');
        assert.equal(await driver.reader(tab, `document.activeElement?.textContent`), 'Read aloud');
      } finally {
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      }
    });

    it('"Read aloud" starts at the paragraph clicked; "Reading speed" and "Voice" (the article\'s language first) persist; the keyboard plays, pauses and moves by sentence', async () => {
      const tab = await openReader('/read-aloud.html');
      await articleShown(tab);
      try {
        await driver.reader(tab, FAKE_SPEECH);
        await driver.reader(tab, `(() => {
          const p = [...document.querySelectorAll('article p')].find((e) => e.textContent.startsWith('In the winter of 1901'));
          p.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
          $button('Read aloud').click();
          return true;
        })()`);
        let lit = await eventually(async () => { const l = await driver.reader(tab, LIT); return l.spoken ? l : null; }, { message: 'reading started' });
        assert.equal(lit.last.text, 'In the winter of 1901 the storms came early.', 'from the paragraph clicked');
        const voices = await driver.reader(tab, `[...document.querySelectorAll('.lectern-player select')[1].options].map((o) => o.value)`);
        assert.deepEqual(voices, ['', 'test-en', 'test-de'], 'the system default, then the article\'s language, then the others');
        await driver.reader(tab, `(() => {
          const [rate, voice] = document.querySelectorAll('.lectern-player select');
          rate.value = '1.5'; rate.dispatchEvent(new Event('change', { bubbles: true }));
          voice.value = 'test-de'; voice.dispatchEvent(new Event('change', { bubbles: true }));
          return true;
        })()`);
        lit = await driver.reader(tab, LIT);
        assert.deepEqual([lit.last.rate, lit.last.voice, lit.last.text], [1.5, 'test-de', 'In the winter of 1901 the storms came early.'], 'the sentence again, at the new speed and voice');
        // The keyboard, from inside the reader.
        await driver.reader(tab, `(document.querySelector('main').focus(), true)`);
        await driver.chord(tab, 'Alt+Shift+ArrowDown');
        await eventually(async () => (await driver.reader(tab, LIT)).sentence === 'The lamp burned for nine days without rest.', { message: 'Alt+Shift+ArrowDown: the next sentence' });
        await driver.chord(tab, 'Alt+Shift+ArrowUp');
        await eventually(async () => (await driver.reader(tab, LIT)).sentence === 'In the winter of 1901 the storms came early.', { message: 'Alt+Shift+ArrowUp: the previous sentence' });
        await driver.chord(tab, 'Alt+Shift+P');
        await eventually(async () => (await driver.reader(tab, LIT)).pause === 'Resume', { message: 'Alt+Shift+P: paused' });
        await driver.chord(tab, 'Alt+Shift+P');
        await eventually(async () => (await driver.reader(tab, LIT)).pause === 'Pause', { message: 'Alt+Shift+P: playing again' });
        await driver.reader(tab, `($button('Stop').click(), true)`);
        // Reopened: the speed and the voice chosen are the player's again.
        await driver.pressEscape(tab);
        await showReader(tab);
        await driver.reader(tab, FAKE_SPEECH);
        await driver.reader(tab, `($button('Read aloud').click(), true)`);
        lit = await eventually(async () => { const l = await driver.reader(tab, LIT); return l.spoken ? l : null; }, { message: 'reading again' });
        assert.deepEqual([lit.last.text, lit.last.rate, lit.last.voice], [SENTENCES[0], 1.5, 'test-de']);
        assert.deepEqual(await driver.reader(tab, `[...document.querySelectorAll('.lectern-player select')].map((s) => s.value)`), ['1.5', 'test-de']);
        await driver.reader(tab, `($button('Stop').click(), true)`);
      } finally {
        // Back to the default speed and voice, through the player (as a person would).
        await driver.reader(tab, `(() => {
          const [rate, voice] = document.querySelectorAll('.lectern-player select');
          rate.value = '1'; rate.dispatchEvent(new Event('change', { bubbles: true }));
          voice.value = ''; voice.dispatchEvent(new Event('change', { bubbles: true }));
          return true;
        })()`).catch(() => {});
        await new Promise((r) => setTimeout(r, 200));
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      }
    });

    it('"Read aloud" without the Custom Highlight API marks the sentence and the word with <mark>, and takes the marks out again', async () => {
      const tab = await openReader('/read-aloud.html');
      await articleShown(tab);
      try {
        const text = await driver.reader(tab, `document.querySelector('article').textContent`);
        await driver.reader(tab, FAKE_SPEECH);
        await driver.reader(tab, `(Object.defineProperty(CSS, 'highlights', { value: undefined, configurable: true }), $button('Read aloud').click(), true)`);
        await eventually(async () => (await driver.reader(tab, LIT)).sentence === SENTENCES[0], { message: 'the sentence marked' });
        await driver.reader(tab, `(__speech.word(4, 4), true)`);
        assert.deepEqual(await driver.reader(tab, `[...document.querySelectorAll('article mark')].map((m) => [m.className, m.textContent])`),
          [['lectern-sentence', SENTENCES[0]], ['lectern-word', 'Hale']], 'the word marked inside the sentence');
        await driver.reader(tab, `(__speech.end(), true)`);
        assert.equal((await driver.reader(tab, LIT)).sentence, SENTENCES[1]);
        await driver.reader(tab, `(__speech.word(10, 4), true)`);
        assert.equal((await driver.reader(tab, LIT)).word, 'came', 'a word of a sentence further into the block');
        await driver.reader(tab, `($button('Previous sentence').click(), true)`);
        assert.equal((await driver.reader(tab, LIT)).sentence, SENTENCES[0], 'back to a sentence marked before');
        await driver.reader(tab, `($button('Stop').click(), true)`);
        assert.equal(await driver.reader(tab, `document.querySelectorAll('article mark').length`), 0);
        assert.equal(await driver.reader(tab, `document.querySelector('article').textContent`), text, 'the article\'s text as it was');
      } finally {
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      }
    });

    it('Font switches the article between Serif, Sans-serif and Monospace', async () => {
      const tab = await openReader('/news.html');
      await articleShown(tab);
      const families = {};
      for (const font of ['Serif', 'Sans-serif', 'Monospace']) {
        families[font] = await driver.reader(tab, `$choose('Font', ${JSON.stringify(font)}) && $style('article').fontFamily`);
      }
      assert.match(families.Serif, /serif$/);
      assert.match(families['Sans-serif'], /sans-serif$/);
      assert.match(families.Monospace, /monospace$/);
      assert.equal(new Set(Object.values(families)).size, 3);
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    it('Text size: Smaller and Larger change the article font size', async () => {
      const tab = await openReader('/news.html');
      await articleShown(tab);
      const size = () => driver.reader(tab, `parseFloat($style('article').fontSize)`);
      const start = await size();
      await driver.reader(tab, `$group('Text size') && $button('Larger').click()`);
      const larger = await size();
      await driver.reader(tab, `$button('Smaller').click()`);
      await driver.reader(tab, `$button('Smaller').click()`);
      const smaller = await size();
      assert.ok(larger > start, `${larger} > ${start}`);
      assert.ok(smaller < start, `${smaller} < ${start}`);
      await driver.reader(tab, `$button('Larger').click()`);
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    it('Line width: Narrow, Medium and Wide change the measure', async () => {
      const tab = await openReader('/news.html');
      await articleShown(tab);
      const widths = {};
      for (const width of ['Narrow', 'Medium', 'Wide']) {
        widths[width] = await driver.reader(tab, `$choose('Line width', ${JSON.stringify(width)}) && document.querySelector('article').getBoundingClientRect().width`);
      }
      assert.ok(widths.Narrow < widths.Medium && widths.Medium < widths.Wide, JSON.stringify(widths));
      await driver.reader(tab, `$choose('Line width', 'Medium')`);
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    it('Line spacing: Tight, Normal and Loose change the line height', async () => {
      const tab = await openReader('/news.html');
      await articleShown(tab);
      const heights = {};
      for (const spacing of ['Tight', 'Normal', 'Loose']) {
        heights[spacing] = await driver.reader(tab, `$choose('Line spacing', ${JSON.stringify(spacing)}) && parseFloat($style('article p').lineHeight) / parseFloat($style('article p').fontSize)`);
      }
      assert.ok(heights.Tight < heights.Normal && heights.Normal < heights.Loose, JSON.stringify(heights));
      await driver.reader(tab, `$choose('Line spacing', 'Normal')`);
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    it('settings persist when the reader is opened again', async () => {
      let tab = await openReader('/news.html');
      await articleShown(tab);
      await driver.reader(tab, `$choose('Theme', 'Sepia') && $choose('Font', 'Sans-serif')`);
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
      tab = await openReader('/strict/news.html');
      await articleShown(tab);
      // settings load asynchronously from extension storage
      const view = await eventually(async () => {
        const v = await driver.reader(tab, `({ bg: $style('.lectern-app').backgroundColor, font: $style('article').fontFamily, checked: $group('Theme').querySelector(':checked')?.value })`);
        return v.bg === 'rgb(244, 236, 216)' ? v : null;
      }, { message: 'sepia settings after reopening', timeout: 3000 });
      assert.equal(view.checked, 'sepia');
      assert.match(view.font, /sans-serif$/);
      await driver.reader(tab, `$choose('Theme', 'Auto') && $choose('Font', 'Serif')`);
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });

    // ---- issue 21: reading aids and typography --------------------------------------------------
    const LONG_READ_HEADINGS = ['A town on the water', 'The mill and its keepers', 'Tolls, prices and quarrels', 'Floods of the long winter', 'What remains today', 'Notes'];
    // Opens "Contents" where it is a menu (a narrow reader); a side panel is always there.
    const showContents = `(() => {
      if (!document.querySelector('.lectern-app').classList.contains('lectern-wide') && $button('Contents').getAttribute('aria-expanded') !== 'true') $button('Contents').click();
      return true;
    })()`;
    const contentsLink = (text) => `[...document.querySelectorAll('nav[aria-label="Contents"] a')].find((a) => a.textContent === ${JSON.stringify(text)})`;
    const currentSection = `document.querySelector('nav[aria-label="Contents"] a[aria-current="location"]')?.textContent ?? null`;

    it('"Contents" lists the headings; choosing one jumps there and marks it; scrolling marks the current section; a short article has none', async () => {
      const tab = await openReader('/long-read.html');
      await articleShown(tab);
      try {
        await driver.reader(tab, showContents);
        const outline = await driver.reader(tab, `(() => {
          const nav = document.querySelector('nav[aria-label="Contents"]');
          return { visible: !!nav && nav.getClientRects().length > 0, links: [...nav.querySelectorAll('a')].map((a) => a.textContent), hrefs: [...nav.querySelectorAll('a')].map((a) => a.getAttribute('href')) };
        })()`);
        assert.equal(outline.visible, true);
        assert.deepEqual(outline.links, LONG_READ_HEADINGS);
        assert.equal(outline.hrefs[0], '#article-sec1');
        assert.equal(await driver.reader(tab, currentSection), null, 'no section is current before the first heading');
        await driver.reader(tab, `(${contentsLink('Floods of the long winter')}.click(), true)`);
        const landed = await eventually(() => driver.reader(tab, `(() => {
          const heading = document.getElementById('article-sec4');
          const top = heading.getBoundingClientRect().top;
          const bar = document.querySelector('.lectern-bar').getBoundingClientRect().bottom;
          const current = ${currentSection};
          return top >= bar - 1 && top <= bar + 40 && current === 'Floods of the long winter' && { focused: document.activeElement === heading, current };
        })()`), { message: 'the jump to the fourth section, marked' });
        assert.deepEqual(landed, { focused: true, current: 'Floods of the long winter' });
        await driver.reader(tab, `(document.getElementById('article-sec2').scrollIntoView({ block: 'start' }), true)`);
        await eventually(() => driver.reader(tab, `${currentSection} === 'The mill and its keepers'`), { message: 'the second section marked while scrolling' });
        await driver.reader(tab, `(document.scrollingElement.scrollTop = 0, true)`);
        await eventually(() => driver.reader(tab, `${currentSection} === null`), { message: 'no section marked at the top' });
      } finally {
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      }
      const short = await openReader('/news.html');
      await articleShown(short);
      assert.deepEqual(await driver.reader(short, `({ nav: document.querySelector('nav[aria-label="Contents"]')?.getClientRects().length ?? 0, button: $button('Contents')?.getClientRects().length ?? 0 })`), { nav: 0, button: 0 }, 'fewer than three headings: no Contents');
      await driver.pressEscape(short);
      await driver.closeTab(short);
    });

    const positions = `(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get('readingPositions')).readingPositions ?? {})()`;

    it('a progress bar follows the reading; reopening offers "Continue where you left off"; "Forget reading positions" forgets', async () => {
      const tab = await openReader('/long-read.html');
      await articleShown(tab);
      const key = server.url('/long-read.html');
      try {
        assert.equal(await driver.reader(tab, `document.querySelector('.lectern-reading-progress').style.transform`), 'scaleX(0)');
        // The article laid out for good first (on a busy machine the Contents side panel can
        // arrive after the article and change its height, and with it what "half" is).
        await eventually(() => driver.reader(tab, `new Promise((resolve) => {
          const h = document.scrollingElement.scrollHeight;
          setTimeout(() => resolve(document.scrollingElement.scrollHeight === h), 250);
        })`), { message: 'the article laid out' });
        await driver.reader(tab, `(() => { const s = document.scrollingElement; s.scrollTop = (s.scrollHeight - s.clientHeight) / 2; return true; })()`);
        const shown = await eventually(() => driver.reader(tab, `(() => {
          const m = document.querySelector('.lectern-reading-progress').style.transform.match(/scaleX\\(([\\d.]+)\\)/);
          return m && Math.abs(Number(m[1]) - 0.5) < 0.02 && Number(m[1]);
        })()`), { message: 'the progress bar at half' });
        assert.ok(shown > 0.45);
        // Saved a moment after scrolling stops (a save made while the page was still laying out
        // may come first: the last one is the one that counts).
        let saved;
        await eventually(async () => {
          saved = (await driver.reader(tab, positions))[key];
          return saved && Math.abs(saved.at - 0.5) < 0.02;
        }, { message: 'the position saved at half' }).catch(() => {});
        assert.ok(saved && Math.abs(saved.at - 0.5) < 0.02, JSON.stringify(saved));
        await driver.pressEscape(tab);
        await showReader(tab);
        await eventually(() => driver.reader(tab, `!!$button('Continue where you left off')`), { message: '"Continue where you left off"' });
        assert.equal(await driver.reader(tab, `document.scrollingElement.scrollTop`), 0, 'the reader opens at the top');
        const fraction = await driver.reader(tab, `(() => {
          $button('Continue where you left off').click();
          const s = document.scrollingElement;
          return s.scrollTop / (s.scrollHeight - s.clientHeight);
        })()`);
        assert.ok(Math.abs(fraction - 0.5) < 0.02, `continued at ${fraction}`);
        assert.equal(await driver.reader(tab, `!!$button('Continue where you left off')`), false, 'the offer goes once taken');
        await driver.reader(tab, `($button('Reader settings').click(), $button('Forget reading positions').click(), true)`);
        await eventually(async () => Object.keys(await driver.reader(tab, positions)).length === 0, { message: 'the positions forgotten' });
        await driver.pressEscape(tab);
        await showReader(tab);
        await new Promise((r) => setTimeout(r, 500));
        assert.equal(await driver.reader(tab, `!!$button('Continue where you left off')`), false, 'nothing to continue once forgotten');
      } finally {
        await driver.reader(tab, `(globalThis.browser ?? globalThis.chrome).storage.local.remove('readingPositions').then(() => true)`).catch(() => {});
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      }
    });

    it('Letter spacing, Word spacing, Text alignment and Font weight change the article; Gray and High contrast themes; they persist; "Reset" restores the defaults', async () => {
      const tab = await openReader('/long-read.html');
      await articleShown(tab);
      const style = `(() => { const p = $style('article p'); return { letters: p.letterSpacing, words: p.wordSpacing, align: p.textAlign, hyphens: p.hyphens, weight: p.fontWeight, bg: $style('.lectern-app').backgroundColor, fontSize: parseFloat(p.fontSize) }; })()`;
      try {
        const initial = await driver.reader(tab, style);
        assert.deepEqual({ ...initial, fontSize: undefined }, { letters: 'normal', words: '0px', align: 'start', hyphens: 'manual', weight: '400', bg: 'rgb(255, 255, 255)', fontSize: undefined });
        const px = (v) => parseFloat(v);
        const seen = {};
        for (const [group, option] of [['Letter spacing', 'Wide'], ['Letter spacing', 'Wider'], ['Word spacing', 'Wide'], ['Word spacing', 'Wider'], ['Text alignment', 'Justify'], ['Font weight', 'Light'], ['Font weight', 'Bold'], ['Theme', 'Gray'], ['Theme', 'High contrast']]) {
          assert.ok(await driver.reader(tab, `$choose(${JSON.stringify(group)}, ${JSON.stringify(option)})`), `${group}: ${option}`);
          seen[`${group}: ${option}`] = await driver.reader(tab, style);
        }
        const size = initial.fontSize;
        assert.ok(Math.abs(px(seen['Letter spacing: Wide'].letters) - 0.05 * size) < 0.1, seen['Letter spacing: Wide'].letters);
        assert.ok(Math.abs(px(seen['Letter spacing: Wider'].letters) - 0.1 * size) < 0.1, seen['Letter spacing: Wider'].letters);
        assert.ok(px(seen['Word spacing: Wide'].words) > 0 && px(seen['Word spacing: Wider'].words) > px(seen['Word spacing: Wide'].words));
        assert.equal(seen['Text alignment: Justify'].align, 'justify');
        assert.equal(seen['Text alignment: Justify'].hyphens, 'auto');
        assert.equal(await driver.reader(tab, `document.querySelector('article').lang`), 'en', 'hyphenation follows the language of the article');
        assert.equal(seen['Font weight: Light'].weight, '300');
        assert.equal(seen['Font weight: Bold'].weight, '700');
        assert.equal(seen['Theme: Gray'].bg, 'rgb(226, 226, 226)');
        assert.equal(seen['Theme: High contrast'].bg, 'rgb(0, 0, 0)');
        await driver.pressEscape(tab);
        await showReader(tab);
        const kept = await eventually(async () => {
          const v = await driver.reader(tab, style);
          return v.bg === 'rgb(0, 0, 0)' && v;
        }, { message: 'the settings after reopening' });
        assert.deepEqual({ ...kept, fontSize: undefined }, { ...seen['Theme: High contrast'], fontSize: undefined });
        assert.equal(kept.align, 'justify');
        assert.equal(kept.weight, '700');
        await driver.reader(tab, `($button('Reader settings').click(), $button('Reset').click(), true)`);
        const reset = await driver.reader(tab, style);
        assert.deepEqual(reset, initial);
        assert.equal(await driver.reader(tab, `$group('Theme').querySelector(':checked').value`), 'auto');
      } finally {
        await driver.reader(tab, `($button('Reset').click(), true)`).catch(() => {});
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      }
    });

    it('"Custom colours" sets text, background and links, warns below 4.5:1, and persist; "Reset" goes back to Auto', async () => {
      const tab = await openReader('/long-read.html');
      await articleShown(tab);
      const setColour = (name, value) => `(() => {
        const label = [...$group('Custom colours').querySelectorAll('label')].find((l) => l.textContent.trim() === ${JSON.stringify(name)});
        const input = label.querySelector('input[type="color"]');
        input.value = ${JSON.stringify(value)};
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return true;
      })()`;
      const view = `({ bg: $style('.lectern-app').backgroundColor, fg: $style('article p').color, link: $style('.lectern-original a').color, theme: $group('Theme').querySelector(':checked')?.value, warning: document.querySelector('.lectern-contrast-warning').textContent })`;
      try {
        await driver.reader(tab, `($button('Reader settings').click(), true)`);
        await driver.reader(tab, setColour('Background', '#102030'));
        await driver.reader(tab, setColour('Text', '#f0e0c0'));
        await driver.reader(tab, setColour('Links', '#80c0ff'));
        assert.deepEqual(await driver.reader(tab, view), { bg: 'rgb(16, 32, 48)', fg: 'rgb(240, 224, 192)', link: 'rgb(128, 192, 255)', theme: 'custom', warning: '' });
        await driver.reader(tab, setColour('Text', '#303a48'));
        const low = await driver.reader(tab, view);
        assert.match(low.warning, /^Low contrast against the background: text 1\.\d:1 \(needs 4\.5:1\)\.$/);
        await driver.reader(tab, setColour('Text', '#f0e0c0'));
        assert.equal((await driver.reader(tab, view)).warning, '');
        await driver.pressEscape(tab);
        await showReader(tab);
        await eventually(async () => (await driver.reader(tab, view)).bg === 'rgb(16, 32, 48)', { message: 'the custom colours after reopening' });
        assert.equal((await driver.reader(tab, view)).fg, 'rgb(240, 224, 192)');
        await driver.reader(tab, `($button('Reader settings').click(), $button('Reset').click(), true)`);
        const reset = await driver.reader(tab, view);
        assert.equal(reset.theme, 'auto');
        assert.equal(reset.bg, 'rgb(255, 255, 255)');
      } finally {
        await driver.reader(tab, `($button('Reset').click(), true)`).catch(() => {});
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      }
    });

    const noteState = `(() => {
      const note = document.querySelector('.lectern-note');
      const ref = document.querySelector('article sup a');
      return { open: !!note, label: note?.getAttribute('role') === 'dialog' ? note.getAttribute('aria-label') : null, text: note?.textContent ?? '', focusInNote: !!note && note.contains(document.activeElement), focusOnRef: document.activeElement === ref, expanded: ref.getAttribute('aria-expanded') };
    })()`;

    it('a footnote reference opens its note in a popover, by click or Enter; Escape and the link back close it; the notes stay at the end', async () => {
      const tab = await openReader('/long-read.html');
      await articleShown(tab);
      try {
        const notesAtEnd = await driver.reader(tab, `(() => { const items = document.querySelectorAll('article li[id]'); return items.length === 2 && document.querySelector('article').lastElementChild.contains(items[1]); })()`);
        assert.equal(notesAtEnd, true);
        await driver.reader(tab, `(document.querySelector('article sup a').click(), true)`);
        let state = await driver.reader(tab, noteState);
        assert.equal(state.open, true);
        assert.equal(state.label, 'Note 1');
        assert.match(state.text, /The first note: the mill was built in 1711/);
        assert.equal(state.focusInNote, true);
        assert.equal(state.expanded, 'true');
        await driver.press(tab, 'Escape');
        state = await eventually(async () => { const s = await driver.reader(tab, noteState); return !s.open && s; }, { message: 'the note closed by Escape' });
        assert.equal(state.focusOnRef, true, 'focus goes back to the reference');
        assert.equal(state.expanded, null);
        // The keyboard: Enter on the focused reference opens it; the link back closes it.
        await driver.press(tab, 'Enter');
        state = await eventually(async () => { const s = await driver.reader(tab, noteState); return s.open && s; }, { message: 'the note opened by Enter' });
        assert.equal(state.focusInNote, true);
        await driver.reader(tab, `(document.querySelector('.lectern-note a[aria-label="Back to the text"]').click(), true)`);
        state = await driver.reader(tab, noteState);
        assert.equal(state.open, false);
        assert.equal(state.focusOnRef, true);
        assert.equal(await driver.reader(tab, `document.scrollingElement.scrollTop < document.querySelector('article li[id]').getBoundingClientRect().top`), true, 'closing does not jump to the notes');
      } finally {
        await driver.pressEscape(tab);
        await driver.closeTab(tab);
      }
    });

    // ---- issue 24: phones ------------------------------------------------------------------------
    // A phone held upright: 360×740 CSS px. The page has a long address, a wide table, a wide
    // code block and enough headings for "Contents".
    const PHONE = { width: 360, height: 740 };
    async function onPhone(test) {
      const tab = await driver.openTab(server.url('/phone.html'));
      try {
        await driver.setViewport(tab, PHONE);
        await showReader(tab);
        await test(tab);
      } finally {
        // (Not Escape: with a menu open, Escape closes the menu first.)
        await driver.reader(tab, `(setTimeout(() => $button('Close reader').click()), true)`).catch(() => {});
        await driver.waitForReaderGone(tab);
        await driver.setViewport(tab, null);
        await driver.closeTab(tab);
      }
    }
    const shown = (name) => `(() => { const b = $button(${JSON.stringify(name)}); return Boolean(b && b.getClientRects().length && getComputedStyle(b).visibility !== 'hidden'); })()`;
    // Every interactive control the reader's own interface shows (toolbar, menu, panels): its
    // name and its box. Radio buttons and colour inputs are measured as they are hit: the
    // radio's box covers its whole label.
    const CONTROLS_SHOWN = `(() => {
      const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      return [...document.querySelectorAll('.lectern-bar :is(button, input, select, textarea, a[href])')].filter(visible).map((el) => {
        const r = el.getBoundingClientRect();
        const name = el.closest('label')?.textContent.trim() || el.getAttribute('aria-label') || el.textContent.trim();
        return { name: el.type === 'radio' ? el.closest('fieldset').querySelector('legend').textContent + ': ' + name : name,
          width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10, inView: r.left >= 0 && r.right <= window.innerWidth };
      });
    })()`;

    it('on a phone (360×740) the toolbar\'s actions fold into one "Menu" button that opens and closes them', async () => {
      await onPhone(async (tab) => {
        assert.equal(await driver.reader(tab, shown('Menu')), true, 'the menu button shows');
        for (const name of ['Copy as Markdown', 'Print', 'Removed', 'Reader settings']) {
          assert.equal(await driver.reader(tab, shown(name)), false, `${name} is folded away`);
        }
        assert.equal(await driver.reader(tab, shown('Close reader')), true, 'closing stays one tap away');
        await driver.clickInReader(tab, 'Menu');
        assert.equal(await driver.reader(tab, `$button('Menu').getAttribute('aria-expanded')`), 'true');
        for (const name of ['Copy as Markdown', 'Print', 'Removed', 'Reader settings']) {
          assert.equal(await driver.reader(tab, shown(name)), true, `${name} is in the open menu`);
        }
        await driver.clickInReader(tab, 'Reader settings');
        assert.equal(await driver.reader(tab, `!!$group('Theme') && $group('Theme').getClientRects().length > 0`), true, 'the settings open from the menu');
        await driver.clickInReader(tab, 'Menu');
        assert.equal(await driver.reader(tab, shown('Reader settings')), false, 'the menu closes again');
      });
    });

    it('on a phone every control of the toolbar, the menu, the settings and Contents is at least 44×44 CSS px and within the screen', async () => {
      await onPhone(async (tab) => {
        await driver.clickInReader(tab, 'Menu');
        await driver.clickInReader(tab, 'Reader settings');
        const settings = await driver.reader(tab, CONTROLS_SHOWN);
        await driver.clickInReader(tab, 'Reader settings');
        await driver.clickInReader(tab, 'Contents');
        const contents = await driver.reader(tab, CONTROLS_SHOWN);
        const names = new Set([...settings, ...contents].map((c) => c.name));
        for (const name of ['Close reader', 'Menu', 'Contents', 'Copy as Markdown', 'Print', 'Reader settings', 'Theme: Dark', 'Font: Serif',
          'Smaller', 'Larger', 'Line width: Wide', 'Text', 'Reset', 'Forget reading positions', 'Wide tables']) {
          assert.ok(names.has(name), `${name} was measured (${[...names].join(', ')})`);
        }
        const small = [...settings, ...contents].filter((c) => c.width < 44 || c.height < 44);
        assert.deepEqual(small, [], 'controls smaller than 44×44');
        const outside = [...settings, ...contents].filter((c) => !c.inView);
        assert.deepEqual(outside, [], 'controls outside the screen');
      });
    });

    it('on a phone nothing scrolls sideways: a long address wraps, a wide table and a wide code block scroll inside themselves', async () => {
      await onPhone(async (tab) => {
        const measure = `(() => {
          const wrap = document.querySelector('.lectern-scroll');
          const pre = document.querySelector('article pre');
          const address = [...document.querySelectorAll('article p')].find((p) => p.textContent.includes('https://www.example.com/a/very/long'));
          return {
            viewport: window.innerWidth,
            page: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
            table: { scrolls: wrap.scrollWidth > wrap.clientWidth, overflow: getComputedStyle(wrap).overflowX, right: wrap.getBoundingClientRect().right },
            pre: { scrolls: pre.scrollWidth > pre.clientWidth, overflow: getComputedStyle(pre).overflowX, right: pre.getBoundingClientRect().right },
            address: { right: address.getBoundingClientRect().right, overflows: address.scrollWidth > address.clientWidth },
          };
        })()`;
        const closed = await driver.reader(tab, measure);
        // The reader's frame is the screen's width (less the page's own scroll bar where the
        // browser draws one beside it: Firefox's 12 px).
        assert.ok(closed.viewport <= PHONE.width && closed.viewport >= PHONE.width - 20, `the reader is ${closed.viewport} px wide`);
        assert.ok(closed.page <= closed.viewport, `the reader is ${closed.page} px wide in a ${closed.viewport} px viewport`);
        assert.deepEqual({ scrolls: closed.table.scrolls, overflow: closed.table.overflow }, { scrolls: true, overflow: 'auto' }, 'the table scrolls in its box');
        assert.deepEqual({ scrolls: closed.pre.scrolls, overflow: closed.pre.overflow }, { scrolls: true, overflow: 'auto' }, 'the code scrolls in its block');
        for (const part of ['table', 'pre', 'address']) assert.ok(closed[part].right <= closed.viewport, `${part} ends within the screen`);
        assert.equal(closed.address.overflows, false, 'the long address wraps');
        await driver.clickInReader(tab, 'Menu');
        await driver.clickInReader(tab, 'Reader settings');
        const open = await driver.reader(tab, measure);
        assert.ok(open.page <= open.viewport, `with the settings open the reader is ${open.page} px wide`);
      });
    });

    it('a page script cannot see into, close or hide the reader', async () => {
      const tab = await openReader('/hostile.html');
      await articleShown(tab);
      await new Promise((r) => setTimeout(r, 300)); // the page forges close messages every 20 ms
      const reader = await driver.reader(tab, `({ open: !!document.querySelector('article'), height: window.innerHeight })`);
      assert.ok(reader.open, 'the reader is still open');
      assert.ok(reader.height > 100, 'page CSS does not hide the reader');
      const probe = await driver.page(tab, `window.__lecternProbe`);
      assert.equal(probe.readDocument, false, 'the page never read the reader document');
      assert.equal(probe.sawFrame, false, 'the reader frame is not in the page DOM tree');
      await driver.pressEscape(tab);
      await driver.closeTab(tab);
    });
  });
}
