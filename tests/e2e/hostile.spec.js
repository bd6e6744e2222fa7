// Hostile input end to end: every bad import file of tests/hostile/imports/
// (plus the large ones built here, as its README describes) is refused by staff
// mode, each listed with its place and a message, no preview appears, and a
// SHA-256 of the whole IndexedDB database is the same before and after.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { test, expect } from './app.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, '../hostile/imports');
const baseText = await readFile(join(here, '../hostile/base-valid.json'), 'utf8');

// A day inside the District 3 campaign (20/06–05/11/2023), 10:00 in Vietnam.
const DURING_CAMPAIGN = new Date('2023-06-25T10:00:00+07:00');
const BATCH = 10;
const DEEP = 100_000;

/** README rows: file name → expected place ('' for the whole file). */
async function expectedPlaces() {
  const readme = await readFile(join(corpus, 'README.md'), 'utf8');
  const cell = (s) => {
    const t = s.trim();
    const inner = t.startsWith('`` ') ? t.slice(3, -3) : t.startsWith('`') ? t.slice(1, -1) : t;
    return inner === '(whole file)' ? '' : inner;
  };
  const places = new Map();
  for (const line of readme.split('\n').filter((l) => l.startsWith('| `'))) {
    const cells = line.slice(1, -1).split(' | ').map(cell);
    places.set(cells[0], cells[2]);
  }
  return places;
}

/** The large cases, built as tests/hostile/imports/README.md says (and as tests/hostile.rs does). */
function generated() {
  const base = JSON.parse(baseText);
  const nested = '['.repeat(DEEP) + ']'.repeat(DEEP);
  const body = baseText.trimEnd().slice(0, -1);
  const dup = { ...base, entries: Array.from({ length: 10_000 }, () => base.entries[0]) };
  const deepCount = structuredClone(base);
  deepCount.entries[0].counts.applications = '@@deep@@';
  return [
    ['gen-10000-duplicate-entries.json', JSON.stringify(dup)],
    ['gen-50mb.json', body + ' '.repeat(50_000_000 - Buffer.byteLength(body) - 1) + '}'],
    ['gen-deep-array.json', nested],
    ['gen-deep-unknown-field.json', `{"x":${'{"x":'.repeat(DEEP - 1)}0${'}'.repeat(DEEP - 1)},${baseText.trimStart().slice(1)}`],
    ['gen-deep-format.json', `{"format":${nested}}`],
    ['gen-deep-count.json', JSON.stringify(deepCount).replace('"@@deep@@"', nested)],
  ];
}

/** SHA-256 of every record of every object store of the database, keys sorted. */
async function databaseDigest(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('vneid-campaign-tally');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const names = [...db.objectStoreNames].sort();
      const tx = db.transaction(names, 'readonly');
      const stores = {};
      await Promise.all(
        names.map((name) => new Promise((resolve, reject) => {
          const request = tx.objectStore(name).getAll();
          request.onsuccess = () => resolve((stores[name] = request.result));
          request.onerror = () => reject(request.error);
        })),
      );
      const sorted = (v) => (Array.isArray(v) ? v.map(sorted)
        : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v);
      const text = JSON.stringify(sorted({ version: db.version, stores }));
      const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      const sha256 = [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
      return { sha256, records: Object.fromEntries(names.map((n) => [n, stores[n].length])) };
    } finally {
      db.close();
    }
  });
}

async function enter(page, date, unit, counts, reason) {
  await page.locator('#entry-date').fill(date);
  await page.locator('#entry-unit').selectOption(unit);
  for (const [indicator, value] of Object.entries(counts)) {
    await page.locator(`#count-${indicator}`).fill(String(value));
  }
  if (reason) await page.locator('#reason').fill(reason);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.locator('[data-save-state="save-ok"]')).toContainText('Đã lưu');
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(DURING_CAMPAIGN);
});

