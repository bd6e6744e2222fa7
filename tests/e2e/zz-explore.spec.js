import { test, expect } from './app.js';
test('explore two tabs no broadcast', async ({ app, page }) => {
  await page.clock.setFixedTime(new Date('2023-06-25T10:00:00+07:00'));
  const b = await page.context().newPage();
  await b.addInitScript(() => { delete window.BroadcastChannel; });
  await page.goto('staff/?v=entry'); await expect(page.locator('[data-storage]')).toBeVisible();
  await b.goto('staff/?v=entry'); await expect(b.locator('[data-storage]')).toBeVisible();
  await b.waitForTimeout(1500);
  await b.locator('#entry-date').fill('2023-06-24');
  await b.locator('#entry-unit').selectOption('district-team');
  await b.locator('#count-applications').fill('9');
  await b.locator('#count-activations').fill('4');
  const vals = (p) => p.evaluate(() => [document.querySelector('#entry-date').value, document.querySelector('#entry-unit').value, document.querySelector('#count-applications').value, document.querySelector('#count-activations').value, document.querySelector('[data-save-state]')?.outerHTML]);
  await page.locator('#entry-date').fill('2023-06-24');
  await page.locator('#entry-unit').selectOption('district-team');
  await page.locator('#count-applications').fill('5');
  await page.locator('#count-activations').fill('2');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.locator('[data-save-state="save-ok"]')).toContainText('Đã lưu');
  await b.waitForTimeout(1000);
  console.log('B after A saved:', await vals(b));
  await b.getByRole('button', { name: 'Lưu', exact: true }).click();
  for (let i = 0; i < 10; i++) { console.log('B after save', i, await vals(b)); await b.waitForTimeout(100); }
  await page.reload();
  await page.locator('#entry-date').fill('2023-06-24');
  console.log('A stored:', await vals(page));
});
