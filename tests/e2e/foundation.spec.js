// Foundation: pages and addresses, language, deep links, sub-path, clock, campaign
// choice, and every citizen page complete without JavaScript.
import { test, expect, ROUTES, at } from './app.js';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe('every page renders its heading, in its language from its address', () => {
  for (const route of ROUTES) {
    test(`/${route.path} in Vietnamese, /en/${route.path} in English`, async ({ app, page }) => {
      const response = await app.open(route.path);
      expect(response.status()).toBe(200);
      await expect(app.heading).toHaveText(route.vi);
      expect(await app.htmlLang()).toBe('vi');
      await expect(page).toHaveTitle(new RegExp(`^${escape(route.vi)} – `));
      await app.openFromSite(at(route.path, 'en'));
      await expect(app.heading).toHaveText(route.en);
      expect(await app.htmlLang()).toBe('en');
      await expect(page).toHaveTitle(new RegExp(`^${escape(route.en)} – `));
    });
  }
});

test('every page names its language in the HTML and links to the other language', async ({ request, baseURL }) => {
  const basePath = new URL(baseURL).pathname;
  for (const route of ROUTES) {
    for (const lang of ['vi', 'en']) {
      const path = at(route.path, lang);
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const html = await response.text();
      expect(html, path).toContain(`<html lang="${lang}"`);
      // Both alternates, each with the same page in its language.
      for (const other of ['vi', 'en']) {
        const link = html.match(new RegExp(`<link rel="alternate" hreflang="${other}" href="([^"]+)"`));
        expect(link, `${path}: alternate ${other}`).not.toBeNull();
        expect(new URL(link[1]).pathname, `${path}: alternate ${other}`).toBe(`${basePath}${at(route.path, other)}`);
      }
      // The switch is a plain link to the other language's page.
      const other = lang === 'vi' ? 'en' : 'vi';
      const name = other === 'en' ? 'English' : 'Tiếng Việt';
      const link = html.match(/<a ([^>]*class="lang-switch"[^>]*)>([^<]*)<\/a>/);
      expect(link, `${path}: the language switch`).not.toBeNull();
      expect(link[2], path).toBe(name);
      expect(link[1], path).toContain(`href="${at(route.path, other) || './'}"`);
      expect(link[1], path).toContain(`hreflang="${other}"`);
      expect(link[1], path).toContain(`lang="${other}"`);
    }
  }
});

