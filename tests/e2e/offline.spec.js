// Offline and updates: the service worker precaches the shell, each page asks it to
// keep the main pages of its campaign and language and the islands' builds, every page visited opens with the
// network off, an unsaved page says so, and a new version waits for the user's
// agreement while the offline copy keeps working.
import { readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { test, expect, ROUTES, at } from './app.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// The build under test, as in playwright.config.js.
const dist = resolve(root, process.env.E2E_DIST ?? 'dist');

/** Waits until a service worker controls the page (the first visit installs it). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

/** Waits until the worker's cache holds these pages (addresses relative to `base`). */
async function cached(page, base, paths) {
  await expect.poll(async () => page.evaluate(async ({ base, paths }) => {
    const missing = [];
    for (const path of paths) {
      if (!(await caches.match(new URL(path, base).href, { ignoreVary: true }))) missing.push(path);
    }
    return missing;
  }, { base, paths }), { timeout: 20_000, message: 'pages kept for offline use' }).toEqual([]);
}

test('after one visit the pages of the campaign and language read open offline, with their islands', async ({ app, page, context, baseURL }) => {
  test.setTimeout(120_000);
  await app.open('');
  await controlled(page);
  // The home page asked the worker to keep its group: the main pages of this campaign in Vietnamese,
  // and the islands' two builds (the home page loaded the core one; the offices page needs the other).
  const islandFiles = readdirSync(resolve(dist, 'pkg')).map((file) => `pkg/${file}`);
  expect(islandFiles.filter((f) => f.endsWith('.wasm'))).toHaveLength(2);
  await cached(page, baseURL, [...ROUTES.map((r) => r.path || './'), ...islandFiles]);
  await context.setOffline(true);
  for (const route of ROUTES) {
    await page.goto(route.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.vi);
  }
  // The islands run offline too, in both builds.
  await page.clock.setFixedTime(new Date('2023-06-24T12:30:00Z'));
  await page.goto('offices/');
  await expect(page.getByLabel(/Tìm theo tên hoặc địa chỉ/)).toBeVisible();
  await expect(page.locator('#office-ward-police [data-live="office"]')).toHaveText('Đang mở cửa, đến 21:00');
  await page.goto('guide/');
  await expect(page.getByRole('button', { name: 'Mở tất cả các bước' })).toBeVisible();
  // A folder written without its slash opens the same saved page.
  await page.goto('guide');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ROUTES[2].vi);
});

