// The citizen's guide (issue 3): the questions, the checklist, the steps with
// ticks, office statuses at fixed Vietnam times, special days and visits.
import { test, expect } from './app.js';

// These tests replace campaign files with page.route, which a service worker would bypass.
test.use({ serviceWorkers: 'block' });

const ANSWER = {
  under6: 'Dưới 6 tuổi',
  '6to14': 'Từ đủ 6 đến dưới 14 tuổi',
  '14plus': 'Từ đủ 14 tuổi trở lên',
  have: 'Đã có thẻ, còn dùng được',
  none: 'Chưa có thẻ',
  lost: 'Thẻ bị mất hoặc hỏng',
  2: 'Mức 2: làm tại cơ quan Công an',
  1: 'Mức 1: tự làm trên ứng dụng',
  nophone: 'Tôi không có điện thoại thông minh',
};

/** Every age group × card status (and both levels where the level is asked), with what the checklist must say. */
const CASES = [
  { answers: ['14plus', 'have', '2'], lead: 'Mang thẻ CCCD gắn chip còn hiệu lực đến cơ quan Công an', steps: ['Cài ứng dụng VNeID', 'Mức 2: đăng ký tại cơ quan Công an', 'Chờ tin nhắn phê duyệt', 'Kích hoạt và đăng nhập VNeID', 'Dùng VNeID để đăng nhập Cổng dịch vụ công quốc gia'], bring: 'Thẻ Căn cước công dân gắn chip', offices: 3 },
  { answers: ['14plus', 'have', '1'], lead: 'Bạn tự đăng ký mức 1 trên ứng dụng VNeID', steps: ['Cài ứng dụng VNeID', 'Mức 1: tự đăng ký trên ứng dụng', 'Chờ tin nhắn phê duyệt', 'Kích hoạt và đăng nhập VNeID'], bring: 'Thẻ Căn cước công dân gắn chip', where: 'Không cần đến cơ quan Công an.' },
  // District 3's plan, section IV.1.1: the district team or the nearest commune-level police.
  { answers: ['14plus', 'none', '2'], lead: 'Từ đủ 14 tuổi mà chưa có thẻ', steps: ['Cài ứng dụng VNeID', 'Làm thẻ tại cơ quan Công an', 'Chờ tin nhắn phê duyệt', 'Kích hoạt và đăng nhập VNeID', 'Dùng VNeID để đăng nhập Cổng dịch vụ công quốc gia'], where: 'Kế hoạch 2333/KH-BCĐ-CQTT, mục IV.1.1' },
  { answers: ['14plus', 'lost', '1'], lead: 'Thẻ bị mất, hỏng hoặc cần đổi lại', steps: ['Cài ứng dụng VNeID', 'Làm thẻ tại cơ quan Công an', 'Chờ tin nhắn phê duyệt', 'Kích hoạt và đăng nhập VNeID', 'Dùng VNeID để đăng nhập Cổng dịch vụ công quốc gia'], where: '243 Cách Mạng Tháng 8' },
  // Only Duyên Hải's plan (II.3.2) says what happens without a smartphone: District 3's names no place.
  { answers: ['14plus', 'have', 'nophone'], lead: 'Không có điện thoại di động thông minh', steps: ['Nhờ Công an hỗ trợ đăng ký và kích hoạt', 'Dùng VNeID để đăng nhập Cổng dịch vụ công quốc gia'], where: 'không nêu nơi làm thủ tục' },
  { answers: ['6to14', 'none'], lead: 'rồi đưa trẻ đến Công an quận', steps: ['Đăng ký trên Cổng dịch vụ công Bộ Công an', 'Đưa trẻ đến Công an quận'], bring: 'mẫu CC01', where: 'đưa trẻ đến Công an quận' },
  { answers: ['6to14', 'lost'], lead: 'rồi đưa trẻ đến Công an quận', steps: ['Đăng ký trên Cổng dịch vụ công Bộ Công an', 'Đưa trẻ đến Công an quận'], bring: 'mẫu CC01' },
  { answers: ['6to14', 'have'], lead: 'Trẻ đã có thẻ', steps: [] },
  { answers: ['under6', 'none'], lead: 'Trẻ không cần đến cơ quan Công an', steps: ['Đăng ký trên Cổng dịch vụ công Bộ Công an'], where: 'dichvucong.bocongan.gov.vn' },
  { answers: ['under6', 'lost'], lead: 'Trẻ không cần đến cơ quan Công an', steps: ['Đăng ký trên Cổng dịch vụ công Bộ Công an'] },
  { answers: ['under6', 'have'], lead: 'Trẻ đã có thẻ', steps: [] },
];

