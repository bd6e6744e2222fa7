// Staff mode end to end: daily entry in IndexedDB, dashboard totals after a
// reload, JSON (checked against its JSON Schema) and CSV exports, merging an
// export from a second browser, and refusing bad files without changing data.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './app.js';
import { StaffPage, DURING_CAMPAIGN, RECOVERY_CODE } from './staff-page.js';

const here = dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(await readFile(join(here, '../../public/schema/tally-export-v1.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

const days = ['2023-06-22', '2023-06-23', '2023-06-24'];

async function enterThreeDays(staff) {
  for (const [i, day] of days.entries()) {
    await staff.enter(day, 'district-team', { applications: 10 + i, activations: 5 + i });
    await staff.enter(day, 'ward-police', { applications: 20 + i, activations: 8 + i });
  }
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(DURING_CAMPAIGN);
});

test('counts for two units over three days survive a reload and add up on the dashboard', async ({ app, page }) => {
  const staff = new StaffPage(page);
  await staff.open();
  // Before 08:00 yesterday is offered; at 10:00 the form opens on today.
  await expect(page.locator('#entry-date')).toHaveValue('2023-06-25');
  await enterThreeDays(staff);
  await page.reload();
  await staff.tab('Tiến độ').click();
  await expect(page).toHaveURL(/v=dashboard/);
  await expect.poll(() => staff.totals()).toEqual({ applications: '96', activations: '45' });
  await expect(staff.unitRow('district-team')).toContainText('33');
  await expect(staff.unitRow('ward-police')).toContainText('63');
  await expect(page.locator('figure.chart figcaption')).toContainText('96');
  // The report of 23/06: each unit's day and running totals, and chat text in Vietnamese.
  await page.goto('staff/?v=report');
  await page.locator('#report-date').fill('2023-06-23');
  await expect(page.locator('.report-table tbody tr[data-unit="district-team"]')).toContainText('11');
  await expect(page.locator('#report-text')).toHaveValue(/Báo cáo ngày 23\/06\/2023/);
  await expect(page.locator('#report-text')).toHaveValue(/Hồ sơ cấp tài khoản định danh điện tử đã thu nhận: 32 \(lũy kế 62\)/);
});

test('saving over a day shows the old counts, keeps an audit record and validates fields', async ({ app, page }) => {
  const staff = new StaffPage(page);
  await staff.open();
  await staff.enter('2023-06-24', 'district-team', { applications: 12, activations: 4 });
  await page.locator('#count-applications').fill('-3');
  await expect(page.locator('#count-applications')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field-error').first()).toContainText('không được âm');
  await page.locator('#count-applications').fill('2.5');
  await expect(page.locator('.field-error').first()).toContainText('số nguyên');
  await page.locator('#count-applications').fill('15');
  await expect(page.locator('[data-existing]')).toContainText('12');
  await page.locator('#reason').fill('thêm hồ sơ buổi chiều');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.locator('[data-save-state="save-ok"]')).toContainText('Đã lưu');
  await expect(page.getByRole('region', { name: 'Lịch sử sửa đổi' })).toContainText('12 → 15');
  await expect(page.getByRole('region', { name: 'Lịch sử sửa đổi' })).toContainText('thêm hồ sơ buổi chiều');
  // A day after today is refused; a day before the campaign needs an explicit override.
  await page.locator('#entry-date').fill('2023-06-26');
  await page.locator('#count-applications').fill('1');
  await page.locator('#count-activations').fill('1');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.locator('#date-error')).toContainText('chưa tới');
  await page.locator('#entry-date').fill('2023-06-10');
  await expect(page.locator('#date-error')).toContainText('ngoài thời gian chiến dịch');
});

test('exports JSON that matches its schema and CSV with a BOM', async ({ app, page }) => {
  const staff = new StaffPage(page);
  await staff.open();
  await enterThreeDays(staff);
  await staff.enter('2023-06-22', 'district-team', { applications: 11, activations: 5 });
  await page.goto('staff/?v=data');
  await expect(page.locator('[data-backup="line"]')).toContainText('Chưa xuất');
  const { name, json } = await staff.exportJson();
  expect(name).toMatch(/^hcm-q3-2023_2023-06-25_d-[a-z0-9]+\.json$/);
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  expect(json).toMatchObject({ format: 'vneid-campaign-tally', version: 1, campaign: 'hcm-q3-2023', indicators: ['applications', 'activations'] });
  expect(json.generated_at).toBe('2023-06-25T10:00:00+07:00');
  expect(json.entries).toHaveLength(6);
  expect(json.entries[0]).toMatchObject({ date: '2023-06-22', unit: 'district-team', counts: { applications: 11, activations: 5 } });
  expect(json.audit).toHaveLength(1);
  expect(json.audit[0]).toMatchObject({ old: { applications: 10 }, new: { applications: 11 } });
  // A started download is not a backup: the reminder stays until staff confirm they have the file.
  const pending = page.locator('[data-export="pending"]');
  await expect(pending).toBeVisible();
  await expect(pending).toContainText(name);
  await expect(page.locator('[data-backup="line"]')).toContainText('Chưa xuất');
  await staff.confirmExport();
  await expect(page.locator('[data-backup="line"]')).toContainText('Lần xuất gần nhất: 25/06/2023 10:00');
  // The confirmed time is stored, not only shown.
  await page.reload();
  await expect(page.locator('[data-backup="line"]')).toContainText('Lần xuất gần nhất: 25/06/2023 10:00');

  const csv = await staff.download('#export-csv');
  expect(csv.name).toMatch(/^hcm-q3-2023_2023-06-25_d-[a-z0-9]+\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines).toHaveLength(7);
  expect(lines[0]).toBe('Ngày,Mã đơn vị,Đơn vị,Hồ sơ cấp tài khoản định danh điện tử đã thu nhận,Tài khoản định danh điện tử đã kích hoạt');
  expect(lines).toContain('2023-06-24,ward-police,Công an 12 phường (gộp; thêm từng phường trong chế độ cán bộ),22,10');
});

test('an export from a second browser is previewed and merged', async ({ app, page, browser }, testInfo) => {
  const staff = new StaffPage(page);
  await staff.open();
  await enterThreeDays(staff);

  // Another kiosk: one day the same, one different (saved later), one new.
  const other = await browser.newContext({ timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1024, height: 800 } });
  const otherPage = await other.newPage();
  await otherPage.clock.setFixedTime(new Date('2023-06-25T11:00:00+07:00'));
  const kiosk = new StaffPage(otherPage);
  await kiosk.open();
  await kiosk.enter('2023-06-22', 'district-team', { applications: 10, activations: 5 });
  await kiosk.enter('2023-06-23', 'ward-police', { applications: 30, activations: 9 });
  await kiosk.enter('2023-06-25', 'ward-police', { applications: 7, activations: 2 });
  await otherPage.goto('staff/?v=data');
  const exported = await kiosk.exportJson();
  await other.close();
  const path = testInfo.outputPath(exported.name);
  await writeFile(path, exported.bytes);

  await page.goto('staff/?v=data');
  await staff.importFiles([path]);
  const preview = page.locator('[data-import="preview"]');
  await expect(preview).toBeVisible();
  await expect(preview.locator('tr[data-unit="district-team"] [data-cell="identical"]')).toHaveText('1');
  await expect(preview.locator('tr[data-unit="ward-police"] [data-cell="new"]')).toHaveText('1');
  await expect(preview.locator('tr[data-unit="ward-police"] [data-cell="conflicts"]')).toHaveText('1');
  await expect(preview.locator('[data-conflict="0"]')).toContainText('30');
  await expect(preview.locator('[data-conflict="0"]')).toContainText('21');
  await page.getByLabel('Lấy số trong tệp').check();
  await page.getByRole('button', { name: 'Gộp vào dữ liệu của máy này' }).click();
  await expect(page.locator('[data-outcome="ok"]')).toContainText('1');

  await staff.tab('Tiến độ').click();
  // 96 + (30 − 21) + 7 applications; 45 + (9 − 9) + 2 activations.
  await expect.poll(() => staff.totals()).toEqual({ applications: '112', activations: '47' });

  // The same file again brings nothing.
  await page.goto('staff/?v=data');
  await staff.importFiles([path]);
  await expect(page.locator('[data-import="nothing"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gộp vào dữ liệu của máy này' })).toBeDisabled();
});

