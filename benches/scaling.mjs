#!/usr/bin/env node
// Scaling: does any pass of the engine grow faster than the page? `./build.sh bench scaling`.
//
//   node benches/scaling.mjs [--n N] [--only SHAPE,...] [--bin PATH]
//
// Generates pages of one repeated shape each (thousands of posts, headings alike, hidden
// panels, sign-up forms, tables, footnotes, ...: the shapes hostile or unusual pages take),
// at N and 4N repeats (default N 4,000), runs the CLI on both side by side, and prints each
// shape's times and their ratio. A linear pass takes about 4x as long on the 4x page; a
// ratio above SUSPECT_RATIO is flagged: a pass that asks, for every element, about every
// other one or about its ancestors' whole subtrees. Times are wall-clock of one run each, on
// a shared machine: look again at a flagged shape (--only) before believing it.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './common.mjs';

const SUSPECT_RATIO = 6;
const TIMEOUT_MS = 120_000;

const P = `<p>${'The harbour was quiet that morning, and the boats sat still. '.repeat(5)}</p>`;
const rep = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('');
const THREAD_LD = '<script type="application/ld+json">{"@context":"https://schema.org",'
  + '"@type":"DiscussionForumPosting","headline":"T","author":{"@type":"Person","name":"jane"}}</script>';

/** Each shape: (n) => { head?, body } for a page of n repeats. */
const SHAPES = {
  'thread posts': (n) => ({
    head: THREAD_LD,
    body: rep(n, (i) => `<div class="post"><div class="author"><a class="username" href="/u/${i}">user${i}</a></div>`
      + `<div class="body"><p>Reply ${i} says the harbour was quiet.</p><blockquote>quoted text that repeats `
      + `across the thread</blockquote></div><span>#${i}</span><time>June 14, 2024</time>`
      + '<div class="signature">my sig</div><p>12</p></div>'),
  }),
  'posts in deep wrappers': (n) => ({
    body: '<div>'.repeat(200) + rep(n, (i) => `<div class="post"><div class="author"><a class="username" `
      + `href="/u/${i}">user${i}</a></div><p>Reply ${i} says the harbour was quiet.</p></div>`) + '</div>'.repeat(200),
  }),
  'headings alike': (n) => ({ body: rep(n, () => '<h3>Reviews</h3><p>A short review, one sentence.</p>') }),
  'comment headings': (n) => ({
    body: rep(n, (i) => `<h3>Comments</h3><div><a href="/c${i}">c</a></div><p>Part ${i} of the story goes on.</p>`),
  }),
  'hidden FAQ answers': (n) => ({
    body: rep(n, (i) => `<div class="faq-item"><h3>Question ${i}?</h3><div class="faq-answer" style="display:none">`
      + `<p>Answer ${i} is long enough to be an answer to the question.</p></div></div>`),
  }),
  'panels a control opens': (n) => ({
    body: rep(n, (i) => `<button aria-controls="p${i}">Q${i}</button><div id="p${i}" hidden><p>Answer ${i}.</p></div>`),
  }),
  'tab panels': (n) => ({
    body: `<div class="tabs">${rep(n, (i) => `<div class="panel" style="display:none"><p>Panel ${i}.</p></div>`)}`
      + '<div class="panel"><p>Shown</p></div></div>',
  }),
  'sign-up forms': (n) => ({
    body: `<div>${rep(n, (i) => `<div><form><input type="email" name="email"><p>Subscribe ${i}</p></form></div>`)}</div>`,
  }),
  'captions with credits': (n) => ({
    body: rep(n, (i) => `<div><picture><img src="https://e.example/${i}.jpg"></picture><div><svg></svg>`
      + `<small>(crédito: Ana ${i})</small></div></div>`),
  }),
  'data tables': (n) => ({
    body: rep(n, (i) => `<table><tr><th>A</th><th>B</th></tr><tr><td>${i}</td><td>x</td></tr><tr><td>1</td><td>2</td></tr></table>`),
  }),
  'code blocks': (n) => ({ body: rep(n, (i) => `<pre><code class="language-rust">let x = ${i};</code></pre><p>Step ${i}.</p>`) }),
  footnotes: (n) => ({
    body: `<p>${rep(n, (i) => `word<sup><a href="#fn${i}">${i}</a></sup> `)}</p>`
      + `<ol>${rep(n, (i) => `<li id="fn${i}">Note ${i} <a href="#r${i}">↩</a></li>`)}</ol>`,
  }),
  'stories as articles': (n) => ({
    body: rep(n, (i) => `<article><h2>Story ${i}</h2><p>${'Text of this story. '.repeat(10)}</p></article>`),
  }),
  'teaser cards': (n) => ({
    body: `<div>${rep(n, (i) => `<div class="card"><h3><a href="/s${i}">Story ${i}</a></h3><p>Excerpt ${i}.</p></div>`)}</div>`,
  }),
  'linked lines': (n) => ({ body: rep(n, (i) => `<p><a href="/story-${i}">Another story headline ${i}</a></p>`) }),
  'date and meta lines': (n) => ({ body: rep(n, () => '<p>15 Dec, 2025</p><p>5 min read</p>') }),
  'long class names': (n) => ({
    body: rep(n, (i) => `<div class="${rep(50, (j) => `no-x${j} `)}"><p>text ${i}</p></div>`),
  }),
  'layout table rows': (n) => ({
    body: `<table>${rep(n, (i) => `<tr><td><a href="/n${i}">nav ${i}</a></td><td>${'Story text in the cell. '.repeat(3)}</td></tr>`)}</table>`,
  }),
};

