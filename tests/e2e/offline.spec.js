// Offline and updates: the service worker caches the exact build, every page
// and deep link opens with the network off, and a new version waits for the
// user's agreement while the offline copy keeps working.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { test, expect, ROUTES } from './app.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Waits until a service worker controls the page (the first visit installs it). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

test('after one visit every page, deep link, campaign and staff mode open offline', async ({ app, page, context }) => {
  await app.open('');
  await controlled(page);
  await context.setOffline(true);
  for (const route of ROUTES) {
    await page.goto(route.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.vi);
  }
  await page.goto('check?age=14plus&card=have&level=2');
  await expect(page.locator('[data-case]')).toBeVisible();
  await page.goto('offices?c=tv-duyen-hai-2023');
  await expect(page.locator('main')).toContainText('Duyên Hải');
  await page.goto('staff/?v=dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Chế độ cán bộ');
  await expect(page.locator('main h2').first()).toBeVisible();
  await page.goto('handout/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a new build is announced, applied only on request, and the old copy works offline meanwhile', async ({ browser }, testInfo) => {
  // Serve a copy of the build, so that the test can publish a "new version" of it.
  const site = await mkdtemp(join(tmpdir(), 'vneid-sw-'));
  await cp(join(root, 'dist'), site, { recursive: true });
  const port = 4300 + testInfo.workerIndex;
  const server = spawn('node', ['scripts/serve.mjs', '--dir', site, '--base', '/vneid-campaign/', '--port', String(port)], { cwd: root, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/vneid-campaign/`;
  const context = await browser.newContext();
  try {
    for (let i = 0; i < 50; i++) {
      try { if ((await fetch(url)).ok) break; } catch { await sleep(100); }
    }
    const page = await context.newPage();
    await page.goto(url);
    await controlled(page);
    const first = await page.evaluate(() => caches.keys());

    // Publish a new build: a different worker version.
    const sw = await readFile(join(site, 'sw.js'), 'utf8');
    await writeFile(join(site, 'sw.js'), sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
    await page.reload();
    const banner = page.locator('[data-update="ready"]');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('phiên bản mới');

    // Not applied yet: the old version still serves every page, offline too.
    await context.setOffline(true);
    await page.goto(`${url}guide`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Các bước đăng ký tài khoản định danh điện tử');
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining(first));
    await context.setOffline(false);

    // The user agrees: the new version takes over, the page reloads, old caches go.
    await Promise.all([page.waitForEvent('load'), page.locator('[data-update="ready"] button').click()]);
    const cacheNames = () => page.evaluate(() => caches.keys()).catch(() => []);
    await expect.poll(cacheNames, { timeout: 10_000 }).toEqual([expect.stringMatching(/-next$/)]);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('[data-update="ready"]')).toHaveCount(0);
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