test('malformed and wrong-campaign files are refused, naming the file and place, and nothing changes', async ({ app, page }, testInfo) => {
  const staff = new StaffPage(page);
  await staff.open();
  await enterThreeDays(staff);
  await page.goto('staff/?v=data');
  const before = await staff.exportJson();

  const malformed = testInfo.outputPath('hong.json');
  await writeFile(malformed, '{"format": "vneid-campaign-tally", "version": 1, "entries": [');
  const wrongCampaign = testInfo.outputPath('duyen-hai.json');
  await writeFile(wrongCampaign, JSON.stringify({ ...before.json, campaign: 'tv-duyen-hai-2023' }));
  const badCount = testInfo.outputPath('am.json');
  const negative = structuredClone(before.json);
  negative.entries[4].counts.activations = -5;
  await writeFile(badCount, JSON.stringify(negative));

  await staff.importFiles([malformed, wrongCampaign, badCount]);
  const refused = page.locator('[data-import="refused"]');
  await expect(refused).toBeVisible();
  await expect(refused.locator('[data-refused="hong.json"]')).toContainText('không phải JSON hợp lệ');
  await expect(refused.locator('[data-refused="duyen-hai.json"]')).toContainText('chiến dịch khác');
  await expect(refused.locator('[data-refused="duyen-hai.json"]')).toContainText('tv-duyen-hai-2023');
  await expect(refused.locator('[data-refused="am.json"]')).toContainText('entries[4].counts.activations');
  await expect(page.locator('[data-import="preview"]')).toHaveCount(0);

  await page.reload();
  const after = await staff.exportJson();
  expect(after.json.entries).toEqual(before.json.entries);
  expect(after.json.audit).toEqual(before.json.audit);
});