function args() {
  const a = process.argv.slice(2);
  const get = (name) => { const i = a.indexOf(name); return i >= 0 ? a[i + 1] : undefined; };
  return {
    n: Number(get('--n') ?? 4000),
    only: get('--only')?.split(',').map((s) => s.trim()),
    bin: get('--bin') ?? process.env.LECTERN_BIN ?? path.join(ROOT, 'target', 'release', 'lectern'),
  };
}

/** Seconds the CLI takes on `html` (wall clock), or null on a timeout. */
function timed(bin, html) {
  const start = process.hrtime.bigint();
  const run = spawnSync(bin, ['--format', 'text', '-'], {
    input: html, timeout: TIMEOUT_MS, maxBuffer: 1 << 30, stdio: ['pipe', 'ignore', 'pipe'],
  });
  if (run.error?.code === 'ETIMEDOUT') return null;
  if (run.error) throw run.error;
  if (![0, 2].includes(run.status)) throw new Error(`lectern exited with ${run.status}: ${run.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function main() {
  const { n, only, bin } = args();
  const names = only ?? Object.keys(SHAPES);
  const unknown = names.filter((s) => !SHAPES[s]);
  if (unknown.length) {
    console.error(`unknown shape(s): ${unknown.join(', ')}; known: ${Object.keys(SHAPES).join(', ')}`);
    process.exit(64);
  }
  console.log(`## Scaling: each shape at ${n} and ${4 * n} repeats (a linear pass: about 4x)\n`);
  console.log('| shape | MB at 4N | N | 4N | ratio | |');
  console.log('|---|---|---|---|---|---|');
  let flagged = 0;
  for (const name of names) {
    const page = (k) => {
      const { head = '', body } = SHAPES[name](k);
      return `<html><head>${head}</head><body><article><h1>Title</h1>${P.repeat(5)}${body}${P.repeat(3)}</article></body></html>`;
    };
    const big = page(4 * n);
    const t1 = timed(bin, page(n));
    const t4 = timed(bin, big);
    const ratio = t1 && t4 ? t4 / Math.max(t1, 1e-3) : null;
    const suspect = ratio === null || ratio > SUSPECT_RATIO;
    flagged += suspect;
    const s = (t) => (t === null ? 'timeout' : `${t.toFixed(2)} s`);
    console.log(`| ${name} | ${(big.length / 1e6).toFixed(1)} | ${s(t1)} | ${s(t4)} | ${ratio === null ? '–' : `${ratio.toFixed(1)}x`} | ${suspect ? 'look again' : ''} |`);
  }
  console.log(`\n${flagged} of ${names.length} shapes above ${SUSPECT_RATIO}x (or timed out).`);
}

main();