// The large files go to a folder of their own (test-results/ is emptied by any other Playwright run).
let scratch;
test.beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'vneid-hostile-'));
});
test.afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test('every hostile import file is refused with its place, no preview appears and the database is unchanged', async ({ app, page }) => {
  test.setTimeout(180_000);
  const places = await expectedPlaces();
  const committed = (await readdir(corpus)).filter((f) => f.endsWith('.json')).sort();
  expect(committed.length).toBeGreaterThanOrEqual(60);
  const made = [];
  for (const [name, text] of generated()) {
    const path = join(scratch, name);
    await writeFile(path, text);
    made.push({ name, path });
  }
  expect([...places.keys()].sort()).toEqual([...committed, ...made.map((m) => m.name)].sort());
  const batches = [];
  for (let i = 0; i < committed.length; i += BATCH) {
    batches.push(committed.slice(i, i + BATCH).map((name) => ({ name, path: join(corpus, name) })));
  }
  batches.push(made);

  // Some data: two units, one corrected day (an audit record).
  await page.goto('staff/?v=entry');
  await expect(page.locator('[data-storage]')).toBeVisible();
  await enter(page, '2023-06-22', 'district-team', { applications: 10, activations: 5 });
  await enter(page, '2023-06-23', 'ward-police', { applications: 20, activations: 8 });
  await enter(page, '2023-06-22', 'district-team', { applications: 11, activations: 5 }, 'thêm hồ sơ');
  const before = await databaseDigest(page);
  expect(before.records).toMatchObject({ entries: 2, audit: 1 });

  const crashes = [];
  page.on('pageerror', (err) => crashes.push(String(err)));
  await page.goto('staff/?v=data');
  const refused = page.locator('[data-import="refused"]');
  const listed = () => refused.locator('li[data-refused]').evaluateAll((els) => els.map((e) => e.getAttribute('data-refused')));

  /** Imports `files` at once; returns what is wrong, or null when the refused list never showed them. */
  async function importBatch(files) {
    const names = files.map((f) => f.name);
    const seen = crashes.length;
    await page.locator('#import-files').setInputFiles(files.map((f) => f.path));
    // Wait for this batch's list, exactly (it replaces the previous batch's), unless the page crashes.
    // Reading and checking a batch (one file is 50 MB) takes seconds, longer on a loaded machine.
    const deadline = Date.now() + 45_000;
    let accepted = [];
    for (;;) {
      const shown = await listed();
      if (JSON.stringify(shown) === JSON.stringify(names)) break;
      // A file that is accepted shows up in a preview instead.
      const preview = page.locator('[data-import="preview"] p.muted');
      const previewed = (await preview.count()) ? await preview.innerText() : '';
      accepted = names.filter((n) => previewed.split(', ').includes(n));
      if (accepted.length && names.every((n) => shown.includes(n) || accepted.includes(n))) break;
      if (crashes.length > seen || Date.now() > deadline) return null;
      await page.waitForTimeout(50);
    }
    const wrong = accepted.map((n) => `${n}: ACCEPTED (shown in the import preview)`);
    for (const name of names.filter((n) => !accepted.includes(n))) {
      const text = await refused.locator(`li[data-refused="${name}"]`).innerText();
      // "<file>[ — tại <place>]: <message>"
      const message = text.slice(text.indexOf(': ', name.length) + 2).trim();
      const place = places.get(name);
      if (!text.startsWith(name)) wrong.push(`${name}: the entry does not start with the file name: ${text}`);
      if (message.length < 5) wrong.push(`${name}: no message: ${text}`);
      if (place && !text.includes(place)) wrong.push(`${name}: the place ${place} is not shown: ${text}`);
    }
    if (!accepted.length && (await page.locator('[data-import="preview"]').count()) !== 0) wrong.push(`${names.join(', ')}: a preview appeared`);
    return wrong;
  }

  const problems = [];
  for (const batch of batches) {
    const wrong = await importBatch(batch);
    if (wrong) {
      problems.push(...wrong);
      continue;
    }
    // The batch was not listed (the page crashed or hung): find the culprit file by file.
    for (const file of batch) {
      await page.goto('staff/?v=data');
      const seen = crashes.length;
      const single = await importBatch([file]);
      if (single) problems.push(...single);
      else problems.push(`${file.name}: not listed as refused${crashes.length > seen ? ` (page error: ${crashes.slice(seen).join('; ')})` : ''}`);
    }
    await page.goto('staff/?v=data');
  }
  expect.soft(problems, 'files not refused as expected').toEqual([]);

  const after = await databaseDigest(page);
  expect(after).toEqual(before);
  await page.reload();
  await expect(page.locator('[data-storage]')).toBeVisible();
  expect(await databaseDigest(page)).toEqual(before);

  // The digest does notice a change: the valid base file imports and alters it.
  await page.locator('#import-files').setInputFiles(join(here, '../hostile/base-valid.json'));
  await expect(page.locator('[data-import="preview"]')).toBeVisible();
  await page.getByRole('button', { name: 'Gộp vào dữ liệu của máy này' }).click();
  await expect(page.locator('[data-outcome="ok"]')).toBeVisible();
  const merged = await databaseDigest(page);
  expect(merged.sha256).not.toBe(before.sha256);
  expect(merged.records).toMatchObject({ entries: 15, units: 2, targets: 2 }); // 13 new, 2 already here
});
