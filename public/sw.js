// Service worker of the e-ID campaign companion (template: scripts/build-sw.mjs
// fills in VERSION and ASSETS, the exact list of files of the build).
//
// - install: caches every file of this version (app shell, both wasm, campaign
//   files, route pages) in its own cache; it does not take over by itself.
// - activate: removes the caches of older versions.
// - fetch: answers same-origin GETs from the cache (pages by path, falling back
//   to the app shell), so every page and deep link opens offline after one visit.
// - a new version waits until the page asks it to take over ("skip-waiting"),
//   which the app does only when the user agrees to reload.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const PREFIX = 'vneid-campaign-';
const CACHE = PREFIX + VERSION;
const scope = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(ASSETS.map((path) => new URL(path, scope).href))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  if (event.data === 'version' && event.source) event.source.postMessage({ version: VERSION });
});

/** The cached page for a navigation: the exact file, the folder's index.html, or the app shell. */
async function pageFor(url) {
  const cache = await caches.open(CACHE);
  const path = url.pathname;
  const candidates = [path, path.endsWith('/') ? path + 'index.html' : path + '/index.html'];
  const inStaff = path.startsWith(scope.pathname + 'staff');
  candidates.push(scope.pathname + (inStaff ? 'staff/index.html' : 'index.html'));
  for (const candidate of candidates) {
    const hit = await cache.match(new URL(candidate, scope.origin).href);
    if (hit) return hit;
  }
  return undefined;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(pageFor(url).then((hit) => hit ?? fetch(request)));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(url.href, { ignoreSearch: true })).then((hit) => hit ?? fetch(request)),
  );
});
