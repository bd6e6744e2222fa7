// The province that scripts/bench-staff.mjs loads into staff mode: 600 units × 120 days ×
// 4 indicators for hn-awareness-2022, made with a seeded PRNG (the same numbers on every
// run), the export files made of it, the app's IndexedDB layout, and the goals.

export const CAMPAIGN = 'hn-awareness-2022';
export const INDICATORS = ['eid-accounts', 'portal-accounts', 'vneid-installs', 'online-services'];
export const SORTED_INDICATORS = [...INDICATORS].sort(); // the app writes counts in key order
export const UNITS = 600;
export const DAYS = 120;
export const FIRST_DAY = Date.UTC(2022, 10, 20); // 2022-11-20, inside the period 2022-11-18..2023-10-14
export const NOW = new Date('2023-03-20T10:00:00+07:00'); // "today", the day after the 120 days
export const MERGE_FILES = 10;
export const RUNS = 3;
export const STEP_TIMEOUT = 240_000;
export const SEED = 20221118;
// The app's schema (src/web/idb_store.rs, version 2): object store → key path.
export const APP_STORES = {
  entries: ['campaign', 'date', 'unit'],
  audit: ['campaign', 'at', 'device', 'date', 'unit'],
  units: ['campaign', 'id'],
  targets: ['campaign', 'key'],
  meta: 'key',
};
// What an import apply writes, in the order it writes it (Merge::changes): units, targets, entries, audit.
export const WRITTEN = ['units', 'targets', 'entries', 'audit'];
export const RAW_DB = 'bench-raw-write';
// The goals: each app time at most this many times its limit measured in the same run.
export const GOALS = { importApply: 1.5, mergeApply: 1.5, export: 2, dashboard: 1 };

/** mulberry32: a small seeded PRNG (the same data on every run). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const day = (d) => new Date(FIRST_DAY + d * 86_400_000).toISOString().slice(0, 10);
export const unitId = (u) => `u-${String(u + 1).padStart(3, '0')}`;
export const unitName = (u) => `Tổ dân phố ${String(u + 1).padStart(3, '0')}`;

// counts[(d * UNITS + u) * 4 + i], 0–200, drawn once so the single file and the 10 files hold the same numbers.
export const counts = (() => {
  const random = prng(SEED);
  const out = new Uint8Array(DAYS * UNITS * INDICATORS.length);
  for (let k = 0; k < out.length; k++) out[k] = Math.floor(random() * 201);
  return out;
})();
export const totals = Object.fromEntries(INDICATORS.map((id, i) => {
  let sum = 0;
  for (let k = i; k < counts.length; k += INDICATORS.length) sum += counts[k];
  return [id, sum];
}));

/** An export file (tally-export-v1) from `device` holding units `units` (indexes) for every day. */
export function makeExport(device, label, units) {
  const unitList = units.map((u) => ({ id: unitId(u), name: unitName(u), modified: '2022-11-18T08:00:00+07:00', device }));
  const entries = [];
  for (let d = 0; d < DAYS; d++) {
    const date = day(d);
    const modified = `${date}T17:00:00+07:00`;
    for (const u of units) { // units are in id order, so entries are sorted by date then unit
      const c = {};
      for (const id of SORTED_INDICATORS) c[id] = counts[(d * UNITS + u) * INDICATORS.length + INDICATORS.indexOf(id)];
      entries.push({ date, unit: unitId(u), counts: c, modified, device });
    }
  }
  const file = {
    format: 'vneid-campaign-tally',
    version: 1,
    campaign: CAMPAIGN,
    generated_at: '2023-03-19T18:00:00+07:00',
    device: { id: device, label },
    indicators: INDICATORS,
    units: unitList,
    targets: [],
    entries,
    audit: [],
  };
  const name = `${CAMPAIGN}_2023-03-19_${device}.json`;
  // Compact, like the app's own "Export JSON".
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)), json: file };
}