const KEYS = ['age', 'card', 'level'];

for (const c of CASES) {
  test(`questions → checklist for ${c.answers.join(' / ')}`, async ({ app, page }) => {
    await app.open('check');
    for (const [i, code] of c.answers.entries()) {
      // The total is known once the age is: children are not asked about levels.
      await expect(page.getByText(`Câu hỏi ${i + 1} trên ${i === 0 ? 3 : c.answers.length}`)).toBeVisible();
      await page.getByRole('link', { name: ANSWER[code], exact: true }).click();
    }
    // The answers are the address, so the result can be shared.
    const query = new URL(page.url()).searchParams;
    c.answers.forEach((code, i) => expect(query.get(KEYS[i])).toBe(code));
    expect(query.has('level')).toBe(c.answers.length === 3);
    await expect(page.getByRole('heading', { name: 'Việc bạn cần làm' })).toBeVisible();
    await expect(page.locator('.result .lead')).toContainText(c.lead);
    await expect(page.locator('.step-title')).toHaveText(c.steps);
    if (c.bring) await expect(page.locator('#bring')).toContainText(c.bring);
    if (c.where) await expect(page.locator('#where')).toContainText(c.where);
    if (c.offices !== undefined) await expect(page.locator('#where article')).toHaveCount(c.offices);
    // Reloading the shared address gives the same checklist.
    await page.reload();
    await expect(page.locator('.step-title')).toHaveText(c.steps);
  });
}

test('an answer can be changed from the result, and back goes to the previous screen', async ({ app, page }) => {
  await app.open('check?age=14plus&card=have&level=2');
  await expect(page.locator('#where article')).toHaveCount(3);
  await page.getByRole('link', { name: /Thay đổi.*Người đó đã có thẻ/ }).click();
  const current = page.getByRole('link', { name: ANSWER.have, exact: true });
  await expect(current).toHaveAttribute('aria-current', 'true');
  await page.getByRole('link', { name: ANSWER.none, exact: true }).click();
  await expect(page.locator('.result .lead')).toContainText('Từ đủ 14 tuổi mà chưa có thẻ');
  expect(new URL(page.url()).search).toBe('?age=14plus&card=none&level=2');
  await page.goBack();
  await expect(page.getByRole('link', { name: ANSWER.have, exact: true })).toHaveAttribute('aria-current', 'true');
  // A child's answers drop the level question.
  await app.open('check?age=14plus&card=have&level=1&q=age');
  await page.getByRole('link', { name: ANSWER.under6, exact: true }).click();
  expect(new URL(page.url()).search).toBe('?age=under6&card=have');
  await expect(page.locator('.result .lead')).toContainText('Trẻ đã có thẻ');
});

test('the questions can be answered with the keyboard alone', async ({ app, page }) => {
  await app.open('check');
  for (const code of ['14plus', 'have', '2']) {
    const link = page.getByRole('link', { name: ANSWER[code], exact: true });
    // Tab until the answer has focus, then press Enter.
    for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: 'Việc bạn cần làm' })).toBeVisible();
});

test('steps open one by one or all at once, and ticks survive a reload until cleared', async ({ app, page }) => {
  await app.open('guide');
  const install = page.getByRole('button', { name: /Cài ứng dụng VNeID/ });
  await expect(install).toHaveAttribute('aria-expanded', 'false');
  await install.click();
  await expect(install).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText('Chỉ tải ứng dụng VNeID từ kho ứng dụng App Store')).toBeVisible();
  await expect(page.locator('.step-or')).toHaveText('Bước hoặc'.replace('Bước ', ''));
  await expect(page.locator('li[data-step="portal"] .tag').first()).toHaveText('không bắt buộc');
  await page.getByRole('button', { name: 'Mở tất cả các bước' }).click();
  await expect(page.getByRole('button', { expanded: true })).toHaveCount(7);
  const tick = page.locator('li[data-step="install"]').getByLabel('Tôi đã làm xong bước này');
  await tick.check();
  await expect(page.locator('li[data-step="install"] .tag-done')).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Mở tất cả các bước' }).click();
  await expect(page.locator('li[data-step="install"]').getByLabel('Tôi đã làm xong bước này')).toBeChecked();
  await expect(page.locator('li[data-step="level1"]').getByLabel('Tôi đã làm xong bước này')).not.toBeChecked();
  // The same tick shows in a personal checklist that has the step.
  await app.open('check?age=14plus&card=have&level=2');
  await expect(page.locator('li[data-step="install"] .tag-done')).toBeVisible();
  await page.getByRole('button', { name: 'Xóa các dấu đã làm xong' }).click();
  await page.reload();
  await expect(page.locator('li[data-step="install"] .tag-done')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Xóa các dấu đã làm xong' })).toBeHidden();
});

