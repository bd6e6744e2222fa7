// The citizen's guide (issue 3): the questions, the checklist, the steps with
// ticks, office statuses at fixed Vietnam times.
//
// Special days and mobile-team visits, and a campaign file that cannot be read, are
// build-time matters now (campaign files are read by the prerender): they are tested
// natively, not here.
import { test, expect } from './app.js';

// The service worker is tested in offline.spec.js; here every page comes straight from the server.
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

/** Every age group × card status (and every level where the level is asked), with what the checklist must say. */
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

for (const c of CASES) {
  test(`questions → checklist for ${c.answers.join(' / ')}`, async ({ app, page, baseURL }) => {
    await app.open('check/');
    for (const [i, code] of c.answers.entries()) {
      // The total is known once the age is: children are not asked about levels.
      await expect(page.getByText(`Câu hỏi ${i + 1} trên ${i === 0 ? 3 : c.answers.length}`)).toBeVisible();
      await page.getByRole('link', { name: ANSWER[code], exact: true }).click();
      // The answers so far are the address (a page of its own).
      await expect(page).toHaveURL(`${baseURL}check/${c.answers.slice(0, i + 1).join('/')}/`);
    }
    await expect(page.getByRole('heading', { name: 'Việc bạn cần làm' })).toBeVisible();
    await expect(page.locator('.result .lead')).toContainText(c.lead);
    await expect(page.locator('.step-title')).toHaveText(c.steps);
    if (c.bring) await expect(page.locator('#bring')).toContainText(c.bring);
    if (c.where) await expect(page.locator('#where')).toContainText(c.where);
    if (c.offices !== undefined) await expect(page.locator('#where article')).toHaveCount(c.offices);
    // Every statement of the result has its source.
    await expect(page.locator('.result p.source')).toContainText(/Nguồn|Quy định hiện nay|Lời khuyên chung/);
    // Reloading the shared address gives the same checklist.
    await page.reload();
    await expect(page.locator('.step-title')).toHaveText(c.steps);
  });
}

test('the level question offers a third answer for people without a smartphone', async ({ app, page }) => {
  await app.open('check/14plus/have/');
  await expect(page.getByText('Câu hỏi 3 trên 3')).toBeVisible();
  await expect(page.locator('.question a.choice')).toHaveText([ANSWER[2], ANSWER[1], ANSWER.nophone]);
  await app.open('en/check/14plus/have/');
  await expect(page.locator('.question a.choice')).toHaveText(['Level 2: in person at a police office', 'Level 1: by myself in the app', 'I have no smartphone']);
});

test('an answer can be changed from the result, later answers are kept, and back goes to the previous page', async ({ app, page, baseURL }) => {
  test.setTimeout(60_000);
  await app.open('check/14plus/have/2/');
  await expect(page.locator('#where article')).toHaveCount(3);
  await page.getByRole('link', { name: /Thay đổi.*Người đó đã có thẻ/ }).click();
  await expect(page).toHaveURL(`${baseURL}check/14plus/have/2/change-card/`);
  await expect(page.getByText('Câu hỏi 2 trên 3')).toBeVisible();
  const current = page.getByRole('link', { name: ANSWER.have, exact: true });
  await expect(current).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('.question [aria-current]')).toHaveCount(1);
  await page.getByRole('link', { name: ANSWER.none, exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}check/14plus/none/2/`);
  await expect(page.locator('.result .lead')).toContainText('Từ đủ 14 tuổi mà chưa có thẻ');
  await page.goBack();
  await expect(page).toHaveURL(`${baseURL}check/14plus/have/2/change-card/`);
  await expect(page.getByRole('link', { name: ANSWER.have, exact: true })).toHaveAttribute('aria-current', 'true');
  // "Back to the previous question" reopens the age, keeping the answers.
  await page.getByRole('link', { name: 'Quay lại câu trước' }).click();
  await expect(page).toHaveURL(`${baseURL}check/14plus/have/2/change-age/`);
  await expect(page.getByRole('link', { name: ANSWER['14plus'], exact: true })).toHaveAttribute('aria-current', 'true');
  // A child's answers drop the level question.
  await app.open('check/14plus/have/1/change-age/');
  await page.getByRole('link', { name: ANSWER.under6, exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}check/under6/have/`);
  await expect(page.locator('.result .lead')).toContainText('Trẻ đã có thẻ');
  // Starting again clears the answers.
  await page.getByRole('link', { name: 'Làm lại từ đầu' }).click();
  await expect(page).toHaveURL(`${baseURL}check/`);
  await expect(page.getByText('Câu hỏi 1 trên 3')).toBeVisible();
  await expect(page.locator('.question [aria-current]')).toHaveCount(0);
});

