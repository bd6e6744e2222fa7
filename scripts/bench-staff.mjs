// Benchmark (not a test): staff mode at province scale in headless Chromium.
//
// 600 units × 120 days × 4 indicators (72,000 daily entries) for the campaign
// hn-awareness-2022, made with a seeded PRNG (same numbers on every run), then:
//   1. loading the province: one export file with every entry imported into an
//      empty database (preview, then apply);
//   2. the dashboard with that data (tab switches back and forth);
//   3. "Export JSON", next to the browser's own JSON.stringify of the same data;
//   4. merging 10 exports from 10 devices (60 units each) into an empty
//      database, then importing the same 10 files again (all identical);
//   5. the storage's own limit: a raw IndexedDB write, from plain JS in the same
//      browser and origin, of exactly the records each apply writes (the file's
//      entries, units, targets and audit records, each plus "campaign", as the
//      app stores them), into a separate database with the app's object stores
//      and key paths, in one readwrite transaction: every put() issued at once,
//      then the transaction's "complete" awaited. Each run is in a fresh browser
//      context, right after the app's run it is compared with.
// Times come from the app's performance marks (tally:<step>:start/end) and the
// script's own marks in the page. Absolute times swing 2–3× on shared machines,
// so each goal is a ratio to a limit measured in the same run:
//   import apply, merge apply ≤ 1.5 × the raw IndexedDB write of the same records;
//   export ≤ 2 × the browser's own JSON.stringify of the same data (exports are compact);
//   dashboard render ≤ 1 × the browser's own JSON.parse of the export.
// Results go to stdout as a markdown table (each figure, its limit, the ratio and
// the goal) and to target/bench-staff.json.
//
// Usage: node scripts/bench-staff.mjs    (or `make bench-staff`, which builds dist/ first)
//        BENCH_DIST=/path/to/built/site node scripts/bench-staff.mjs   (an existing build)
// Needs a built site (default dist/; BENCH_DIST names another) with staff mode in
// staff/; it is copied to target/bench-dist/ first so that a rebuild during the run
// does not disturb it.
import { serveBuild } from './local-server.mjs';
import { chromium } from '@playwright/test';
import Ajv from 'ajv';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { CAMPAIGN, INDICATORS, SORTED_INDICATORS, UNITS, DAYS, FIRST_DAY, NOW, MERGE_FILES, RUNS, STEP_TIMEOUT, SEED, APP_STORES, WRITTEN, RAW_DB, GOALS, prng, day, unitId, unitName, counts, totals, makeExport } from './bench-staff-data.mjs';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The built site to benchmark: BENCH_DIST (relative to the current directory), else dist/.
const distDir = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : join(root, 'dist');
const distName = process.env.BENCH_DIST ? distDir : 'dist';
const benchDist = join(root, 'target', 'bench-dist');
const outJson = join(root, 'target', 'bench-staff.json');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// ---------------------------------------------------------------- helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x == null ? '–' : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x).toLocaleString('en-US')} ms`);
const mb = (bytes) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const log = (...a) => console.error('[bench]', ...a);

function fail(message) {
  console.error(`bench-staff: ${message}`);
  process.exit(1);
}

