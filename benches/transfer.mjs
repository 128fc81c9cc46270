#!/usr/bin/env node
// The demo's first view: every response headless Chromium fetches to show www/ (served by
// tools/serve.mjs from 127.0.0.1), raw and as gzip -9 would send it (GitHub Pages and most
// static hosts compress), until the network is idle and the engine has loaded.
//
//   node benches/transfer.mjs

import zlib from 'node:zlib';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../tools/serve.mjs';
import { ROOT, kb, machineLine, markdownTable } from './common.mjs';

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/lib/chromium/chromium';

const server = await serve(path.join(ROOT, 'www'), 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  const pending = [];
  page.on('response', (response) => pending.push(response.body().then(
    (body) => ({ url: response.url().replace(origin, ''), raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length }),
    () => null,
  )));
  await page.goto(`${origin}/`);
  await page.waitForLoadState('networkidle');
  const files = (await Promise.all(pending)).filter(Boolean);
  const total = (key) => files.reduce((n, f) => n + f[key], 0);
  console.log(`### Demo first view (${files.length} responses)\n`);
  console.log(`${machineLine()}\n`);
  console.log(markdownTable(['file', 'raw', 'gzip -9'], [
    ...files.map((f) => [f.url, kb(f.raw), kb(f.gzip)]),
    ['**total**', `**${kb(total('raw'))}**`, `**${kb(total('gzip'))}**`],
  ]));
  console.log('\nCommand: `node benches/transfer.mjs` (KB = 1024 bytes)');
} finally {
  await browser.close();
  server.close();
}
