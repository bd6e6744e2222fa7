// Staff counts synced through a CouchDB-protocol server (pouchdb-server, started and stopped
// here on loopback): two devices share counts; offline edits on both sides become a conflict
// that staff settle and both converge; a server stopped mid-sync loses nothing and the pull
// resumes from its checkpoint; a wrong password and a database without rights are refused
// with a clear message. The fixture deployment names the server (tests/fixtures/campaigns).
import { test as base, expect } from '@playwright/test';
import { CouchServer, COUCH, couch } from '../../scripts/couch-server.mjs';
import { StaffPage, DURING_CAMPAIGN } from './staff-page.js';

const DB = 'vneid-hcm-q3-2023';
const OTHER_DB = 'vneid-tv-duyen-hai-2023';
const USERS = { alice: 'alice-pass', binh: 'binh-pass', other: 'other-pass' };

// One server for the file: its tests run one after another.
// Two staff devices start, sign in and sync several times in each test: longer than one page.
base.describe.configure({ mode: 'serial', timeout: 90_000 });
const server = new CouchServer();

base.beforeAll(async ({ baseURL }) => {
  base.setTimeout(120_000);
  await server.start();
  await server.configure(new URL(baseURL).origin, { users: USERS, databases: { [DB]: ['alice', 'binh'], [OTHER_DB]: ['other'] } });
});

base.afterAll(async () => {
  await server.stop();
  server.cleanUp();
});

// Each test starts from empty databases.
base.beforeEach(async () => {
  for (const db of [DB, OTHER_DB]) {
    const all = await couch('GET', `/${db}/_all_docs`);
    const docs = (all.json?.rows ?? []).map((r) => ({ _id: r.id, _rev: r.value.rev, _deleted: true }));
    if (docs.length) await couch('POST', `/${db}/_bulk_docs`, { docs });
  }
});

/** A device: its own browser context (its own IndexedDB and cookies), with the checks of
 * every test: no console error but those named, and no request beyond the site and the server. */
class Device {
  static async open(browser, baseURL, expectedErrors = []) {
    const context = await browser.newContext({ baseURL, timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 360, height: 740 }, hasTouch: true });
    const page = await context.newPage();
    await page.clock.setFixedTime(DURING_CAMPAIGN);
    const device = new Device(context, page, new URL(baseURL).origin, expectedErrors);
    return device;
  }

  constructor(context, page, origin, expectedErrors) {
    Object.assign(this, { context, page, origin, expectedErrors, errors: [], foreign: [], changes: [] });
    this.staff = new StaffPage(page);
    page.on('console', (msg) => { if (process.env.SYNC_DEBUG) console.log('[browser]', msg.text()); if (msg.type() === 'error') this.errors.push(msg.text()); });
    page.on('pageerror', (err) => this.errors.push(String(err)));
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.origin !== origin && url.origin !== COUCH) this.foreign.push(req.url());
      if (url.pathname.endsWith('/_changes')) this.changes.push(url.searchParams.get('since'));
    });
  }

  get status() {
    return this.page.locator('.sync-line');
  }

  async signIn(name, password = USERS[name]) {
    await this.staff.open('data');
    await this.page.locator('#sync-user').fill(name);
    await this.page.locator('#sync-password').fill(password);
    await this.page.getByRole('button', { name: 'Đăng nhập và đồng bộ' }).click();
  }

  /** "Sync now" on the Data section, then waits until nothing waits to be sent. */
  async syncNow() {
    if (!(await this.page.url()).includes('v=data')) await this.staff.tab('Xuất, nhập dữ liệu').click();
    await this.page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await expect(this.status).toHaveAttribute('data-sync-status', 'synced');
    await expect(this.status).not.toContainText('Chờ gửi');
  }

  /** The dashboard's totals (use with expect.poll: a sync's data reaches the page a moment after its status). */
  async dashboardTotals() {
    if (!this.page.url().includes('v=dashboard')) await this.staff.tab('Tiến độ').click();
    return this.staff.totals();
  }

  async close() {
    const unexpected = this.errors.filter((text) => !this.expectedErrors.some((re) => re.test(text)));
    await this.context.close();
    expect(unexpected, 'console errors').toEqual([]);
    expect(this.foreign, 'requests beyond the site and its sync server').toEqual([]);
  }
}

