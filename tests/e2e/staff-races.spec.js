// Staff mode under races between tabs and slow storage: an export sees what another tab
// stored even when this tab missed its notice; Save cannot run twice at once; an import
// preview survives another tab's save and is refused (nothing written) when what it was
// built from changed; a failed read of the device id never replaces the stored id; a
// campaign's slow load never shows (or takes saves) under the campaign chosen after it.
//
// The races are made deterministic from the page: init scripts wrap IndexedDB's
// prototypes (the wasm glue calls `store.getAll(…)`, `tx.commit()`, … through them) to
// hold a transaction open, fail one read, or silence the cross-tab channel.
//
// RACES_DEFEAT=1 runs every test with the app's protection defeated (or its effect
// imitated) from the page, as described at each test: each is then expected to fail
// (`test.fail`), which shows the assertions notice a missing protection.
import { writeFile } from 'node:fs/promises';
import { test, expect } from './app.js';
import { StaffPage, DURING_CAMPAIGN } from './staff-page.js';

const DEFEAT = process.env.RACES_DEFEAT === '1';

/** Every record of `campaign` in the object store `store` of staff mode's database. */
async function storedRecords(page, store, campaign) {
  return page.evaluate(([store, campaign]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('vneid-campaign-tally');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction(store).objectStore(store).getAll(IDBKeyRange.bound([campaign], [campaign, []]));
      request.onsuccess = () => { resolve(request.result); db.close(); };
      request.onerror = () => { reject(request.error); db.close(); };
    };
  }), [store, campaign]);
}

/** The stored entries of `campaign` as `date unit a/b/…` lines (counts in the campaign's order). */
async function storedEntries(page, campaign, indicators = ['applications', 'activations']) {
  const entries = await storedRecords(page, 'entries', campaign);
  return entries.map((e) => `${e.date} ${e.unit} ${indicators.map((i) => e.counts[i]).join('/')}`).sort();
}

/** Reads the stored records in a fresh tab of `context` (no init script of the tab under test). */
async function readInFreshTab(context, read) {
  const reader = await context.newPage();
  try {
    await reader.goto('staff/?v=entry');
    await expect(reader.locator('[data-storage]')).toBeVisible();
    return await read(reader);
  } finally {
    await reader.close();
  }
}

const saveButton = (page) => page.locator('form.entry-form button[type="submit"]');

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(DURING_CAMPAIGN);
});

test('an export after another tab saved, with its notice missed, still holds that tab\'s entry', async ({ app, page, context }) => {
  // Defeated: the stored record counts are read for a campaign with nothing stored, so they
  // match what the stale tab shows and the export is made from the stale ledger.
  test.fail(DEFEAT, 'record counts defeated');
  test.setTimeout(60_000);
  // Tab A never hears other tabs: no BroadcastChannel (as an old browser, or a lost notice).
  await page.addInitScript((defeat) => {
    delete window.BroadcastChannel;
    if (defeat) {
      const count = IDBObjectStore.prototype.count;
      IDBObjectStore.prototype.count = function () {
        return count.call(this, IDBKeyRange.bound(['~nothing'], ['~nothing', []]));
      };
    }
  }, DEFEAT);
  const a = new StaffPage(page);
  await a.open();
  expect(await page.evaluate(() => typeof window.BroadcastChannel)).toBe('undefined');

  // Tab B (same browser, same database) saves a count.
  const b = new StaffPage(await context.newPage());
  await b.open();
  await b.enter('2023-06-24', 'ward-police', { applications: 13, activations: 6 });
  await b.page.close();

  // A still shows what it loaded before B's save: nothing for that day and unit.
  await page.locator('#entry-date').fill('2023-06-24');
  await page.locator('#entry-unit').selectOption('ward-police');
  await page.waitForTimeout(500);
  await expect(page.locator('[data-existing]')).toHaveCount(0);
  expect(await a.formCounts()).toEqual(['', '']);

  // A's export reads the store again (the stored numbers differ from A's) and holds B's entry.
  await a.tab('Xuất, nhập dữ liệu').click();
  const { json } = await a.exportJson();
  expect(json.entries).toEqual([expect.objectContaining({ date: '2023-06-24', unit: 'ward-police', counts: { applications: 13, activations: 6 } })]);
  // And A now shows it too.
  await a.tab('Tiến độ').click();
  await expect.poll(() => a.totals()).toEqual({ applications: '13', activations: '6' });
});

