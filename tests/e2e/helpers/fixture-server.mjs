// Serves the test fixtures on 127.0.0.1, and generated pages (`pages`: path -> HTML, looked up
// at each request, so pages may be added after the server has started). Anything under
// /strict/ is the same file or page sent with `Content-Security-Policy: default-src 'none'`.
// Every request is recorded in `hits` (path with query, Referer, Sec-Fetch-Dest), so a test can
// tell what the browser asked for and what it told the server.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { FIXTURES } from './paths.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.wasm': 'application/wasm', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml' };

export async function startFixtureServer(dir = FIXTURES, { pages = {} } = {}) {
  const sockets = new Set();
  const hits = [];
  const server = createServer(async (req, res) => {
    hits.push({ path: req.url, referer: req.headers.referer ?? null, dest: req.headers['sec-fetch-dest'] ?? null });
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const strict = path.startsWith('/strict/');
    if (strict) path = path.slice('/strict'.length);
    if (Object.hasOwn(pages, path)) {
      const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
      if (strict) headers['content-security-policy'] = "default-src 'none'";
      res.writeHead(200, headers).end(pages[path]);
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (strict) headers['content-security-policy'] = "default-src 'none'";
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}
