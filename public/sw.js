// Service worker of the e-ID campaign companion (template: scripts/build-sw.mjs
// fills in VERSION, SHELL and GROUPS for each build).
//
// After one visit, the pages of the campaign and language the citizen reads (and the
// islands' wasm) open offline; other campaigns' and languages' pages are cached when
// visited, never downloaded up front.
//
// - install: caches SHELL (CSS, icons, manifest), all or nothing. Unhashed files
//   are fetched with `cache: 'reload'` so a fresh install never stores an old copy from the
//   HTTP cache; content-hashed ones come from the HTTP cache when the page has just loaded
//   them (they cannot be stale), so a weak connection does not download the wasm twice.
//   It does not take over by itself.
// - message {type: 'cache-group', group}: the page (its islands) asks, once the worker is
//   active, for the main pages of its group (campaign + language: "", "en/", "c/<id>/",
//   "en/c/<id>/") and ISLANDS, the islands' two builds (the core one and the one with every
//   island); each file is cached on its own, so one that fails on a weak connection is
//   tried again at the next visit and stops nothing else. The worker answers
//   {type: 'group-cached', group, ok, pages, fetched, failed} (`fetched` and `failed` count
//   pages and island files).
// - fetch: same-origin GETs are answered from the cache first. Pages fetched from the
//   network are kept (a page visited once opens offline); so are files under assets/,
//   pkg/, icons/, campaigns/, qr/, handout/ and staff/ (staff mode works offline after it
//   was opened once; its wasm is never precached on citizens' phones).
// - activate: removes the caches of older versions (a new version caches pages again as
//   they are visited).
// - a new version waits until the page asks it to take over ("skip-waiting"), which the
//   app does only when the user agrees to reload.
const VERSION = '__VERSION__';
/** Files every citizen page needs, relative to the scope. */
const SHELL = __SHELL__;
/** The islands' JS and wasm (both builds), cached with a group's pages. */
const ISLANDS = __ISLANDS__;
/** Group (path prefix of a campaign and language) → its main pages, as folder addresses ("./en/guide/"). */
const GROUPS = __GROUPS__;
const PREFIX = 'vneid-campaign-';
const CACHE = PREFIX + VERSION;
const scope = new URL(self.registration.scope);
/** Folders whose files are kept when fetched from the network. */
const RUNTIME = ['assets/', 'pkg/', 'icons/', 'campaigns/', 'qr/', 'handout/', 'staff/'];
const MATCH = { ignoreVary: true };

/** A request for a file of this build that bypasses the HTTP cache. */
// Content-hashed files (`name-<16 hex>.ext`) cannot be stale, so the copy the page has just
// loaded is taken from the HTTP cache instead of being downloaded a second time; every other
// file is fetched anew (`reload`).
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
const fresh = (path) =>
  new Request(new URL(path, scope).href, { cache: HASHED.test(path) ? 'default' : 'reload', credentials: 'same-origin' });

/** A response that can answer a navigation (a followed redirect cannot). */
function servable(response) {
  if (!response.redirected) return response;
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL.map(fresh))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/**
 * Caches the main pages of a group that are not cached yet (so repeated visits fetch nothing).
 * Resolves to the answer for the page: {type: 'group-cached', group, ok, pages, fetched, failed}.
 */
async function cacheGroup(group) {
  if (typeof group !== 'string' || !Object.prototype.hasOwnProperty.call(GROUPS, group)) {
    return { type: 'group-cached', group, ok: false, pages: 0, fetched: 0, failed: [], error: 'unknown group' };
  }
  const cache = await caches.open(CACHE);
  const pages = GROUPS[group];
  let fetched = 0;
  const failed = [];
  await Promise.all([...pages, ...ISLANDS].map(async (path) => {
    const request = fresh(path);
    try {
      if (await cache.match(request.url, MATCH)) return;
      const response = await fetch(request);
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      await cache.put(request.url, servable(response));
      fetched += 1;
    } catch {
      failed.push(path);
    }
  }));
  return { type: 'group-cached', group, ok: failed.length === 0, pages: pages.length, fetched, failed };
}