test('the citizen pages link to staff mode, which keeps its data out of the citizen side', async ({ app, page }) => {
  await app.open('');
  await page.getByRole('navigation').getByRole('link', { name: 'Cán bộ' }).click();
  await expect(page).toHaveURL(/\/vneid-campaign\/staff\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Chế độ cán bộ');
  const staff = new StaffPage(page);
  await expect(page.locator('[data-storage]')).toBeVisible();
  await staff.enter('2023-06-24', 'district-team', { applications: 3, activations: 1 });
  await expect(page.locator('[data-chosen-day]')).toHaveText('24/06/2023');
  await page.getByRole('link', { name: '← Trang hướng dẫn cho người dân' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Nothing staff entered shows on the citizen side.
  await expect(page.locator('body')).not.toContainText('district-team');
  await expect(page.locator('body')).not.toContainText('Đã lưu');
});

test('without IndexedDB (private mode) a banner says so and counting still works in memory', async ({ app, page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); },
    });
  });
  const staff = new StaffPage(page);
  await page.goto('staff/');
  await expect(page.locator('[data-storage="memory"]')).toBeVisible();
  await expect(page.locator('[data-storage="memory"]')).toContainText('chỉ giữ trong thẻ này');
  await staff.enter('2023-06-24', 'ward-police', { applications: 4, activations: 2 });
  await staff.tab('Tiến độ').click();
  await expect.poll(() => staff.totals()).toEqual({ applications: '4', activations: '2' });
});

