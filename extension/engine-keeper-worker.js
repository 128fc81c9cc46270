// The engine keeper's worker (engine-keeper.js): compiles the engine's wasm, which keeps V8's
// compiled module alive for the extension's process, and then runs it on a generated article
// a number of times, so that the functions every extraction uses are optimised before a
// person's first open, not during it (a young engine takes 5-10x longer on its first pages).
// Its wasm memory stays as small as the sample needs (a few MB); it is never asked anything.
import init, { extract } from './engine/lectern.js';

// When the keeper starts (with the browser, or at install), how long it waits before its
// first extraction: the browser's own start-up, or a first open, has the processor first.
const RIPEN_AFTER_MS = 2000;
// How many extractions of the sample, and the pause between them (the worker yields, so a
// page or an open that starts meanwhile is not held up by a long burst).
const RIPEN_CALLS = 60;
const RIPEN_PAUSE_MS = 5;

/** A made-up news page with the parts every real one has: navigation, the story, teasers, comments, footer. */
function samplePage() {
  const words = 'reader engine article paragraph council budget river bridge school winter museum harbour'.split(' ');
  const sentence = (i, n) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
  const nav = Array.from({ length: 30 }, (_, i) => `<li><a href="/section/${i}">${sentence(i, 2)}</a></li>`).join('');
  const paragraphs = Array.from({ length: 24 }, (_, i) => `<p>${sentence(i, 20)}, <a href="/story/${i}">${sentence(i + 1, 3)}</a> and <em>${sentence(i + 2, 4)}</em>. ${sentence(i + 3, 18)}.</p>`
    + (i % 8 === 4 ? `<figure><img src="/img/${i}.jpg" alt="${sentence(i, 3)}" width="800" height="450"><figcaption>${sentence(i, 6)}. Photo: Agency</figcaption></figure>` : '')
    + (i % 8 === 6 ? `<h2 id="part-${i}">${sentence(i, 4)}</h2><ul>${Array.from({ length: 4 }, (_, k) => `<li>${sentence(i + k, 8)}</li>`).join('')}</ul>` : '')).join('');
  const teasers = Array.from({ length: 8 }, (_, i) => `<li><a href="/more/${i}"><img src="/t/${i}.jpg" alt="">${sentence(i, 7)}</a></li>`).join('');
  const comments = Array.from({ length: 6 }, (_, i) => `<div class="comment"><span class="author">reader${i}</span><p>${sentence(i + 5, 15)}</p><button>Reply</button></div>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${sentence(1, 6)} | The Sample Times</title>
<meta property="og:type" content="article"><meta name="author" content="A. Writer"><meta property="og:site_name" content="The Sample Times">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${sentence(1, 6)}","datePublished":"2026-01-05T08:00:00Z"}</script>
<style>body{font:16px serif}</style><script>window.dataLayer=[];</script></head><body>
<header><nav class="menu"><ul>${nav}</ul></nav><div class="cookie-banner">We use cookies. <button>Accept</button></div></header>
<main><article class="story"><h1>${sentence(1, 6)}</h1><p class="byline">By A. Writer, 5 January 2026</p>
<div class="share"><a href="https://x.example/share">Share</a> <a href="mailto:?">Email</a></div>
<div class="story-body">${paragraphs}<blockquote><p>${sentence(9, 16)}</p></blockquote>
<table><tr><th>${sentence(2, 1)}</th><th>${sentence(3, 1)}</th></tr><tr><td>12</td><td>34</td></tr></table></div></article>
<aside class="related"><h3>Read more</h3><ul>${teasers}</ul></aside>
<section class="comments"><h3>Comments</h3>${comments}<form><textarea></textarea><button>Post</button></form></section></main>
<footer><p>© The Sample Times</p><ul>${nav}</ul></footer></body></html>`;
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function ripen() {
  await init({ module_or_path: new URL('./engine/lectern_bg.wasm', import.meta.url) });
  await pause(RIPEN_AFTER_MS);
  const html = samplePage();
  for (let i = 0; i < RIPEN_CALLS; i++) {
    extract(html, 'https://news.example/2026/01/05/story', undefined);
    await pause(RIPEN_PAUSE_MS);
  }
}

ripen().catch(() => { /* the engine works without it, only younger */ });
