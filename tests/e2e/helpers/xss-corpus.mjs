// The XSS corpus (tests/xss/vectors.json) as article pages for the end-to-end tests, and the
// server that plays the attacker's host.
//
// Each vector is "armed" for the browser: `alert(1)` becomes a payload that leaves three
// traces if it ever runs (a global flag, a console message, a request to the planted server),
// `https://planted.invalid/` points at the planted server (so any load of it is recorded), and
// `https://ok.test/` at the fixture server (so the article's harmless images really load).
// Vectors are batched, each between two paragraphs of its own ("Note 017a" before vector 17,
// "Note 017b" after it), so the test can check that the reader shows each vector's
// neighbourhood, not an empty or unrelated page.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

export const VECTORS = JSON.parse(readFileSync(join(ROOT, 'tests', 'xss', 'vectors.json'), 'utf8'));

/** The flag a payload sets (in whatever window it runs) and the console marker it prints. */
export const FLAG = '__lecternPwned';
export const MARKER = 'lectern-pwned';

/**
 * The JavaScript a vector runs instead of alert(1). No spaces, quotes, `<`, `>`, `#` or `%`, so
 * it stays the same token wherever the vector puts it: unquoted and quoted attributes,
 * javascript: and data: URLs, script text.
 */
export function payload(id, plantedOrigin) {
  return `(self.${FLAG}=${id},console.log(\`${MARKER}-${id}\`),fetch(\`${plantedOrigin}/ran/${id}\`))`;
}

export function armVector(vector, id, { plantedOrigin, fixtureOrigin }) {
  return vector
    .replace(/alert\((?:1|'XSS')\)/g, payload(id, plantedOrigin))
    .replaceAll('https://planted.invalid/', `${plantedOrigin}/planted/`)
    .replaceAll('https://ok.test/a.png', `${fixtureOrigin}/figure.png`)
    .replaceAll('https://ok.test/', `${fixtureOrigin}/`);
}

const PROSE = [
  'The committee met again on Tuesday, and the minutes, read aloud by the secretary, ran to several pages of careful detail.',
  'Nobody in the village remembered a winter as long as this one, although the older farmers said their parents had spoken of it.',
  'The bridge was finished a year late and well over budget, yet the people who cross it every morning seem to have forgiven that.',
  'In the archive, the letters were sorted by year, then by sender, and finally by the colour of the ink, which surprised the historians.',
  'Rain kept the crowd small, but those who came stayed until the last song, singing along, clapping, and refusing to go home.',
  'The recipe calls for patience more than skill: the dough rests overnight, the oven must be hot, and the bread cools before it is cut.',
  'Engineers measured the tower twice, once in summer and once in winter, and found that it leans a little more when the ground is dry.',
  'The library opened its doors at nine, and by ten every reading table was taken by students, pensioners, and a few curious tourists.',
];

export const noteId = (id) => String(id).padStart(3, '0');
export const before = (id) => `Note ${noteId(id)}a`;
export const after = (id) => `Note ${noteId(id)}b`;

/**
 * End tags that close whatever a vector leaves open (a `<style>` that would swallow the rest of
 * the page as text, a `<table>`, `<svg>` or `<math>` that the next notes would fall into), so
 * that one vector does not hide the notes and vectors after it. They come after the vector's
 * own markup and leave its parse unchanged. What they cannot close is in PAGE_ENDERS.
 */
export const CLOSERS = '</style></textarea></title></xmp></noembed></noframes></noscript></iframe></script></select></template></table></svg></svg></math></math></form>';

