// A generated news page for the whole-path benchmark (issue 4: "a small and a ~1 MB news page
// you generate"). Deterministic (seeded), so every run and every machine measures the same bytes.
//
// It is shaped like the big pages of the corpora rather than like a clean article: a head full of
// meta tags, JSON-LD, a style sheet and inline scripts (analytics, a large framework state blob:
// about two-fifths of the bytes, as on the corpora's pages), a header with a mega-menu and inline SVG
// icons, a share bar, the article (paragraphs, subheadings, figures with captions, a quote, a
// list), a "Most read" sidebar, promoted stories and recommendation grids, a comment section,
// a cookie banner and a long footer. `bytes` sets the target size: the boilerplate scales with it
// while the article stays a long read of the same length.
//
//   node benches/news-page.mjs [BYTES] > page.html

import { pathToFileURL } from 'node:url';

const WORDS = ('the of and to in a is that for it as was with be by on not he this are or his from at which but ' +
  'have an they you were her she there one all we their has been would when who will more no if out so said ' +
  'what up its about into than them can only other new some could time these two may then do first any my now ' +
  'such like our over man me even most made after also did many before must through back years where much your ' +
  'way well down should because each just those people how too little state good very make world still own see ' +
  'men work long get here between both life being under never day same another know while last might us great ' +
  'old year off come since against go came right used take three council harbour river minister election budget ' +
  'village school hospital report market winter festival research scientists engineers museum railway bridge ' +
  'water energy village committee farmers teachers library weather coast island mountain storm season families').split(' ');

