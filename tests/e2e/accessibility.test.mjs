// Accessibility and presentation, measured in Chromium: WCAG AA contrast of every reader theme
// (the extension's reader; the demo shares its renderer), the reader under forced colours and
// reduced motion, and the demo's own page: contrast, keyboard-only use and accessible names.
// Contrast comes from computed styles and the backgrounds actually behind each piece of text
// (helpers/contrast.mjs), so a colour changed anywhere in the CSS is caught here.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launchChromium } from './helpers/chromium.mjs';
import { startFixtureServer } from './helpers/fixture-server.mjs';
import { auditColours, contrast, failures, lowestByCategory } from './helpers/contrast.mjs';
import { serve } from '../../tools/serve.mjs';
import { ROOT, FIXTURES, tempDir } from './helpers/paths.mjs';

// What each piece of text is, for the messages and the measured table (first match wins).
const READER_CATEGORIES = [
  ['controls', '.lectern-button, .lectern-choice span'],
  ['links', 'a, a *'],
  ['headings', 'h1, h2, h3, h4, h5, h6'],
  ['captions', 'figcaption, figcaption *'],
  ['secondary', '.lectern-site, .lectern-meta, .lectern-meta *, .lectern-original, .lectern-status, legend'],
  ['quotes', 'blockquote, blockquote *'],
  ['code', 'pre, pre *, code'],
  ['tables', 'th, td, th *, td *'],
  ['body', '*'],
];
const READER_CONTROLS = '.lectern-button, .lectern-choice span';

const fmt = (n) => n.toFixed(2);

