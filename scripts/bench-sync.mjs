// Benchmark (not a test): staff sync at province scale against a CouchDB-protocol server
// (npm's pouchdb-server on loopback, started here).
//
// The server holds the province of scripts/bench-staff-data.mjs (hn-awareness-2022: 600 units
// × 120 days × 4 indicators = 72,000 entry documents and 600 unit documents), written by 10
// devices (60 units each). Then, in headless Chromium:
//   1. first pull: an empty device signs in and takes everything in (from the click on
//      "sign in" to the status line's "synced"; the app's marks sync:start → sync:end);
//   2. incremental sync: the 10 devices each change one day of their 60 units on the server
//      (600 documents), and the device pulls them ("sync now");
//   3. the floor the first pull is compared with: the same `_changes` pages fetched and
//      parsed by plain JavaScript in the same page, nothing stored;
//   4. a save on that synced device: from the click on "save" to "saved", and the longest
//      main-thread task in the next 1.5 s (before the save's own sync starts, 2 s after it),
//      which is when the status line recounts the records waiting to be sent.
// Each is run RUNS times (first pull in a fresh browser context each time); the median is
// reported. The dashboard's totals are checked against the data after each pull.
//
// Needs a site built with a deployment that names the server (the test fixtures do:
// DEPLOYMENT_DIR=tests/fixtures/campaigns scripts/build-dist.sh; `make bench-staff` builds it
// into target/bench-sync-dist/). BENCH_SYNC_DIST names the build (default: dist/).
// Results: a markdown table on stdout, the numbers in target/bench-sync.json.
import { chromium } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveBuild } from './local-server.mjs';
import { CouchServer, couch } from './couch-server.mjs';
import { CAMPAIGN, INDICATORS, SORTED_INDICATORS, UNITS, DAYS, NOW, MERGE_FILES, RUNS, day, unitId, unitName, counts, totals } from './bench-staff-data.mjs';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = resolve(process.env.BENCH_SYNC_DIST ?? join(root, 'dist'));
const copy = join(root, 'target', 'bench-sync-run');
const outJson = join(root, 'target', 'bench-sync.json');
const DB = `vneid-${CAMPAIGN}`;
const USER = { name: 'province', password: 'province-pass' };
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const log = (m) => process.stderr.write(`bench-sync: ${m}\n`);
const fail = (m) => { log(m); process.exit(1); };
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const seconds = (ms) => (ms / 1000).toFixed(2);

const deployment = readFileSync(join(distDir, 'staff', 'index.html'), 'utf8');
if (!deployment.includes('127.0.0.1:59840')) fail(`${distDir} is not built with a deployment naming the loopback sync server (build with DEPLOYMENT_DIR=tests/fixtures/campaigns)`);
rmSync(copy, { recursive: true, force: true });
mkdirSync(dirname(copy), { recursive: true });
cpSync(distDir, copy, { recursive: true });
const base = readFileSync(join(copy, 'index.html'), 'utf8').match(/<base href="([^"]+)"/)?.[1] ?? '/';

// ---------------------------------------------------------------- the server's data

const device = (u) => `d-bench-${Math.floor(u / (UNITS / MERGE_FILES))}`;
function entryDoc(d, u, bump = 0, modifiedAt = '17:00:00') {
  const date = day(d);
  const c = {};
  for (const id of SORTED_INDICATORS) c[id] = counts[(d * UNITS + u) * INDICATORS.length + INDICATORS.indexOf(id)] + bump;
  return { _id: `entry:${date}:${unitId(u)}`, type: 'entry', record: { date, unit: unitId(u), counts: c, modified: `${date}T${modifiedAt}+07:00`, device: device(u) } };
}

async function bulk(docs) {
  for (let i = 0; i < docs.length; i += 10_000) {
    const r = await couch('POST', `/${DB}/_bulk_docs`, { docs: docs.slice(i, i + 10_000) });
    if (r.status !== 201 || r.json.some((x) => x.error)) fail(`_bulk_docs: ${r.text.slice(0, 200)}`);
  }
}

async function seed() {
  await couch('DELETE', `/${DB}`);
  await couch('PUT', `/${DB}`);
  await couch('PUT', `/${DB}/_security`, { admins: { names: [], roles: [] }, members: { names: [USER.name], roles: [] } });
  const docs = [];
  for (let u = 0; u < UNITS; u++) docs.push({ _id: `unit:${unitId(u)}`, type: 'unit', record: { id: unitId(u), name: unitName(u), modified: '2022-11-18T08:00:00+07:00', device: device(u) } });
  for (let d = 0; d < DAYS; d++) for (let u = 0; u < UNITS; u++) docs.push(entryDoc(d, u));
  const t = performance.now();
  await bulk(docs);
  return { docs: docs.length, ms: performance.now() - t };
}

