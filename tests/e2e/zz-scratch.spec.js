import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './app.js';
test.use({ javaScriptEnabled: false });
test('scratch', async ({ page }) => {
  await page.goto('guide/');
  const t = Date.now();
  const r = await Promise.race([new AxeBuilder({ page }).analyze(), new Promise((res) => setTimeout(() => res('timeout'), 15000))]);
  console.log('axe', Date.now() - t, typeof r === 'string' ? r : r.violations.length);
});