self.addEventListener('message', (event) => {
  const data = event.data;
  const type = typeof data === 'string' ? data : data && data.type;
  if (type === 'skip-waiting') self.skipWaiting();
  if (type === 'version' && event.source) event.source.postMessage({ version: VERSION });
  if (type === 'cache-group') {
    event.waitUntil(cacheGroup(data.group).then((answer) => {
      if (event.source) event.source.postMessage(answer);
    }));
  }
});

/** The address a page or file is kept under: without its query. */
const keyOf = (url) => url.origin + url.pathname;

/**
 * The cached page for a path: the exact address, then the same folder written otherwise
 * ("guide/", "guide/index.html", "guide"), as pages are kept under the address they were
 * requested by.
 */
async function cachedPage(cache, path) {
  let folder = path;
  if (folder.endsWith('/index.html')) folder = folder.slice(0, -'index.html'.length);
  else if (!folder.endsWith('/')) folder = `${folder}/`;
  const candidates = new Set([path, folder, `${folder}index.html`]);
  if (folder !== scope.pathname) candidates.add(folder.slice(0, -1));
  for (const candidate of candidates) {
    const hit = await cache.match(new URL(candidate, scope.origin).href, MATCH);
    if (hit) return hit;
  }
  return undefined;
}

/** The group ("", "en/", "c/<id>/", "en/c/<id>/") a path under the scope belongs to. */
function groupOf(path) {
  const group = path.slice(scope.pathname.length).match(/^(en\/)?(c\/[^/]+\/)?/)[0];
  return Object.prototype.hasOwnProperty.call(GROUPS, group) ? group : '';
}

/** A page saying this one was not saved for offline use (Vietnamese first, English second). */
function offlinePage(url) {
  const home = new URL(groupOf(url.pathname), scope).href.replace(/"/g, '%22');
  const html = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
    + '<meta name="viewport" content="width=device-width, initial-scale=1">'
    + '<title>Không có mạng – Offline</title></head><body><main>'
    + '<h1>Không có mạng</h1><p>Trang này chưa được lưu để xem khi không có mạng. '
    + `Hãy thử lại khi có mạng, hoặc <a href="${home}">về trang chủ</a>.</p>`
    + '<h2 lang="en">Offline</h2><p lang="en">This page has not been saved for offline use. '
    + `Try again when you are online, or <a href="${home}">go to the home page</a>.</p>`
    + '</main></body></html>';
  return new Response(html, {
    status: 503,
    statusText: 'Offline',
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'" },
  });
}

/** Navigations: the cached page, else the network (kept), else the cached 404.html, else the offline page. */
async function navigate(event, url) {
  const cache = await caches.open(CACHE);
  const hit = await cachedPage(cache, url.pathname);
  if (hit) return hit;
  let response;
  try {
    // Revalidated with the server; redirects are left to the browser (a navigation may not
    // be answered with a response that followed one).
    response = await fetch(new Request(url.href, { cache: 'no-cache', credentials: 'same-origin', redirect: 'manual' }));
  } catch {
    return (await cache.match(new URL('404.html', scope).href, MATCH)) ?? offlinePage(url);
  }
  if (response.status === 200 && response.type === 'basic') event.waitUntil(cache.put(keyOf(url), response.clone()));
  return response;
}

/** Other files: the cache (query ignored), else the network, kept if it is a file of the app's folders. */
async function file(event, request, url) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(url.href, { ignoreSearch: true, ignoreVary: true });
  if (hit) return hit;
  const path = url.pathname.slice(scope.pathname.length);
  if (!RUNTIME.some((folder) => path.startsWith(folder))) return fetch(request);
  const response = await fetch(new Request(request, { cache: 'no-cache' }));
  if (response.status === 200 && response.type === 'basic') event.waitUntil(cache.put(keyOf(url), response.clone()));
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (url.pathname === `${scope.pathname}sw.js`) return;
  if (request.mode === 'navigate') event.respondWith(navigate(event, url));
  else event.respondWith(file(event, request, url));
});
