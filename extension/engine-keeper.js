// Chromium only: the offscreen document (engine-keeper.html) that keeps the engine's compiled
// code alive while the service worker sleeps (issue 23, the cold open).
//
// Chromium stops an idle service worker after 30 s, and with it, when no extension page is
// open, the extension's process: the next click started a process, compiled the wasm again and
// ran its first extraction on code V8 had not optimised yet (a cold open of the 1 MB bench page
// took 400-500 ms, ~250 of them the engine's young first call). V8 keeps one compiled module per
// process for the same wasm bytes, shared by every context that compiles them, optimised code
// included. So the engine loaded here, in a worker of this document (hence the offscreen reason
// WORKERS), keeps the process alive and hands the restarted service worker the engine as the
// last runs left it: compiled, its hot functions already optimised (the worker also runs it on a
// sample page first, so even the first open after the browser starts finds it so). The cost is
// the extension's process staying up, and the worker's small wasm memory: docs/benchmarks.md;
// so the keeper asks to be closed once no open has used the engine for a while.
import './shared/protocol.js';

const { EngineKeeper, Limits } = globalThis.lecternProtocol;
const api = globalThis.chrome;

let idleTimer = null;
function used() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    Promise.resolve(api.runtime.sendMessage({ type: EngineKeeper.IDLE })).catch(() => {});
  }, Limits.ENGINE_KEEPER_IDLE_MS);
}
api.runtime.onMessage.addListener((message, sender) => {
  if (sender.id === api.runtime.id && message?.type === EngineKeeper.USED) used();
  return false;
});
used();

const worker = new Worker(new URL('./engine-keeper-worker.js', import.meta.url), { type: 'module' });
worker.onerror = (event) => { event.preventDefault?.(); };
