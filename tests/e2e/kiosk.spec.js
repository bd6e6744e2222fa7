// Kiosk mode on a shared screen: the idle timer warns, then goes home and wipes
// the citizen's answers and ticks; outside links become QR codes.
import { test, expect } from './app.js';

test('an idle kiosk warns, then returns home and wipes answers and ticks', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2023-06-24T10:00:00+07:00') });
  await page.goto('check?age=14plus&card=have&level=2&kiosk=1');
  await expect(page.locator('html')).toHaveClass(/kiosk/);
  await page.getByRole('button', { name: /Cài ứng dụng VNeID/ }).first().click();
  const tick = page.getByRole('checkbox').first();
  await tick.check();
  expect(await page.evaluate(() => localStorage.getItem('vneid-campaign:ticks'))).toBeTruthy();

  // Someone is still there: the warning goes away and nothing is wiped.
  await page.clock.fastForward(71_000);
  const warning = page.locator('[data-kiosk="warning"]');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Bạn vẫn đang xem chứ?');
  await warning.getByRole('button').click();
  await expect(warning).toHaveCount(0);
  await expect(page).toHaveURL(/level=2/);

  // Nobody: after the idle time the page goes home and forgets.
  await page.clock.fastForward(71_000);
  await expect(warning).toBeVisible();
  await page.clock.fastForward(20_000);
  await expect(page).toHaveURL(/\/vneid-campaign\/$/);
  await expect(warning).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('vneid-campaign:ticks') ?? '')).toBe('');
  await page.goto('guide');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.step-done')).toHaveCount(0);
  // Kiosk mode is remembered on the device until ?kiosk=0.
  await expect(page.locator('html')).toHaveClass(/kiosk/);
  await page.goto('?kiosk=0');
  await expect(page.locator('html')).not.toHaveClass(/kiosk/);
});

test('on a kiosk, a link that leaves the app is a QR code for the citizen’s own phone', async ({ app, page }) => {
  await page.goto('offices?c=dn-tam-thuan-2024&kiosk=1');
  const qr = page.locator('.kiosk-qr').first();
  await expect(qr).toContainText('https://dichvucong.bocongan.gov.vn');
  await expect(qr.locator('img')).toHaveJSProperty('complete', true);
  expect(await qr.locator('img').evaluate((img) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.locator('main a[href^="https://"]')).toHaveCount(0);
});

test('staff mode locks itself when idle once a PIN is set', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2023-06-25T10:00:00+07:00') });
  await page.goto('staff/?v=settings');
  await page.locator('#new-pin').fill('8642');
  await page.locator('#new-pin-again').fill('8642');
  await page.getByRole('button', { name: 'Đặt mã PIN' }).click();
  await expect(page.locator('[data-pin="set"]')).toBeVisible();
  await page.clock.fastForward(60_000);
  await expect(page.locator('[data-lock]')).toHaveCount(0);
  await page.clock.fastForward(31_000);
  await expect(page.locator('[data-lock="locked"]')).toBeVisible();
  await expect(page.locator('[data-pin]')).toHaveCount(0);
});
