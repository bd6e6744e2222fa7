// Security gates: a strict Content-Security-Policy, no request to any other
// origin on any page, and nothing personal kept after a citizen's walk.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test, expect, ROUTES, at } from './app.js';

// This test provokes a violation on purpose, so it does without the fixture's console check.
test('the Content-Security-Policy is strict and enforced: an injected inline script does not run', async ({ page }) => {
  await page.goto('');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  expect(policy).not.toContain('unsafe-inline');
  // The one other origin is the sync server the deployment names, and only to connect to.
  const { sync } = JSON.parse(readFileSync(new URL('../fixtures/campaigns/deployment.json', import.meta.url), 'utf8'));
  expect(policy.match(/https?:\/\/[^\s;]+/g)).toEqual([new URL(sync.url).origin]);
  expect(policy).toContain(`connect-src 'self' ${new URL(sync.url).origin};`);
  const outcome = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve({ blocked: e.violatedDirective, ran: Boolean(window.__injected) }), { once: true });
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    setTimeout(() => resolve({ blocked: null, ran: Boolean(window.__injected) }), 2000);
  }));
  expect(outcome).toEqual({ blocked: expect.stringMatching(/^script-src/), ran: false });
  expect(await page.locator('[onclick], [onload], [onerror], [oninput], [onchange], [onsubmit]').count()).toBe(0);
});

test('every page carries the policy, and the islands’ start-up script is allowed by its hash and runs', async ({ app, page, request }) => {
  test.setTimeout(60_000);
  const pages = [...ROUTES.map((r) => r.path), ...ROUTES.map((r) => at(r.path, 'en')), 'check/14plus/have/2/', 'c/hn-awareness-2022/offices/', 'en/c/dn-tam-thuan-2024/check/6to14/none/', 'no-such-page'];
  for (const path of pages) {
    const html = await (await request.get(path)).text();
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
    expect(policy, `the policy of /${path}`).toBeTruthy();
    expect(policy).toContain("default-src 'self'");
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((code) => code.trim());
    expect(scripts.length, `inline scripts of /${path}`).toBe(1);
    const hash = createHash('sha256').update(scripts[0], 'utf8').digest('base64');
    expect(policy, `/${path}: the start-up script's hash`).toContain(`'sha256-${hash}'`);
  }
  // And in the browser, the islands start under that policy (a violation would be a console error).
  await app.open('guide/');
  await expect(page.getByRole('button', { name: 'Mở tất cả các bước' })).toBeVisible();
  await app.islandsStarted();
});

test('no page makes a request to another origin', async ({ app, page, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL).origin;
  // Every request of the page and of its service worker, by full address.
  const seen = new Set();
  page.context().on('request', (request) => seen.add(request.url()));
  const paths = [...ROUTES.map((r) => r.path), ...ROUTES.map((r) => at(r.path, 'en')), 'check/14plus/have/2/', 'c/dn-tam-thuan-2024/offices/?kiosk=1', 'handout/', 'handout/en.html',
    'staff/?v=entry', 'staff/?v=dashboard', 'staff/?v=report', 'staff/?v=data', 'staff/?v=settings', 'staff/?v=poster', 'nowhere'];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  expect(seen.size).toBeGreaterThan(paths.length);
  // Same origin, or data the page made itself (data: and blob: addresses).
  expect([...seen].filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url))).toEqual([]);
});

test('after a citizen walks through the questions, the device keeps nothing personal', async ({ app, page }) => {
  await app.open('check/');
  await page.getByRole('link', { name: 'Từ đủ 14 tuổi trở lên' }).click();
  await page.getByRole('link', { name: 'Đã có thẻ, còn dùng được' }).click();
  await page.getByRole('link', { name: /Mức 2/ }).first().click();
  await expect(page.locator('[data-case]')).toBeVisible();
  await app.islandsStarted();
  await app.step('install').locator('summary').click();
  await app.tick('install').check();
  const stored = await page.evaluate(async () => ({
    local: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
    session: Object.keys(sessionStorage),
    databases: (await indexedDB.databases()).map((d) => d.name),
    cookies: document.cookie,
  }));
  // Only the language and campaign choices and ticked steps may be kept: no name, number or phone.
  for (const key of Object.keys(stored.local)) expect(key).toMatch(/^vneid-campaign:(lang|campaign|ticks|kiosk|kiosk_idle)$/);
  expect(JSON.stringify(stored.local)).not.toMatch(/\d{9,}/);
  expect(stored.session).toEqual([]);
  expect(stored.databases).toEqual([]);
  expect(stored.cookies).toBe('');
});

// The build's policy step (scripts/csp.mjs) adds the origins the deployment names (its sync server),
// and only origins: run on a scratch page, no browser needed.
test('a deployment\'s sync server is the only origin added to connect-src, and a bad one stops the build', async () => {
  const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { spawnSync } = await import('node:child_process');
  const page = '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body></body></html>';
  const run = (origins) => {
    const dir = mkdtempSync(join(tmpdir(), 'csp-'));
    writeFileSync(join(dir, 'index.html'), page);
    const args = ['scripts/csp.mjs', dir];
    if (origins !== undefined) {
      writeFileSync(join(dir, 'origins.json'), JSON.stringify(origins));
      args.push(join(dir, 'origins.json'));
    }
    const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const policy = readFileSync(join(dir, 'index.html'), 'utf8').match(/Content-Security-Policy" content="([^"]*)"/)?.[1] ?? null;
    return { status: result.status, stderr: result.stderr, policy };
  };
  const without = run(undefined);
  expect(without.status).toBe(0);
  expect(without.policy).toContain("connect-src 'self';");
  expect(run([]).policy).toContain("connect-src 'self';");
  const withServer = run(['https://couch.example.org:6984']);
  expect(withServer.status).toBe(0);
  expect(withServer.policy).toContain("connect-src 'self' https://couch.example.org:6984;");
  expect(withServer.policy).toContain("default-src 'self';");
  for (const bad of ['https://couch.example.org; script-src *', 'https://couch.example.org/path', 'javascript:alert(1)', 42]) {
    const refused = run([bad]);
    expect(refused.status, String(bad)).not.toBe(0);
    expect(refused.stderr).toContain('is not an origin');
    expect(refused.policy, 'the page is left without a policy rather than with a wrong one').toBeNull();
  }
});