/** A small seeded generator (mulberry32): the same seed gives the same numbers. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds the page; returns the HTML string, at least `bytes` long (within a few KB). */
export function newsPage(bytes = 1_000_000, seed = 7) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = () => {
    const s = words(8 + Math.floor(random() * 14));
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const sentences = (n) => Array.from({ length: n }, sentence).join(' ');
  const title = (n = 7) => { const t = words(n); return t[0].toUpperCase() + t.slice(1); };
  const icon = () => `<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M${Array.from({ length: 24 }, () => (random() * 24).toFixed(2)).join(' L')} Z"/></svg>`;
  const slug = () => words(4).replace(/ /g, '-');

  // The article: the same long read whatever the page size.
  const story = [];
  for (let i = 0; i < 36; i++) {
    if (i > 0 && i % 9 === 0) story.push(`<h2>${title(5)}</h2>`);
    if (i === 5 || i === 20) {
      story.push(`<figure class="article-figure"><img src="/img/${slug()}.jpg" width="1200" height="800" alt="${words(6)}" loading="lazy">` +
        `<figcaption>${sentence()} <span class="credit">Photo: ${title(2)}</span></figcaption></figure>`);
    }
    if (i === 14) story.push(`<blockquote><p>${sentences(2)}</p></blockquote>`);
    if (i === 27) story.push(`<ul>${Array.from({ length: 5 }, () => `<li>${sentence()}</li>`).join('')}</ul>`);
    story.push(`<p>${sentences(3 + Math.floor(random() * 3))}</p>`);
  }
  const headline = title(9);
  const article = `<article class="story"><header class="story-header"><p class="kicker"><a href="/section/news">News</a></p>` +
    `<h1 class="headline">${headline}</h1><p class="standfirst">${sentences(2)}</p>` +
    `<p class="byline">By <a href="/authors/${slug()}" rel="author">${title(2)}</a> · <time datetime="2026-11-20T08:30:00Z">20 November 2026</time></p></header>` +
    `<div class="share-bar">${['Facebook', 'X', 'Email', 'Copy link'].map((s) => `<a class="share" href="/share?to=${s}">${icon()}<span>${s}</span></a>`).join('')}</div>` +
    `<div class="story-body">${story.join('\n')}</div>` +
    `<footer class="story-footer"><p class="tags">${Array.from({ length: 6 }, () => `<a href="/tag/${slug()}">${words(2)}</a>`).join(' ')}</p></footer></article>`;

  const teaser = () => `<li class="teaser"><a href="/news/${slug()}"><img src="/thumb/${slug()}.jpg" width="320" height="180" alt="">` +
    `<span class="teaser-title">${title(8)}</span></a><p class="teaser-summary">${sentence()}</p>${icon()}</li>`;
  const comment = () => `<li class="comment"><div class="comment-meta"><span class="comment-author">${title(2)}</span> <time>${1 + Math.floor(random() * 59)} minutes ago</time></div>` +
    `<p>${sentences(1 + Math.floor(random() * 3))}</p><button type="button" class="reply">Reply</button> <button type="button" class="like">${icon()} ${Math.floor(random() * 300)}</button></li>`;
  const menu = () => `<li class="menu-item"><a href="/${slug()}">${title(2)}</a><ul class="submenu">${Array.from({ length: 8 }, () => `<li><a href="/${slug()}">${title(2)}</a></li>`).join('')}</ul></li>`;
  // Framework markup: wrappers with utility classes and data attributes, an icon, a link.
  const widget = () => `<div class="flex flex-col gap-2 md:flex-row ${slug()}" data-component="${pick(WORDS)}-card" data-track='{"slot":${Math.floor(random() * 99)},"id":"${slug()}"}'>` +
    `<div class="relative w-full overflow-hidden rounded-lg"><a class="absolute inset-0 z-10" href="/video/${slug()}" aria-label="${title(4)}">${icon()}</a></div>` +
    `<div class="p-2 text-sm leading-tight text-gray-700"><span class="uppercase tracking-wide">${title(2)}</span></div></div>`;
  const scriptBlob = (n) => {
    const lines = [];
    for (let i = 0; i < n; i++) lines.push(`  window.__t${i}=function(a,b){var c=a&&a.${pick(WORDS)}||"${words(3)}";return b?c+"${pick(WORDS)}":c.split(" ").map(function(x){return x.charCodeAt(0)^${i}}).join(",")};`);
    return `<script>(function(){\n${lines.join('\n')}\n})();</script>`;
  };
  const state = (n) => `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({
    props: { pageProps: { items: Array.from({ length: n }, () => ({ id: Math.floor(random() * 1e9), title: title(8), url: `/news/${slug()}`, summary: sentence(), tags: [pick(WORDS), pick(WORDS)] })) } },
  })}</script>`;

  const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${headline} | The Daily Harbour</title>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="${sentence()}">` +
    `<meta property="og:title" content="${headline}"><meta property="og:site_name" content="The Daily Harbour"><meta property="og:type" content="article">` +
    `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline, datePublished: '2026-11-20T08:30:00Z', publisher: { '@type': 'Organization', name: 'The Daily Harbour' } })}</script>` +
    `<style>${Array.from({ length: 120 }, (_, i) => `.c${i}{margin:${i % 7}px ${i % 5}px;color:#${(i * 2654435761 % 0xffffff).toString(16).padStart(6, '0')};font:${12 + (i % 9)}px/1.4 sans-serif}`).join('\n')}</style>`;
  const banner = `<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience. ${sentence()}</p><button>Accept all</button><button>Settings</button></div>`;
  const header = `<header class="site-header"><a class="logo" href="/">${icon()} The Daily Harbour</a><nav class="mega-menu"><ul>`;
  const aside = `<aside class="sidebar"><section class="most-read"><h2>Most read</h2><ol>`;

  // Fixed part, then boilerplate grown until the page reaches the target size.
  const parts = { menu: [], mostRead: [], grid: [], comments: [], footer: [], scripts: [], widgets: [] };
  const fixed = () => head.length + banner.length + header.length + aside.length + article.length + 2000;
  let size = fixed();
  const grow = (key, html) => { parts[key].push(html); size += html.length; };
  for (let i = 0; i < 6; i++) grow('menu', menu());
  for (let i = 0; i < 5; i++) grow('mostRead', teaser());
  for (let i = 0; i < 4; i++) grow('grid', teaser());
  for (let i = 0; i < 3; i++) grow('comments', comment());
  for (let i = 0; i < 20; i++) grow('footer', `<li><a href="/${slug()}">${title(2)}</a></li>`);
  grow('scripts', scriptBlob(10));
  let round = 0;
  while (size < bytes) {
    // In the proportions of a large news page: a third script, the rest markup around the story.
    if (round % 3 === 0) grow('scripts', round % 6 === 0 ? state(25) : scriptBlob(25));
    grow('menu', menu());
    if (parts.grid.length < 28) for (let i = 0; i < 4; i++) grow('grid', teaser());
    if (parts.comments.length < 80) for (let i = 0; i < 4; i++) grow('comments', comment());
    grow('widgets', widget());
    for (let i = 0; i < 10; i++) grow('footer', `<li><a href="/${slug()}">${title(2)}</a></li>`);
    if (parts.mostRead.length < 10) grow('mostRead', teaser());
    round++;
  }
  return `${head}${parts.scripts.slice(0, 1).join('')}</head><body>${banner}${header}${parts.menu.join('')}</ul></nav></header>` +
    `<main class="layout"><div class="content">${article}` +
    `<section class="promoted"><h2>Promoted stories</h2><ul class="grid">${parts.grid.slice(0, 4).join('')}</ul></section>` +
    `<section class="comments"><h2>Comments (${parts.comments.length})</h2><form class="comment-form"><textarea name="c" aria-label="Your comment"></textarea><button>Post</button></form><ol>${parts.comments.join('')}</ol></section>` +
    `<section class="recommended"><h2>Read more</h2><ul class="grid">${parts.grid.slice(4).join('')}</ul></section></div>` +
    `${aside}${parts.mostRead.join('')}</ol></section><div class="ad" data-slot="sidebar-1">Advertisement</div><section class="video-rail"><h2>Watch</h2>${parts.widgets.join('')}</section></aside></main>` +
    `<footer class="site-footer"><ul>${parts.footer.join('')}</ul><p>© 2026 The Daily Harbour</p></footer>` +
    `${parts.scripts.slice(1).join('')}</body></html>`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(newsPage(Number(process.argv[2] ?? 1_000_000)));
}
