#!/usr/bin/env node
// Makes the README's pictures in docs/screenshots/ (`./build.sh screenshots`, after a build):
// the extension's reader over the test news page in each theme and with its settings open, in
// headless Chromium, the reader on a phone-sized screen with its menu open, a long read's
// outline, footnote popover and lightbox, and the demo site
// showing its cluttered news sample. Not part of
// `./build.sh test`, which leaves the work tree as it found it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';
import { launchChromium } from './helpers/chromium.mjs';
import { startFixtureServer } from './helpers/fixture-server.mjs';
import { ROOT, SCREENSHOTS, CHROMIUM, tempDir } from './helpers/paths.mjs';

const written = [];
const shoot = async (page, name) => {
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path });
  written.push(path);
};

/** reader-light.png, reader-sepia.png, reader-dark.png, reader-settings.png */
async function readerScreenshots() {
  const server = await startFixtureServer();
  const profile = tempDir('lectern-screenshots-');
  const browser = await launchChromium(profile.dir);
  try {
    const page = await browser.context.newPage();
    await page.goto(server.url('/news.html'));
    await browser.triggerAction(page);
    const frame = await browser.waitForReaderFrame(page);
    await frame.locator('article').waitFor();
    await page.setViewportSize({ width: 1000, height: 760 });
    const settings = frame.getByRole('button', { name: 'Reader settings' });
    await settings.click();
    for (const theme of ['Light', 'Sepia', 'Dark']) {
      await frame.getByRole('group', { name: 'Theme', exact: true }).getByRole('radio', { name: theme }).check();
      await settings.click(); // the panel closed for the picture
      await shoot(page, `reader-${theme.toLowerCase()}.png`);
      await settings.click();
    }
    await shoot(page, 'reader-settings.png');
  } finally {
    await browser.close();
    await server.close();
    profile.remove();
  }
}

/** reader-phone.png: 360×740 CSS px (a phone held upright), the toolbar's menu open. */
async function phoneScreenshot() {
  const server = await startFixtureServer();
  const profile = tempDir('lectern-screenshots-');
  const browser = await launchChromium(profile.dir);
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(server.url('/news.html'));
    await browser.triggerAction(page);
    const frame = await browser.waitForReaderFrame(page);
    await frame.locator('article').waitFor();
    await frame.getByRole('button', { name: 'Menu' }).click();
    await frame.getByRole('button', { name: 'Print' }).waitFor();
    await shoot(page, 'reader-phone.png');
  } finally {
    await browser.close();
    await server.close();
    profile.remove();
  }
}

/**
 * reader-contents.png (the outline beside a long read, its current section marked),
 * reader-footnote.png (a note open in its popover) and reader-lightbox.png (an image seen
 * large with its caption): the long-read features of issue 21.
 */
async function longReadScreenshots() {
  const server = await startFixtureServer();
  const profile = tempDir('lectern-screenshots-');
  const browser = await launchChromium(profile.dir);
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(server.url('/long-read.html'));
    await browser.triggerAction(page);
    let frame = await browser.waitForReaderFrame(page);
    await frame.locator('article').waitFor();
    await frame.locator('#article-sec2').evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await frame.locator('nav a[aria-current="location"]').waitFor();
    await shoot(page, 'reader-contents.png');
    await frame.locator('article sup a').first().click();
    await frame.getByRole('dialog', { name: 'Note 1' }).waitFor();
    await page.mouse.move(5, 780); // off the paragraph: its "Remove this block" goes
    await shoot(page, 'reader-footnote.png');
    const gallery = await browser.context.newPage();
    await gallery.setViewportSize({ width: 1280, height: 800 });
    await gallery.goto(server.url('/gallery.html'));
    await browser.triggerAction(gallery);
    frame = await browser.waitForReaderFrame(gallery);
    await frame.locator('article img').first().click();
    await frame.getByRole('dialog', { name: 'Image viewer' }).locator('img').evaluate((img) => img.decode());
    await shoot(gallery, 'reader-lightbox.png');
  } finally {
    await browser.close();
    await server.close();
    profile.remove();
  }
}

/** demo.png */
async function demoScreenshot() {
  // The repository root, so the demo is reached at /www/ exactly as build.sh lays it out.
  const server = await serve(ROOT, 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/www/`);
    await page.getByRole('status').filter({ hasText: 'Engine ready.' }).waitFor();
    await page.getByLabel('Sample page').selectOption({ label: 'Cluttered news page' });
    await page.locator('#reader article').waitFor();
    await page.locator('#output').scrollIntoViewIfNeeded();
    await shoot(page, 'demo.png');
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    server.closeAllConnections?.();
  }
}

mkdirSync(SCREENSHOTS, { recursive: true });
await readerScreenshots();
await phoneScreenshot();
await longReadScreenshots();
await demoScreenshot();
for (const path of written) console.log(`wrote ${path}`);
