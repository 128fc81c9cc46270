// The main-thread side of the engine Worker: one promise per request.

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
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      const error = new Error(event.message || 'The engine could not start.');
      for (const request of pending.values()) request.reject(error);
      pending.clear();
      worker?.terminate();
      worker = null; // a later request starts a fresh worker
    };
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
