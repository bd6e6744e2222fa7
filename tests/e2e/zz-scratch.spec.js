import { test, expect } from './app.js';
test('scratch', async ({ app, page, baseURL }) => {
  await app.open('');
  await app.islandsStarted();
  await page.goto('en/', { referer: baseURL });
  console.log('url', page.url(), await page.evaluate(() => document.referrer));
});
