import { test, expect } from './app.js';
test('scratch', async ({ app, page }) => {
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
  await app.open('guide/');
  await app.islandsStarted();
  await page.evaluate(() => localStorage.setItem('vneid-campaign:ticks', 'install'));
  await app.open('guide/');
  await app.islandsStarted();
  await page.waitForTimeout(1000);
  console.log(await page.locator('.step-tools').evaluate((e) => e.outerHTML));
  console.log(await page.locator('li.step input').evaluateAll((els) => els.map((e) => e.checked)));
  console.log(await page.evaluate(() => localStorage.getItem('vneid-campaign:ticks')));
});
