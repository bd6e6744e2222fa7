// The campaign editor (staff/editor/, its own page and wasm): a small campaign built from
// nothing, mistakes shown at their fields, the preview of the offices page with its live
// status, the file downloaded and copied, and bad files refused.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './app.js';
import { EditorPage } from './editor-page.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Wednesday 02/12/2026, 18:00 in Vietnam (the tests run in New York time).
const EVENING = new Date('2026-12-02T18:00:00+07:00');

/**
 * Runs the build's own checks (`Campaign::from_json`, as `cargo test` does) on a file; with the
 * `ssr` feature of `make test-native` and the prerender step, so nothing is compiled again.
 */
function buildCheck(file) {
  try {
    return { ok: true, out: execFileSync('cargo', ['run', '--quiet', '--locked', '--features', 'ssr', '--bin', 'check-campaign', '--', file], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (err) {
    return { ok: false, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a campaign built from nothing: mistakes at their fields, preview with live status, download that the build accepts', async ({ app, page }, testInfo) => {
  // Compiling the checker on a loaded machine can take a while (it is usually built by `cargo test`).
  test.setTimeout(300_000);
  await page.clock.setFixedTime(EVENING);
  const editor = new EditorPage(page);
  // Staff mode links to the editor, its own page.
  await page.goto('staff/?v=entry');
  await page.locator('[data-editor-link]').click();
  await expect(page.locator('#editor-title')).toHaveText('Soạn tệp chiến dịch');
  await expect(editor.field('id')).toHaveValue('hcm-q3-2023');

  await page.getByRole('button', { name: 'Bắt đầu chiến dịch mới' }).click();
  await expect(editor.field('id')).toHaveValue('');
  await expect(editor.summary).toContainText('period.start');

  await editor.type('id', 'phuong-test-2026');
  await editor.text('name', 'Chiến dịch thử', 'Test campaign');
  await editor.text('area', 'Phường Thử', 'Test Ward');
  await editor.text('issuer', 'UBND phường Thử', 'Test Ward People’s Committee');
  await editor.text('audience', 'Người dân từ 14 tuổi', 'Residents aged 14 and over');
  await editor.text('document.title', 'Kế hoạch thử', 'Test plan');
  await editor.type('period.start', '2026-12-01');
  // An impossible date is shown at its field, and the file is not accepted.
  await editor.type('period.end', '2026-02-30');
  await expect(editor.problems('period.end')).toContainText('Không phải ngày có thật');
  await expect(editor.field('period.end')).toHaveAttribute('aria-invalid', 'true');
  await editor.type('period.end', '2026-12-31');
  await expect(editor.problems('period.end')).toBeEmpty();

  await editor.add('offices');
  await editor.type('offices[0].id', 'cong-an-phuong');
  await editor.text('offices[0].name', 'Công an phường Thử', 'Test Ward Police');
  await editor.text('offices[0].address', 'Số 1 đường Thử', '1 Test Street');
  await editor.addHours('offices[0].opening_hours', [0, 1, 2, 3, 4], '17:30', '20:30');
  await expect(editor.field('offices[0].opening_hours')).toHaveValue('Mo-Fr 17:30-20:30');
  await expect(page.locator('.hours-rows')).toContainText('Thứ Hai – Thứ Sáu: 17:30–20:30');
  // Hours typed by hand: 25:00 is refused at the field.
  await editor.type('offices[0].opening_hours', 'Mo-Fr 17:30-25:00');
  await expect(editor.problems('offices[0].opening_hours')).toContainText('25:00');
  await editor.type('offices[0].opening_hours', 'Mo-Fr 17:30-20:30');
  // An empty name is refused at its field.
  await editor.field('offices[0].name.vi').fill('');
  await expect(editor.problems('offices[0].name')).toContainText('Cần điền cả tiếng Việt và tiếng Anh');
  await editor.field('offices[0].name.vi').fill('Công an phường Thử');
  await expect(editor.problems('offices[0].name')).toBeEmpty();

  await editor.add('units');
  await editor.type('units[0].id', 'to-1');
  await editor.text('units[0].name', 'Tổ dân phố 1', 'Residential group 1');
  await editor.add('indicators');
  await editor.type('indicators[0].id', 'activations');
  await editor.text('indicators[0].name', 'Tài khoản đã kích hoạt', 'Accounts activated');
  await editor.add('targets');
  // A required choice not made yet shows as such (not as its first option).
  await expect(editor.field('targets[0].indicator')).toHaveValue('');
  await expect(editor.problems('targets[0]')).toContainText('count');
  await editor.field('targets[0].indicator').selectOption('activations');
  await editor.text('targets[0].description', 'Cả phường', 'The whole ward');
  // A target below 0, then fixed.
  await editor.type('targets[0].count', '-5');
  await expect(editor.problems('targets[0].count')).toContainText('Không được nhỏ hơn 0');
  await expect(editor.summary).toContainText('targets[0].count');
  await editor.type('targets[0].count', '500');
  await expect(editor.summary).toContainText('Không có lỗi');

  // The offices page as citizens will see it, with its status at this (Vietnam) time.
  const preview = await editor.preview('offices');
  await expect(preview.locator('h1')).toHaveText('Nơi làm thủ tục và giờ làm việc');
  await expect(preview).toContainText('Công an phường Thử');
  await expect(preview).toContainText('Số 1 đường Thử');
  await expect(preview.locator('[data-live="office"]')).toContainText('Đang mở cửa, đến 20:30');

  // Download, and the build's own checks accept the file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('phuong-test-2026.json');
  const file = testInfo.outputPath('phuong-test-2026.json');
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  const checked = buildCheck(file);
  expect(checked.out).toContain('passes every check');
  expect(checked.ok).toBe(true);
  expect(JSON.parse(text).offices[0].opening_hours).toBe('Mo-Fr 17:30-20:30');

  // Copy gives the same text.
  await page.getByRole('button', { name: 'Sao chép nội dung' }).click();
  await expect(page.locator('[data-saved]')).toHaveText('Đã sao chép.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

  // The downloaded file opens again from disk.
  await page.getByRole('button', { name: 'Bắt đầu chiến dịch mới' }).click();
  await expect(editor.field('id')).toHaveValue('');
  await page.locator('#editor-file').setInputFiles(file);
  await expect(editor.openMessage).toContainText('Đã mở: phuong-test-2026.json');
  await expect(editor.field('offices[0].opening_hours')).toHaveValue('Mo-Fr 17:30-20:30');
});

test('files that are not campaigns are refused with a message and change nothing; unsaved edits are not replaced without asking', async ({ app, page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.type('id', 'da-sua');
  const attempts = [
    { name: 'export.json', body: '{"format_version": 1, "entries": []}', says: 'không phải tệp chiến dịch' },
    { name: 'broken.json', body: '{\n  "id": ', says: 'không phải JSON: lỗi ở dòng 2' },
    { name: 'photo.png', body: '\x89PNG\r\n', says: 'không phải JSON' },
  ];
  for (const { name, body, says } of attempts) {
    await page.locator('#editor-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body, 'binary') });
    await expect(editor.openMessage).toContainText(name);
    await expect(editor.openMessage).toContainText(says);
    await expect(editor.field('id')).toHaveValue('da-sua');
  }
  // A source naming a field the office does not have is shown at the source field, and its
  // link in the summary leads there.
  const source = await editor.field('offices[0].source').inputValue();
  await editor.type('offices[0].source', 'adress: III.6.2');
  await expect(editor.problems('offices[0].source')).toContainText('"adress" is not a field here');
  await editor.summary.getByRole('link', { name: 'Nơi tiếp nhận – 1 › Nguồn (mục của văn bản) › adress' }).click();
  await expect(editor.field('offices[0].source')).toBeFocused();
  await editor.type('offices[0].source', source);
  await expect(editor.problems('offices[0].source')).toBeEmpty();
  // Starting again over unsaved edits asks first; saying no keeps them.
  let asked = '';
  page.once('dialog', (dialog) => { asked = dialog.message(); dialog.dismiss(); });
  await page.getByRole('button', { name: 'Bắt đầu chiến dịch mới' }).click();
  expect(asked).toContain('Thay nội dung đang soạn');
  await expect(editor.field('id')).toHaveValue('da-sua');
  // Removing an entry asks too; yes removes it.
  const before = await page.locator('#f-offices > .editor-item').count();
  page.once('dialog', (dialog) => dialog.accept());
  await page.locator('#f-offices-0 > button').click();
  await expect(page.locator('#f-offices > .editor-item')).toHaveCount(before - 1);
  // Another campaign of the deployment opens after the question.
  page.once('dialog', (dialog) => dialog.accept());
  await page.locator('#editor-deployment').selectOption('tv-duyen-hai-2023');
  await page.getByRole('button', { name: 'Mở chiến dịch này' }).click();
  await expect(editor.field('id')).toHaveValue('tv-duyen-hai-2023');
  await expect(editor.summary).toContainText('Không có lỗi');
  // A campaign file with a key the format does not have opens; the key is named and removed
  // from the summary. A file with a key written twice is refused (the editor would drop one).
  const seed = JSON.parse(await readFile(resolve(root, 'tests/fixtures/campaigns/tv-duyen-hai-2023.json'), 'utf8'));
  seed.offices[0].website = 'https://example.org';
  await page.locator('#editor-file').setInputFiles({ name: 'extra.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(seed)) });
  await expect(editor.openMessage).toContainText('Đã mở: extra.json');
  await expect(editor.summary).toContainText('offices[0].website');
  await editor.summary.getByRole('button', { name: 'Xoá khỏi tệp: offices[0].website' }).click();
  await expect(editor.summary).toContainText('Không có lỗi');
  const twice = JSON.stringify(seed).replace('"id":"tv-duyen-hai-2023"', '"id":"tv-duyen-hai-2023","id":"other"');
  await page.locator('#editor-file').setInputFiles({ name: 'twice.json', mimeType: 'application/json', buffer: Buffer.from(twice) });
  await expect(editor.openMessage).toContainText('twice.json ghi một mục hai lần');
  await expect(editor.field('id')).toHaveValue('tv-duyen-hai-2023');
});