test('the questions can be answered with the keyboard alone', async ({ app, page }) => {
  test.setTimeout(60_000);
  await app.open('check/');
  for (const code of ['14plus', 'have', '2']) {
    await expect(page.locator('.question')).toBeVisible();
    const link = page.getByRole('link', { name: ANSWER[code], exact: true });
    // Tab until the answer has focus, then press Enter (each answer is a new page).
    for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(link).toBeFocused();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  }
  await expect(page.getByRole('heading', { name: 'Việc bạn cần làm' })).toBeVisible();
  // A step opens from the keyboard too.
  const summary = app.step('install').locator('summary');
  for (let i = 0; i < 40 && !(await summary.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.step('install').locator('details')).toHaveAttribute('open', '');
});

test('steps open one by one or all at once, and ticks survive a reload and show wherever the step does', async ({ app, page }) => {
  test.setTimeout(60_000);
  await app.open('guide/');
  const install = app.step('install');
  const details = install.locator('details');
  const body = install.getByText('Chỉ tải ứng dụng VNeID từ kho ứng dụng App Store (iPhone) hoặc Google Play (Android).');
  await expect(details).not.toHaveAttribute('open');
  await expect(body).toBeHidden();
  await install.locator('summary.step-heading').click();
  await expect(details).toHaveAttribute('open', '');
  await expect(body).toBeVisible();
  await expect(install.locator('p.source')).toContainText('Nguồn');
  await install.locator('summary.step-heading').click();
  await expect(body).toBeHidden();
  await expect(page.locator('.step-or')).toHaveText('hoặc');
  await expect(app.step('portal').locator('.tag').first()).toHaveText('không bắt buộc');
  // The step tools are an island: shown once it runs.
  const openAll = page.getByRole('button', { name: 'Mở tất cả các bước' });
  await expect(openAll).toBeVisible();
  await expect(openAll).toHaveAttribute('aria-expanded', 'false');
  await openAll.click();
  await expect(page.locator('.step-nav details[open]')).toHaveCount(6);
  const closeAll = page.getByRole('button', { name: 'Đóng tất cả các bước' });
  await expect(closeAll).toHaveAttribute('aria-expanded', 'true');
  await closeAll.click();
  await expect(page.locator('.step-nav details[open]')).toHaveCount(0);
  await openAll.click();
  await expect(page.locator('.step-nav details[open]')).toHaveCount(6);

  await app.islandsStarted();
  const clear = page.getByRole('button', { name: 'Xóa các dấu đã làm xong' });
  await expect(clear).toBeHidden();
  await app.tick('install').check();
  await app.tick('level2').check();
  expect(await page.evaluate(() => localStorage.getItem('vneid-campaign:ticks'))).toBeTruthy();
  await expect(clear).toBeVisible();
  await page.reload();
  // The ticks are set by their islands after load.
  await expect(app.tick('install')).toBeChecked();
  await expect(app.tick('level2')).toBeChecked();
  await expect(app.tick('level1')).not.toBeChecked();
  // The same ticks show in a personal checklist that has the steps.
  await app.open('check/14plus/have/2/');
  await expect(app.tick('install')).toBeChecked();
  await expect(app.tick('level2')).toBeChecked();
  await expect(app.tick('wait-sms')).not.toBeChecked();
});

test('ticks are cleared with one button, and stay cleared after a reload', async ({ app, page }) => {
  await app.open('check/14plus/have/2/');
  await app.islandsStarted();
  const clear = page.getByRole('button', { name: 'Xóa các dấu đã làm xong' });
  await expect(clear).toBeHidden();
  for (const step of ['install', 'wait-sms']) {
    await app.step(step).locator('summary').click();
    await app.tick(step).check();
  }
  await clear.click();
  for (const step of ['install', 'wait-sms']) await expect(app.tick(step)).not.toBeChecked();
  await expect(clear).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem('vneid-campaign:ticks'))).toBeNull();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Mở tất cả các bước' })).toBeVisible();
  await app.islandsStarted();
  for (const step of ['install', 'wait-sms']) await expect(app.tick(step)).not.toBeChecked();
  await expect(clear).toBeHidden();
});