test('office statuses at fixed Vietnam times, seen from New York', async ({ app, page }) => {
  const team = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /Công an Quận 3/ }) });
  const wards = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /12 phường/ }) });
  // Monday 26/06/2023 12:00 in Vietnam: both closed, both open at 13:00.
  await page.clock.setFixedTime(new Date('2023-06-26T05:00:00Z'));
  await app.open('offices');
  await expect(team).toContainText('Đang đóng cửa, mở lại hôm nay lúc 13:00');
  await expect(wards).toContainText('Đang đóng cửa, mở lại hôm nay lúc 13:00');
  // Sunday 25/06/2023 10:00: the district team opens on Monday at 07:30, the wards are open until 11:30.
  await page.clock.setFixedTime(new Date('2023-06-25T03:00:00Z'));
  await page.reload();
  await expect(team).toContainText('Đang đóng cửa, mở lại ngày mai (Thứ Hai) lúc 07:30');
  await expect(wards).toContainText('Đang mở cửa, đến 11:30');
  // The same in English.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('article').first()).toContainText('Closed now, opens tomorrow (Monday) at 07:30');
});

test('special days and mobile-team visits from a campaign file change the office status', async ({ app, page }) => {
  // Test data injected into a fetched campaign file (the real documents announce none).
  await page.route('**/campaigns/tv-duyen-hai-2023.json', async (route) => {
    const campaign = await (await route.fetch()).json();
    campaign.offices[1].opening_hours = 'Mo-Fr 07:30-11:30,13:00-17:00';
    campaign.offices[1].special_days = [
      { date: '2023-09-04', hours: 'off', reason: { vi: 'Nghỉ lễ Quốc khánh', en: 'National Day holiday' } },
    ];
    campaign.visits = [
      { date: '2023-09-09', hours: '08:00-11:00', place: { vi: 'Chợ Duyên Hải', en: 'Duyên Hải market' }, office: 'working-groups' },
      { date: '2023-08-01', place: { vi: 'Buổi đã qua', en: 'A past visit' } },
    ];
    await route.fulfill({ json: campaign });
  });
  // Monday 04/09/2023 09:00 in Vietnam.
  await page.clock.setFixedTime(new Date('2023-09-04T02:00:00Z'));
  await app.open('offices?c=tv-duyen-hai-2023');
  const commune = page.getByRole('article').nth(1);
  await expect(commune).toContainText('Đang đóng cửa, mở lại ngày mai (Thứ Ba) lúc 07:30');
  await expect(commune).toContainText('04/09/2023: nghỉ (Nghỉ lễ Quốc khánh)');
  const visits = page.getByRole('region', { name: 'Lịch tổ lưu động' });
  await expect(visits).toContainText('09/09/2023, 08:00–11:00: Chợ Duyên Hải');
  await expect(visits).not.toContainText('Buổi đã qua');
  await page.getByLabel('Đang mở cửa').check();
  await expect(page.getByRole('article')).toHaveCount(0);
});

test('a campaign file that cannot be read leaves the shown campaign and says why', async ({ app, page }) => {
  await page.route('**/campaigns/hn-awareness-2022.json', (route) => route.fulfill({ body: '{"format_version": 1,', contentType: 'application/json' }));
  await app.open('');
  await page.getByLabel('Chiến dịch').selectOption('hn-awareness-2022');
  await expect(page.getByRole('alert')).toContainText('Không tải được chiến dịch đã chọn');
  await expect(page.getByRole('alert')).toContainText('campaigns/hn-awareness-2022.json');
  await expect(page.locator('.campaign-area')).toContainText('Quận 3');
  await expect(page.getByLabel('Chiến dịch')).toHaveValue('hcm-q3-2023');
});

test('in-app links navigate without reloading, and back returns', async ({ app, page }) => {
  await app.open('');
  await page.evaluate(() => { window.__sameDocument = true; });
  await app.nav().getByRole('link', { name: 'Trợ giúp' }).click();
  await expect(app.heading).toHaveText('Trợ giúp và cảnh giác lừa đảo');
  await expect(app.nav().getByRole('link', { name: 'Trợ giúp' })).toHaveAttribute('aria-current', 'page');
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  await page.goBack();
  await expect(app.heading).toHaveText('Đăng ký và kích hoạt tài khoản định danh điện tử');
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});