/** Copies dist/ to target/bench-dist/ and checks that the copy is whole (not caught mid-rebuild). */
function copyDist() {
  if (!existsSync(join(distDir, 'staff', 'index.html'))) {
    fail(`${distName}/staff/index.html is missing: build the release first with \`scripts/build-dist.sh /vneid-campaign/\` (or run \`make bench-staff\`, which builds it, then benchmarks), or name a built site with BENCH_DIST.`);
  }
  rmSync(benchDist, { recursive: true, force: true });
  mkdirSync(dirname(benchDist), { recursive: true });
  cpSync(distDir, benchDist, { recursive: true });
  const html = readFileSync(join(benchDist, 'staff', 'index.html'), 'utf8');
  // Quoted or not (minified HTML leaves quotes out).
  const base = html.match(/<base\b[^>]*\bhref=(?:"([^"]+)staff\/"|([^\s>"]+)staff\/)/)?.slice(1).find(Boolean);
  if (!base) fail(`${distName}/staff/index.html has no <base href=".../staff/">: is ${distName}/ a complete build?`);
  const referenced = [...html.matchAll(/(?:href|module_or_path:|from) ?['"]([^'"]+\.(?:js|wasm|css))['"]/g)].map((m) => m[1]);
  const missing = referenced.filter((p) => !existsSync(join(benchDist, p.slice(base.length))));
  if (missing.length) fail(`the copy of ${distName}/ is incomplete (${missing.join(', ')} missing): was it being rebuilt? Try again.`);
  const wasm = readdirSync(join(benchDist, 'staff')).find((f) => f.endsWith('_bg.wasm'));
  if (!wasm || !readFileSync(join(benchDist, 'staff', wasm)).includes('tally:import:preview')) {
    fail(`${distName}/staff/ was built without the tally:* performance marks: rebuild it (scripts/build-dist.sh).`);
  }
  return base;
}

/** Every mark's count, to wait for the next one. */
const markCount = (page, name) => page.evaluate((n) => performance.getEntriesByName(n, 'mark').length, name);

/** Waits (polling from Node, not with page timers: the page clock is fixed) until `name` was marked more than `before` times. */
async function waitForMark(page, name, before, what) {
  const t0 = Date.now();
  for (;;) {
    const state = await page.evaluate(([n, b]) => ({
      done: performance.getEntriesByName(n, 'mark').length > b,
      refused: document.querySelector('[data-import="refused"]')?.innerText ?? null,
      error: document.querySelector('[data-outcome="error"], [role="alert"].banner-error')?.innerText ?? null,
    }), [name, before]);
    if (state.done) return;
    if (state.refused) throw new Error(`${what}: the app refused the file(s): ${state.refused}`);
    if (state.error) throw new Error(`${what}: the page shows an error: ${state.error}`);
    if (Date.now() - t0 > STEP_TIMEOUT) throw new Error(`${what}: no "${name}" mark after ${STEP_TIMEOUT / 1000} s`);
    await sleep(25);
  }
}

/** Duration between the latest `start` and the latest `end` mark. */
async function duration(page, start, end) {
  const d = await page.evaluate(([s, e]) => {
    const a = performance.getEntriesByName(s, 'mark').at(-1);
    const b = performance.getEntriesByName(e, 'mark').at(-1);
    return a && b ? b.startTime - a.startTime : null;
  }, [start, end]);
  if (d == null || !(d > 0)) throw new Error(`${start} → ${end}: no usable duration (${d})`);
  return d;
}

// ---------------------------------------------------------------- the browser side

let browser;
let baseUrl;
const pageProblems = [];

