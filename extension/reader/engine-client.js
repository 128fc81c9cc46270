// The main-thread side of the engine Worker: one promise per request.

/**
 * Whether an engine error means the wasm instance itself failed (a trap: a panic, which the
 * engine is built never to reach, or a stack overflow) rather than an error it returned: such
 * an instance may be left half-way through a change and is not used again.
 */
export function isTrap(error) {
  return error instanceof WebAssembly.RuntimeError || error instanceof RangeError || error?.name === 'InternalError';
}

export function createEngine(workerUrl = new URL('./engine-worker.js', import.meta.url)) {
  let worker = null;
  let nextId = 1;
  const pending = new Map();

  function start() {
    worker = new Worker(workerUrl, { type: 'module' });
    worker.onmessage = ({ data }) => {
      const request = pending.get(data?.id);
      if (!request) return;
      pending.delete(data.id);
      if (data.ok) request.resolve({ result: data.result ?? null, ms: data.ms });
      else request.reject(new Error(data.error || 'The engine failed.'));
      if (data.trapped) discardWorker(new Error('The engine stopped on an earlier page; please try again.'));
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      discardWorker(new Error(event.message || 'The engine could not start.'));
    };
  }

  // A worker that failed to start, or whose wasm instance trapped, is not used again: the next
  // request starts a fresh one (requests still pending in this one fail).
  function discardWorker(error) {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
    worker?.terminate();
    worker = null;
  }

  function call(message) {
    if (!worker) start();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  }

  return {
    usable: true,
    /** Resolves to { result, ms }; result is null when the page has no article. */
    extract(html, url, options) {
      return call({ op: 'extract', html, url: url || null, options });
    },
    isProbablyReaderable(html) {
      return call({ op: 'readerable', html }).then((r) => r.result);
    },
    warmUp() {
      if (!worker) start();
    },
    terminate() {
      worker?.terminate();
      worker = null;
    },
  };
}