/** The 10 devices each change the last day of their 60 units by +1 (600 documents). */
async function tenDevicesEditADay(round) {
  const d = DAYS - 1;
  const ids = Array.from({ length: UNITS }, (_, u) => `entry:${day(d)}:${unitId(u)}`);
  const revs = await couch('POST', `/${DB}/_all_docs`, { keys: ids });
  const docs = revs.json.rows.map((row, u) => ({ ...entryDoc(d, u, round, `18:0${round}:00`), _rev: row.value.rev }));
  await bulk(docs);
}

// ---------------------------------------------------------------- the browser side

let browser;
let url;

async function openDevice() {
  const context = await browser.newContext({ baseURL: url, timezoneId: 'Asia/Ho_Chi_Minh', locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  // Keep the browser's own `performance` (Playwright's clock replaces it); the clock fixes Date only.
  await context.addInitScript(() => {
    const real = window.performance;
    Object.defineProperty(window, 'performance', { configurable: true, enumerable: true, get: () => real, set: () => {} });
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => fail(`page error: ${e}`));
  await page.clock.setFixedTime(NOW);
  await page.goto(`staff/?c=${CAMPAIGN}&v=data`);
  await page.locator('#sync-user').waitFor({ timeout: 60_000 });
  return { context, page };
}

/** Duration of the n-th (from the end: -1 the last) sync run, from the app's marks. */
async function lastRun(page) {
  return page.evaluate(() => {
    const starts = performance.getEntriesByName('sync:start');
    const ends = performance.getEntriesByName('sync:end');
    return ends.at(-1).startTime - starts.at(-1).startTime;
  });
}

async function dashboardTotal(page) {
  await page.goto(`staff/?c=${CAMPAIGN}&v=dashboard`);
  const cell = page.locator(`tfoot [data-total="${INDICATORS[0]}"]`);
  await cell.waitFor({ timeout: 60_000 });
  return Number((await cell.textContent()).replace(/\D/g, ''));
}

async function firstPull() {
  const { context, page } = await openDevice();
  await page.locator('#sync-user').fill(USER.name);
  await page.locator('#sync-password').fill(USER.password);
  const t = Date.now();
  await page.getByRole('button', { name: 'Đăng nhập và đồng bộ' }).click();
  await page.locator('.sync-line[data-sync-status="synced"]').waitFor({ timeout: 600_000 });
  const wall = Date.now() - t;
  const run = await page.evaluate(() => {
    const s = performance.getEntriesByName('sync:start')[0];
    const e = performance.getEntriesByName('sync:end')[0];
    return e.startTime - s.startTime;
  });
  // The floor: the same pages of changes, fetched and parsed, nothing stored.
  const floor = await page.evaluate(async (db) => {
    const t0 = performance.now();
    let since = 0;
    let n = 0;
    for (;;) {
      const r = await fetch(`http://127.0.0.1:59840/${db}/_changes?style=all_docs&include_docs=true&conflicts=true&limit=2000&since=${since}`, { credentials: 'include' });
      const j = JSON.parse(await r.text());
      n += j.results.length;
      since = j.last_seq;
      if (j.results.length < 2000) break;
    }
    return { ms: performance.now() - t0, n };
  }, DB);
  const total = await dashboardTotal(page);
  if (total !== totals[INDICATORS[0]]) fail(`after the first pull the dashboard shows ${total}, the data holds ${totals[INDICATORS[0]]}`);
  return { context, page, wall, run, floor };
}

// ---------------------------------------------------------------- run

const server = new CouchServer();
const results = { firstPull: [], firstPullWall: [], floor: [], incremental: [], save: [], saveLongestTask: [] };
try {
  await server.start();
  const served = await serveBuild({ dir: copy, base, probe: 'staff/' });
  url = served.url;
  await server.configure(new URL(url).origin, { users: { [USER.name]: USER.password }, databases: { [DB]: [USER.name] } });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const seeded = await seed();
  log(`server seeded: ${seeded.docs} documents in ${seconds(seeded.ms)} s`);
  let kept;
  for (let i = 0; i < RUNS; i++) {
    const r = await firstPull();
    results.firstPull.push(r.run);
    results.firstPullWall.push(r.wall);
    results.floor.push(r.floor.ms);
    log(`first pull ${i + 1}: ${seconds(r.run)} s (click to "synced" ${seconds(r.wall)} s; plain fetch of the same ${r.floor.n} changes ${seconds(r.floor.ms)} s)`);
    if (kept) await kept.context.close();
    kept = r;
  }
  // Incremental: one day's edits from 10 devices, pulled by the last device.
  await kept.page.goto(`staff/?c=${CAMPAIGN}&v=data`);
  await kept.page.locator('.sync-line[data-sync-status="synced"]').waitFor({ timeout: 60_000 });
  for (let round = 1; round <= RUNS; round++) {
    await tenDevicesEditADay(round);
    const before = await kept.page.evaluate(() => performance.getEntriesByName('sync:end').length);
    await kept.page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await kept.page.waitForFunction((n) => performance.getEntriesByName('sync:end').length > n, before, { timeout: 120_000 });
    await kept.page.locator('.sync-line[data-sync-status="synced"]').waitFor({ timeout: 60_000 });
    const ms = await lastRun(kept.page);
    results.incremental.push(ms);
    log(`incremental ${round}: ${seconds(ms)} s`);
    const total = await dashboardTotal(kept.page);
    const expected = totals[INDICATORS[0]] + UNITS * round;
    if (total !== expected) fail(`after incremental ${round} the dashboard shows ${total}, expected ${expected}`);
    await kept.page.goto(`staff/?c=${CAMPAIGN}&v=data`);
    await kept.page.locator('.sync-line[data-sync-status="synced"]').waitFor({ timeout: 60_000 });
  }
  // A save on the synced device (each round another unit, so every save writes a record of its own).
  for (let round = 1; round <= RUNS; round++) {
    await kept.page.goto(`staff/?c=${CAMPAIGN}&v=entry`);
    await kept.page.locator('.sync-line[data-sync-status="synced"]').waitFor({ timeout: 120_000 });
    await kept.page.locator('#entry-date').fill(day(DAYS - 1));
    await kept.page.locator('#entry-unit').selectOption(unitId(round));
    for (const id of INDICATORS) await kept.page.locator(`#count-${id}`).fill(String(1000 + round));
    await kept.page.evaluate(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    const t = Date.now();
    await kept.page.locator('form.entry-form button[type=submit]').click();
    await kept.page.locator('[data-save-state="save-ok"]').waitFor({ timeout: 60_000 });
    const saved = Date.now() - t;
    await kept.page.waitForTimeout(1500);
    const longest = await kept.page.evaluate(() => window.__longest);
    results.save.push(saved);
    results.saveLongestTask.push(longest);
    log(`save ${round}: ${saved} ms to "saved"; longest main-thread task within 1.5 s: ${Math.round(longest)} ms`);
  }
  await kept.context.close();
  served.server.kill();
} finally {
  await browser?.close();
  await server.stop();
  server.cleanUp();
}

const summary = {
  data: `${UNITS} units × ${DAYS} days × ${INDICATORS.length} indicators (${UNITS * DAYS} entry documents + ${UNITS} units), ${MERGE_FILES} devices`,
  runs: RUNS,
  firstPullMs: median(results.firstPull),
  firstPullWallMs: median(results.firstPullWall),
  fetchFloorMs: median(results.floor),
  incrementalMs: median(results.incremental),
  saveMs: median(results.save),
  saveLongestTaskMs: median(results.saveLongestTask),
  all: results,
};
mkdirSync(dirname(outJson), { recursive: true });
writeFileSync(outJson, JSON.stringify(summary, null, 2) + '\n');
console.log(`| sync (${summary.data}; median of ${RUNS}) | time |
|---|---|
| first pull into an empty device (sync run) | ${seconds(summary.firstPullMs)} s |
| first pull, from the "sign in" click to "synced" | ${seconds(summary.firstPullWallMs)} s |
| floor: the same \`_changes\` pages fetched and parsed in the page, nothing stored | ${seconds(summary.fetchFloorMs)} s |
| incremental: one day's edits from ${MERGE_FILES} devices (${UNITS} documents) | ${seconds(summary.incrementalMs)} s |
| a save on the synced device, click to "saved" | ${seconds(summary.saveMs)} s |
| the longest main-thread task in the 1.5 s after that save (the recount of records waiting) | ${Math.round(summary.saveLongestTaskMs)} ms |`);
