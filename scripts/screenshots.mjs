// Takes screenshots of every route at phone (360×740) and desktop (1280×900)
// size, in Vietnamese and English, from the release build in dist/.
// Usage: node scripts/screenshots.mjs [out-dir] [base] [iso-time]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const out = process.argv[2] ?? 'screenshots';
const base = process.argv[3] ?? '/vneid-campaign/';
const fixedTime = process.argv[4] ?? '2023-06-24T12:30:00Z';
const port = 4180;
// Citizen pages are per language: English ones live under en/ (staff mode keeps the stored language).
const citizen = ['', 'check/', 'check/14plus/have/', 'check/14plus/have/2/', 'check/6to14/none/', 'guide/', 'documents/', 'offices/', 'help/',
  'c/dn-tam-thuan-2024/check/under6/none/', 'nowhere/'];
const staff = ['staff/?v=entry', 'staff/?v=dashboard', 'staff/?v=report', 'staff/?v=data', 'staff/?v=settings'];

/** Enters a few days of counts in staff mode so its pages show data. */
async function seedStaff(page, root) {
  await page.goto(`${root}staff/?v=entry`);
  await page.locator('[data-storage]').waitFor();
  const days = ['2023-06-20', '2023-06-21', '2023-06-22', '2023-06-23'];
  for (const [i, day] of days.entries()) {
    for (const [unit, a, b] of [['district-team', 30 + 7 * i, 12 + 3 * i], ['ward-police', 55 + 4 * i, 20 + i]]) {
      await page.locator('#entry-date').fill(day);
      await page.locator('#entry-unit').selectOption(unit);
      await page.locator('#count-applications').fill(String(a));
      await page.locator('#count-activations').fill(String(b));
      await page.locator('form.entry-form button[type=submit]').click();
      await page.locator('[data-save-state="save-ok"]').waitFor();
    }
  }
}
mkdirSync(out, { recursive: true });

const server = spawn('node', ['scripts/serve.mjs', '--dir', 'dist', '--base', base, '--port', String(port)], { stdio: 'ignore' });
await sleep(500);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const [label, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 900 }]]) {
    for (const lang of ['vi', 'en']) {
      const context = await browser.newContext({ viewport, timezoneId: 'America/New_York' });
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date(fixedTime));
      await page.goto(`http://127.0.0.1:${port}${base}`);
      // Once the islands ran (the language memory may otherwise move the page while staff mode opens).
      await page.waitForFunction(() => document.documentElement.dataset.islands === 'on');
      await page.evaluate((l) => localStorage.setItem('vneid-campaign:lang', l), lang);
      await seedStaff(page, `http://127.0.0.1:${port}${base}`);
      const routes = [...citizen.map((r) => (lang === 'en' ? `en/${r}` : r)), ...staff];
      for (const route of routes) {
        await page.goto(`http://127.0.0.1:${port}${base}${route}`);
        await page.waitForTimeout(300);
        await page.getByRole('heading', { level: 1 }).waitFor();
        if (route.startsWith('staff')) await page.locator('main h2').first().waitFor();
        const name = (route.replace(/^en\//, '') || 'home').replace(/[?&=/]/g, '_');
        const file = `${out}/${name}-${lang}-${label}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