for (const lang of ['vi', 'en']) {
  test(`every staff section has no axe violations (${lang}), with data and an invalid field`, async ({ app, page }) => {
    const staff = new StaffPage(page);
    await staff.open();
    await staff.enter('2023-06-24', 'district-team', { applications: 5, activations: 3 });
    await page.evaluate((l) => localStorage.setItem('vneid-campaign:lang', l), lang);
    for (const section of ['entry', 'dashboard', 'report', 'data', 'settings']) {
      await staff.open(section);
      await page.locator('main h2').first().waitFor();
      if (section === 'entry') await page.locator('#count-applications').fill('-1');
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(result.violations.map((v) => `${section}: ${v.id} ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    }
  });
}

test('a staff PIN is stored only as a salted hash, locks staff mode, and wrong tries slow down', async ({ app, page }) => {
  const staff = new StaffPage(page);
  await staff.open('settings');
  await page.locator('#new-pin').fill('12');
  await page.locator('#new-pin-again').fill('12');
  await page.getByRole('button', { name: 'Đặt mã PIN' }).click();
  await expect(page.getByText('Mã PIN gồm 4 đến 8 chữ số.')).toBeVisible();
  // The first PIN is a deliberate step; it comes with a recovery code shown once.
  const code = await staff.setFirstPin('2468');
  await expect(page.locator('[data-recovery="shown"]')).toContainText('chỉ hiện một lần');
  const stored = await staff.meta('pin');
  expect(stored).not.toContain('2468');
  expect(JSON.parse(stored)).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: 210000, salt: expect.stringMatching(/^[0-9a-f]{32}$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  // The recovery code too is kept only as a salted hash.
  const recovery = await staff.meta('pin_recovery');
  expect(recovery).not.toContain(code.replaceAll('-', ''));
  expect(recovery).not.toContain(code);
  expect(JSON.parse(recovery)).toMatchObject({ salt: expect.stringMatching(/^[0-9a-f]{32}$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(JSON.parse(recovery).salt).not.toBe(JSON.parse(stored).salt);
  await page.getByRole('button', { name: 'Tôi đã ghi lại mã' }).click();
  await expect(page.locator('[data-recovery]')).toHaveCount(0);

  // A reload opens on the lock screen: nothing of staff data shows.
  await page.reload();
  await expect(page.locator('[data-lock="locked"]')).toBeVisible();
  await expect(page.locator('[data-pin]')).toHaveCount(0);
  for (const wrong of ['1111', '2222', '3333']) {
    await page.locator('#unlock-pin').fill(wrong);
    await page.getByRole('button', { name: 'Mở khóa' }).click();
    await expect(page.locator('#unlock-message')).toContainText('Mã PIN không đúng.');
  }
  await expect(page.locator('#unlock-message')).toContainText('Vui lòng chờ 2 giây');
  // Even the right PIN waits out the delay.
  await page.locator('#unlock-pin').fill('2468');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.locator('#unlock-message')).toHaveText(/^Vui lòng chờ \d+ giây\.$/);
  await expect(page.getByRole('button', { name: 'Mở khóa' })).toBeEnabled();
  await page.clock.setFixedTime(new Date(DURING_CAMPAIGN.getTime() + 3_000));
  await page.locator('#unlock-pin').fill('2468');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.locator('[data-pin="set"]')).toBeVisible();
  await expect(page.locator('[data-lock]')).toHaveCount(0);
});

test('the staff PIN cannot be taken over: the first one needs the first-run step, changing or removing it the current one', async ({ app, page }) => {
  const staff = new StaffPage(page);
  await staff.open('settings');
  // Without the first-run step nothing is set, even with a valid PIN typed twice.
  await staff.submitPin({ pin: '2468' });
  await expect(staff.pinMessage).toHaveText('Đánh dấu ô xác nhận ở trên để đặt mã PIN đầu tiên.');
  await expect(page.locator('[data-pin]')).toHaveAttribute('data-pin', 'none');
  await expect(page.locator('[data-recovery]')).toHaveCount(0);
  expect(await staff.meta('pin')).toBeFalsy();
  await page.reload();
  await expect(page.locator('[data-pin="none"]')).toBeVisible();
  await expect(page.locator('[data-lock]')).toHaveCount(0);

  await staff.setFirstPin('2468');
  const record = await staff.meta('pin');
  const recovery = await staff.meta('pin_recovery');
  // A wrong current PIN changes nothing …
  await staff.submitPin({ current: '1111', pin: '1357' });
  await expect(staff.pinMessage).toHaveText('Mã PIN không đúng.');
  await expect(page.locator('[data-pin]')).toHaveAttribute('data-pin', 'set');
  // … and removes nothing.
  await staff.removePin('0000');
  await expect(staff.pinMessage).toHaveText('Mã PIN không đúng.');
  await expect(page.locator('[data-pin]')).toHaveAttribute('data-pin', 'set');
  expect(await staff.meta('pin')).toBe(record);
  expect(await staff.meta('pin_recovery')).toBe(recovery);
  // Locked, the old PIN still opens staff mode.
  await page.getByRole('button', { name: 'Khóa ngay' }).click();
  await expect(staff.lockScreen).toBeVisible();
  await staff.unlock('2468');
  await expect(page.locator('[data-pin="set"]')).toBeVisible();

  // With the right current PIN both work.
  await staff.submitPin({ current: '2468', pin: '1357' });
  await expect(staff.pinMessage).toHaveText('Đã đặt mã PIN.');
  await expect(page.locator('[data-recovery="shown"] code')).toHaveText(RECOVERY_CODE);
  expect(await staff.meta('pin')).not.toBe(record);
  await staff.removePin('1357');
  await expect(staff.pinMessage).toHaveText('Đã bỏ mã PIN.');
  await expect(page.locator('[data-pin]')).toHaveAttribute('data-pin', 'none');
  expect(await staff.meta('pin')).toBeFalsy();
});

test('a forgotten PIN is removed with the recovery code, and every count is kept', async ({ app, page }) => {
  const staff = new StaffPage(page);
  await staff.open('settings');
  const code = await staff.setFirstPin('2468');
  await page.getByRole('button', { name: 'Tôi đã ghi lại mã' }).click();
  await staff.tab('Nhập số liệu').click();
  await staff.enter('2023-06-24', 'district-team', { applications: 7, activations: 3 });

  await page.reload();
  await expect(staff.lockScreen).toBeVisible();
  await staff.lockScreen.getByText('Quên mã PIN?').click();
  const recover = page.getByRole('button', { name: 'Gỡ mã PIN bằng mã khôi phục' });
  // A well-formed code that is not this device's: refused, still locked.
  const wrong = code === 'ABCD-EFGH-JKMN' ? 'ABCD-EFGH-JKMP' : 'ABCD-EFGH-JKMN';
  await page.locator('#recovery-code').fill(wrong);
  await recover.click();
  // The message is the recovery form's own, next to the code and read with it; the PIN form's stays empty.
  await expect(page.locator('#recovery-message')).toContainText('không đúng', { timeout: 20_000 });
  await expect(page.locator('#recovery-code')).toHaveAttribute('aria-describedby', 'recovery-message');
  await expect(page.locator('#unlock-message')).toHaveText('');
  await expect(page.locator('#recovery-code')).toHaveValue('');
  await expect(staff.lockScreen).toBeVisible();
  await expect(page.locator('[data-pin]')).toHaveCount(0);
  expect(await staff.meta('pin')).toBeTruthy();

  // The right code, typed in lower case with spaces, removes the PIN and opens the settings.
  await page.locator('#recovery-code').fill(code.toLowerCase().replaceAll('-', ' '));
  await recover.click();
  await expect(page.locator('[data-lock]')).toHaveCount(0, { timeout: 20_000 });
  await expect(page).toHaveURL(/[?&]v=settings\b/);
  await expect(page.locator('[data-pin="none"]')).toBeVisible();
  expect(await staff.meta('pin')).toBeFalsy();
  expect(await staff.meta('pin_recovery')).toBeFalsy();
  await staff.tab('Tiến độ').click();
  await expect.poll(() => staff.totals()).toEqual({ applications: '7', activations: '3' });
  // It stays open after a reload, with the count in the entry form.
  await staff.open('entry');
  await expect(page.locator('[data-lock]')).toHaveCount(0);
  await page.locator('#entry-date').fill('2023-06-24');
  await page.locator('#entry-unit').selectOption('district-team');
  await expect(page.locator('#count-applications')).toHaveValue('7');
  await expect(page.locator('#count-activations')).toHaveValue('3');
});

test('a save planned before another tab saved the same day is refused, keeps what was typed, and a second save records old → new', async ({ app, page }) => {
  test.setTimeout(60_000);
  const context = page.context();
  const a = new StaffPage(page);
  const b = new StaffPage(await context.newPage());
  await a.open();
  await b.open();
  /** What is stored for 24/06, District 3 team, read in a fresh tab. */
  const stored = async () => {
    const reader = new StaffPage(await context.newPage());
    await reader.open();
    await reader.page.locator('#entry-date').fill('2023-06-24');
    await reader.page.locator('#entry-unit').selectOption('district-team');
    await expect(reader.page.locator('[data-existing]')).toBeVisible();
    const counts = await reader.formCounts();
    await reader.page.close();
    return counts;
  };

  // Tab B fills its form; tab A then saves the same day and unit.
  await b.page.locator('#entry-date').fill('2023-06-24');
  await b.page.locator('#entry-unit').selectOption('district-team');
  await b.page.locator('#count-applications').fill('9');
  await b.page.locator('#count-activations').fill('4');
  await a.enter('2023-06-24', 'district-team', { applications: 5, activations: 2 });
  // B hears of it (the stored counts show) and keeps its day, unit and typed counts.
  await expect.poll(() => b.page.evaluate(() => ({
    day: document.querySelector('#entry-date').value,
    unit: document.querySelector('#entry-unit').value,
    typed: [document.querySelector('#count-applications').value, document.querySelector('#count-activations').value],
    storedShown: !!document.querySelector('[data-existing]'),
  })), { message: 'tab B keeps its form when tab A saves', timeout: 15_000 }).toEqual({ day: '2023-06-24', unit: 'district-team', typed: ['9', '4'], storedShown: true });

  // B's save does not overwrite A's counts.
  await b.page.getByRole('button', { name: 'Lưu', exact: true }).click();
  const stale = b.page.locator('[data-save-state="save-failed"]');
  await expect(stale).toHaveText('Số liệu của ngày và đơn vị này vừa được lưu ở một thẻ hoặc cửa sổ khác nên chưa lưu gì. Số đã lưu hiện ở bên dưới từng ô; số bạn nhập vẫn còn. Kiểm tra rồi bấm Lưu lại nếu vẫn đúng.');
  expect(await b.formCounts()).toEqual(['9', '4']);
  await expect(b.page.locator('#entry-date')).toHaveValue('2023-06-24');
  expect(await stored()).toEqual(['5', '2']);

  // Saving again, knowingly, stores B's counts with an audit record of A's → B's.
  await b.page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(b.page.locator('[data-save-state="save-ok"]')).toContainText('Đã lưu');
  expect(await stored()).toEqual(['9', '4']);
  const history = b.page.getByRole('region', { name: 'Lịch sử sửa đổi' });
  await expect(history).toContainText('5 → 9');
  await expect(history).toContainText('2 → 4');
});

test('a correction reason with markup is kept as plain text, exported, and imported elsewhere', async ({ app, page, browser }, testInfo) => {
  test.setTimeout(60_000);
  const reason = '<b>sửa</b> & "x"';
  const staff = new StaffPage(page);
  await staff.open();
  await staff.enter('2023-06-24', 'district-team', { applications: 12, activations: 4 });
  await page.locator('#count-applications').fill('15');
  await page.locator('#reason').fill(reason);
  await expect(page.locator('#reason')).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.locator('[data-save-state="save-ok"]')).toContainText('Đã lưu');
  const history = page.getByRole('region', { name: 'Lịch sử sửa đổi' });
  await expect(history.locator('tbody td').filter({ hasText: 'sửa' })).toHaveText(reason);
  await expect(history.locator('b')).toHaveCount(0);

  await page.goto('staff/?v=data');
  const exported = await staff.exportJson();
  // The published schema describes the file the app writes (soft: the import below still runs).
  expect.soft(validate(exported.json), `export matches tally-export-v1.schema.json: ${JSON.stringify(validate.errors)}`).toBe(true);
  expect(exported.json.audit).toHaveLength(1);
  expect(exported.json.audit[0].reason).toBe(reason);
  const path = testInfo.outputPath(exported.name);
  await writeFile(path, exported.bytes);

  // Another device takes the file as it is.
  const other = await browser.newContext({ timezoneId: 'Asia/Ho_Chi_Minh' });
  try {
    const otherPage = await other.newPage();
    await otherPage.clock.setFixedTime(new Date('2023-06-25T11:00:00+07:00'));
    const kiosk = new StaffPage(otherPage);
    await kiosk.open('data');
    await kiosk.importFiles([path]);
    await expect(otherPage.locator('[data-import="preview"]')).toBeVisible();
    await expect(otherPage.locator('[data-import="refused"]')).toHaveCount(0);
    await expect(otherPage.locator('[data-import="preview"] tr[data-unit="district-team"] [data-cell="new"]')).toHaveText('1');
    await otherPage.getByRole('button', { name: 'Gộp vào dữ liệu của máy này' }).click();
    await expect(otherPage.locator('[data-outcome="ok"]')).toBeVisible();
    await kiosk.tab('Nhập số liệu').click();
    await otherPage.locator('#entry-date').fill('2023-06-24');
    await otherPage.locator('#entry-unit').selectOption('district-team');
    const otherHistory = otherPage.getByRole('region', { name: 'Lịch sử sửa đổi' });
    await expect(otherHistory).toContainText('12 → 15');
    await expect(otherHistory.locator('tbody td').filter({ hasText: 'sửa' })).toHaveText(reason);
    await expect(otherHistory.locator('b')).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test('the QR poster encodes the site address, editable, with the place printed', async ({ app, page, baseURL }) => {
  const { default: jsQR } = await import('jsqr');
  const { PNG } = await import('pngjs');
  const staff = new StaffPage(page);
  await staff.open('poster');
  await expect(page.locator('#poster-url')).toHaveValue(baseURL);
  await page.locator('#poster-place').fill('Chung cư Nguyễn Thiện Thuật');
  const poster = page.locator('[data-poster]');
  await expect(poster).toContainText('Chung cư Nguyễn Thiện Thuật');
  await expect(poster).toContainText('Quét bằng camera của điện thoại');
  const decode = async () => {
    const shot = PNG.sync.read(await poster.locator('.poster-qr').screenshot());
    return jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)?.data;
  };
  expect(await decode()).toBe(baseURL);
  await page.locator('#poster-url').fill('https://example.github.io/vneid-campaign/');
  await expect(poster.locator('.poster-url')).toHaveText('https://example.github.io/vneid-campaign/');
  expect(await decode()).toBe('https://example.github.io/vneid-campaign/');
});

// Found while reviewing sync: the browser's clock has milliseconds, stored stamps are whole seconds.
test('a second save of the same day and unit in one session, at a time with milliseconds, is not refused as changed elsewhere', async ({ app, page }) => {
  await page.clock.setFixedTime(new Date(DURING_CAMPAIGN.getTime() + 1_234));
  const staff = new StaffPage(page);
  await staff.open();
  await staff.enter('2023-06-24', 'district-team', { applications: 12, activations: 4 });
  await staff.enter('2023-06-24', 'district-team', { applications: 13, activations: 4 });
  await expect(page.getByRole('region', { name: 'Lịch sử sửa đổi' })).toContainText('12 → 13');
});
