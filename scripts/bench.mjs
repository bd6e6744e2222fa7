// One table of the release's quality figures: the first-load size against the
// budget (scripts/size.mjs), the Lighthouse scores and metrics per page
// (scripts/lighthouse.mjs) and staff mode at province scale (scripts/bench-staff.mjs).
//
// It runs the three scripts on dist/ (their own output goes to stderr), then reads
// target/size.json, target/lighthouse.json and target/bench-staff.json and prints
// one markdown table on stdout. With --no-run it only reads the three files.
// Exits non-zero if a script fails, or if the first load is above the budget
// (after printing the table). Lighthouse is not asserted here (see `make lighthouse`).
//
// Usage: node scripts/bench.mjs [--budget-kb 250] [--no-run]   (or `make bench`, which builds dist/ first)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const budgetFlag = option('--budget-kb');
const budgetKb = Number(budgetFlag ?? 250);
const run = !args.includes('--no-run');
const files = {
  size: join(root, 'target', 'size.json'),
  lighthouse: join(root, 'target', 'lighthouse.json'),
  staff: join(root, 'target', 'bench-staff.json'),
};

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

/** Runs `node script ...args` with its stdout and stderr on our stderr; returns its exit code. */
function runScript(script, scriptArgs) {
  console.error(`[bench] node ${script} ${scriptArgs.join(' ')}`);
  const r = spawnSync(process.execPath, [join(root, script), ...scriptArgs], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.error) fail(`${script}: ${r.error.message}`);
  return r.status;
}

const started = Date.now();
let overBudget = false;
if (run) {
  if (!existsSync(join(root, 'dist', 'index.html'))) fail('dist/ is missing: run `make bench`, which builds it first.');
  // size.mjs exits 1 above the budget, after writing its JSON: reported in the table, then as our exit code.
  overBudget = runScript('scripts/size.mjs', ['dist', '--budget-kb', String(budgetKb), '--json', 'target/size.json']) !== 0;
  if (runScript('scripts/lighthouse.mjs', []) !== 0) fail('scripts/lighthouse.mjs failed (see above)');
  if (runScript('scripts/bench-staff.mjs', []) !== 0) fail('scripts/bench-staff.mjs failed (see above)');
}

const read = (what) => {
  if (!existsSync(files[what])) fail(`${files[what]} is missing: run without --no-run (or \`make bench\`).`);
  return JSON.parse(readFileSync(files[what], 'utf8'));
};
const size = read('size');
const lh = read('lighthouse');
const staff = read('staff');

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x) => (x == null ? '–' : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x).toLocaleString('en-US')} ms`);
const mb = (bytes) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const budget = budgetFlag !== undefined ? budgetKb : size.budgetKb ?? budgetKb;
overBudget ||= size.firstLoad.gzip > budget * 1024;

const rows = [];
const section = (name) => rows.push([`**${name}**`, '', '']);
const row = (measure, value, target = '') => rows.push([measure, value, target]);

section('Size: first load of the home page (index.html and the files it references)');
row('gzip (-9)', `${kb(size.firstLoad.gzip)} (${size.firstLoad.gzip.toLocaleString('en-US')} bytes)`,
  `≤ ${budget} KB: ${overBudget ? '**over budget**' : `${kb(budget * 1024 - size.firstLoad.gzip)} to spare`}`);
row('brotli (q11)', `${kb(size.firstLoad.brotli)} (${size.firstLoad.brotli.toLocaleString('en-US')} bytes)`);
row('uncompressed', `${kb(size.firstLoad.bytes)} (${size.firstLoad.bytes.toLocaleString('en-US')} bytes)`);

const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const target = (c) => lh.targets?.[c]?.min;
section(`Lighthouse ${lh.lighthouseVersion}, mobile, simulated throttling, ${lh.settings?.runsPerPage ?? 1} run per page`);
for (const p of lh.pages) {
  const scores = categories.map((c) => {
    const s = p.scores[c];
    return s == null ? '–' : s < target(c) ? `**${s}**` : String(s);
  });
  row(`${p.path}: performance / accessibility / best practices / SEO`, scores.join(' / '), categories.map(target).join(' / '));
  row(`${p.path}: LCP / TBT / CLS`, `${ms(p.metrics.lcpMs)} / ${ms(p.metrics.tbtMs)} / ${p.metrics.cls == null ? '–' : p.metrics.cls.toFixed(3)}`);
}

const s = staff.results;
const sc = staff.scale;
section(`Staff mode, ${staff.campaign}: ${sc.units} units × ${sc.days} days × ${sc.indicators} indicators = ${sc.entries.toLocaleString('en-US')} entries (median of ${staff.runs} runs)`);
row('Province load, 1 file: preview', ms(s.load.previewMs));
row('Province load, 1 file: apply (IndexedDB + re-render)', ms(s.load.applyMs));
row('Dashboard render with the province', ms(s.dashboard.renderMs));
row(`Export JSON (${mb(s.export.bytes)})`, ms(s.export.exportMs));
row(`Merge ${s.merge.files} exports (${mb(s.merge.bytes)}), empty DB: preview / apply`, `${ms(s.merge.previewMs)} / ${ms(s.merge.applyMs)}`);
row(`Same ${s.merge.files} exports again (all identical): preview`, ms(s.merge.identicalPreviewMs));

const m = staff.machine;
const when = (iso) => iso?.replace('T', ' ').slice(0, 16);
console.log([
  '| Measure | Value | Target |',
  '|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
  `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.platform}; Node ${m.node}; Chromium ${m.chromium} (headless).`,
  `Measured: Lighthouse ${when(lh.generated)} UTC, staff ${when(staff.generated)} UTC${run ? `; bench total ${Math.round((Date.now() - started) / 1000)} s` : ' (read, not run)'}.`,
].join('\n'));

if (overBudget) {
  console.error(`bench: the first load (${kb(size.firstLoad.gzip)} gzip) is above the budget of ${budget} KB.`);
  process.exit(1);
}