test('the language switch is a link to the same page in the other language, and the language is remembered', async ({ app, page, baseURL }) => {
  test.setTimeout(60_000);
  await app.open('guide/');
  const toEnglish = app.languageSwitch('English');
  await expect(toEnglish).toHaveAttribute('lang', 'en');
  await expect(toEnglish).toHaveAttribute('hreflang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveCount(0);
  await toEnglish.click();
  await expect(page).toHaveURL(`${baseURL}en/guide/`);
  await expect(app.heading).toHaveText(ROUTES[2].en);
  expect(await app.htmlLang()).toBe('en');
  await expect(app.languageSwitch('Tiếng Việt')).toHaveAttribute('lang', 'vi');
  await app.islandsStarted();

  await page.reload();
  await expect(app.heading).toHaveText(ROUTES[2].en);
  expect(await app.htmlLang()).toBe('en');

  // Navigation keeps the language; every page has the switch.
  await app.nav().getByRole('link', { name: 'Documents' }).click();
  await expect(page).toHaveURL(`${baseURL}en/documents/`);
  await expect(app.heading).toHaveText('Documents to bring');
  await app.islandsStarted();

  // Opening the home page from outside the site (a bookmark, a QR code) goes to the remembered language.
  await page.goto('');
  await expect(page).toHaveURL(`${baseURL}en/`);
  await expect(app.heading).toHaveText(ROUTES[0].en);
  expect(await app.htmlLang()).toBe('en');
  await app.islandsStarted();

  // Choosing Vietnamese is remembered in turn (a link inside the site is never redirected).
  await app.languageSwitch('Tiếng Việt').click();
  await expect(page).toHaveURL(baseURL);
  await expect(app.heading).toHaveText(ROUTES[0].vi);
  expect(await app.htmlLang()).toBe('vi');
  await app.islandsStarted();
  await page.goto('');
  await app.islandsStarted();
  // The memory ran and kept Vietnamese (it writes only when it does not redirect).
  expect(await page.evaluate(() => localStorage.getItem('vneid-campaign:lang'))).toBe('vi');
  await expect(page).toHaveURL(baseURL);
  await expect(app.heading).toHaveText(ROUTES[0].vi);
  // Other pages are never redirected: their address is their language.
  await app.open('en/help/');
  await app.islandsStarted();
  await app.open('guide/');
  await app.islandsStarted();
  await expect(page).toHaveURL(`${baseURL}guide/`);
  expect(await app.htmlLang()).toBe('vi');
});

test('a deep link opens the right page on first visit, under the sub-path', async ({ app, page, baseURL }) => {
  test.setTimeout(60_000);
  const response = await app.open('offices/');
  // Every page is its own file, so the static host answers 200.
  expect(response.status()).toBe(200);
  await expect(app.heading).toHaveText('Nơi làm thủ tục và giờ làm việc');
  expect(new URL(page.url()).pathname).toBe(`${new URL(baseURL).pathname}offices/`);
  await expect(app.nav().getByRole('link', { name: 'Nơi làm thủ tục' })).toHaveAttribute('aria-current', 'page');
  // Links stay under the sub-path.
  const homeLink = app.nav().getByRole('link', { name: 'Trang chủ' });
  expect(await homeLink.evaluate((a) => a.href)).toBe(baseURL);
  await homeLink.click();
  await expect(page).toHaveURL(baseURL);
  await expect(app.heading).toHaveText(ROUTES[0].vi);
  await expect(app.nav().getByRole('link', { name: 'Trang chủ' })).toHaveAttribute('aria-current', 'page');

  // A folder written without its slash still opens the page, and its links still work.
  await app.open('offices');
  await expect(app.heading).toHaveText('Nơi làm thủ tục và giờ làm việc');
  await app.nav().getByRole('link', { name: 'Trợ giúp' }).click();
  await expect(page).toHaveURL(`${baseURL}help/`);
  await expect(app.heading).toHaveText('Trợ giúp và cảnh giác lừa đảo');
});

test('another campaign’s deep link answers 200 with its content in the HTML', async ({ app, page, request }) => {
  const response = await request.get('c/hn-awareness-2022/offices/');
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain('<h1>Nơi làm thủ tục và giờ làm việc</h1>');
  expect(html).toContain('Công an xã, phường, thị trấn (Công an cấp cơ sở)');
  expect(html).toContain('Thành phố Hà Nội');
  const english = await request.get('en/c/hn-awareness-2022/offices/');
  expect(english.status()).toBe(200);
  expect(await english.text()).toContain('<h1>Where to go and opening hours</h1>');

  await app.open('c/hn-awareness-2022/offices/');
  await expect(page.getByRole('main')).toContainText('Công an xã, phường, thị trấn (Công an cấp cơ sở)');
  await expect(page.getByRole('contentinfo')).toContainText('Thành phố Hà Nội');
});

test('the pages are in the HTML as served: offices with address and hours, the English steps', async ({ request }) => {
  const offices = await (await request.get('offices/')).text();
  expect(offices).toContain('243 Cách Mạng Tháng 8');
  expect(offices).toContain('07:30');
  expect(offices).toContain('Tổ công nghệ số cộng đồng và Bộ phận một cửa');
  const guide = await (await request.get('en/guide/')).text();
  for (const step of ['Install the VNeID app', 'Level 1: register yourself in the app', 'Level 2: register in person at a police office', 'Wait for the approval SMS', 'Activate and log in to VNeID', 'Use VNeID to log in to the National Public Service Portal']) {
    expect(guide).toContain(step);
  }
  expect(guide).toContain('Only get the VNeID app from the App Store (iPhone) or Google Play (Android).');
  // Every preset campaign ended before the build: the ended status is in the first paint.
  const home = await (await request.get('')).text();
  expect(home).toContain('Thời gian: từ 20/06/2023 đến 05/11/2023');
  expect(home).toContain('Chiến dịch đã kết thúc ngày 05/11/2023.');
});

test('an unknown address inside the app shows a not-found page with a way home', async ({ app, page, baseURL }) => {
  test.setTimeout(60_000);
  const response = await app.open('no-such-page');
  expect(response.status()).toBe(404);
  await expect(app.heading).toHaveText('Không tìm thấy trang');
  await expect(page).toHaveTitle(/^Không tìm thấy trang/);
  await page.getByRole('link', { name: 'Về trang chủ' }).click();
  await expect(page).toHaveURL(baseURL);
  await expect(app.heading).toHaveText(ROUTES[0].vi);
  // The same page under any folder, with a way to the English home page.
  const deep = await app.open('en/c/no-such-campaign/guide/');
  expect(deep.status()).toBe(404);
  await expect(app.heading).toHaveText('Không tìm thấy trang');
  await page.getByRole('link', { name: 'Page not found. Go to the English home page.' }).click();
  await expect(page).toHaveURL(`${baseURL}en/`);
  await expect(app.heading).toHaveText(ROUTES[0].en);
  // No page of the navigation is the current one on the not-found page.
  await app.open('no-such-page');
  await expect(app.nav().locator('[aria-current]')).toHaveCount(0);
});

test('campaign status and office hours follow Vietnam time, not the device zone', async ({ app, page }) => {
  // Saturday 24/06/2023 19:30 in Vietnam = 08:30 in New York (the browser's zone here).
  await page.clock.setFixedTime(new Date('2023-06-24T12:30:00Z'));
  await app.open('');
  const status = page.locator('[data-live="campaign"]');
  await expect(status.getByRole('status')).toHaveText('Chiến dịch đang diễn ra: còn 135 ngày, đến hết ngày 05/11/2023.');
  // The "may be out of date" note is for ended campaigns only.
  await expect(status.getByText('có thể đã cũ')).toBeHidden();
  await expect(page.getByText('Thời gian: từ 20/06/2023 đến 05/11/2023')).toBeVisible();
  await app.nav().getByRole('link', { name: 'Nơi làm thủ tục', exact: true }).click();
  await expect(app.heading).toHaveText('Nơi làm thủ tục và giờ làm việc');
  const team = page.locator('#office-district-team');
  const wards = page.locator('#office-ward-police');
  await expect(team.locator('[data-live="office"]')).toHaveText('Đóng cửa hôm nay, mở lại Thứ Hai lúc 07:30');
  await expect(wards.locator('[data-live="office"]')).toHaveText('Đang mở cửa, đến 21:00');
  await expect(team).toContainText('243 Cách Mạng Tháng 8');
  await expect(wards).toContainText('Văn bản không ghi địa chỉ');
  // The new guidance point has no hours, so no status.
  await expect(page.locator('#office-help-points')).toContainText('Tổ công nghệ số cộng đồng');
  await expect(page.locator('#office-help-points [data-live="office"]')).toHaveCount(0);
});

test('before the campaign starts, the status counts the days to its start', async ({ app, page }) => {
  // 10/06/2023 10:00 in Vietnam.
  await page.clock.setFixedTime(new Date('2023-06-10T03:00:00Z'));
  await app.open('en/');
  await expect(page.locator('[data-live="campaign"]').getByRole('status')).toHaveText('The campaign starts on 20/06/2023 (10 days from now).');
  await app.openFromSite('');
  await expect(page.locator('[data-live="campaign"]').getByRole('status')).toHaveText('Chiến dịch bắt đầu ngày 20/06/2023 (còn 10 ngày).');
});

test('a past campaign says it ended and keeps the guidance', async ({ app, page }) => {
  await page.clock.setFixedTime(new Date('2026-11-22T03:00:00Z'));
  await app.open('');
  await app.islandsStarted();
  const status = page.locator('[data-live="campaign"]');
  await expect(status.getByRole('status')).toHaveText('Chiến dịch đã kết thúc ngày 05/11/2023.');
  await expect(status).toContainText('có thể đã cũ');
  await expect(status.getByText('có thể đã cũ')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Văn bản số 2333/KH-BCĐ-CQTT ngày 20/06/2023');
  await app.open('offices/');
  await expect(page.getByText('Chiến dịch đã kết thúc: giờ làm việc có thể đã thay đổi.')).toBeVisible();
});

test('the campaign switcher is a list of links to each campaign, the current one marked', async ({ app, page, baseURL }) => {
  test.setTimeout(60_000);
  await app.open('');
  const switcher = page.locator('.switcher');
  const choices = switcher.locator('a.choice');
  await expect(choices).toHaveCount(5);
  await expect(page.locator('select')).toHaveCount(0);
  await expect(choices.first()).toHaveText('Quận 3, Thành phố Hồ Chí Minh (20/06/2023 – 05/11/2023)');
  await expect(choices.first()).toHaveAttribute('aria-current', 'true');
  await expect(switcher.locator('[aria-current]')).toHaveCount(1);
  await switcher.getByRole('link', { name: 'Thị xã Duyên Hải, tỉnh Trà Vinh (31/08/2023 – 30/11/2023)' }).click();
  await expect(page).toHaveURL(`${baseURL}c/tv-duyen-hai-2023/`);
  await expect(page.locator('.campaign-area')).toContainText('Duyên Hải');
  await expect(switcher.getByRole('link', { name: /Duyên Hải/ })).toHaveAttribute('aria-current', 'true');
  await expect(switcher.locator('[aria-current]')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('.campaign-area')).toContainText('Duyên Hải');
  // Every link of the campaign's pages keeps the campaign, in both languages.
  await app.nav().getByRole('link', { name: 'Nơi làm thủ tục', exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}c/tv-duyen-hai-2023/offices/`);
  await expect(page.getByRole('main')).toContainText('Công an thị xã Duyên Hải');
  await app.languageSwitch('English').click();
  await expect(page).toHaveURL(`${baseURL}en/c/tv-duyen-hai-2023/offices/`);
  await app.nav().getByRole('link', { name: 'Home' }).click();
  await expect(page).toHaveURL(`${baseURL}en/c/tv-duyen-hai-2023/`);
  await expect(page.locator('.switcher a[aria-current="true"]')).toContainText('Duyên Hải');
  // Back to the default campaign: its pages are at the root.
  await page.locator('.switcher').getByRole('link', { name: /^District 3, Ho Chi Minh City/ }).click();
  await expect(page).toHaveURL(`${baseURL}en/`);
  // A shared link names its campaign.
  await app.open('c/hcm-binh-thanh-2023/help/');
  await expect(page.getByRole('main')).toContainText('Nguồn: Công văn 64/UBND-BCĐ, Phụ lục 1');
  await expect(page.getByRole('contentinfo')).toContainText('Bình Thạnh');
});

test('offices: search without accents and filter by open now, evenings and weekends', async ({ app, page }) => {
  // Saturday 24/06/2023 19:30 in Vietnam.
  await page.clock.setFixedTime(new Date('2023-06-24T12:30:00Z'));
  await app.open('offices/');
  const cards = app.offices();
  await expect(cards).toHaveCount(4);
  const search = page.getByLabel(/Tìm theo tên hoặc địa chỉ/);
  // The filters are an island: shown from the first paint, usable once it runs.
  await expect(search).toBeEnabled();
  await search.fill('cach mang thang 8');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('243 Cách Mạng Tháng 8');
  await expect(page.locator('article.office[hidden]')).toHaveCount(3);
  await search.fill('cong nghe so');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toHaveAttribute('id', 'office-help-points');
  await search.fill('');
  await expect(cards).toHaveCount(4);
  await page.getByLabel('Đang mở cửa').check();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Đang mở cửa, đến 21:00');
  await page.getByLabel('Đang mở cửa').uncheck();
  await page.getByLabel('Làm cuối tuần').check();
  await expect(cards).toHaveCount(2);
  await page.getByLabel('Làm buổi tối').check();
  await expect(cards).toHaveCount(1);
  const noMatch = page.locator('form.filters').getByRole('status');
  await expect(noMatch).toBeHidden();
  await search.fill('vung tau');
  await expect(cards).toHaveCount(0);
  await expect(noMatch).toHaveText('Không có nơi nào khớp với lựa chọn của bạn.');
  await expect(noMatch).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  // What each page must show from its HTML alone, in both languages.
  const CONTENT = {
    '': { vi: ['Thời gian: từ 20/06/2023 đến 05/11/2023', 'Chiến dịch đã kết thúc ngày 05/11/2023.', 'Quận 3, Thành phố Hồ Chí Minh'], en: ['Period: 20/06/2023 to 05/11/2023', 'The campaign ended on 05/11/2023.'] },
    'check/': { vi: ['Câu hỏi 1 trên 3', 'Người cần làm thủ tục bao nhiêu tuổi?'], en: ['Question 1 of 3', 'How old is the person the application is for?'] },
    'guide/': { vi: ['Cài ứng dụng VNeID', 'Mức 2: đăng ký tại cơ quan Công an', 'Kích hoạt và đăng nhập VNeID'], en: ['Install the VNeID app', 'Level 2: register in person at a police office', 'Activate and log in to VNeID'] },
    'documents/': { vi: ['Thẻ Căn cước công dân gắn chip', 'mẫu CC01'], en: ['Your chip ID card (CCCD)', 'form CC01'] },
    'offices/': { vi: ['243 Cách Mạng Tháng 8', 'Thứ Hai – Thứ Sáu: 07:30–11:30, 13:00–17:00', 'Tổ công nghệ số cộng đồng'], en: ['243 Cách Mạng Tháng 8', 'Monday – Friday: 07:30–11:30, 13:00–17:00'] },
    'help/': { vi: ['đã được phê duyệt', 'Cảnh giác lừa đảo'], en: ['The genuine SMS when your application is approved', 'Beware of scams'] },
  };

  test('every citizen page shows its content in both languages, every statement with its source', async ({ page }) => {
    test.setTimeout(90_000);
    for (const route of ROUTES) {
      for (const lang of ['vi', 'en']) {
        const path = at(route.path, lang);
        const response = await page.goto(path);
        expect(response.status(), path).toBe(200);
        await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(route[lang]);
        expect(await page.locator('html').getAttribute('lang'), path).toBe(lang);
        for (const text of CONTENT[route.path][lang]) await expect(page.getByRole('main'), `${path}: ${text}`).toContainText(text);
        if (route.path !== 'check/') await expect(page.locator('main p.source').first(), path).toContainText(lang === 'vi' ? /Nguồn|Lời khuyên chung/ : /Source|General advice/);
        // Nothing that needs JavaScript is left showing, or usable (the filters keep their room, disabled).
        await expect(page.locator('.step-tools, [data-kiosk="warning"], [data-update="ready"]').filter({ visible: true }), path).toHaveCount(0);
        if (route.path === 'offices/') await expect(page.locator('#office-search'), path).toBeDisabled();
      }
    }
  });

  test('the questions reach a result by following links, in both languages', async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    await page.goto('check/');
    for (const answer of ['Từ đủ 14 tuổi trở lên', 'Đã có thẻ, còn dùng được', 'Mức 2: làm tại cơ quan Công an']) {
      await page.getByRole('link', { name: answer, exact: true }).click();
    }
    await expect(page).toHaveURL(`${baseURL}check/14plus/have/2/`);
    await expect(page.getByRole('heading', { name: 'Việc bạn cần làm' })).toBeVisible();
    await expect(page.locator('.step-title')).toHaveText(['Cài ứng dụng VNeID', 'Mức 2: đăng ký tại cơ quan Công an', 'Chờ tin nhắn phê duyệt', 'Kích hoạt và đăng nhập VNeID', 'Dùng VNeID để đăng nhập Cổng dịch vụ công quốc gia']);
    await expect(page.locator('#where article')).toHaveCount(3);
    await expect(page.locator('#where')).toContainText('243 Cách Mạng Tháng 8');
    // A step opens with a click on its title, without any script.
    const install = page.locator('li.step[data-step="install"]');
    await expect(install.getByText('Chỉ tải ứng dụng VNeID')).toBeHidden();
    await install.locator('summary').click();
    await expect(install.getByText('Chỉ tải ứng dụng VNeID từ kho ứng dụng App Store (iPhone) hoặc Google Play (Android).')).toBeVisible();
    // An answer can be changed.
    await page.getByRole('link', { name: /Thay đổi.*Người đó đã có thẻ/ }).click();
    await page.getByRole('link', { name: 'Chưa có thẻ', exact: true }).click();
    await expect(page).toHaveURL(`${baseURL}check/14plus/none/2/`);
    await expect(page.locator('.result .lead')).toContainText('Từ đủ 14 tuổi mà chưa có thẻ');

    // The same in English, for a child (no level question).
    await page.goto('en/check/');
    await page.getByRole('link', { name: 'From 6 to under 14', exact: true }).click();
    await expect(page.getByText('Question 2 of 2')).toBeVisible();
    await page.getByRole('link', { name: 'No card yet', exact: true }).click();
    await expect(page).toHaveURL(`${baseURL}en/check/6to14/none/`);
    await expect(page.getByRole('heading', { name: 'What you need to do' })).toBeVisible();
    await expect(page.locator('.step-title')).toHaveText(['Apply on the Ministry of Public Security portal', 'Bring the child to the district police']);
  });

  test('the language switch, the campaign switcher and the offices work as plain links and HTML', async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    await page.goto('offices/');
    // Without the filters' island every office shows, with its hours; no live status is invented;
    // the filters keep their room (nothing shifts when they start) but cannot be used.
    await expect(page.locator('#office-search')).toBeDisabled();
    await expect(page.locator('form.filters input[type=checkbox]').first()).toBeDisabled();
    await expect(page.locator('article.office')).toHaveCount(4);
    await expect(page.locator('article.office').filter({ visible: true })).toHaveCount(4);
    await expect(page.locator('#office-district-team')).toContainText('Thứ Bảy: 07:30–11:30');
    await expect(page.locator('[data-live="office"]').first()).toHaveText(/^\s*$/);
    await page.getByRole('link', { name: 'English', exact: true }).click();
    await expect(page).toHaveURL(`${baseURL}en/offices/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Where to go and opening hours');
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    await page.locator('.switcher').getByRole('link', { name: /Tam Thuận/ }).click();
    await expect(page).toHaveURL(`${baseURL}en/c/dn-tam-thuan-2024/`);
    await expect(page.locator('.campaign-area')).toContainText('Tam Thuận');
    await page.getByRole('link', { name: 'Tiếng Việt', exact: true }).click();
    await expect(page).toHaveURL(`${baseURL}c/dn-tam-thuan-2024/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  });
});
