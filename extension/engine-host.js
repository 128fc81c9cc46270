// The background's engine: one long-lived wasm instance, so an open after the first finds the
// engine compiled and warm. A fresh instance is several times slower on its first pages (the
// browser compiles wasm functions lazily and optimises the hot ones only after they ran), and a
// reader page that started its own engine on every open paid that each time (issue 4: the warm
// open of a 1 MB page went from ~310 ms to well under half of that with this).
//
// Where it runs, so that neither the tab nor the reader ever waits on it:
// - Chromium: the background is a service worker, a thread of its own (service workers cannot
//   start dedicated workers), so the engine runs right there.
// - Firefox: the background is an event page on the extension process's main thread, which the
//   reader page shares; the engine runs in a dedicated Worker started from it.
// Either way it lives as long as the background does (Chromium stops an idle service worker
// after about 30 s, Firefox suspends an idle event page), which also gives its memory back:
// wasm memory only grows while an instance lives. Which pages it takes: Limits.BACKGROUND_MAX_CHARS
// in shared/protocol.js.

import init, { extract, isProbablyReaderable } from './engine/lectern.js';
import { createEngine, isTrap } from './reader/engine-client.js';

const WASM_URL = new URL('./engine/lectern_bg.wasm', import.meta.url);

function inThreadEngine() {
  let ready = null;
  let trapped = false;
  const start = () => (ready ??= init({ module_or_path: WASM_URL }));
  const run = async (call) => {
    await start();
    const started = performance.now();
    try {
      const result = call();
      return { result, ms: performance.now() - started };
    } catch (error) {
      trapped ||= isTrap(error);
      throw error;
    }
  };
  return {
    /**
     * False once a call trapped: the instance may be left half-way through a change, and one
     * service worker cannot load the module again, so pages go to the reader's own engine
     * until Chromium restarts the background.
     */
    get usable() { return !trapped; },
    extract: (html, url, options) => run(() => extract(html, url || null, options ?? undefined)),
    isProbablyReaderable: (html) => run(() => isProbablyReaderable(html)).then((r) => r.result),
    /** Starts compiling the wasm, so an open does not wait for it (a failure shows on use). */
    warmUp() { start().catch(() => {}); },
  };
}

let engine = null;

/**
 * The background's one engine (reader/engine-client.js's interface; a Worker engine replaces
 * its worker after a trap by itself, so it stays `usable`).
 */
export function backgroundEngine() {
  engine ??= typeof Worker === 'function'
    ? createEngine(new URL('./reader/engine-worker.js', import.meta.url))
    : inThreadEngine();
  return engine;
}
