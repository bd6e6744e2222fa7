// Lighthouse on the release build: the home page, /guide and /offices, served
// like GitHub Pages (scripts/serve.mjs) under the sub-path dist/ was built for,
// in Debian's Chromium with Lighthouse's default mobile settings (mobile form
// factor, simulated throttling), one run per page in a fresh profile.
//
// Prints the four category scores and LCP, TBT, CLS per page, writes
// target/lighthouse.json (and the full reports, target/lighthouse/<page>.html)
// and, for every category below its target, the audits that failed (id, title,
// and the elements or URLs they name).
// With --assert it exits non-zero when, on any page, accessibility < 100,
// best practices < 100 or SEO < 95. Performance is reported (target 95), never asserted.
//
// Usage: node scripts/lighthouse.mjs [--assert] [--dir dist]   (or `make lighthouse`)
// dist/ is copied to target/lighthouse-dist/ first, so a rebuild of dist/ during the run does not disturb it.
import { serveBuild } from './local-server.mjs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const assert = args.includes('--assert');
const distDir = resolve(root, option('--dir') ?? 'dist');
const copyDir = join(root, 'target', 'lighthouse-dist');
const outJson = join(root, 'target', 'lighthouse.json');
const reportDir = join(root, 'target', 'lighthouse'); // the full reports, one HTML file per page
const CHROME_PATH = process.env.CHROME_PATH || process.env.CHROMIUM || '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
/** Pages, as paths under the base ('' is the home page). */
const PAGES = ['', 'guide/', 'offices/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** Targets (scores out of 100); only the asserted ones fail --assert. */
const TARGETS = {
  performance: { min: 95, asserted: false },
  accessibility: { min: 100, asserted: true },
  'best-practices': { min: 100, asserted: true },
  seo: { min: 95, asserted: true },
};
const LABELS = { performance: 'Performance', accessibility: 'Accessibility', 'best-practices': 'Best practices', seo: 'SEO' };

const log = (...a) => console.error('[lighthouse]', ...a);
function fail(message) {
  console.error(`lighthouse: ${message}`);
  process.exit(2);
}

/** Copies dist/ and returns the base path it was built for (from index.html's <base href>). */
function copyDist() {
  if (!existsSync(join(distDir, 'index.html'))) {
    fail(`${distDir}/index.html is missing: build the release first (scripts/build-dist.sh /vneid-campaign/, or make lighthouse).`);
  }
  rmSync(copyDir, { recursive: true, force: true });
  mkdirSync(dirname(copyDir), { recursive: true });
  cpSync(distDir, copyDir, { recursive: true });
  const html = readFileSync(join(copyDir, 'index.html'), 'utf8');
  // Quoted or not (minified HTML leaves quotes out).
  const base = html.match(/<base\b[^>]*\bhref=(?:"([^"]+)"|([^\s>"]+))/)?.slice(1).find(Boolean);
  if (!base) fail('dist/index.html has no <base href>: is dist/ a complete build?');
  const referenced = [...html.matchAll(/(?:href|src|module_or_path:|from) ?=? ?['"]([^'"]+\.(?:js|wasm|css|svg))['"]/g)].map((m) => m[1]);
  const missing = referenced.filter((p) => p.startsWith(base) && !existsSync(join(copyDir, p.slice(base.length))));
  if (missing.length) fail(`the copy of dist/ is incomplete (${missing.join(', ')} missing): was dist/ being rebuilt? Try again.`);
  for (const page of PAGES.filter(Boolean)) {
    if (!existsSync(join(copyDir, page, 'index.html'))) log(`note: dist/${page}/index.html is missing, so /${page} is answered by 404.html with status 404`);
  }
  return base;
}

/** What an audit's details name (elements, URLs, messages), shortened, for the report. */
function itemsOf(audit, max = 5) {
  // Some audits (the LCP element) hold a list of tables: flatten them.
  const items = (audit.details?.items ?? []).flatMap((item) => (item.type === 'table' && Array.isArray(item.items) ? item.items : [item]));
  const out = [];
  for (const item of items) {
    if (out.length >= max) break;
    const node = item.node ?? (item.source?.type === 'node' ? item.source : undefined);
    const url = item.url ?? item.sourceLocation?.url ?? (typeof item.source === 'object' ? item.source?.url : undefined);
    const saving = item.wastedBytes ? ` (${Math.round(item.wastedBytes / 1024)} KiB to save)` : item.wastedMs ? ` (${Math.round(item.wastedMs)} ms to save)` : '';
    const text = node
      ? `${node.selector ?? ''} ${node.snippet ?? ''}`.trim()
      : item.phase
        ? `${item.phase}: ${Math.round(item.timing)} ms${item.percent ? ` (${item.percent})` : ''}`
        : [item.description ?? item.label ?? item.text ?? item.issueType, url].filter(Boolean).join(' — ') + saving;
    if (text) out.push(String(text).replace(/\s+/g, ' ').slice(0, 240));
  }
  if (items.length > max) out.push(`… and ${items.length - max} more`);
  return out;
}

const summary = (a) => ({
  id: a.id,
  title: a.title,
  score: a.score,
  ...(a.displayValue ? { displayValue: a.displayValue } : {}),
  ...(a.explanation ? { explanation: a.explanation } : {}),
  items: itemsOf(a),
});

/** The audits of `category` that count towards its score and did not pass. */
function failingAudits(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 1 && !['notApplicable', 'manual', 'informative'].includes(a.scoreDisplayMode))
    .map(summary);
}