describe('accessibility and presentation in Chromium', () => {
  let browser;
  let server;
  let demo;
  let demoOrigin;
  let profile;

  before(async () => {
    server = await startFixtureServer();
    demo = await serve(ROOT, 0);
    demoOrigin = `http://127.0.0.1:${demo.address().port}`;
    profile = tempDir('lectern-a11y-');
    browser = await launchChromium(profile.dir);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((resolve) => (demo ? demo.close(resolve) : resolve()));
    demo?.closeAllConnections?.();
    profile?.remove();
  });

  async function openReader(path = '/presentation.html') {
    const page = await browser.context.newPage();
    await page.goto(server.url(path));
    await browser.triggerAction(page);
    const frame = await browser.waitForReaderFrame(page);
    await frame.locator('article').waitFor();
    return { page, frame };
  }
  async function closeReader({ page }) {
    await browser.pressEscape(page);
    await page.close();
  }
  const openSettings = (frame) => frame.getByRole('button', { name: 'Reader settings' }).click();

  it('every reader theme meets WCAG AA: text, headings, links, captions, secondary text, controls, focus and state', async () => {
    const reader = await openReader();
    const { page, frame } = reader;
    await openSettings(frame);
    // The status line is empty until something is said; give it words so it is measured too.
    await frame.evaluate(() => { document.querySelector('.lectern-status').textContent = 'Copied the article as Markdown.'; });
    const table = {};
    const problems = [];
    const cases = [['Light', 'light'], ['Sepia', 'light'], ['Dark', 'light'], ['Gray', 'light'], ['High contrast', 'light'], ['Auto', 'light'], ['Auto', 'dark']];
    for (const [theme, scheme] of cases) {
      const label = theme === 'Auto' ? `Auto (${scheme} system)` : theme;
      await page.emulateMedia({ colorScheme: scheme });
      await frame.getByRole('group', { name: 'Theme', exact: true }).getByRole('radio', { name: theme, exact: true }).check();
      const background = await frame.evaluate(() => getComputedStyle(document.querySelector('.lectern-app')).backgroundColor);
      if (theme === 'Auto') {
        // The emulated system scheme reached the reader: Auto took the matching theme's colours.
        assert.equal(background, scheme === 'dark' ? 'rgb(28, 28, 30)' : 'rgb(255, 255, 255)', label);
      }
      const { text, boundaries } = await frame.evaluate(auditColours, { root: '.lectern-app', controls: READER_CONTROLS, categories: READER_CATEGORIES });
      const seen = new Set(text.map((r) => r.category));
      for (const category of ['controls', 'links', 'headings', 'captions', 'secondary', 'quotes', 'code', 'tables', 'body']) {
        assert.ok(seen.has(category), `${label}: nothing measured for ${category}`);
      }
      problems.push(...failures(text).map((f) => `${label}: ${f}`), ...failures(boundaries).map((f) => `${label}: control boundary ${f}`));

      // State and focus, which are not text: the chosen option against the others (3:1), the
      // theme swatches' ring, links told apart by more than colour, and the keyboard focus ring.
      const other = await frame.evaluate(({ theme }) => {
        const bg = getComputedStyle(document.querySelector('.lectern-app')).backgroundColor;
        const states = [];
        for (const group of document.querySelectorAll('.lectern-choices:not(.lectern-choices-theme)')) {
          const spans = [...group.querySelectorAll('.lectern-choice span')];
          const chosen = spans.find((s) => s.previousElementSibling.checked);
          for (const s of spans) if (s !== chosen) states.push({ what: `${chosen.textContent} vs ${s.textContent}`, chosen: getComputedStyle(chosen).backgroundColor, other: getComputedStyle(s).backgroundColor });
        }
        const swatch = [...document.querySelectorAll('.lectern-choices-theme span')].find((s) => s.textContent === theme);
        const ring = getComputedStyle(swatch).boxShadow;
        const links = [...document.querySelectorAll('.lectern-app a')].filter((a) => a.getClientRects().length)
          .map((a) => ({ text: a.textContent.trim(), underlined: getComputedStyle(a).textDecorationLine.includes('underline') || getComputedStyle(a).borderBottomStyle !== 'none' }));
        return { states, bg, ring: ring === 'none' ? null : ring.match(/rgba?\([^)]*\)/g).at(-1), links };
      }, { theme });
      other.states = other.states.map((s) => ({ ...s, ratio: contrast(s.chosen, s.other) }));
      other.ring = other.ring ? contrast(other.ring, other.bg) : 0;
      for (const s of other.states) if (s.ratio < 3) problems.push(`${label}: chosen option ${s.what} differs by ${fmt(s.ratio)}:1, needs 3:1`);
      if (other.ring < 3) problems.push(`${label}: the chosen theme's ring is ${fmt(other.ring)}:1 against the background, needs 3:1`);
      for (const l of other.links) if (!l.underlined) problems.push(`${label}: link "${l.text}" is told apart by colour only`);
      // The keyboard focus ring, reached by the keyboard (Tab from the theme group to the Font group).
      await page.keyboard.press('Tab');
      const focus = await frame.evaluate(() => {
        const el = document.activeElement;
        const target = el.matches('.lectern-choice input') ? el.nextElementSibling : el;
        const style = getComputedStyle(target);
        return { what: target.textContent.trim(), style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor, around: getComputedStyle(document.querySelector('.lectern-app')).backgroundColor };
      });
      const ringRatio = contrast(focus.colour, focus.around);
      if (focus.style === 'none' || focus.width < 2 || ringRatio < 3) problems.push(`${label}: focus ring on "${focus.what}" is ${focus.style} ${focus.width}px at ${fmt(ringRatio)}:1, needs a 2px ring at 3:1`);

      const low = lowestByCategory(text);
      table[label] = {
        body: low.body, headings: low.headings, links: low.links, captions: low.captions, secondary: low.secondary,
        quotes: low.quotes, code: low.code, tables: low.tables, controls: low.controls,
        'control edges': lowestByCategory(boundaries).controls, 'focus ring': ringRatio,
        'chosen option': Math.min(...other.states.map((s) => s.ratio)),
      };
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await frame.getByRole('radio', { name: 'Auto', exact: true }).check();
    // The measured table, lowest ratio of each kind per theme (pasteable into docs).
    const columns = Object.keys(Object.values(table)[0]);
    console.log(`| theme | ${columns.join(' | ')} |\n|---|${columns.map(() => '---').join('|')}|`);
    for (const [label, row] of Object.entries(table)) console.log(`| ${label} | ${columns.map((c) => fmt(row[c])).join(' | ')} |`);
    assert.deepEqual(problems, []);
    await closeReader(reader);
  });

  it('under forced colours the reader uses the system colours, keeps control edges and focus visible, and marks the chosen option by more than colour', async () => {
    const reader = await openReader();
    const { page, frame } = reader;
    await openSettings(frame);
    await page.emulateMedia({ forcedColors: 'active' });
    assert.equal(await frame.evaluate(() => matchMedia('(forced-colors: active)').matches), true, 'forced colours reached the reader');
    const problems = [];
    for (const theme of ['Light', 'Sepia', 'Dark']) {
      await frame.getByRole('group', { name: 'Theme', exact: true }).getByRole('radio', { name: theme, exact: true }).check();
      const view = await frame.evaluate(() => {
        const probe = document.createElement('span');
        document.body.append(probe);
        const system = {};
        for (const name of ['Canvas', 'CanvasText', 'LinkText', 'ButtonFace', 'ButtonText', 'ButtonBorder', 'Highlight', 'HighlightText', 'GrayText']) {
          probe.style.color = name;
          system[name] = getComputedStyle(probe).color;
        }
        probe.remove();
        const of = (selector) => getComputedStyle(document.querySelector(selector));
        const controls = [...document.querySelectorAll('.lectern-button, .lectern-choice span')].filter((el) => el.getClientRects().length).map((el) => {
          const s = getComputedStyle(el);
          return { what: el.textContent.trim(), colours: [s.color, s.backgroundColor, s.borderTopColor], border: `${s.borderTopStyle} ${s.borderTopWidth}` };
        });
        return {
          system, controls,
          page: { background: of('.lectern-app').backgroundColor, text: of('article p').color, heading: of('article h2').color, caption: of('article figcaption').color, meta: of('.lectern-meta').color, link: of('article a').color },
        };
      });
      const { system } = view;
      const expected = { background: system.Canvas, text: system.CanvasText, heading: system.CanvasText, caption: system.CanvasText, meta: system.CanvasText, link: system.LinkText };
      for (const [what, colour] of Object.entries(view.page)) {
        if (colour !== expected[what]) problems.push(`${theme}: ${what} is ${colour}, not the system colour ${expected[what]}`);
      }
      const allowed = new Set(Object.values(system));
      for (const c of view.controls) {
        for (const colour of c.colours) if (!allowed.has(colour)) problems.push(`${theme}: control "${c.what}" keeps the theme colour ${colour}`);
        if (!/^solid [1-9]/.test(c.border)) problems.push(`${theme}: control "${c.what}" has no visible border (${c.border})`);
      }
      const { text, boundaries } = await frame.evaluate(auditColours, { root: '.lectern-app', controls: READER_CONTROLS, categories: READER_CATEGORIES });
      problems.push(...failures(text).map((f) => `${theme}: ${f}`), ...failures(boundaries).map((f) => `${theme}: control boundary ${f}`));
    }
    // The chosen option differs from the others by something other than colour.
    const marks = await frame.evaluate(() => {
      const shape = (el) => {
        const s = getComputedStyle(el);
        const before = getComputedStyle(el, '::before').content;
        const after = getComputedStyle(el, '::after').content;
        return JSON.stringify([before, after, s.borderTopWidth, s.outlineStyle, s.outlineWidth, s.textDecorationLine, s.fontWeight, s.fontStyle]);
      };
      return [...document.querySelectorAll('.lectern-choices')].filter((g) => g.querySelector('input')).map((group) => {
        const spans = [...group.querySelectorAll('.lectern-choice span')];
        const chosen = spans.find((s) => s.previousElementSibling.checked);
        return { group: group.querySelector('legend').textContent, same: spans.filter((s) => s !== chosen && shape(s) === shape(chosen)).map((s) => s.textContent) };
      });
    });
    for (const m of marks) if (m.same.length) problems.push(`${m.group}: the chosen option looks like ${m.same.join(', ')} except for colour`);
    // The mark is not part of the option's name.
    assert.equal(await frame.getByRole('radio', { name: 'Dark', exact: true }).count(), 1, 'the chosen option keeps its exact name');
    // Focus stays visible: the keyboard moves from the Theme group to the Font group.
    await frame.getByRole('radio', { name: 'Dark', exact: true }).focus();
    await page.keyboard.press('Tab');
    const focus = await frame.evaluate(() => {
      const el = document.activeElement;
      const target = el.matches('.lectern-choice input') ? el.nextElementSibling : el;
      const s = getComputedStyle(target);
      return { what: target.textContent.trim(), style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor };
    });
    assert.equal(focus.what, 'Serif');
    assert.ok(focus.style !== 'none' && focus.width >= 2, `focus ring: ${JSON.stringify(focus)}`);
    await page.emulateMedia({ forcedColors: 'none' });
    await frame.getByRole('radio', { name: 'Auto', exact: true }).check();
    assert.deepEqual(problems, []);
    await closeReader(reader);
  });

  it('with reduced motion the reader neither transitions nor animates, not even its loading bar', async () => {
    const reader = await openReader();
    const { page, frame } = reader;
    // Motion that a future rule might add, at the places where it would be most tempting: the
    // reader's root (theme colours), buttons, options, the settings panel, the text, scrolling.
    await frame.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`
        @keyframes lectern-test-pulse { from { opacity: 0.5; } to { opacity: 1; } }
        .lectern-app, .lectern-app .lectern-button, .lectern-app .lectern-choice span, .lectern-app .lectern-settings,
        .lectern-app article p { transition: all 2s linear; }
        .lectern-app .lectern-title, .lectern-app .lectern-button::after { content: ''; animation: lectern-test-pulse 2s infinite; }
        html, .lectern-app .lectern-main, .lectern-app pre { scroll-behavior: smooth; }`);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      globalThis.__motionSheet = sheet;
    });
    const measure = () => frame.evaluate(async () => {
      const s = (el) => getComputedStyle(el);
      const app = document.querySelector('.lectern-app');
      const moving = [app, ...app.querySelectorAll('*')].filter((el) => s(el).transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s(el).animationName !== 'none');
      return {
        animations: document.getAnimations().length,
        moving: moving.slice(0, 5).map((el) => el.className || el.tagName),
        smooth: [document.documentElement, document.querySelector('.lectern-main'), document.querySelector('pre')].filter((el) => s(el).scrollBehavior === 'smooth').map((el) => el.tagName),
      };
    });
    const change = async (theme) => {
      await frame.getByRole('group', { name: 'Theme', exact: true }).getByRole('radio', { name: theme, exact: true }).check();
      await frame.getByRole('button', { name: 'Larger' }).click();
      await frame.getByRole('button', { name: 'Smaller' }).click();
    };

    // The control: without the preference, those rules do move things, and this test sees it.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await openSettings(frame);
    await change('Dark');
    const free = await measure();
    assert.ok(free.animations > 0 && free.moving.length > 0 && free.smooth.length > 0, `the motion detector works: ${JSON.stringify(free)}`);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal(await frame.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true, 'the preference reached the reader');
    await frame.evaluate(() => document.getAnimations().forEach((a) => a.finish?.()));
    await change('Sepia');
    await openSettings(frame); // close the panel
    await openSettings(frame);
    assert.deepEqual(await measure(), { animations: 0, moving: [], smooth: [] });
    await frame.evaluate(() => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== globalThis.__motionSheet); });
    await frame.getByRole('radio', { name: 'Auto', exact: true }).check();

    // The loading state of a large page: the browser animates an indeterminate <progress> itself,
    // so look at pixels. A second reader in the same page shows it.
    await frame.evaluate(async () => {
      const { createReader } = await import('./reader/reader.js');
      const box = document.createElement('div');
      box.id = 'loading-probe';
      document.body.prepend(box);
      const probe = createReader(box, { t: (key) => key, loadSettings: async () => null, saveSettings: async () => {} });
      probe.root.style.minHeight = '0';
      probe.showLoading(2 * 1024 * 1024);
    });
    const area = frame.locator('#loading-probe .lectern-message');
    const frames = async () => {
      const shots = [];
      for (let i = 0; i < 3; i++) {
        if (i) await page.waitForTimeout(180);
        shots.push(await area.screenshot({ animations: 'allow' }));
      }
      return shots;
    };
    const still = await frames();
    assert.ok(still.every((shot) => shot.equals(still[0])), 'the loading state is still under reduced motion');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const moving = await frames();
    assert.ok(moving.some((shot) => !shot.equals(moving[0])), 'the control: without the preference the loading bar moves, and the pictures show it');
    await frame.evaluate(() => document.getElementById('loading-probe').remove());
    await closeReader(reader);
  });

  it('Tab and Shift+Tab go round the reader and never into the page hidden under it', async () => {
    const reader = await openReader('/news.html'); // a page with links and a form of its own
    const { page, frame } = reader;
    await frame.waitForFunction(() => document.hasFocus() && document.activeElement?.matches('main'));
    const where = async () => {
      const inPage = await page.evaluate(() => document.activeElement?.tagName.toLowerCase());
      const inReader = await frame.evaluate(() => (document.hasFocus() ? document.activeElement?.textContent.trim() : null));
      return inPage === 'lectern-reader' && inReader !== null ? inReader : `the page's ${inPage}`;
    };
    const forward = [];
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('Tab');
      forward.push(await where());
    }
    // From the article: its link, then round to the toolbar, whose buttons come first.
    assert.deepEqual(forward, ['View original page', 'Close reader', 'Read aloud', 'Copy as Markdown', 'Print', 'Removed', 'Reader settings', 'View original page', 'Close reader']);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await where(), 'View original page', 'Shift+Tab from the first control goes round to the last');
    await closeReader(reader);
  });

  // ---- the demo's own page ------------------------------------------------------------------
  async function openDemo(scheme = 'light') {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${demoOrigin}/www/`);
    await page.getByRole('status').filter({ hasText: 'Engine ready.' }).waitFor();
    return page;
  }

  it('the demo\'s own text and controls meet WCAG AA in the light and the dark scheme', async () => {
    const problems = [];
    const rows = [];
    for (const scheme of ['light', 'dark']) {
      const page = await openDemo(scheme);
      await page.getByLabel('Sample page').selectOption({ label: 'Cluttered news page' });
      await page.locator('#reader article').waitFor();
      await page.locator('#explain li').first().waitFor();
      const { text, boundaries } = await page.evaluate(auditColours, {
        root: 'body',
        controls: 'input:not([type=radio]), select, textarea, button',
        categories: [['reader', '.lectern-app, .lectern-app *'], ['controls', 'button, select, input, textarea, label'], ['links', 'a'], ['text', '*']],
      });
      problems.push(...failures(text).map((f) => `${scheme}: ${f}`), ...failures(boundaries).map((f) => `${scheme}: control boundary ${f}`));
      const own = text.filter((r) => r.category !== 'reader');
      assert.ok(own.some((r) => r.category === 'placeholder'), `${scheme}: the placeholders were measured`);
      const low = lowestByCategory(own);
      rows.push(`demo ${scheme}: ${Object.entries(low).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}, control edges ${fmt(lowestByCategory(boundaries).controls)}`);
      await page.close();
    }
    for (const row of rows) console.log(row);
    assert.deepEqual(problems, []);
  });

  it('the demo works with the keyboard alone: Tab reaches every input in order, each with a visible focus ring', async () => {
    const page = await openDemo();
    // Chromium reports a file chooser only once interception is on, which a listener turns
    // on without waiting for it: listening now, long before Space opens the chooser, rules
    // out the race of listening at the key press itself (puppeteer#6040; it timed out here
    // now and then).
    const chooserOpened = page.waitForEvent('filechooser', { timeout: 120_000 });
    chooserOpened.catch(() => {}); // awaited below; handled if the test fails before
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      const name = el.labels?.[0]?.childNodes[0]?.textContent.trim() || el.getAttribute('aria-label') || el.textContent.trim();
      const s = getComputedStyle(el);
      let around = null;
      for (let node = el.parentElement; node; node = node.parentElement) {
        const bg = getComputedStyle(node).backgroundColor;
        if (!/rgba\(.*, 0\)$/.test(bg) && bg !== 'transparent') { around = bg; break; }
      }
      return { name, ring: `${s.outlineStyle} ${parseFloat(s.outlineWidth)}`, colour: s.outlineColor, around: around ?? 'rgb(255, 255, 255)' };
    });
    const order = [];
    for (let i = 0; i < 8 && order.at(-1) !== 'Show reader view'; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      order.push(f.name);
      const [style, width] = f.ring.split(' ');
      assert.ok(style !== 'none' && Number(width) >= 2 && contrast(f.colour, f.around) >= 3, `visible focus on "${f.name}": ${f.ring} ${f.colour} on ${f.around}`);
    }
    assert.deepEqual(order, ['Skip to the reader view', 'Sample page', 'Open HTML file', 'Page address', 'Page HTML', 'Show reader view']);

    // Use it: pick a sample with the arrow keys, then show a page from the text box with Enter.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Tab');
    assert.equal((await focused()).name, 'Sample page');
    await page.keyboard.press('ArrowDown');
    await page.locator('#reader article').waitFor();
    assert.equal(await page.locator('#reader h1').textContent(), 'Trump: Israel to Hunt Down Hamas as Ceasefire Talks Stall');
    // The original page's preview (a sandboxed frame) loads on its own time: let it finish
    // before the next keys, so nothing it does lands between Tab and Space.
    await Promise.all(page.frames().map((f) => f.waitForLoadState('load').catch(() => {})));
    await page.keyboard.press('Tab'); // Open HTML file: Space opens the file picker
    assert.equal((await focused()).name, 'Open HTML file');
    await page.keyboard.press('Space');
    const chooser = await chooserOpened;
    await chooser.setFiles(join(FIXTURES, 'rich.html'));
    await page.locator('#reader h1', { hasText: 'Figures, code and tables in the reader' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal((await focused()).name, 'Page HTML');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(await page.evaluate(() => document.getElementById('html').value.replace('That is all:', 'Typed by keyboard:')));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#reader article p', { hasText: 'Typed by keyboard:' }).waitFor();

    // The skip link leads into the result: the next Tab lands in it.
    for (let i = 0; i < 6 && (await focused()).name !== 'Skip to the reader view'; i++) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement.closest('#output')), `after the skip link, focus is in the result (${(await focused()).name})`);
    await page.close();
  });

  it('every control in the demo, the reader\'s included, has an accessible name', async () => {
    const page = await openDemo();
    await page.getByLabel('Sample page').selectOption({ label: 'Blog post with code' });
    await page.locator('#reader article').waitFor();
    await page.getByRole('button', { name: 'Reader settings' }).click();
    const cdp = await browser.context.newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    await cdp.detach();
    const CONTROLS = new Set(['button', 'checkbox', 'radio', 'textbox', 'combobox', 'listbox', 'link', 'slider', 'spinbutton', 'searchbox', 'switch', 'tab', 'menuitem', 'group', 'Iframe', 'region', 'toolbar']);
    const controls = nodes.filter((n) => !n.ignored && CONTROLS.has(n.role?.value));
    const unnamed = controls.filter((n) => !n.name?.value?.trim()).map((n) => `${n.role.value} (node ${n.backendDOMNodeId})`);
    assert.deepEqual(unnamed, []);
    const names = new Set(controls.map((n) => `${n.role.value}: ${n.name.value}`));
    for (const expected of [
      'combobox: Sample page', 'button: Open HTML file', 'textbox: Page address (optional, resolves relative links)', 'textbox: Page HTML',
      'button: Show reader view', 'group: Show', 'button: Side by side', 'button: Reader only', 'button: Original only', 'Iframe: Original page',
      'region: Reader view', 'region: Original page', 'toolbar: Reader settings', 'button: Reader settings', 'group: Theme', 'radio: Sepia', 'group: Text size', 'button: Larger',
    ]) assert.ok(names.has(expected), `${expected} (have: ${[...names].join('; ')})`);
    await page.close();
  });
});
