// Staff mode's page object and fixed times, shared by the staff specs.
import { readFile } from 'node:fs/promises';
import { expect } from './app.js';

// A day inside the District 3 campaign (20/06–05/11/2023), 10:00 in Vietnam.
export const DURING_CAMPAIGN = new Date('2023-06-25T10:00:00+07:00');

/** Staff mode as staff use it. */
export class StaffPage {
  constructor(page) {
    this.page = page;
  }

  async open(section = 'entry') {
    await this.page.goto(`staff/?v=${section}`);
    await expect(this.page.locator('[data-storage]')).toBeVisible();
  }

  tab(name) {
    return this.page.getByRole('navigation').getByRole('link', { name, exact: true });
  }

  async enter(date, unit, counts) {
    const page = this.page;
    await page.locator('#entry-date').fill(date);
    await page.locator('#entry-unit').selectOption(unit);
    for (const [indicator, value] of Object.entries(counts)) {
      await page.locator(`#count-${indicator}`).fill(String(value));
    }
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.locator('[data-save-state="save-ok"]')).toContainText('Đã lưu');
  }

  async totals() {
    const cell = (id) => this.page.locator(`tfoot [data-total="${id}"]`).textContent().then((t) => t.trim());
    return { applications: await cell('applications'), activations: await cell('activations') };
  }

  unitRow(unit) {
    return this.page.locator(`tbody tr[data-unit="${unit}"]`);
  }

  async download(buttonId) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.locator(buttonId).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }

  async exportJson() {
    const file = await this.download('#export-json');
    return { name: file.name, json: JSON.parse(file.bytes.toString('utf8')), bytes: file.bytes };
  }

  async importFiles(paths) {
    await this.page.locator('#import-files').setInputFiles(paths);
  }

  /** Marks the last export as done ("Tôi đã có tệp"), as staff do once they see the file. */
  async confirmExport() {
    await this.page.locator('[data-export="pending"] #confirm-export').click();
    await expect(this.page.locator('[data-export="pending"]')).toHaveCount(0);
  }

  /** The counts the entry form shows now, in the order of `indicators`. */
  async formCounts(indicators = ['applications', 'activations']) {
    return Promise.all(indicators.map((id) => this.page.locator(`#count-${id}`).inputValue()));
  }

  /** The settings form of the PIN and its message line. */
  get pinForm() {
    return this.page.locator('form:has(#new-pin)');
  }

  get pinMessage() {
    return this.pinForm.getByRole('status');
  }

  /**
   * Submits the PIN form (set, or change when `current` is given) with a well-formed PIN
   * and waits until the attempt is over (the form empties its fields then).
   */
  async submitPin({ pin, again = pin, current = null, firstRun = false }) {
    const page = this.page;
    if (current !== null) await page.locator('#current-pin').fill(current);
    if (firstRun) await page.locator('#pin-first-run').check();
    await page.locator('#new-pin').fill(pin);
    await page.locator('#new-pin-again').fill(again);
    await this.pinForm.getByRole('button', { name: current === null ? 'Đặt mã PIN' : 'Đổi mã PIN' }).click();
    await expect(page.locator('#new-pin')).toHaveValue('', { timeout: 20_000 });
  }

  /** Sets the first PIN through the first-run step; returns the recovery code shown once. */
  async setFirstPin(pin) {
    await this.submitPin({ pin, firstRun: true });
    await expect(this.page.locator('[data-pin="set"]')).toBeVisible();
    const code = this.page.locator('[data-recovery="shown"] code');
    await expect(code).toHaveText(RECOVERY_CODE);
    return code.innerText();
  }

  /** Removes the PIN with `current` typed as the current PIN; waits until the attempt is over. */
  async removePin(current) {
    await this.page.locator('#current-pin').fill(current);
    await this.page.locator('#remove-pin').click();
    // Over when the field is emptied (refused) or gone with the PIN (removed).
    await this.page.waitForFunction(() => (document.querySelector('#current-pin')?.value ?? '') === '', null, { timeout: 20_000 });
  }

  /** A value of staff mode's settings store in IndexedDB (null when absent). */
  async meta(key) {
    return this.page.evaluate((key) => new Promise((resolve, reject) => {
      const open = indexedDB.open('vneid-campaign-tally');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = open.result.transaction('meta').objectStore('meta').get(key);
        request.onsuccess = () => { resolve(request.result?.value ?? null); open.result.close(); };
        request.onerror = () => reject(request.error);
      };
    }), key);
  }

  /** The banner staff mode shows when IndexedDB cannot be opened (counts in this tab only). */
  get memoryBanner() {
    return this.page.locator('[data-storage="memory"]');
  }

  /** The screen a kiosk shows instead of counts kept only in memory after the idle time. */
  get pausedScreen() {
    return this.page.locator('[data-lock="paused"]');
  }

  /** Adds a unit in the settings section (which must be shown) and waits until it is stored. */
  async addUnit(name) {
    const page = this.page;
    await page.locator('#new-unit').fill(name);
    await page.getByRole('button', { name: 'Thêm đơn vị', exact: true }).click();
    await expect(page.locator('#new-unit')).toHaveValue('');
    await expect(page.locator('main li').filter({ hasText: name })).not.toHaveCount(0);
  }

  /** The ids of the units named `name` in the entry form's unit list (entry section shown). */
  async unitIds(name) {
    // The unit itself, or one kept apart on import (named "<name> (<device>)").
    const options = this.page.locator('#entry-unit option').filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(d-[a-z0-9]+\\))?$`) });
    return options.evaluateAll((all) => all.map((o) => o.value));
  }

  /** A unit's counts on the dashboard (section shown), one text per indicator. */
  async unitCounts(unit) {
    return this.unitRow(unit).locator('td').allInnerTexts();
  }

  get lockScreen() {
    return this.page.locator('[data-lock="locked"]');
  }

  async unlock(pin) {
    await this.page.locator('#unlock-pin').fill(pin);
    await this.page.getByRole('button', { name: 'Mở khóa' }).click();
  }
}

/** A recovery code as shown: three groups of four letters without 0/O, 1/I/L. */
export const RECOVERY_CODE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

/**
 * With a PIN set and staff mode open, goes to the citizen home page and comes back with
 * the browser's Back, and checks staff mode is locked. Returns true when the browser
 * restored the page from its back/forward cache (the same document came back), false
 * when it loaded it again.
 */
export async function leaveAndComeBack(staff) {
  const page = staff.page;
  await staff.open('settings');
  await staff.setFirstPin('2468');
  await page.getByRole('button', { name: 'Tôi đã ghi lại mã' }).click();
  await staff.tab('Nhập số liệu').click();
  await expect(page.locator('#count-applications')).toBeVisible();
  await expect(page.locator('[data-lock]')).toHaveCount(0);
  // Marks this document: a page restored from the back/forward cache still has it.
  await page.evaluate(() => { window.__leftAt = 'staff'; });
  await page.getByRole('link', { name: '← Trang hướng dẫn cho người dân' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký và kích hoạt tài khoản định danh điện tử');
  // A restored page fires no load event: wait only for the navigation to commit.
  await page.goBack({ waitUntil: 'commit' });
  await expect(page).toHaveURL(/\/staff\/\?v=entry$/);
  await expect(staff.lockScreen).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('#count-applications')).toHaveCount(0);
  await expect(page.locator('nav.site-nav')).toBeHidden();
  const restored = await page.evaluate(() => window.__leftAt === 'staff');
  // The PIN still opens it.
  await staff.unlock('2468');
  await expect(page.locator('#count-applications')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('[data-lock]')).toHaveCount(0);
  return restored;
}
