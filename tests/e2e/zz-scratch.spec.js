import { test, expect } from './app.js';
test('scratch', async ({ app, page }) => {
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text(), m.location().url));
  await page.clock.setFixedTime(new Date('2023-06-10T03:00:00Z'));
  const t0 = Date.now();
  await app.open('');
  await app.islandsStarted();
  console.log('islands after', Date.now() - t0);
  console.log(await page.locator('[data-live="campaign"]').innerText());
  await app.open('no-such-page');
  await app.islandsStarted();
  await app.open('offices');
  console.log('url', page.url(), await page.locator('[data-live="office"]').first().innerText());
});