/** An article page holding the given vectors (already armed), each between its two notes. */
export function batchPage(title, entries) {
  const prose = (id, k) => `${PROSE[(id * 2 + k) % PROSE.length]} ${PROSE[(id * 2 + k + 3) % PROSE.length]}`;
  const body = entries.map(({ id, html }) =>
    `<p>${before(id)}: ${prose(id, 0)}</p>\n${html}${CLOSERS}\n<p>${after(id)}: ${prose(id, 1)}</p>\n`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} – The Hostile Markup Gazette</title>
<meta property="og:site_name" content="The Hostile Markup Gazette">
</head>
<body>
<header class="site-header"><p class="site-title"><a href="/">The Hostile Markup Gazette</a></p>
<nav class="main-navigation"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/about">About</a></li></ul></nav></header>
<main>
<article class="post">
<h1 class="entry-title">${title}</h1>
<div class="entry-content">
<p>These notes were written by a reporter who spent a week reading the strangest pages on the web. Each note stands next to a piece of markup that the page's author hoped would run in the reader.</p>
${body}<p>That is the end of the notes: everything above was ordinary prose, and everything between the notes was markup that must never run.</p>
</div>
</article>
</main>
<footer class="site-footer"><p>Recent News</p><ul><li><a href="/a">Another story</a></li><li><a href="/b">Yet another story</a></li></ul><p>© The Hostile Markup Gazette</p></footer>
</body>
</html>
`;
}

/**
 * Vectors after which nothing else survives, so each goes last in its batch and only its
 * "before" note is checked. 119, 124, 125 leave open what no end tag can close (a `<form>`
 * whose element pointer the parser has reset; HTML content inside `<mtext>` or an SVG
 * `<title>`, where an end tag for the outer element stops); 175 is `<plaintext>`. 118 is
 * harmless in the page, but the page's DOM, serialised for the snapshot, parses back into
 * something else (the mutation it is about), and that swallows what follows.
 */
export const PAGE_ENDERS = [118, 119, 124, 125, 175];

/** The corpus in batches of at most about `size` vectors: [{ path, title, ids }], and the pages. */
export function corpusPages({ plantedOrigin, fixtureOrigin, size = 30 }) {
  const others = VECTORS.map((_, id) => id).filter((id) => !PAGE_ENDERS.includes(id));
  const count = Math.max(PAGE_ENDERS.length, Math.ceil(VECTORS.length / size));
  const per = Math.ceil(others.length / count);
  const batches = [];
  const pages = {};
  for (let b = 0; b < count; b++) {
    const ids = others.slice(b * per, (b + 1) * per);
    if (b < PAGE_ENDERS.length) ids.push(PAGE_ENDERS[b]);
    const title = `Notes on hostile markup, part ${b + 1} of ${count}`;
    const path = `/xss/batch-${b + 1}.html`;
    pages[path] = batchPage(title, ids.map((id) => ({ id, html: armVector(VECTORS[id], id, { plantedOrigin, fixtureOrigin }) })));
    batches.push({ path, title, ids });
  }
  return { batches, pages };
}

/**
 * The attacker's host: records every request (path, Sec-Fetch-Dest) and answers with something
 * that would run the payload if it were ever used as a script, a document or a stylesheet.
 */
export async function startPlantedServer() {
  const hits = [];
  const sockets = new Set();
  let origin;
  const server = createServer((req, res) => {
    const dest = req.headers['sec-fetch-dest'] ?? '(none)';
    hits.push({ path: req.url, dest, at: Date.now() });
    const id = `'planted ${dest}'`;
    const js = `self.${FLAG}=${id};console.log(${JSON.stringify(`${MARKER}-planted-${dest}`)});`;
    const headers = { 'cache-control': 'no-store', 'access-control-allow-origin': '*' };
    if (dest === 'script' || dest === 'worker' || /\.js$/.test(req.url)) {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(js);
    } else if (dest === 'style' || /\.css$/.test(req.url)) {
      res.writeHead(200, { ...headers, 'content-type': 'text/css' }).end(`body{background:url(${origin}/planted/from-css)}`);
    } else {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(`<!DOCTYPE html><script>${js}</script>`);
    }
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    hits,
    /** Hits since `mark` (a count from hits.length). */
    since: (mark) => hits.slice(mark),
    close: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}
