// tools/serve.mjs, the demo's static server: media types (wasm streaming needs
// application/wasm), index pages, and no way out of the served folder.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { serve } from '../../tools/serve.mjs';
import { WWW } from './helpers/paths.mjs';

function get(port, path) {
  return new Promise((resolve, reject) => {
    // a raw path, so "../" reaches the server exactly as sent
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('tools/serve.mjs', () => {
  let server;
  let port;
  before(async () => {
    server = await serve(WWW, 0);
    ({ port } = server.address());
  });
  after(() => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }));

  it('binds to 127.0.0.1 only', () => {
    assert.equal(server.address().address, '127.0.0.1');
  });

  it('serves index.html for the folder', async () => {
    assert.deepEqual(await get(port, '/'), { status: 200, type: 'text/html; charset=utf-8' });
  });

  it('sends application/wasm for the engine, so browsers compile it while it downloads', async () => {
    assert.equal((await get(port, '/engine/lectern_bg.wasm')).type, 'application/wasm');
  });

  it('sends JavaScript, JSON and CSS with their media types', async () => {
    assert.match((await get(port, '/demo.js')).type, /^text\/javascript/);
    assert.match((await get(port, '/reader/reader.css')).type, /^text\/css/);
    assert.match((await get(port, '/_locales/en/messages.json')).type, /^application\/json/);
  });

  it('never serves files outside the folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/samples/../../package.json', '/%2e%2e%2f%2e%2e%2fetc/passwd']) {
      assert.ok([403, 404].includes((await get(port, path)).status), path);
    }
  });

  it('answers 404 for missing files', async () => {
    assert.equal((await get(port, '/no-such-file.html')).status, 404);
  });
});
