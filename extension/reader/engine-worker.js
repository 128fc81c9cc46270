// Runs the wasm engine off the main thread so a large page never freezes the reader.
import init, { extract, isProbablyReaderable } from '../engine/lectern.js';
import { isTrap } from './engine-client.js';

const ready = init({ module_or_path: new URL('../engine/lectern_bg.wasm', import.meta.url) });

self.onmessage = async (event) => {
  const { id, op, html, url, options } = event.data ?? {};
  try {
    await ready;
    const started = performance.now();
    const result = op === 'readerable'
      ? isProbablyReaderable(html)
      : extract(html, url || null, options ?? undefined);
    self.postMessage({ id, ok: true, result, ms: performance.now() - started });
  } catch (error) {
    // After a trap the client replaces this worker.
    self.postMessage({ id, ok: false, error: String(error?.message ?? error), trapped: isTrap(error) });
  }
};
