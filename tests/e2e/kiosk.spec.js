// Kiosk mode on a shared screen: the idle timer warns, then goes home and wipes
// the citizen's ticks (answers are only in the address); outside links become QR codes.
import { test, expect } from './app.js';

test('an idle kiosk warns, then returns home and wipes the ticks', async ({ app, page, baseURL }) => {
  test.setTimeout(60_000);
  await page.clock.install({ time: new Date('2023-06-24T10:00:00+07:00') });
  await app.open('check/14plus/have/2/?kiosk=1');
  await app.islandsStarted();
  await expect(page.locator('html')).toHaveClass(/kiosk/);
  expect(await page.evaluate(() => localStorage.getItem('vneid-campaign:kiosk'))).toBe('1');
  await app.step('install').locator('summary').click();
  await app.tick('install').check();
  expect(await page.evaluate(() => localStorage.getItem('vneid-campaign:ticks'))).toBeTruthy();

  // Someone is still there: the warning goes away and nothing is wiped.
  await page.clock.fastForward(71_000);
  const warning = page.locator('[data-kiosk="warning"]');
  await expect(warning).toBeVisible();
  await expect(warning).toHaveAttribute('role', 'alertdialog');
  await expect(warning).toContainText('Bạn vẫn đang xem chứ?');
  await warning.getByRole('button', { name: 'Tôi vẫn đang xem' }).click();
  await expect(warning).toBeHidden();
  await expect(page).toHaveURL(`${baseURL}check/14plus/have/2/?kiosk=1`);
  await expect(app.tick('install')).toBeChecked();

  // Nobody: after the idle time the page goes home and forgets.
  await page.clock.fastForward(71_000);
  await expect(warning).toBeVisible();
  await page.clock.fastForward(20_000);
  await expect(page).toHaveURL(baseURL);
  await expect(app.heading).toHaveText('Đăng ký và kích hoạt tài khoản định danh điện tử');
  await app.islandsStarted();
  await expect(warning).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem('vneid-campaign:ticks') ?? '')).toBe('');
  await app.open('guide/');
  await app.islandsStarted();
  await expect(app.tick('install')).not.toBeChecked();
  // Kiosk mode is remembered on the device until ?kiosk=0.
  await expect(page.locator('html')).toHaveClass(/kiosk/);
  await app.open('?kiosk=0');
  await app.islandsStarted();
  await expect(page.locator('html')).not.toHaveClass(/kiosk/);
  expect(await page.evaluate(() => localStorage.getItem('vneid-campaign:kiosk'))).toBeNull();
  await app.open('guide/');
  await app.islandsStarted();
  await expect(page.locator('html')).not.toHaveClass(/kiosk/);
});

test('an idle kiosk on the home page with nothing ticked stays put; with ticks it resets', async ({ app, page, baseURL }) => {
  test.setTimeout(60_000);
  await page.clock.install({ time: new Date('2023-06-24T10:00:00+07:00') });
  await app.open('?kiosk=1');
  await app.islandsStarted();
  await expect(page.locator('html')).toHaveClass(/kiosk/);
  await page.evaluate(() => { window.__samePage = true; });
  const warning = page.locator('[data-kiosk="warning"]');
  // The home page with no ticks is not "in use": no warning, no reload.
  await page.clock.fastForward(100_000);
  await expect(warning).toBeHidden();
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
  // A tick kept on the device means someone's walk: the home page then warns and wipes it too.
  await app.open('guide/');
  await app.islandsStarted();
  await app.step('install').locator('summary').click();
  await app.tick('install').check();
  await app.nav().getByRole('link', { name: 'Trang chủ' }).click();
  await expect(page).toHaveURL(baseURL);
  await app.islandsStarted();
  await page.clock.fastForward(71_000);
  await expect(warning).toBeVisible();
  await Promise.all([page.waitForEvent('load'), page.clock.fastForward(20_000)]);
  await expect(page).toHaveURL(baseURL);
  await app.islandsStarted();
  expect(await page.evaluate(() => localStorage.getItem('vneid-campaign:ticks'))).toBeNull();
  await expect(warning).toBeHidden();
});

test('on a kiosk, a link that leaves the app is a QR code for the citizen’s own phone', async ({ app, page }) => {
  const link = page.locator('main a[href^="https://"]');
  const qr = page.locator('figure.kiosk-qr').first();
  // A kiosk: the QR code and its address instead of the link.
  await app.open('c/dn-tam-thuan-2024/offices/?kiosk=1');
  await app.islandsStarted();
  await expect(page.locator('html')).toHaveClass(/kiosk/);
  await expect(qr).toBeVisible();
  await expect(qr).toContainText('Quét mã bằng điện thoại của bạn để mở: https://dichvucong.bocongan.gov.vn');
  await qr.locator('img').scrollIntoViewIfNeeded();
  await expect.poll(() => qr.locator('img').evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(link).toHaveCount(1);
  await expect(link).toBeHidden();
  // Not a kiosk: a plain link, no QR code.
  await app.open('c/dn-tam-thuan-2024/offices/?kiosk=0');
  await app.islandsStarted();
  await expect(page.locator('html')).not.toHaveClass(/kiosk/);
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', 'https://dichvucong.bocongan.gov.vn');
  await expect(qr).toBeHidden();
});

test('staff mode locks itself when idle once a PIN is set', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2023-06-25T10:00:00+07:00') });
  await page.goto('staff/?v=settings');
  await page.locator('#new-pin').fill('8642');
  await page.locator('#new-pin-again').fill('8642');
  // The first PIN is a deliberate step (staff tick that they keep the PIN and its recovery code).
  await page.locator('#pin-first-run').check();
  await page.getByRole('button', { name: 'Đặt mã PIN' }).click();
  await expect(page.locator('[data-pin="set"]')).toBeVisible();
  await expect(page.locator('[data-recovery="shown"] code')).toHaveText(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){2}$/);
  // The idle time counts from here, however long the PIN took to hash on a loaded machine.
  await page.keyboard.press('Shift');
  await page.clock.fastForward(60_000);
  await expect(page.locator('[data-lock]')).toHaveCount(0);
  await page.clock.fastForward(31_000);
  await expect(page.locator('[data-lock="locked"]')).toBeVisible();
  await expect(page.locator('[data-pin]')).toHaveCount(0);
});