async function openStaff(label) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    timezoneId: 'Asia/Ho_Chi_Minh',
    locale: 'vi-VN',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  // Playwright's page clock replaces `performance` with a stand-in whose mark() records nothing and
  // getEntriesByName() returns [], and runs requestAnimationFrame on its own 16 ms timer. Keep the
  // browser's own `performance` and animation frames (registered before the clock, so this runs
  // first); the clock still fixes Date, which is all the app needs.
  await context.addInitScript(() => {
    for (const key of ['performance', 'requestAnimationFrame', 'cancelAnimationFrame']) {
      const real = key === 'performance' ? window.performance : window[key].bind(window);
      Object.defineProperty(window, key, { configurable: true, enumerable: true, get: () => real, set: () => {} });
    }
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageProblems.push(`${label}: ${e}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 404/.test(m.text())) pageProblems.push(`${label}: console: ${m.text()}`);
  });
  await page.clock.setFixedTime(NOW);
  await page.goto(`staff/?c=${CAMPAIGN}&v=data`);
  await page.locator('[data-storage]').waitFor({ timeout: 30_000 });
  await page.locator('#import-files').waitFor({ state: 'attached', timeout: 30_000 });
  const clock = await page.evaluate(() => ({
    date: new Date().toISOString(),
    nativeMarks: /\[native code\]/.test(String(performance.mark)),
    nativeFrames: /\[native code\]/.test(String(requestAnimationFrame)),
  }));
  if (clock.date !== NOW.toISOString()) throw new Error(`${label}: the page clock is not fixed (${clock.date})`);
  if (!clock.nativeMarks || !clock.nativeFrames) throw new Error(`${label}: performance marks or animation frames are faked in the page; the timings would be meaningless`);
  const storage = await page.locator('[data-storage]').getAttribute('data-storage');
  if (storage !== 'device') throw new Error(`${label}: data is not in IndexedDB (data-storage="${storage}")`);
  return { context, page };
}

async function screenshotOnError(page, label) {
  try {
    const path = join(root, 'target', `bench-staff-${label}.png`);
    await page.screenshot({ path, fullPage: false });
    log(`screenshot: ${path}`);
  } catch { /* the page may be gone */ }
}

/** Picks files; returns the app's preview time and the wall time from the pick to the preview. */
async function importFiles(page, files, what) {
  const before = await markCount(page, 'tally:import:preview');
  const t0 = performance.now();
  await page.locator('#import-files').setInputFiles(files.map(({ name, mimeType, buffer }) => ({ name, mimeType, buffer })));
  await waitForMark(page, 'tally:import:preview', before, what);
  const wall = performance.now() - t0;
  await page.locator('[data-import="preview"]').waitFor({ timeout: STEP_TIMEOUT });
  return { preview: await duration(page, 'tally:import:start', 'tally:import:preview'), wall };
}

/** Reads the preview table: how many units, and the new / identical / conflict sums. */
const previewSums = (page) => page.evaluate(() => {
  const rows = [...document.querySelectorAll('[data-import="preview"] tbody tr[data-unit]')];
  const sum = (cell) => rows.reduce((s, r) => s + Number(r.querySelector(`[data-cell="${cell}"]`)?.innerText.replace(/\D/g, '') || 0), 0);
  return { units: rows.length, new: sum('new'), identical: sum('identical'), conflicts: sum('conflicts') };
});

async function apply(page, what) {
  const before = await markCount(page, 'tally:apply:end');
  const t0 = performance.now();
  await page.getByRole('button', { name: 'Gộp vào dữ liệu của máy này' }).click();
  await waitForMark(page, 'tally:apply:end', before, what);
  await page.locator('[data-outcome="ok"]').waitFor({ timeout: STEP_TIMEOUT });
  const wall = performance.now() - t0;
  const outcome = await page.locator('[data-outcome="ok"]').innerText();
  return { apply: await duration(page, 'tally:apply:start', 'tally:apply:end'), wall, outcome };
}

function expectEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const tab = (page, name) => page.getByRole('navigation').getByRole('link', { name, exact: true });

async function dashboardOnce(page) {
  const before = await markCount(page, 'tally:dashboard:end');
  const t0 = performance.now();
  await tab(page, 'Tiến độ').click();
  await waitForMark(page, 'tally:dashboard:end', before, 'dashboard');
  await page.locator('tfoot [data-total="eid-accounts"]').waitFor({ state: 'attached', timeout: STEP_TIMEOUT });
  const wall = performance.now() - t0;
  const shown = await page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, Number(document.querySelector(`tfoot [data-total="${id}"]`).textContent.replace(/\D/g, ''))])), INDICATORS);
  expectEqual(shown, totals, 'dashboard totals');
  const render = await duration(page, 'tally:dashboard:start', 'tally:dashboard:end');
  // Back to the data tab (its own render is not measured).
  await tab(page, 'Xuất, nhập dữ liệu').click();
  await page.locator('#export-json').waitFor({ timeout: STEP_TIMEOUT });
  return { render, wall };
}

async function exportOnce(page) {
  const t0 = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_TIMEOUT }), page.locator('#export-json').click()]);
  const path = await download.path();
  const wall = performance.now() - t0;
  const text = readFileSync(path, 'utf8');
  return { export: await duration(page, 'tally:export:start', 'tally:export:end'), wall, text, name: download.suggestedFilename() };
}

/** Times JSON.parse, JSON.stringify and pretty JSON.stringify of the export, in the page (with marks, as the page clock is fixed). */
async function browserJson(page, text, runs) {
  await page.evaluate((t) => { window.__benchText = t; }, text);
  return page.evaluate((n) => {
    const time = (label, fn) => {
      performance.mark(`bench:${label}:a`);
      const r = fn();
      performance.mark(`bench:${label}:b`);
      const d = performance.getEntriesByName(`bench:${label}:b`).at(-1).startTime - performance.getEntriesByName(`bench:${label}:a`).at(-1).startTime;
      return [d, r];
    };
    const out = { parse: [], compact: [], pretty: [] };
    let obj;
    for (let i = 0; i < n; i++) {
      const [d, o] = time('parse', () => JSON.parse(window.__benchText));
      out.parse.push(d);
      obj = o;
    }
    for (let i = 0; i < n; i++) {
      const [d, s] = time('compact', () => JSON.stringify(obj));
      out.compact.push(d);
      out.compactBytes = new Blob([s]).size;
    }
    for (let i = 0; i < n; i++) {
      const [d, s] = time('pretty', () => JSON.stringify(obj, null, 2));
      out.pretty.push(d);
      out.prettyBytes = new Blob([s]).size;
    }
    delete window.__benchText;
    return out;
  }, runs);
}

/**
 * The storage's own limit: writes the records an apply of `texts` (export files) writes, as plain JS
 * objects shaped like the app's stored values (each file's entry, unit, target and audit objects plus
 * "campaign"), into a separate database with the app's object stores and key paths (deleted before and
 * after), in ONE readwrite transaction: every put() (add() for audit, as the app does) issued without
 * awaiting it, then commit() and the "complete" event awaited, as IdbStore::commit does. Timed with
 * marks (the page clock is fixed); the records are built before the first mark. Checks what was stored.
 */
async function rawWrite(page, texts, expected, what) {
  const out = await page.evaluate(async ({ texts, campaign, dbName, stores, written }) => {
    // (A delete may report "blocked" while a closed connection's last transaction finishes; it then succeeds.)
    const request = (r) => new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const records = Object.fromEntries(written.map((s) => [s, []]));
    for (const text of texts) {
      const file = JSON.parse(text);
      for (const s of written) for (const r of file[s]) records[s].push({ campaign, ...r });
    }
    await request(indexedDB.deleteDatabase(dbName));
    const open = indexedDB.open(dbName, 2);
    open.onupgradeneeded = () => {
      for (const [name, keyPath] of Object.entries(stores)) open.result.createObjectStore(name, { keyPath });
    };
    const db = await request(open);
    try {
      performance.mark('bench:raw-write:a');
      const tx = db.transaction(written, 'readwrite');
      const done = new Promise((resolve, reject) => {
        tx.oncomplete = () => {
          performance.mark('bench:raw-write:b');
          resolve();
        };
        tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'));
      });
      for (const s of written) {
        const store = tx.objectStore(s);
        if (s === 'audit') for (const r of records[s]) store.add(r);
        else for (const r of records[s]) store.put(r);
      }
      tx.commit?.();
      await done;
      const ms = performance.getEntriesByName('bench:raw-write:b').at(-1).startTime - performance.getEntriesByName('bench:raw-write:a').at(-1).startTime;
      const check = db.transaction(written);
      const checked = new Promise((resolve, reject) => {
        check.oncomplete = resolve;
        check.onabort = () => reject(check.error ?? new Error('the check was aborted'));
      });
      const stored = {};
      for (const s of written) stored[s] = await request(check.objectStore(s).count());
      await checked;
      return { ms, records: Object.fromEntries(written.map((s) => [s, records[s].length])), stored };
    } finally {
      db.close();
      await request(indexedDB.deleteDatabase(dbName));
    }
  }, { texts, campaign: CAMPAIGN, dbName: RAW_DB, stores: APP_STORES, written: WRITTEN });
  expectEqual(out.records, expected, `${what}: records built`);
  expectEqual(out.stored, expected, `${what}: records stored`);
  if (!(out.ms > 0)) throw new Error(`${what}: no usable duration (${out.ms})`);
  return out;
}

/** Opens a fresh context on the app's origin and times the raw write of `files` there. */
async function rawWriteRun(files, expected, label) {
  current = await openStaff(label);
  const out = await rawWrite(current.page, files.map((f) => f.buffer.toString('utf8')), expected, label);
  await current.context.close();
  current = null;
  return out;
}

// ---------------------------------------------------------------- main

const base = copyDist();
log(`copied ${distName}/ to ${benchDist} (built for ${base})`);

log('generating data…');
let t = performance.now();
const province = makeExport('d-province', 'Máy tổng hợp tỉnh', Array.from({ length: UNITS }, (_, u) => u));
const perDevice = UNITS / MERGE_FILES;
const devices = Array.from({ length: MERGE_FILES }, (_, f) =>
  makeExport(`d-bench-${String(f + 1).padStart(2, '0')}`, `Máy ${f + 1}`, Array.from({ length: perDevice }, (_, k) => f * perDevice + k)));
log(`  ${province.json.entries.length} entries, ${mb(province.buffer.length)} (one file); ${MERGE_FILES} files of ${devices[0].json.entries.length} entries, ${mb(devices.reduce((s, f) => s + f.buffer.length, 0))} in all (${Math.round(performance.now() - t)} ms)`);

const schema = JSON.parse(readFileSync(join(root, 'public', 'schema', 'tally-export-v1.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: false }).compile(schema);
for (const f of [province, devices[0]]) {
  if (!validate(f.json)) fail(`generated ${f.name} does not match the schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}
log('  generated files match public/schema/tally-export-v1.schema.json');
// The records an apply of these files writes (all new on an empty device): what the raw write writes.
const recordCounts = (files) => Object.fromEntries(WRITTEN.map((s) => [s, files.reduce((n, f) => n + f.json[s].length, 0)]));
const provinceRecords = recordCounts([province]);
const mergeRecords = recordCounts(devices);
for (const f of [province, ...devices]) delete f.json;

const { server, url } = await serveBuild({ dir: benchDist, base, probe: 'staff/' }).catch((e) => fail(e.message));
baseUrl = url;
const stopServer = () => { if (server.exitCode == null) server.kill(); };
process.on('exit', stopServer);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { stopServer(); process.exit(130); });
log(`serving ${benchDist} at ${url}`);

const results = {};
const raw = {};
const started = performance.now();
let current;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  log(`Chromium ${browser.version()}`);

  // 1–3. The province in one file, into an empty database; RUNS fresh contexts.
  raw.load = [];
  raw.rawWrite = { province: [], merge: [] };
  let exportStats;
  for (let r = 0; r < RUNS; r++) {
    current = await openStaff(`province-${r + 1}`);
    const { page } = current;
    const imp = await importFiles(page, [province], 'province import');
    const sums = await previewSums(page);
    expectEqual(sums, { units: UNITS, new: UNITS * DAYS, identical: 0, conflicts: 0 }, 'province preview');
    const app = await apply(page, 'province apply');
    if (!app.outcome.includes(String(UNITS * DAYS))) throw new Error(`province apply: outcome "${app.outcome}" does not name ${UNITS * DAYS} entries`);
    raw.load.push({ preview: imp.preview, previewWall: imp.wall, apply: app.apply, applyWall: app.wall });
    log(`  province load run ${r + 1}: preview ${ms(imp.preview)} (wall ${ms(imp.wall)}), apply ${ms(app.apply)} (wall ${ms(app.wall)})`);

    if (r === 0) {
      // 2. The dashboard, opened RUNS times (data tab ↔ dashboard tab).
      raw.dashboard = [];
      for (let i = 0; i < RUNS; i++) {
        const d = await dashboardOnce(page);
        raw.dashboard.push(d);
        log(`  dashboard ${i + 1}: ${ms(d.render)} (wall ${ms(d.wall)})`);
      }
      // 3. Export JSON RUNS times; then the browser's own JSON on the same data.
      raw.export = [];
      let last;
      for (let i = 0; i < RUNS; i++) {
        last = await exportOnce(page);
        raw.export.push({ export: last.export, wall: last.wall });
        log(`  export ${i + 1}: ${ms(last.export)} (wall ${ms(last.wall)}), ${mb(Buffer.byteLength(last.text))}`);
      }
      const exported = JSON.parse(last.text);
      if (exported.entries.length !== UNITS * DAYS) throw new Error(`export holds ${exported.entries.length} entries, not ${UNITS * DAYS}`);
      if (!validate(exported)) throw new Error(`the app's export does not match the schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      const js = await browserJson(page, last.text, RUNS);
      exportStats = { bytes: Buffer.byteLength(last.text), name: last.name, entries: exported.entries.length, js };
      raw.browserJson = js;
      log(`  JSON.parse ${ms(median(js.parse))}, JSON.stringify ${ms(median(js.compact))}, pretty ${ms(median(js.pretty))}`);
    }
    await current.context.close();
    current = null;

    // 5. The raw IndexedDB write of the same records, in a fresh context.
    const w = await rawWriteRun([province], provinceRecords, `raw-write-province-${r + 1}`);
    raw.rawWrite.province.push(w.ms);
    log(`  raw IndexedDB write run ${r + 1} (${w.records.entries} entries, ${w.records.units} units, 1 transaction): ${ms(w.ms)}`);
  }

  // 4. Ten exports from ten devices into an empty database; then the same ten again.
  raw.merge = [];
  for (let r = 0; r < RUNS; r++) {
    current = await openStaff(`merge-${r + 1}`);
    const { page } = current;
    const imp = await importFiles(page, devices, 'merge import');
    expectEqual(await previewSums(page), { units: UNITS, new: UNITS * DAYS, identical: 0, conflicts: 0 }, 'merge preview');
    const app = await apply(page, 'merge apply');
    if (!app.outcome.includes(String(UNITS * DAYS))) throw new Error(`merge apply: outcome "${app.outcome}" does not name ${UNITS * DAYS} entries`);
    const again = await importFiles(page, devices, 'identical re-import');
    expectEqual(await previewSums(page), { units: UNITS, new: 0, identical: UNITS * DAYS, conflicts: 0 }, 'identical re-import preview');
    await page.locator('[data-import="nothing"]').waitFor({ timeout: STEP_TIMEOUT });
    raw.merge.push({ preview: imp.preview, previewWall: imp.wall, apply: app.apply, applyWall: app.wall, identicalPreview: again.preview, identicalWall: again.wall });
    log(`  merge run ${r + 1}: preview ${ms(imp.preview)}, apply ${ms(app.apply)}, identical again: preview ${ms(again.preview)}`);
    await current.context.close();
    current = null;

    // 5. The raw IndexedDB write of the 10 files' records together, in a fresh context.
    const w = await rawWriteRun(devices, mergeRecords, `raw-write-merge-${r + 1}`);
    raw.rawWrite.merge.push(w.ms);
    log(`  raw IndexedDB write run ${r + 1} (${MERGE_FILES} files: ${w.records.entries} entries, ${w.records.units} units, 1 transaction): ${ms(w.ms)}`);
  }

  const pick = (list, key) => median(list.map((x) => x[key]));
  results.load = { previewMs: pick(raw.load, 'preview'), applyMs: pick(raw.load, 'apply'), runs: raw.load.length };
  results.dashboard = { renderMs: pick(raw.dashboard, 'render'), runs: raw.dashboard.length };
  results.export = {
    exportMs: pick(raw.export, 'export'),
    runs: raw.export.length,
    bytes: exportStats.bytes,
    entries: exportStats.entries,
    browserJsonParseMs: median(exportStats.js.parse),
    browserJsonStringifyMs: median(exportStats.js.compact),
    browserJsonStringifyPrettyMs: median(exportStats.js.pretty),
    compactBytes: exportStats.js.compactBytes,
  };
  results.merge = {
    files: MERGE_FILES,
    previewMs: pick(raw.merge, 'preview'),
    applyMs: pick(raw.merge, 'apply'),
    identicalPreviewMs: pick(raw.merge, 'identicalPreview'),
    runs: raw.merge.length,
    bytes: devices.reduce((s, f) => s + f.buffer.length, 0),
  };
  results.rawWrite = {
    database: RAW_DB,
    provinceMs: median(raw.rawWrite.province),
    mergeMs: median(raw.rawWrite.merge),
    runs: raw.rawWrite.province.length,
    provinceRecords,
    mergeRecords,
  };
  // ratio: median over median. perRun (applies only): each app run over the raw write right after it.
  const goal = (valueMs, limit, limitMs, max, perRun) => ({ valueMs, limit, limitMs, ratio: valueMs / limitMs, goal: max, met: valueMs / limitMs <= max, ...(perRun && { perRun }) });
  const paired = (runs, writes) => runs.map((x, i) => x.apply / writes[i]);
  results.goals = {
    importApply: goal(results.load.applyMs, 'rawWrite.provinceMs', results.rawWrite.provinceMs, GOALS.importApply, paired(raw.load, raw.rawWrite.province)),
    mergeApply: goal(results.merge.applyMs, 'rawWrite.mergeMs', results.rawWrite.mergeMs, GOALS.mergeApply, paired(raw.merge, raw.rawWrite.merge)),
    export: goal(results.export.exportMs, 'export.browserJsonStringifyMs', results.export.browserJsonStringifyMs, GOALS.export),
    dashboard: goal(results.dashboard.renderMs, 'export.browserJsonParseMs', results.export.browserJsonParseMs, GOALS.dashboard),
  };
} catch (e) {
  if (current?.page) await screenshotOnError(current.page, 'error');
  console.error(`bench-staff: ${e.stack ?? e}`);
  if (pageProblems.length) console.error(`page errors:\n  ${pageProblems.join('\n  ')}`);
  await browser?.close();
  stopServer();
  process.exit(1);
}

const chromiumVersion = browser.version();
await browser.close();
stopServer();

const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model?.trim() ?? 'unknown',
  cores: cpus.length,
  memoryGB: Math.round(os.totalmem() / 1e9),
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  chromium: chromiumVersion,
};
const scale = `${UNITS} units × ${DAYS} days × ${INDICATORS.length} indicators = ${(UNITS * DAYS).toLocaleString('en-US')} entries`;
const { load, dashboard, export: ex, merge, rawWrite: rw, goals } = results;
const recordsText = (n) => `${n.entries.toLocaleString('en-US')} entries, ${n.units} units${n.targets ? `, ${n.targets} targets` : ''}${n.audit ? `, ${n.audit} audit records` : ''}`;
/** A row with a goal: value, limit (its name and time), ratio, goal and whether it is met. */
const vs = (label, g, limitName) => [
  label,
  ms(g.valueMs),
  `${limitName}: ${ms(g.limitMs)}`,
  `${g.ratio.toFixed(2)}×${g.perRun ? ` (per run ${g.perRun.map((x) => x.toFixed(2)).join(', ')})` : ''}`,
  `≤ ${g.goal}× ${g.met ? '✓ met' : '✗ not met'}`,
];
const rows = [
  [`Province load, 1 file (${mb(province.buffer.length)}): preview`, ms(load.previewMs)],
  vs('Province load, 1 file: apply (IndexedDB + re-render)', goals.importApply, 'raw IndexedDB write'),
  [`Raw IndexedDB write of the same records (${recordsText(rw.provinceRecords)}; 1 transaction)`, ms(rw.provinceMs)],
  vs('Dashboard render with the province', goals.dashboard, 'browser JSON.parse'),
  vs('Export JSON (build + download)', goals.export, 'browser JSON.stringify'),
  ['Export file size', `${mb(ex.bytes)} (${ex.bytes.toLocaleString('en-US')} bytes; compact JSON would be ${mb(ex.compactBytes)})`],
  ['Browser JSON.parse of the export', ms(ex.browserJsonParseMs)],
  ['Browser JSON.stringify(obj)', ms(ex.browserJsonStringifyMs)],
  ['Browser JSON.stringify(obj, null, 2)', ms(ex.browserJsonStringifyPrettyMs)],
  [`Merge ${merge.files} exports (${mb(merge.bytes)}), empty DB: preview`, ms(merge.previewMs)],
  vs(`Merge ${merge.files} exports, empty DB: apply`, goals.mergeApply, 'raw IndexedDB write'),
  [`Raw IndexedDB write of the ${merge.files} files' records (${recordsText(rw.mergeRecords)}; 1 transaction)`, ms(rw.mergeMs)],
  [`Same ${merge.files} exports again (all identical): preview`, ms(merge.identicalPreviewMs)],
];
const table = [
  `Staff mode at province scale: ${CAMPAIGN}, ${scale}.`,
  `Median of ${RUNS} runs each (load and merge: ${RUNS} fresh browser contexts; raw IndexedDB writes: ${RUNS} fresh contexts each, after each app run; dashboard: ${RUNS} tab switches; export: ${RUNS} exports; browser JSON: ${RUNS} calls each).`,
  'Each goal is a ratio to a limit measured in the same run: apply ≤ 1.5 × a raw IndexedDB write of the same records in one transaction; export ≤ 2 × JSON.stringify; dashboard ≤ 1 × JSON.parse of the export.',
  'Ratio: median over median (judged against the goal); "per run" divides each app run by the raw write done right after it.',
  '',
  '| Measure | Value | Limit (same run) | Ratio | Goal |',
  '|---|---:|---|---:|---|',
  ...rows.map(([k, v, limit = '', ratio = '', g = '']) => `| ${k} | ${v} | ${limit} | ${ratio} | ${g} |`),
  '',
  `Machine: ${machine.cpu}, ${machine.cores} cores (os.cpus()), ${machine.memoryGB} GB, ${machine.platform}; Node ${machine.node}; Chromium ${machine.chromium} (headless).`,
  `Total time: ${Math.round((performance.now() - started) / 1000)} s.`,
].join('\n');
console.log(table);
if (pageProblems.length) console.log(`\nPage errors during the run:\n- ${pageProblems.join('\n- ')}`);

writeFileSync(outJson, `${JSON.stringify({
  generated: new Date().toISOString(),
  campaign: CAMPAIGN,
  scale: { units: UNITS, days: DAYS, indicators: INDICATORS.length, entries: UNITS * DAYS, mergeFiles: MERGE_FILES, seed: SEED },
  runs: RUNS,
  dist: distDir,
  machine,
  results,
  raw,
  pageProblems,
}, null, 2)}\n`);
log(`wrote ${outJson}`);