/** Performance insights and diagnostics that estimate savings on a metric (they carry no weight of their own). */
function performanceHints(lhr) {
  return lhr.categories.performance.auditRefs
    .filter((ref) => ref.weight === 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 0.9 && Object.values(a.metricSavings ?? {}).some((v) => v > 0))
    .map(summary);
}

async function audit(url) {
  const userDataDir = mkdtempSync(join(os.tmpdir(), 'lighthouse-profile-'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: [...CHROME_FLAGS, `--user-data-dir=${userDataDir}`],
    userDataDir,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'html', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result) throw new Error(`no result for ${url}`);
    return { lhr: result.lhr, html: result.report };
  } finally {
    await chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- main

const base = copyDist();
const { server, url: baseUrl } = await serveBuild({ dir: copyDir, base }).catch((e) => fail(e.message));
const stopServer = () => { if (server.exitCode == null) server.kill(); };
process.on('exit', stopServer);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { stopServer(); process.exit(130); });
log(`serving a copy of dist/ at ${baseUrl} (Chromium: ${CHROME_PATH})`);

const started = performance.now();
const pages = [];
let lighthouseVersion;
let userAgent;
try {
  for (const path of PAGES) {
    const url = `${baseUrl}${path}`;
    const t0 = performance.now();
    const { lhr, html } = await audit(url);
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(join(reportDir, `${path.replace(/\/$/, '') || 'home'}.html`), html);
    lighthouseVersion = lhr.lighthouseVersion;
    userAgent = lhr.environment?.hostUserAgent;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score == null ? null : Math.round(lhr.categories[c].score * 100)]));
    const metric = (id) => lhr.audits[id]?.numericValue ?? null;
    const failing = Object.fromEntries(CATEGORIES.map((c) => [c, failingAudits(lhr, c)]).filter(([, list]) => list.length));
    pages.push({
      path: `/${path}`,
      url,
      finalUrl: lhr.finalDisplayedUrl,
      scores,
      metrics: {
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        fcpMs: metric('first-contentful-paint'),
        speedIndexMs: metric('speed-index'),
      },
      failing,
      performanceHints: performanceHints(lhr),
      warnings: lhr.runWarnings ?? [],
    });
    log(`  /${path}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')} (${Math.round((performance.now() - t0) / 1000)} s)`);
  }
} catch (e) {
  console.error(`lighthouse: ${e.stack ?? e}`);
  stopServer();
  process.exit(2);
}
stopServer();

// ---------------------------------------------------------------- report

const ms = (x) => (x == null ? '–' : `${Math.round(x).toLocaleString('en-US')} ms`);
const cls = (x) => (x == null ? '–' : x.toFixed(3));
const shown = (page, c) => {
  const s = page.scores[c];
  return s == null ? '–' : s < TARGETS[c].min ? `**${s}**` : String(s);
};
const lines = [
  `Lighthouse ${lighthouseVersion}, mobile (simulated throttling), one run per page, ${baseUrl}`,
  '',
  `| page | ${CATEGORIES.map((c) => LABELS[c]).join(' | ')} | LCP | TBT | CLS |`,
  `|---|${CATEGORIES.map(() => '---:').join('|')}|---:|---:|---:|`,
  ...pages.map((p) => `| ${p.path} | ${CATEGORIES.map((c) => shown(p, c)).join(' | ')} | ${ms(p.metrics.lcpMs)} | ${ms(p.metrics.tbtMs)} | ${cls(p.metrics.cls)} |`),
  '',
  `Targets: ${CATEGORIES.map((c) => `${LABELS[c]} ≥ ${TARGETS[c].min}${TARGETS[c].asserted ? '' : ' (reported, not asserted)'}`).join(', ')}; scores below are in bold.`,
];
console.log(lines.join('\n'));

const problems = [];
for (const p of pages) {
  for (const c of CATEGORIES) {
    if (p.scores[c] == null || p.scores[c] >= TARGETS[c].min) continue;
    const list = p.failing[c] ?? [];
    if (TARGETS[c].asserted) problems.push(`${p.path}: ${LABELS[c]} ${p.scores[c]} < ${TARGETS[c].min}`);
    console.log(`\n${p.path}: ${LABELS[c]} ${p.scores[c]} (target ${TARGETS[c].min}), failing audits:`);
    if (!list.length) console.log('  (none with a weight: see target/lighthouse.json)');
    for (const a of list) {
      console.log(`  - ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}${a.explanation ? ` — ${a.explanation}` : ''}`);
      for (const item of a.items) console.log(`      ${item}`);
    }
    if (c === 'performance' && p.performanceHints.length) {
      console.log('  what Lighthouse suggests for it:');
      for (const a of p.performanceHints) {
        console.log(`  - ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
        for (const item of a.items) console.log(`      ${item}`);
      }
    }
  }
  for (const w of p.warnings) console.log(`\n${p.path}: Lighthouse warning: ${w}`);
}
console.log(`\nTotal time: ${Math.round((performance.now() - started) / 1000)} s.`);

mkdirSync(dirname(outJson), { recursive: true });
writeFileSync(outJson, `${JSON.stringify({
  generated: new Date().toISOString(),
  lighthouseVersion,
  userAgent,
  settings: { formFactor: 'mobile', throttlingMethod: 'simulate', runsPerPage: 1 },
  base,
  targets: TARGETS,
  pages,
}, null, 2)}\n`);
log(`wrote ${outJson}`);

if (assert) {
  if (problems.length) {
    console.error(`\nFAIL: ${problems.join('; ')}.`);
    process.exit(1);
  }
  console.log('All asserted Lighthouse targets met (accessibility 100, best practices 100, SEO ≥ 95 on every page).');
}