test('a page opened with ticks kept on the device offers to clear them', async ({ app, page }) => {
  await app.open('guide/');
  await app.islandsStarted();
  await app.step('install').locator('summary').click();
  await app.tick('install').check();
  await app.open('check/14plus/have/2/');
  await expect(app.tick('install')).toBeChecked();
  const clear = page.getByRole('button', { name: 'Xóa các dấu đã làm xong' });
  await expect(clear).toBeVisible();
  await clear.click();
  await expect(app.tick('install')).not.toBeChecked();
});

test('a ticked step says "done" in its heading, and only a ticked one', async ({ app, page }) => {
  await app.open('guide/');
  await app.islandsStarted();
  const install = app.step('install');
  // Closed steps show it too: the mark is in the step's title line.
  await expect(page.locator('.step .tag-done').filter({ visible: true })).toHaveCount(0);
  await install.locator('summary').click();
  await app.tick('install').check();
  await expect(install.locator('.tag-done')).toBeVisible();
  await expect(install.locator('.tag-done')).toHaveText('Đã xong');
  await install.locator('summary').click();
  await expect(install.locator('.tag-done')).toBeVisible();
  await expect(page.locator('.step .tag-done').filter({ visible: true })).toHaveCount(1);
  await install.locator('summary').click();
  await app.tick('install').uncheck();
  await expect(page.locator('.step .tag-done').filter({ visible: true })).toHaveCount(0);
});

test('office statuses at fixed Vietnam times, seen from New York', async ({ app, page }) => {
  test.setTimeout(60_000);
  const team = page.locator('#office-district-team [data-live="office"]');
  const wards = page.locator('#office-ward-police [data-live="office"]');
  // Monday 26/06/2023 12:00 in Vietnam: both closed, both open at 13:00.
  await page.clock.setFixedTime(new Date('2023-06-26T05:00:00Z'));
  await app.open('offices/');
  await expect(team).toHaveText('Đang đóng cửa, mở lại hôm nay lúc 13:00');
  await expect(wards).toHaveText('Đang đóng cửa, mở lại hôm nay lúc 13:00');
  // Sunday 25/06/2023 10:00: the district team opens on Monday at 07:30, the wards are open until 11:30.
  await page.clock.setFixedTime(new Date('2023-06-25T03:00:00Z'));
  await page.reload();
  await expect(team).toHaveText('Đang đóng cửa, mở lại ngày mai (Thứ Hai) lúc 07:30');
  await expect(wards).toHaveText('Đang mở cửa, đến 11:30');
  // The same in the personal checklist's offices.
  await app.open('check/14plus/have/2/');
  await expect(page.locator('#where #office-district-team [data-live="office"]')).toHaveText('Đang đóng cửa, mở lại ngày mai (Thứ Hai) lúc 07:30');
  // The same in English.
  await app.open('offices/');
  await app.languageSwitch('English').click();
  await expect(app.heading).toHaveText('Where to go and opening hours');
  await expect(team).toHaveText('Closed now, opens tomorrow (Monday) at 07:30');
  await expect(wards).toHaveText('Open now, until 11:30');
});

test('on a screen left open, an office status follows the clock', async ({ app, page }) => {
  // Monday 26/06/2023 11:29:00 in Vietnam: open until 11:30; a minute later, closed until 13:00.
  await page.clock.install({ time: new Date('2023-06-26T04:29:00Z') });
  await app.open('offices/');
  const team = page.locator('#office-district-team [data-live="office"]');
  await expect(team).toHaveText('Đang mở cửa, đến 11:30');
  await page.clock.fastForward('01:30');
  await expect(team).toHaveText('Đang đóng cửa, mở lại hôm nay lúc 13:00');
});

test('every link is a plain page load, and back returns', async ({ app, page, baseURL }) => {
  await app.open('');
  await page.evaluate(() => { window.__sameDocument = true; });
  await app.nav().getByRole('link', { name: 'Trợ giúp' }).click();
  await expect(page).toHaveURL(`${baseURL}help/`);
  await expect(app.heading).toHaveText('Trợ giúp và cảnh giác lừa đảo');
  await expect(app.nav().getByRole('link', { name: 'Trợ giúp' })).toHaveAttribute('aria-current', 'page');
  expect(await page.evaluate(() => window.__sameDocument)).toBeUndefined();
  // The help page's topics open natively.
  const topic = page.locator('details.topic').first();
  await topic.locator('summary').click();
  await expect(topic).toHaveAttribute('open', '');
  await expect(topic.locator('p.source')).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(baseURL);
  await expect(app.heading).toHaveText('Đăng ký và kích hoạt tài khoản định danh điện tử');
});