base('two devices share their counts through the server, and the dashboard names both', async ({ browser, baseURL }) => {
  const a = await Device.open(browser, baseURL);
  const b = await Device.open(browser, baseURL);
  // Before signing in: the status says so and no request goes to the server.
  await a.staff.open('entry');
  await expect(a.status).toContainText('chưa đăng nhập');
  await a.staff.enter('2023-06-24', 'district-team', { applications: 12, activations: 4 });
  expect(a.changes).toEqual([]);
  await a.signIn('alice');
  await expect(a.page.locator('[data-sync-user]')).toHaveText('alice');
  await expect(a.status).toHaveAttribute('data-sync-status', 'synced');
  await expect(a.status).toContainText('Đã đồng bộ lúc 10:00');
  // The record is on the server, under its document id.
  const doc = await couch('GET', `/${DB}/entry%3A2023-06-24%3Adistrict-team`);
  expect(doc.json.record.counts).toEqual({ activations: 4, applications: 12 });

  // A document this app cannot read (another tool wrote it) is listed and skipped; sync goes on.
  expect((await couch('PUT', `/${DB}/entry%3A2023-06-23%3Adistrict-team`, { type: 'entry', record: { unit: 'district-team' } })).status).toBe(201);
  await b.signIn('binh');
  await expect(b.status).toHaveAttribute('data-sync-status', 'synced');
  await expect(b.page.locator('[data-sync-refused]')).toContainText('entry:2023-06-23:district-team');
  await expect(b.page.locator('[data-sync-refused]')).toContainText('is not a count record');
  await b.staff.tab('Nhập số liệu').click();
  await b.staff.enter('2023-06-24', 'ward-police', { applications: 20, activations: 8 });
  // Sent a moment after the save, without asking.
  await expect(b.status).toHaveAttribute('data-sync-status', 'synced');
  await expect(b.status).not.toContainText('Chờ gửi');
  await expect.poll(async () => (await couch('GET', `/${DB}/entry%3A2023-06-24%3Award-police`)).status).toBe(200);
  await a.syncNow();
  await expect.poll(() => a.dashboardTotals()).toEqual({ applications: '32', activations: '12' });
  await expect.poll(() => b.dashboardTotals()).toEqual({ applications: '32', activations: '12' });
  // The dashboard says whose data it includes and when each last synced.
  const devices = a.page.locator('.sync-devices li');
  await expect(devices).toHaveCount(2);
  await expect(a.page.locator('.sync-devices')).toContainText('(máy này)');
  await expect(a.page.locator('.sync-devices')).toContainText('lần đồng bộ cuối: 25/06/2023 10:00');
  await a.close();
  await b.close();
});