/** A short idle time (the shortest staff can set): warning after 15 s, reset after 30 s. */
async function shortIdle(page) {
  await page.addInitScript(() => localStorage.setItem('vneid-campaign:kiosk_idle', '30'));
}

/** Lets the kiosk warn, then reach its reset, and waits for the home page it goes to. */
async function idleUntilReset(app, page, baseURL) {
  await page.clock.fastForward(16_000);
  await expect(page.locator('[data-kiosk="warning"]')).toBeVisible();
  await page.clock.fastForward(15_000);
  await expect(page).toHaveURL(baseURL, { timeout: 20_000 });
  await expect(app.heading).toHaveText('Đăng ký và kích hoạt tài khoản định danh điện tử');
}

test('an idle kiosk reset forgets the answers, the language, and the way back to them', async ({ app, page, baseURL }) => {
  test.setTimeout(90_000);
  await page.clock.install({ time: new Date('2023-06-24T10:00:00+07:00') });
  await shortIdle(page);
  // The remembered language as each page found it, before its own scripts ran.
  await page.addInitScript(() => { window.__langAtLoad = localStorage.getItem('vneid-campaign:lang'); });
  await app.open('?kiosk=1');
  await app.islandsStarted();
  // A citizen answers the questions, then reads the answer in English.
  await app.nav().getByRole('link', { name: 'Tôi cần làm gì?' }).click();
  await page.getByRole('link', { name: 'Từ đủ 14 tuổi trở lên' }).click();
  await page.getByRole('link', { name: 'Đã có thẻ, còn dùng được' }).click();
  await page.getByRole('link', { name: /Mức 2/ }).first().click();
  await expect(page.locator('[data-case]')).toBeVisible();
  const answer = page.url();
  expect(answer).toMatch(/\/check\/14plus\/have\/2\/$/);
  await app.islandsStarted();
  await app.languageSwitch('English').click();
  await expect(page).toHaveURL(/\/en\/check\/14plus\/have\/2\/$/);
  await app.islandsStarted();
  expect(await page.evaluate(() => localStorage.getItem('vneid-campaign:lang'))).toBe('en');

  await idleUntilReset(app, page, baseURL);
  expect(await app.htmlLang()).toBe('vi');
  await app.islandsStarted();
  // The reset forgot the English choice before going home (the home page then notes its own).
  expect(await page.evaluate(() => window.__langAtLoad)).toBeNull();
  expect(await page.evaluate(() => localStorage.getItem('vneid-campaign:lang'))).not.toBe('en');

  // Back does not show the previous citizen's answer: it goes home again.
  const visited = [];
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) visited.push(frame.url()); });
  await page.goBack();
  await expect.poll(() => visited, { message: 'Back went to the answer page first' }).toContain(answer);
  await expect(page).toHaveURL(baseURL, { timeout: 20_000 });
  await expect(app.heading).toHaveText('Đăng ký và kích hoạt tài khoản định danh điện tử');
  await expect(page.locator('[data-case]')).toHaveCount(0);
  // The next citizen opening the site from outside gets Vietnamese, not the last choice.
  await app.open('');
  await app.islandsStarted();
  // The language memory ran and kept Vietnamese (it writes only when it does not redirect).
  expect(await page.evaluate(() => localStorage.getItem('vneid-campaign:lang'))).toBe('vi');
  await expect(page).toHaveURL(baseURL);
  expect(await app.htmlLang()).toBe('vi');
});

test('an idle kiosk resets pages without answers too: the guide and the English home', async ({ app, page, baseURL }) => {
  test.setTimeout(90_000);
  await page.clock.install({ time: new Date('2023-06-24T10:00:00+07:00') });
  await shortIdle(page);
  await app.open('guide/?kiosk=1');
  await app.islandsStarted();
  await expect(page.locator('html')).toHaveClass(/kiosk/);
  expect(await page.evaluate(() => localStorage.getItem('vneid-campaign:ticks'))).toBeNull();
  await idleUntilReset(app, page, baseURL);
  await app.islandsStarted();
  await app.openFromSite('en/');
  await app.islandsStarted();
  expect(await app.htmlLang()).toBe('en');
  await idleUntilReset(app, page, baseURL);
  expect(await app.htmlLang()).toBe('vi');
});

test('on a kiosk the citizen pages do not show the way to staff mode', async ({ app, page }) => {
  const staffLink = page.locator('li.staff-link');
  await app.open('?kiosk=1');
  await app.islandsStarted();
  await expect(page.locator('html')).toHaveClass(/kiosk/);
  await expect(staffLink).toHaveCount(1);
  await expect(staffLink).toBeHidden();
  await app.open('guide/');
  await app.islandsStarted();
  await expect(staffLink).toBeHidden();
  // Not a kiosk: the link is there.
  await app.open('?kiosk=0');
  await app.islandsStarted();
  await expect(page.locator('html')).not.toHaveClass(/kiosk/);
  await expect(staffLink).toBeVisible();
  await expect(staffLink.getByRole('link', { name: 'Cán bộ' })).toHaveAttribute('href', 'staff/');
});
