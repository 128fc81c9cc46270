// Makes the demo work offline once it has been loaded: network first (so a fresh build is
// always picked up), the cache when the network is not there. Same-origin GET requests only.
const CACHE = 'lectern-demo-v3';
const CORE = [
  './', './index.html', './demo.js', './demo.css', './platform-demo.js', './favicon.png',
  './reader/reader.js', './reader/reader.css', './reader/engine-client.js', './reader/engine-worker.js', './reader/read-aloud.js',
  './engine/lectern.js', './engine/lectern_bg.wasm', './engine/lectern_speech.js', './engine/lectern_speech_bg.wasm',
  ...['en', 'de', 'fr', 'es', 'ar', 'ja'].map((language) => `./_locales/${language}/messages.json`),
  './samples/news.html', './samples/blog-code.html', './samples/rtl-arabic.html', './samples/no-article.html',
];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // One missing file must not stop the rest from being cached.
    await Promise.all(CORE.map((path) => cache.add(new URL(path, self.registration.scope)).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') cache.put(request, response.clone()).catch(() => {});
      return response;
    } catch (error) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw error;
    }
  })());
});