test('any page visited once opens offline: answers, other campaigns and languages, staff mode, the handout', async ({ app, page, context, baseURL }) => {
  test.setTimeout(120_000);
  await app.open('');
  await controlled(page);
  // Visited online: a result, another campaign's page (its group is then kept too), an English page, staff mode, the handout.
  // Each page asks the worker to keep its group once the worker is ready, which can come after
  // the islands started: the test stays until the group is kept, as a reader would for a moment.
  await app.open('en/help/');
  await app.islandsStarted();
  await cached(page, baseURL, ROUTES.map((r) => at(r.path, 'en') || './en/'));
  await app.open('c/tv-duyen-hai-2023/offices/');
  await app.islandsStarted();
  await cached(page, baseURL, ROUTES.map((r) => at(r.path, 'vi', 'tv-duyen-hai-2023')));
  await app.open('check/14plus/have/2/');
  await app.islandsStarted();
  await page.goto('staff/?v=dashboard');
  await expect(page.locator('main h2').first()).toBeVisible();
  await page.goto('handout/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await context.setOffline(true);
  await page.goto('en/guide/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ROUTES[2].en);
  await page.goto('check/14plus/have/2/');
  await expect(page.locator('[data-case]')).toBeVisible();
  await expect(page.locator('#where article')).toHaveCount(3);
  await page.goto('c/tv-duyen-hai-2023/offices/');
  await expect(page.getByRole('main')).toContainText('Duyên Hải');
  await page.goto('c/tv-duyen-hai-2023/guide/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ROUTES[2].vi);
  await page.goto('staff/?v=dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Chế độ cán bộ');
  await expect(page.locator('main h2').first()).toBeVisible();
  await page.goto('handout/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a page never saved says so offline, with a way to the home page of its campaign and language', async ({ app, page, context, baseURL }) => {
  await app.open('');
  await controlled(page);
  await cached(page, baseURL, ['./', 'guide/']);
  await context.setOffline(true);
  // Another campaign in English, never visited.
  const response = await page.goto('en/c/hn-awareness-2022/offices/');
  expect(response.status()).toBe(503);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có mạng');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Offline');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  const home = page.getByRole('link', { name: 'go to the home page' });
  await expect(home).toHaveAttribute('href', `${baseURL}en/c/hn-awareness-2022/`);
  // A result never visited: the home page of the default campaign, which is saved.
  const result = await page.goto('check/6to14/none/');
  expect(result.status()).toBe(503);
  await page.getByRole('link', { name: 'về trang chủ' }).click();
  await expect(page).toHaveURL(baseURL);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ROUTES[0].vi);
});

test('the worker keeps a group on request and answers when it is done; it fetches nothing twice', async ({ app, page }) => {
  await app.open('');
  await controlled(page);
  const ask = (group) => page.evaluate((group) => new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('message', function answer(event) {
      if (event.data?.type === 'group-cached' && event.data.group === group) {
        navigator.serviceWorker.removeEventListener('message', answer);
        resolve(event.data);
      }
    });
    navigator.serviceWorker.controller.postMessage({ type: 'cache-group', group });
  }), group);
  const first = await ask('en/c/dn-tam-thuan-2024/');
  expect(first).toMatchObject({ type: 'group-cached', group: 'en/c/dn-tam-thuan-2024/', ok: true, pages: 6, failed: [] });
  const again = await ask('en/c/dn-tam-thuan-2024/');
  expect(again).toMatchObject({ ok: true, pages: 6, fetched: 0, failed: [] });
  expect(await ask('no-such-group/')).toMatchObject({ ok: false, pages: 0 });
  // Staff mode is never kept before it is opened.
  expect(await page.evaluate(async () => (await caches.keys()).length)).toBe(1);
  const kept = await page.evaluate(async () => {
    const cache = await caches.open((await caches.keys())[0]);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(kept.filter((p) => p.includes('/staff/'))).toEqual([]);
  expect(kept).toContain('/vneid-campaign/en/c/dn-tam-thuan-2024/offices/');
});

test('a new build is announced, applied only on request, and the old copy works offline meanwhile', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  // Serve a copy of the build, so that the test can publish a "new version" of it.
  const site = await mkdtemp(join(tmpdir(), 'vneid-sw-'));
  await cp(dist, site, { recursive: true });
  const port = 4300 + testInfo.workerIndex;
  const server = spawn('node', ['scripts/serve.mjs', '--dir', site, '--base', '/vneid-campaign/', '--port', String(port)], { cwd: root, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/vneid-campaign/`;
  const context = await browser.newContext();
  try {
    // The server starts within seconds, longer on a loaded machine.
    for (const end = Date.now() + 30_000; Date.now() < end; await sleep(200)) {
      try { if ((await fetch(url)).ok) break; } catch { /* not listening yet */ }
    }
    const page = await context.newPage();
    await page.goto(url);
    await controlled(page);
    await cached(page, url, ['./', 'guide/']);
    const first = await page.evaluate(() => caches.keys());

    // Publish a new build: a different worker version.
    const sw = await readFile(join(site, 'sw.js'), 'utf8');
    await writeFile(join(site, 'sw.js'), sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
    await page.reload();
    const banner = page.locator('[data-update="ready"]');
    // The reload starts the islands, which find the new worker once it has installed.
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toContainText('phiên bản mới');

    // Not applied yet: the old version still serves every page, offline too.
    await context.setOffline(true);
    await page.goto(`${url}guide/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Các bước đăng ký tài khoản định danh điện tử');
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining(first));
    await context.setOffline(false);

    // The user agrees: the new version takes over, the page reloads, old caches go.
    await Promise.all([page.waitForEvent('load'), page.locator('[data-update="ready"] button').click()]);
    const cacheNames = () => page.evaluate(() => caches.keys()).catch(() => []);
    await expect.poll(cacheNames, { timeout: 10_000 }).toEqual([expect.stringMatching(/-next$/)]);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('[data-update="ready"]')).toBeHidden();
  } finally {
    await context.close();
    server.kill();
    await rm(site, { recursive: true, force: true });
  }
});

test('the app is installable: a manifest with relative start URL and scope, and icons that load', async ({ app, page, baseURL }) => {
  await app.open('');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href, baseURL).href;
  const manifest = await (await page.request.get(manifestUrl)).json();
  expect(manifest).toMatchObject({ short_name: 'Hướng dẫn ĐDĐT', start_url: './', scope: './', display: 'standalone', theme_color: '#9b1c1c' });
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(baseURL);
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, manifestUrl).href);
    expect(response.ok(), icon.src).toBe(true);
    expect(await response.text()).toContain('<svg');
  }
});