base('offline edits of the same day and unit on two devices are a conflict that staff settle, and both converge', async ({ browser, baseURL }) => {
  const offline = [/ERR_INTERNET_DISCONNECTED/, /Failed to fetch/];
  const a = await Device.open(browser, baseURL, offline);
  const b = await Device.open(browser, baseURL, offline);
  await a.signIn('alice');
  await expect(a.status).toHaveAttribute('data-sync-status', 'synced');
  await a.staff.tab('Nhập số liệu').click();
  await a.staff.enter('2023-06-24', 'district-team', { applications: 12, activations: 4 });
  await a.syncNow();
  await b.signIn('binh');
  await expect(b.status).toHaveAttribute('data-sync-status', 'synced');
  await expect.poll(() => b.dashboardTotals()).toEqual({ applications: '12', activations: '4' });

  // Both lose the connection and change the same day and unit.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await a.staff.tab('Nhập số liệu').click();
  await a.staff.enter('2023-06-24', 'district-team', { applications: 13, activations: 4 });
  await expect(a.status).toContainText('Không kết nối được máy chủ');
  // The entry and its audit record wait.
  await expect(a.status).toContainText('Chờ gửi: 2');
  await b.staff.tab('Nhập số liệu').click();
  await b.staff.enter('2023-06-24', 'district-team', { applications: 15, activations: 5 });
  // Entry never waits for the server.
  await expect(b.page.locator('[data-save-state="save-ok"]')).toContainText('Đã lưu');

  await a.context.setOffline(false);
  await a.syncNow();
  await b.context.setOffline(false);
  await b.staff.tab('Xuất, nhập dữ liệu').click();
  await b.page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  // Shown like an import conflict: every version, its counts, time and device; nothing overwritten.
  const conflict = b.page.locator('[data-sync-conflict]');
  await expect(conflict).toHaveCount(1);
  await expect(b.status).toContainText('Xung đột cần chọn (mục Xuất, nhập dữ liệu): 1');
  await expect(conflict.locator('[data-version]')).toHaveCount(2);
  await expect(conflict.locator('[data-version="0"]')).toContainText('Trên máy này');
  await expect(conflict.locator('[data-version="0"]')).toContainText('15');
  await expect(conflict.locator('[data-version="1"]')).toContainText('Trên máy chủ');
  await expect(conflict.locator('[data-version="1"]')).toContainText('13');
  await expect.poll(() => b.dashboardTotals()).toEqual({ applications: '15', activations: '5' });
  await expect.poll(() => a.dashboardTotals()).toEqual({ applications: '13', activations: '4' });

  // B keeps its own version: written over the server's, with an audit record of the 13 it replaces.
  await b.staff.tab('Xuất, nhập dữ liệu').click();
  await conflict.locator('[data-version="0"]').getByRole('button', { name: 'Giữ bản này' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(b.status).toHaveAttribute('data-sync-status', 'synced');
  await expect(b.status).not.toContainText('Xung đột');
  await b.syncNow();
  await a.syncNow();
  await expect.poll(() => a.dashboardTotals()).toEqual({ applications: '15', activations: '5' });
  await a.staff.tab('Nhập số liệu').click();
  await a.page.locator('#entry-date').fill('2023-06-24');
  await a.page.locator('#entry-unit').selectOption('district-team');
  await expect(a.page.getByRole('region', { name: 'Lịch sử sửa đổi' })).toContainText('13 → 15');
  await expect(a.page.getByRole('region', { name: 'Lịch sử sửa đổi' })).toContainText('sync conflict');
  // The server holds one revision, no branches.
  const doc = await couch('GET', `/${DB}/entry%3A2023-06-24%3Adistrict-team?conflicts=true`);
  expect(doc.json._conflicts ?? []).toEqual([]);
  expect(doc.json.record.counts.applications).toBe(15);
  await a.close();
  await b.close();
});

base('a server stopped in the middle of a sync loses nothing, and after a restart and a reload the pull resumes from its checkpoint', async ({ browser, baseURL }) => {
  base.setTimeout(120_000);
  // 2,500 entries from another device (more than one page of changes: 2,000).
  const docs = [];
  for (let i = 0; i < 2500; i++) {
    const day = `2023-06-${String(20 + (i % 5)).padStart(2, '0')}`;
    const unit = `team-${String(Math.floor(i / 5)).padStart(3, '0')}`;
    docs.push({ _id: `entry:${day}:${unit}`, type: 'entry', record: { date: day, unit, counts: { applications: 1, activations: 0 }, modified: '2023-06-24T18:00:00+07:00', device: 'd-seed' } });
  }
  expect((await couch('POST', `/${DB}/_bulk_docs`, { docs })).status).toBe(201);

  const refused = [/ERR_CONNECTION_REFUSED/, /Failed to fetch/, /401/];
  const b = await Device.open(browser, baseURL, refused);
  // The server stops while the second page of changes is asked for.
  let stopped = false;
  await b.page.route('**/_changes?**', async (route) => {
    const since = new URL(route.request().url()).searchParams.get('since');
    if (since !== '0' && !stopped) {
      stopped = true;
      await server.stop();
    }
    await route.continue();
  });
  await b.signIn('binh');
  await expect(b.status).toContainText('Không kết nối được máy chủ');
  // The first page is stored (2,000 changes, a few of them other records), not the rest.
  const firstPageTotal = async () => Number((await b.dashboardTotals()).applications.replace('.', ''));
  await expect.poll(firstPageTotal).toBeGreaterThan(1900);
  const firstPage = await firstPageTotal();
  expect(firstPage).toBeLessThan(2500);
  const before = [...b.changes];
  expect(before[0]).toBe('0');

  await server.start();
  // The page is reloaded too: the checkpoint is in IndexedDB, not in the page.
  await b.page.reload();
  await expect(b.page.locator('[data-storage]')).toBeVisible();
  // pouchdb-server forgets sessions when it restarts (CouchDB keeps its secret): then the
  // device says it is signed out, and staff sign in again.
  await expect.poll(() => b.status.getAttribute('data-sync-status'), { timeout: 30_000 }).toMatch(/^(synced|signedout)$/);
  if ((await b.status.getAttribute('data-sync-status')) === 'signedout') await b.signIn('binh');
  await expect(b.status).toHaveAttribute('data-sync-status', 'synced', { timeout: 30_000 });
  await expect.poll(() => b.dashboardTotals()).toEqual({ applications: '2.500', activations: '0' });
  // It went on from its checkpoint, never from the start.
  expect(b.changes.slice(before.length).filter((s) => s === '0')).toEqual([]);
  await b.close();
});

base('a wrong password is refused with a clear message, and a user without rights on the campaign\'s database is refused', async ({ browser, baseURL }) => {
  const a = await Device.open(browser, baseURL, [/401/, /403/]);
  await a.staff.open('entry');
  await a.staff.enter('2023-06-24', 'district-team', { applications: 12, activations: 4 });
  await a.signIn('alice', 'not-her-password');
  await expect(a.page.locator('[data-sync-problem]')).toContainText('Sai tên tài khoản hoặc mật khẩu');
  await expect(a.page.locator('#sync-password')).toHaveValue('');
  await expect(a.status).toContainText('chưa đăng nhập');
  // The password is stored nowhere on the device.
  const stored = await a.page.evaluate(async () => {
    const dump = [JSON.stringify(localStorage), JSON.stringify(sessionStorage), document.cookie];
    const db = await new Promise((ok, fail) => { const r = indexedDB.open('vneid-campaign-tally'); r.onsuccess = () => ok(r.result); r.onerror = fail; });
    const meta = await new Promise((ok) => { const r = db.transaction('meta').objectStore('meta').getAll(); r.onsuccess = () => ok(r.result); });
    return dump.join('\n') + JSON.stringify(meta);
  });
  expect(stored).not.toContain('not-her-password');

  // A user of another campaign's database signs in, but may not use this one.
  await a.signIn('other');
  await expect(a.status).toContainText(`Tài khoản này không có quyền dùng cơ sở dữ liệu ${DB}`);
  const all = await couch('GET', `/${DB}/_all_docs`);
  expect(all.json.rows).toEqual([]);
  // Nothing changed on the device: the count is still there, waiting.
  await expect.poll(() => a.dashboardTotals()).toEqual({ applications: '12', activations: '4' });
  await expect(a.status).toContainText('Chờ gửi: 1');
  await a.close();
});