/**
 * Holds every readwrite transaction on "entries" open after its first put, until the test
 * sets `window.__writesReleased`, while `window.__slowWrites` is true (dummy reads keep it
 * alive; its commit() waits for them; no timer, so a loaded machine cannot end the hold early),
 * counts such transactions in `window.__entryWrites` and form submissions in
 * `window.__submits`, and logs in `window.__log` when the Save button gets or loses
 * `disabled` and when a held transaction completes.
 */
function slowEntryWrites({ defeat }) {
  window.__log = [];
  window.__entryWrites = 0;
  window.__slowWrites = false;
  window.__writesReleased = false;
  const held = new WeakSet();
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (names, mode, ...rest) {
    const tx = transaction.call(this, names, mode, ...rest);
    const stores = typeof names === 'string' ? [names] : Array.from(names);
    if (mode === 'readwrite' && stores.includes('entries')) {
      window.__entryWrites += 1;
      if (window.__slowWrites) {
        held.add(tx);
        tx.addEventListener('complete', () => window.__log.push('write-complete'));
        tx.addEventListener('abort', () => window.__log.push('write-abort'));
      }
    }
    return tx;
  };
  // A held transaction commits by itself once the dummy reads stop (an explicit commit()
  // would forbid them).
  const commit = IDBTransaction.prototype.commit;
  IDBTransaction.prototype.commit = function () {
    if (!held.has(this)) return commit.call(this);
  };
  const put = IDBObjectStore.prototype.put;
  const get = IDBObjectStore.prototype.get;
  IDBObjectStore.prototype.put = function (...args) {
    const request = put.apply(this, args);
    const tx = this.transaction;
    if (held.has(tx) && !tx.__holding) {
      tx.__holding = true;
      const store = this;
      const hold = () => {
        if (window.__writesReleased) return;
        try {
          get.call(store, ['\uffff']).addEventListener('success', hold);
        } catch {
          // The transaction ended (aborted): nothing to hold.
        }
      };
      request.addEventListener('success', hold);
    }
    return request;
  };
  window.__submits = 0;
  document.addEventListener('submit', () => { window.__submits += 1; }, true);
  new MutationObserver((records) => {
    for (const record of records) {
      const button = record.target;
      if (!(button instanceof HTMLButtonElement) || button.type !== 'submit' || !button.closest('form.entry-form')) continue;
      const disabled = button.hasAttribute('disabled');
      window.__log.push(disabled ? 'disabled' : 'enabled');
      // Defeated: the button is never left disabled.
      if (defeat && disabled) button.removeAttribute('disabled');
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
}

test('Save is disabled while a slow save runs, and a second click then writes nothing more', async ({ app, page, context }) => {
  // Defeated: the page removes `disabled` from the Save button as soon as the app sets it.
  test.fail(DEFEAT, 'disabled attribute removed');
  test.setTimeout(60_000);
  await page.addInitScript(slowEntryWrites, { defeat: DEFEAT });
  const staff = new StaffPage(page);
  await staff.open();
  await staff.enter('2023-06-24', 'district-team', { applications: 5, activations: 2 });
  const button = saveButton(page);
  await expect(button).toBeEnabled();

  // From now on a save is held until the test releases it.
  await page.evaluate(() => { window.__slowWrites = true; window.__entryWrites = 0; window.__submits = 0; window.__log.length = 0; });
  await page.locator('#count-applications').fill('9');
  await page.locator('#count-activations').fill('4');
  await button.click();
  await expect(button).toBeDisabled();
  await expect(page.locator('[data-save-state="save-pending"]')).toHaveText('Đang lưu…');
  // A second click during the save (the button is disabled: forced), and a submit sent to
  // the form anyway (the handler's own guard).
  await button.click({ force: true });
  await page.locator('form.entry-form').evaluate((form) => form.requestSubmit());
  expect(await page.evaluate(() => window.__log), 'the second attempts came during the save').not.toContain('write-complete');
  // The forced submit reached the app's handler (the forced click on the disabled button did not).
  expect(await page.evaluate(() => window.__submits)).toBe(2);
  await expect(button).toBeDisabled();
  await page.evaluate(() => { window.__writesReleased = true; });

  await expect(page.locator('[data-save-state="save-ok"]')).toContainText('Đã lưu', { timeout: 15_000 });
  await expect(button).toBeEnabled();
  // Disabled from the click until after the write completed, once.
  expect(await page.evaluate(() => window.__log)).toEqual(['disabled', 'write-complete', 'enabled']);
  // Time for a second save, had one started, to end (and say "stale").
  await page.waitForTimeout(2500);
  await expect(page.locator('[data-save-state="save-ok"]')).toContainText('Đã lưu');
  expect(await page.evaluate(() => window.__entryWrites), 'one write of entries').toBe(1);
  expect(await page.evaluate(() => window.__log)).toEqual(['disabled', 'write-complete', 'enabled']);

  const audit = await readInFreshTab(context, (reader) => storedRecords(reader, 'audit', 'hcm-q3-2023'));
  expect(audit, 'one audit record, 5 → 9').toEqual([expect.objectContaining({ date: '2023-06-24', unit: 'district-team', old: { applications: 5, activations: 2 }, new: { applications: 9, activations: 4 } })]);
  expect(await readInFreshTab(context, (reader) => storedEntries(reader, 'hcm-q3-2023'))).toEqual(['2023-06-24 district-team 9/4']);
  await expect(page.getByRole('region', { name: 'Lịch sử sửa đổi' }).locator('tbody tr')).toHaveCount(1);
});

test.describe('an import preview and another tab\'s save', () => {
  /** Another device's export: 24/06 ward police 8/3 and 23/06 district team 4/1. */
  async function otherDeviceFile(browser, testInfo) {
    const other = await browser.newContext({ timezoneId: 'Asia/Ho_Chi_Minh' });
    try {
      const otherPage = await other.newPage();
      await otherPage.clock.setFixedTime(new Date(DURING_CAMPAIGN.getTime() - 3_600_000));
      const device = new StaffPage(otherPage);
      await device.open();
      await device.enter('2023-06-24', 'ward-police', { applications: 8, activations: 3 });
      await device.enter('2023-06-23', 'district-team', { applications: 4, activations: 1 });
      await device.tab('Xuất, nhập dữ liệu').click();
      const exported = await device.exportJson();
      const path = testInfo.outputPath(exported.name);
      await writeFile(path, exported.bytes);
      return path;
    } finally {
      await other.close();
    }
  }

  /**
   * Tab A with the file's preview open; counts A's ledger loads (reads of "entries" outside
   * a write) in `window.__loads`. With `defeatExpectations`, reads of "entries" inside a
   * write look for a key that is never stored, so the store's check that entries the preview
   * calls new are still absent always passes.
   */
  async function previewInTabA(page, file, { defeatExpectations = false } = {}) {
    await page.addInitScript((defeat) => {
      window.__loads = 0;
      const getAll = IDBObjectStore.prototype.getAll;
      IDBObjectStore.prototype.getAll = function (...args) {
        if (this.name === 'entries' && this.transaction.mode === 'readonly') window.__loads += 1;
        return getAll.apply(this, args);
      };
      if (defeat) {
        const get = IDBObjectStore.prototype.get;
        IDBObjectStore.prototype.get = function (...args) {
          if (this.name === 'entries' && this.transaction.mode === 'readwrite') return get.call(this, ['~never']);
          return get.apply(this, args);
        };
      }
    }, defeatExpectations);
    const a = new StaffPage(page);
    await a.open('data');
    await a.importFiles([file]);
    const preview = page.locator('[data-import="preview"]');
    await expect(preview).toBeVisible();
    await expectPreviewCells(preview, { 'ward-police': { new: '1' }, 'district-team': { new: '1' } });
    return { a, preview };
  }

  /** The preview's cells by unit and column, e.g. `{ 'ward-police': { new: '1' } }`. */
  async function expectPreviewCells(preview, cells) {
    for (const [unit, columns] of Object.entries(cells)) {
      for (const [column, text] of Object.entries(columns)) {
        await expect(preview.locator(`tr[data-unit="${unit}"] [data-cell="${column}"]`), `${unit}: ${column}`).toHaveText(text);
      }
    }
  }

  /** Tab B saves; A hears of it, loads its ledger again, and keeps the preview open. */
  async function saveInTabBAndCheckPreviewKept(context, page, preview, date, unit, counts) {
    const loadsBefore = await page.evaluate(() => window.__loads);
    const b = new StaffPage(await context.newPage());
    await b.open();
    await b.enter(date, unit, counts);
    await b.page.close();
    await expect.poll(() => page.evaluate(() => window.__loads), { message: 'tab A loaded its ledger again after B\'s notice', timeout: 15_000 }).toBeGreaterThan(loadsBefore);
    await page.waitForTimeout(300);
    await expect(preview).toBeVisible();
    await expectPreviewCells(preview, { 'ward-police': { new: '1' }, 'district-team': { new: '1' } });
  }

  test('stays open when another tab saves; applying it after that tab saved a day and unit of the file is refused and writes nothing', async ({ app, page, context, browser }, testInfo) => {
    // Defeated: the store's check of what the preview was built from is blinded (see above).
    test.fail(DEFEAT, 'expectations defeated');
    test.setTimeout(120_000);
    const file = await otherDeviceFile(browser, testInfo);
    const { a, preview } = await previewInTabA(page, file, { defeatExpectations: DEFEAT });

    // B saves 24/06 ward police, an entry the file holds and the preview calls new.
    await saveInTabBAndCheckPreviewKept(context, page, preview, '2023-06-24', 'ward-police', { applications: 20, activations: 10 });

    await page.getByRole('button', { name: 'Gộp vào dữ liệu của máy này' }).click();
    await expect(page.locator('[data-outcome="error"]')).toContainText('Dữ liệu trên máy này vừa thay đổi ở một thẻ khác nên chưa gộp gì. Hãy chọn lại tệp để xem lại bản xem trước');
    await expect(preview).toHaveCount(0);
    // Nothing written: only B's entry, no audit record.
    expect(await readInFreshTab(context, (reader) => storedEntries(reader, 'hcm-q3-2023'))).toEqual(['2023-06-24 ward-police 20/10']);
    expect(await readInFreshTab(context, (reader) => storedRecords(reader, 'audit', 'hcm-q3-2023'))).toEqual([]);

    // Chosen again, the file is compared with what is stored now: B's entry is a conflict.
    await a.importFiles([file]);
    await expect(preview).toBeVisible();
    await expectPreviewCells(preview, { 'ward-police': { conflicts: '1', new: '0' }, 'district-team': { new: '1' } });
  });

  test('stays open when another tab saves a day and unit the file does not hold, and then applies', async ({ app, page, context, browser }, testInfo) => {
    test.skip(DEFEAT, 'nothing to defeat: the merge is meant to go through');
    test.setTimeout(120_000);
    const file = await otherDeviceFile(browser, testInfo);
    const { preview } = await previewInTabA(page, file);
    await saveInTabBAndCheckPreviewKept(context, page, preview, '2023-06-22', 'district-team', { applications: 2, activations: 1 });

    await page.getByRole('button', { name: 'Gộp vào dữ liệu của máy này' }).click();
    await expect(page.locator('[data-outcome="ok"]')).toContainText('Đã gộp. Số liệu mới: 2');
    expect(await readInFreshTab(context, (reader) => storedEntries(reader, 'hcm-q3-2023'))).toEqual([
      '2023-06-22 district-team 2/1',
      '2023-06-23 district-team 4/1',
      '2023-06-24 ward-police 8/3',
    ]);
  });
});

test('a failed read of the device id at start-up does not replace the stored id', async ({ app, page, context }) => {
  // Defeated: the failed read is turned into "no id stored", as code that took a failed
  // read for a missing id would see it: a new id is then stored.
  test.fail(DEFEAT, 'read failure taken for a missing id');
  test.setTimeout(60_000);
  const first = new StaffPage(page);
  await first.open('settings');
  const shownId = page.locator('p.muted:has-text("Mã thiết bị:") code');
  await expect(shownId).toHaveText(/^d-[a-z0-9]{8}$/);
  const id = await shownId.innerText();
  expect(await first.meta('device_id')).toBe(id);
  await page.close();

  // A new tab whose first read of meta/device_id fails.
  const failing = await context.newPage();
  await failing.clock.setFixedTime(DURING_CAMPAIGN);
  await failing.addInitScript((defeat) => {
    const get = IDBObjectStore.prototype.get;
    let failed = false;
    IDBObjectStore.prototype.get = function (key, ...rest) {
      if (!failed && this.name === 'meta' && key === 'device_id') {
        failed = true;
        window.__deviceIdReadFailed = true;
        if (defeat) return get.call(this, '~no-such-key');
        throw new DOMException('Simulated read failure', 'UnknownError');
      }
      return get.call(this, key, ...rest);
    };
  }, DEFEAT);
  const second = new StaffPage(failing);
  // [data-storage] shows once start-up is over (after any write of the id).
  await second.open('settings');
  expect(await failing.evaluate(() => window.__deviceIdReadFailed)).toBe(true);
  expect(await second.meta('device_id'), 'the stored device id is unchanged').toBe(id);
  // The failure is shown as what it is: a read, a temporary id for this session, the stored one kept.
  const banner = failing.locator('[role="alert"][data-device-id="temporary"]');
  await expect(banner).toContainText('Simulated read failure');
  await expect(banner).toContainText('mã tạm');
  await expect(banner).toContainText('mã đã lưu vẫn giữ nguyên');
  await expect(failing.locator('[role="alert"]').filter({ hasText: 'Không lưu được' })).toHaveCount(0);
  await failing.close();

  // Opened normally again, the device goes on with its id.
  const third = new StaffPage(await context.newPage());
  await third.page.clock.setFixedTime(DURING_CAMPAIGN);
  await third.open('settings');
  await expect(third.page.locator('p.muted:has-text("Mã thiết bị:") code')).toHaveText(id);
  expect(await third.meta('device_id')).toBe(id);
});

/**
 * Once `window.__race.armed`, the first load of campaign `slow`'s entries is held until the test
 * sets `window.__race.released` (its result reaches the app only then; dummy reads keep its
 * transaction alive), so the race does not depend on how fast a loaded machine runs the steps.
 * `window.__race` says when it `started`, was `delivered`, and its transaction `finished`.
 * Defeated: once the slow load started, loads of `fast` read `slow`'s entries instead (what
 * code that let the late load through would show).
 */
function slowCampaignLoad({ slow, fast, defeat }) {
  const race = (window.__race = { armed: false, started: false, released: false, delivered: false, finished: false });
  const getAll = IDBObjectStore.prototype.getAll;
  IDBObjectStore.prototype.getAll = function (query, ...rest) {
    const campaign = query instanceof IDBKeyRange && Array.isArray(query.lower) ? query.lower[0] : null;
    if (!race.armed || this.name !== 'entries') return getAll.call(this, query, ...rest);
    if (defeat && race.started && campaign === fast) return getAll.call(this, IDBKeyRange.bound([slow], [slow, []]), ...rest);
    if (campaign !== slow || race.started) return getAll.call(this, query, ...rest);
    race.started = true;
    const request = getAll.call(this, query, ...rest);
    this.transaction.addEventListener('complete', () => { race.finished = true; });
    return window.__holdRequest(this, request, () => race.released, () => { race.delivered = true; });
  };
}

/**
 * Page side, installed before the scripts that use it: `window.__holdRequest(store, request,
 * mayGo, delivered)` keeps the app's handlers of an IndexedDB `request` (made on `store`) aside
 * and calls them once `mayGo()` is true, while dummy reads keep its transaction alive;
 * `delivered` is called when the answer reaches the app. Returns the request.
 */
function installHoldRequest() {
  const get = IDBObjectStore.prototype.get;
  window.__holdRequest = (store, request, mayGo, delivered = () => {}) => {
    const handlers = { onsuccess: null, onerror: null };
    for (const name of Object.keys(handlers)) {
      Object.defineProperty(request, name, { configurable: true, get: () => handlers[name], set: (f) => { handlers[name] = f; } });
    }
    request.addEventListener('success', (event) => {
      const hold = () => {
        if (!mayGo()) {
          get.call(store, ['\uffff']).addEventListener('success', hold);
          return;
        }
        delivered();
        handlers.onsuccess?.call(request, event);
      };
      hold();
    });
    request.addEventListener('error', (event) => handlers.onerror?.call(request, event));
    return request;
  };
}

test('a slow load of the campaign chosen first never shows or takes saves under the campaign chosen next', async ({ app, page, context }) => {
  test.fail(DEFEAT, 'the first campaign\'s entries shown under the second');
  test.setTimeout(90_000);
  const FIRST = 'hcm-q3-2023';
  const SECOND = 'hn-awareness-2022';
  const SECOND_INDICATORS = ['eid-accounts', 'portal-accounts', 'vneid-installs', 'online-services'];
  // Counts for 24/06 in both campaigns.
  const seed = new StaffPage(page);
  await seed.open();
  await seed.enter('2023-06-24', 'district-team', { applications: 11, activations: 7 });
  await page.locator('#campaign-select').selectOption(SECOND);
  await expect(page.locator('#entry-unit option[value="city-police"]')).toHaveCount(1);
  await seed.enter('2023-06-24', 'city-police', { 'eid-accounts': 31, 'portal-accounts': 32, 'vneid-installs': 33, 'online-services': 34 });
  await page.close();

  const racing = await context.newPage();
  await racing.clock.setFixedTime(DURING_CAMPAIGN);
  await racing.addInitScript(installHoldRequest);
  await racing.addInitScript(slowCampaignLoad, { slow: FIRST, fast: SECOND, defeat: DEFEAT });
  const staff = new StaffPage(racing);
  await racing.goto(`staff/?v=entry&c=${SECOND}`);
  await expect(racing.locator('[data-storage]')).toBeVisible();
  await expect(racing.locator('#entry-unit option[value="city-police"]')).toHaveCount(1);

  // The first campaign, then at once the second, while the first's entries are still loading.
  await racing.evaluate(() => { window.__race.armed = true; });
  await racing.locator('#campaign-select').selectOption(FIRST);
  await racing.waitForFunction(() => window.__race.started, null, { timeout: 10_000 });
  await racing.locator('#campaign-select').selectOption(SECOND);

  /** The second campaign's form and dashboard, with its 24/06 counts and nothing of the first. */
  const showsSecond = async () => {
    await staff.tab('Nhập số liệu').click();
    await expect(racing.locator('#entry-unit option[value="city-police"]')).toHaveCount(1);
    await expect(racing.locator('#entry-unit option[value="district-team"]')).toHaveCount(0);
    await racing.locator('#entry-date').fill('2023-06-24');
    await racing.locator('#entry-unit').selectOption('city-police');
    await expect(racing.locator('[data-existing]')).toBeVisible();
    expect(await staff.formCounts(SECOND_INDICATORS)).toEqual(['31', '32', '33', '34']);
    await staff.tab('Tiến độ').click();
    for (const [i, id] of SECOND_INDICATORS.entries()) {
      await expect(racing.locator(`tfoot [data-total="${id}"]`)).toHaveText(String(31 + i));
    }
    await expect(racing.locator('tfoot [data-total="applications"]')).toHaveCount(0);
  };
  await showsSecond();
  expect(await racing.evaluate(() => window.__race.delivered), 'the first campaign\'s load is still held').toBe(false);

  // The first campaign's load ends late: dropped.
  await racing.evaluate(() => { window.__race.released = true; });
  await racing.waitForFunction(() => window.__race.finished, null, { timeout: 15_000 });
  await racing.waitForTimeout(500);
  await expect(racing.locator('#campaign-select')).toHaveValue(SECOND);
  await showsSecond();

  // A save now goes to the second campaign, and the first keeps its one entry.
  await staff.tab('Nhập số liệu').click();
  await staff.enter('2023-06-23', 'city-police', { 'eid-accounts': 1, 'portal-accounts': 2, 'vneid-installs': 3, 'online-services': 4 });
  expect(await storedEntries(racing, SECOND, SECOND_INDICATORS)).toEqual(['2023-06-23 city-police 1/2/3/4', '2023-06-24 city-police 31/32/33/34']);
  expect(await storedEntries(racing, FIRST)).toEqual(['2023-06-24 district-team 11/7']);
});

// Found while writing the tests above, and fixed since: an export now reads units and
// targets from the store every time, and a load that ran while this tab saved is read again.
test.describe('found by these tests', () => {
  test.skip(DEFEAT, 'nothing to defeat');

  test('an export after another tab added a unit and a target, with its notice missed, holds them', async ({ app, page, context }) => {
    // The export compared only the numbers of stored entries and audit records with the ones
    // shown (TallyStore::record_counts): units and targets another tab stored were left out.
    await page.addInitScript(() => { delete window.BroadcastChannel; });
    const a = new StaffPage(page);
    await a.open('data');
    const b = new StaffPage(await context.newPage());
    await b.open('settings');
    await b.addUnit('Tổ dân phố 9');
    await b.page.locator('#new-target-count').fill('777');
    await b.page.locator('form:has(#new-target-count) button[type="submit"]').click();
    await expect(b.page.locator('#new-target-count')).toHaveValue('');
    await b.page.close();

    const { json } = await a.exportJson();
    expect(json.units).toEqual([expect.objectContaining({ name: 'Tổ dân phố 9' })]);
    expect(json.targets).toEqual([expect.objectContaining({ indicator: 'applications', count: 777 })]);
  });

  test('a save made while a reload after another tab\'s notice is running stays shown in this tab', async ({ app, page, context }) => {
    // StaffState::load used to set the ledger it read even when this tab committed a batch
    // to the same campaign after the read: the save (status "Đã lưu") disappeared from this
    // tab's form and dashboard. Here the reload is held until this tab's save has started, as a
    // large ledger's read would be.
    test.setTimeout(60_000);
    await page.addInitScript(installHoldRequest);
    await page.addInitScript(() => {
      const race = (window.__race = { armed: false, held: false, released: false, log: [] });
      const getAll = IDBObjectStore.prototype.getAll;
      IDBObjectStore.prototype.getAll = function (...args) {
        const request = getAll.apply(this, args);
        if (!race.armed || race.held || this.name !== 'entries' || this.transaction.mode !== 'readonly') return request;
        race.held = true;
        race.log.push('reload-started');
        this.transaction.addEventListener('complete', () => race.log.push('reload-read'));
        return window.__holdRequest(this, request, () => race.released);
      };
      const transaction = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (names, mode, ...rest) {
        const tx = transaction.call(this, names, mode, ...rest);
        if (race.armed && mode === 'readwrite' && Array.from(typeof names === 'string' ? [names] : names).includes('entries')) {
          race.log.push('save-started');
          tx.addEventListener('complete', () => race.log.push('save-stored'));
        }
        return tx;
      };
    });
    const a = new StaffPage(page);
    await a.open();
    await page.evaluate(() => { window.__race.armed = true; });
    // B saves: A hears of it and starts reading its ledger again (held).
    const b = new StaffPage(await context.newPage());
    await b.open();
    await b.enter('2023-06-24', 'ward-police', { applications: 13, activations: 6 });
    await page.waitForFunction(() => window.__race.held, null, { timeout: 15_000 });
    // A saves meanwhile (another day and unit: no clash); the reload's answer comes once the save has started.
    const saving = a.enter('2023-06-24', 'district-team', { applications: 5, activations: 2 });
    await page.waitForFunction(() => window.__race.log.includes('save-started'), null, { timeout: 15_000 });
    await page.evaluate(() => { window.__race.released = true; });
    await saving;
    await page.waitForFunction(() => window.__race.log.includes('reload-read') && window.__race.log.includes('save-stored'), null, { timeout: 15_000 });
    expect(await page.evaluate(() => window.__race.log)).toEqual(['reload-started', 'save-started', 'reload-read', 'save-stored']);
    await page.waitForTimeout(500);

    // Stored: both saves.
    await b.tab('Tiến độ').click();
    await expect.poll(() => b.totals()).toEqual({ applications: '18', activations: '8' });
    // Shown in A: its own save too.
    await expect(page.locator('[data-existing]')).toBeVisible();
    await a.tab('Tiến độ').click();
    await expect.poll(() => a.totals()).toEqual({ applications: '18', activations: '8' });
  });
});
