// The printable handout: at most two A4 pages, a QR code that decodes to the
// site's address, sources under its statements, and reachable without JavaScript.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { test, expect } from './app.js';

test('the handout prints on at most two A4 pages and its QR code decodes to the site', async ({ app, page }) => {
  await page.goto('handout/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hướng dẫn tài khoản định danh điện tử VNeID');
  for (const text of ['Cài ứng dụng VNeID', 'Thẻ Căn cước công dân gắn chip', 'Đội Cảnh sát QLHC về TTXH', 'Cảnh giác lừa đảo']) {
    await expect(page.locator('main')).toContainText(text);
  }
  // Every statement with its source.
  await expect(page.locator('main .src').first()).toContainText('Nguồn');
  expect(await page.locator('main .src').count()).toBeGreaterThan(5);
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ format: 'A4', printBackground: false })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThan(0);
  expect(pages.length).toBeLessThanOrEqual(2);

  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 800, height: 1000 });
  const svg = page.locator('.qr svg');
  await expect(svg).toBeVisible();
  const shot = PNG.sync.read(await svg.screenshot());
  const code = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
  expect(code, 'the QR code decodes').not.toBeNull();
  expect(code.data).toBe(await page.locator('.qr .url').innerText());
  expect(code.data).toMatch(/^https?:\/\/.+\/$/);
});

test('every campaign has a handout of at most two pages, in both languages', async ({ app, page }) => {
  test.setTimeout(60_000);
  for (const name of ['hcm-q3-2023', 'tv-duyen-hai-2023', 'dn-tam-thuan-2024', 'hn-awareness-2022', 'hcm-binh-thanh-2023']) {
    for (const suffix of ['', '.en']) {
      const response = await page.goto(`handout/${name}${suffix}.html`);
      // The handout itself, not the not-found page (which would also print on one page).
      expect(response.status(), `${name}${suffix}`).toBe(200);
      await expect(page.locator('.qr svg')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', suffix ? 'en' : 'vi');
      await page.emulateMedia({ media: 'print' });
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, `${name}${suffix}`).toBeLessThanOrEqual(2);
    }
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the guide links to the handout, which shows steps, documents and offices, and links back', async ({ page, baseURL }) => {
    await page.goto('guide/');
    await page.getByRole('link', { name: 'In tờ hướng dẫn' }).click();
    await expect(page).toHaveURL(`${baseURL}handout/hcm-q3-2023.html`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hướng dẫn tài khoản định danh điện tử VNeID');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([
      'Các bước đăng ký tài khoản định danh điện tử', 'Giấy tờ cần mang', 'Nơi làm thủ tục và giờ làm việc', 'Cảnh giác lừa đảo',
    ]);
    await expect(page.locator('.offices li').first()).toContainText('07:30');
    await page.getByRole('link', { name: 'Mở trang hướng dẫn đầy đủ' }).click();
    await expect(page).toHaveURL(baseURL);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký và kích hoạt tài khoản định danh điện tử');
  });
});

test('the guide links to the printable handout of the campaign and language shown, and back', async ({ app, page, baseURL }) => {
  test.setTimeout(60_000);
  await app.open('guide/');
  await page.getByRole('link', { name: 'In tờ hướng dẫn' }).click();
  await expect(page).toHaveURL(`${baseURL}handout/hcm-q3-2023.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await app.open('en/c/tv-duyen-hai-2023/guide/');
  await page.getByRole('link', { name: 'Print the handout' }).click();
  await expect(page).toHaveURL(`${baseURL}handout/tv-duyen-hai-2023.en.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your VNeID electronic ID account: a guide');
  await expect(page.locator('main')).toContainText('Duyên Hải');
  await page.getByRole('link', { name: 'Open the full guide' }).click();
  await expect(page).toHaveURL(`${baseURL}en/c/tv-duyen-hai-2023/`);
  await expect(app.heading).toHaveText('Register and activate your electronic ID account');
});
