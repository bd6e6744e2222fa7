// Foundation: routes, language, deep links, sub-path, clock, campaign choice.
import { test, expect, ROUTES } from './app.js';

test.describe('every route renders its heading', () => {
  for (const route of ROUTES) {
    test(`/${route.path} in Vietnamese by default`, async ({ app, page }) => {
      await app.open(route.path);
      await expect(app.heading).toHaveText(route.vi);
      expect(await app.htmlLang()).toBe('vi');
      await expect(page).toHaveTitle(new RegExp(`^${route.vi}`));
    });
  }
});

test('the language switch works, is named after the other language and persists across a reload', async ({ app, page }) => {
  await app.open('guide');
  const toEnglish = app.languageSwitch('English');
  await expect(toEnglish).toHaveAttribute('lang', 'en');
  await toEnglish.click();
  await expect(app.heading).toHaveText(ROUTES[2].en);
  expect(await app.htmlLang()).toBe('en');
  await expect(app.languageSwitch('Tiếng Việt')).toBeVisible();

  await page.reload();
  await expect(app.heading).toHaveText(ROUTES[2].en);
  expect(await app.htmlLang()).toBe('en');

  // Navigation keeps the language; every page has the switch.
  await app.nav().getByRole('link', { name: 'Documents' }).click();
  await expect(app.heading).toHaveText('Documents to bring');
  await app.languageSwitch('Tiếng Việt').click();
  await expect(app.heading).toHaveText('Giấy tờ cần mang');
  expect(await app.htmlLang()).toBe('vi');
});

test('a deep link opens the right page on first visit, under the sub-path', async ({ app, page, baseURL }) => {
  const response = await app.open('offices');
  // Every page has its own copy of index.html, so the static host answers 200.
  expect(response.status()).toBe(200);
  await expect(app.heading).toHaveText('Nơi làm thủ tục và giờ làm việc');
  expect(new URL(page.url()).pathname).toBe(`${new URL(baseURL).pathname}offices`);
  // In-app links stay under the sub-path.
  const homeLink = app.nav().getByRole('link', { name: 'Trang chủ' });
  await expect(homeLink).toHaveAttribute('href', new URL(baseURL).pathname);
  await homeLink.click();
  await expect(app.heading).toHaveText(ROUTES[0].vi);
  await expect(app.nav().getByRole('link', { name: 'Trang chủ' })).toHaveAttribute('aria-current', 'page');
});

test('an unknown address inside the app shows a not-found page with a way home', async ({ app }) => {
  await app.open('no-such-page');
  await expect(app.heading).toHaveText('Không tìm thấy trang');
  await app.page.getByRole('link', { name: 'Về trang chủ' }).click();
  await expect(app.heading).toHaveText(ROUTES[0].vi);
});

test('campaign status and office hours follow Vietnam time, not the device zone', async ({ app, page }) => {
  // Saturday 24/06/2023 19:30 in Vietnam = 08:30 in New York (the browser's zone here).
  await page.clock.setFixedTime(new Date('2023-06-24T12:30:00Z'));
  await app.open('');
  await expect(page.getByRole('status')).toHaveText('Chiến dịch đang diễn ra: còn 135 ngày, đến hết ngày 05/11/2023.');
  await app.nav().getByRole('link', { name: 'Nơi làm thủ tục', exact: true }).click();
  const team = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /Công an Quận 3/ }) });
  const wards = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /12 phường/ }) });
  await expect(team).toContainText('Đóng cửa hôm nay, mở lại Thứ Hai lúc 07:30');
  await expect(wards).toContainText('Đang mở cửa, đến 21:00');
  await expect(team).toContainText('243 Cách Mạng Tháng 8');
  await expect(wards).toContainText('Văn bản không ghi địa chỉ');
});

test('a past campaign says it ended and keeps the guidance', async ({ app, page }) => {
  await page.clock.setFixedTime(new Date('2026-11-22T03:00:00Z'));
  await app.open('');
  await expect(page.getByRole('status')).toContainText('Chiến dịch đã kết thúc ngày 05/11/2023.');
  await expect(page.getByRole('status')).toContainText('có thể đã cũ');
  await expect(page.getByRole('contentinfo')).toContainText('Văn bản số 2333/KH-BCĐ-CQTT ngày 20/06/2023');
});

test('the campaign switcher changes the campaign, puts it in the URL and remembers it', async ({ app, page }) => {
  await app.open('');
  await page.getByLabel('Chiến dịch').selectOption('tv-duyen-hai-2023');
  await expect(page.locator('.campaign-area')).toContainText('Duyên Hải');
  expect(new URL(page.url()).searchParams.get('c')).toBe('tv-duyen-hai-2023');
  await page.reload();
  await expect(page.locator('.campaign-area')).toContainText('Duyên Hải');
  // A shared link names its campaign, whatever this device chose before.
  await app.open('help?c=hcm-binh-thanh-2023');
  await expect(page.getByRole('main')).toContainText('Nguồn: Công văn 64/UBND-BCĐ, Phụ lục 1');
});

test('offices: search without accents and filter by open now, evenings and weekends', async ({ app, page }) => {
  // Saturday 24/06/2023 19:30 in Vietnam.
  await page.clock.setFixedTime(new Date('2023-06-24T12:30:00Z'));
  await app.open('offices');
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(3);
  await page.getByLabel(/Tìm theo tên hoặc địa chỉ/).fill('cach mang thang 8');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('243 Cách Mạng Tháng 8');
  await page.getByLabel(/Tìm theo tên hoặc địa chỉ/).fill('');
  await page.getByLabel('Đang mở cửa').check();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Đang mở cửa, đến 21:00');
  await page.getByLabel('Đang mở cửa').uncheck();
  await page.getByLabel('Làm cuối tuần').check();
  await expect(cards).toHaveCount(2);
  await page.getByLabel('Làm buổi tối').check();
  await expect(cards).toHaveCount(1);
  await page.getByLabel(/Tìm theo tên hoặc địa chỉ/).fill('ha noi');
  await expect(cards).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Không có nơi nào khớp với lựa chọn của bạn.');
});
