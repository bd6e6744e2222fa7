// Benchmark (not a test): how long until a fact is on screen, app page vs the
// plain static page holding the same fact, side by side in one run.
//
// Profile: a weak phone on slow 3G, in headless Chromium (Playwright, system
// Chromium). Viewport 360×740, isMobile, touch; 400 ms latency per request,
// 400 kbit/s down, 300 kbit/s up (Network.emulateNetworkConditions), HTTP cache
// disabled, CPU slowed 4× (Emulation.setCPUThrottlingRate). Every load is cold:
// a new browser context each time, service workers blocked. dist/ is served
// like GitHub Pages (scripts/serve.mjs: base path, gzip, 404.html with 404).
//
// "Fact visible" is performance.now() (ms since navigation start) at the first
// animation frame after the text appears in document.body.innerText (which
// skips display:none content); an init script watches the DOM with a
// MutationObserver and checks at most once per frame. Also recorded: FCP, LCP
// and bytes transferred (transferSize of the navigation and resource entries;
// the CDP total of encodedDataLength is kept in the JSON as a cross-check).
// Pairs alternate app/static order from run to run. A page answering 404, or
// whose text is not shown within 60 s, counts as null (the run goes on).
//
// Usage, after `make dist PUBLIC_URL=/vneid-campaign/`:
//   node scripts/bench-paint.mjs --dir dist --base /vneid-campaign/ [--runs 5] [--out target/bench-paint.json]
// Env CHROMIUM: the Chromium binary (default /usr/bin/chromium).
// dist/ is copied to a temporary directory first, so a rebuild during the run does not disturb it.
// Prints a markdown table; raw numbers go to --out. Exits 0 whatever the numbers, 1 on infrastructure failure.
import { serveBuild } from './local-server.mjs';
import { chromium } from 'playwright-core';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

/** Page pairs: app page and static page (paths under the base) holding the same fact, and the text to wait for. */
const PAIRS = [
  { name: 'offices', app: 'offices/', static: 'handout/', text: '243 Cách Mạng Tháng 8' },
  { name: 'guide (en)', app: 'en/guide/', static: 'handout/en.html', text: 'Install the VNeID app' },
];

const PROFILE = {
  viewport: { width: 360, height: 740 },
  network: { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (300 * 1024) / 8 },
  cpuSlowdown: 4,
};
const FACT_TIMEOUT = 60_000;
const SETTLE_TIMEOUT = 30_000; // after the fact is shown: wait for `load` and a quiet network (bytes, LCP), at most this long

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const distDir = resolve(root, option('dir', 'dist'));
const outJson = resolve(root, option('out', 'target/bench-paint.json'));
const RUNS = Number(option('runs', '5'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const log = (...a) => console.error('[bench-paint]', ...a);
let cleanup = async () => {};
async function fail(message) {
  console.error(`bench-paint: ${message}`);
  await cleanup().catch(() => {});
  process.exit(1);
}

if (!Number.isInteger(RUNS) || RUNS < 1) await fail(`--runs must be a positive integer (got ${option('runs')})`);

/** The base path: --base, else dist/index.html's <base href>, else '/'. */
function baseFor(dir) {
  let base = option('base');
  if (!base) {
    try {
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      base = html.match(/<base\b[^>]*\bhref=(?:"([^"]+)"|([^\s>"]+))/)?.slice(1).find(Boolean);
    } catch { /* no index.html */ }
  }
  base ||= '/';
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  return base;
}

/** Copies dist/ to a temporary directory; retries if the copy looks caught mid-rebuild. */
async function copyDist(base) {
  if (!existsSync(join(distDir, 'index.html'))) await fail(`${distDir}/index.html is missing: build first (make dist PUBLIC_URL=/vneid-campaign/).`);
  for (let attempt = 1; ; attempt++) {
    const copy = mkdtempSync(join(os.tmpdir(), 'bench-paint-dist-'));
    let missing = [];
    try {
      cpSync(distDir, copy, { recursive: true });
      const html = readFileSync(join(copy, 'index.html'), 'utf8');
      const referenced = [...html.matchAll(/(?:href|src|module_or_path:|from) ?=? ?['"]?([^'"\s>]+\.(?:js|wasm|css))/g)].map((m) => m[1]);
      missing = referenced.filter((p) => p.startsWith(base) && !existsSync(join(copy, p.slice(base.length))));
    } catch (e) {
      missing = [`(copy failed: ${e.message})`];
    }
    if (!missing.length) return copy;
    rmSync(copy, { recursive: true, force: true });
    if (attempt >= 3) await fail(`the copy of ${distDir} is incomplete (${missing.join(', ')}): was it being rebuilt? Try again.`);
    log(`copy of dist/ incomplete (${missing.join(', ')}), retrying in 5 s`);
    await sleep(5000);
  }
}

// ---------------------------------------------------------------- in the page

/** Init script (runs before the page's own scripts): records when `text` is first on screen, FCP and LCP. */
function watchForFact(text) {
  if (window !== window.top) return;
  const norm = (s) => s.normalize('NFC').replace(/\s+/g, ' ');
  const wanted = norm(text);
  const state = { shownAt: null, fcp: null, lcp: null };
  window.__benchPaint = state;
  let scheduled = false;
  let observer;
  const check = () => {
    scheduled = false;
    if (state.shownAt != null) return;
    if (document.body && norm(document.body.innerText).includes(wanted)) {
      // rAF callbacks run once rendering is allowed (render-blocking CSS loaded), right before the frame is painted.
      state.shownAt = performance.now();
      window.__factShownAt = state.shownAt;
      observer?.disconnect();
    }
  };
  const schedule = () => {
    if (!scheduled && state.shownAt == null) {
      scheduled = true;
      requestAnimationFrame(check);
    }
  };
  observer = new MutationObserver(schedule);
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  document.addEventListener('DOMContentLoaded', schedule);
  addEventListener('load', schedule);
  schedule();
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') state.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.lcp = e.renderTime || e.loadTime || e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch { /* old browser */ }
}

function readMetrics() {
  const s = window.__benchPaint ?? {};
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const fcpEntry = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
  return {
    factShownAt: window.__factShownAt ?? s.shownAt ?? null,
    fcp: fcpEntry?.startTime ?? s.fcp ?? null,
    lcp: s.lcp ?? null,
    bytes: (nav?.transferSize ?? 0) + resources.reduce((sum, r) => sum + (r.transferSize || 0), 0),
    resources: resources.map((r) => ({ url: r.name, transferSize: r.transferSize, end: Math.round(r.responseEnd) })),
    domContentLoaded: nav?.domContentLoadedEventEnd || null,
    load: nav?.loadEventEnd || null,
  };
}

// ---------------------------------------------------------------- one load

async function measure(browser, url, text) {
  const context = await browser.newContext({
    viewport: PROFILE.viewport,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchForFact, text);
    const cdp = await context.newCDPSession(page);
    let cdpBytes = 0;
    const inFlight = new Set();
    let lastActivity = Date.now();
    cdp.on('Network.requestWillBeSent', (e) => { inFlight.add(e.requestId); lastActivity = Date.now(); });
    cdp.on('Network.loadingFinished', (e) => { cdpBytes += e.encodedDataLength || 0; inFlight.delete(e.requestId); lastActivity = Date.now(); });
    cdp.on('Network.loadingFailed', (e) => { inFlight.delete(e.requestId); lastActivity = Date.now(); });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', PROFILE.network);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });

    const t0 = Date.now();
    let response;
    try {
      response = await page.goto(url, { waitUntil: 'commit', timeout: FACT_TIMEOUT });
    } catch (e) {
      return { status: null, factShownAt: null, error: `navigation: ${e.message.split('\n')[0]}` };
    }
    const status = response?.status() ?? null;
    if (status === 404) return { status, factShownAt: null, error: 'HTTP 404' };

    let shown = null;
    while (Date.now() - t0 < FACT_TIMEOUT) {
      shown = await page.evaluate(() => window.__factShownAt ?? null).catch(() => null);
      if (shown != null) break;
      await sleep(100);
    }
    // Let the load finish (bytes, final LCP): `load`, then the network quiet for 1 s (a module's
    // top-level await, e.g. the wasm fetch, does not hold `load` back), at most SETTLE_TIMEOUT.
    const settleStart = Date.now();
    await page.waitForLoadState('load', { timeout: SETTLE_TIMEOUT }).catch(() => {});
    while (Date.now() - settleStart < SETTLE_TIMEOUT && (inFlight.size > 0 || Date.now() - lastActivity < 1000)) await sleep(100);
    const metrics = await page.evaluate(readMetrics);
    return {
      status,
      ...metrics,
      cdpBytes,
      ...(metrics.factShownAt == null ? { factShownAt: null, error: `text not shown within ${FACT_TIMEOUT / 1000} s` } : {}),
    };
  } catch (e) {
    return { status: null, factShownAt: null, error: e.message.split('\n')[0] };
  } finally {
    await context.close().catch(() => {});
  }
}

// ---------------------------------------------------------------- report

const median = (xs) => {
  const s = xs.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const count = (xs) => xs.filter((x) => x != null).length;
const ms = (x) => (x == null ? '–' : `${Math.round(x).toLocaleString('en-US')} ms`);
const kb = (x) => (x == null ? '–' : `${(x / 1024).toFixed(1)} KiB`);
const withN = (cell, n, total) => (n && n < total ? `${cell} (${n}/${total})` : cell);

// ---------------------------------------------------------------- main

const base = baseFor(distDir);
const copy = await copyDist(base);
const { server, url } = await serveBuild({ dir: copy, base, anyAnswer: true }).catch((e) => fail(e.message));
let browser;
cleanup = async () => {
  await browser?.close().catch(() => {});
  server.kill();
  rmSync(copy, { recursive: true, force: true });
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, async () => { await cleanup().catch(() => {}); process.exit(130); });

try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
} catch (e) {
  await fail(`could not launch Chromium at ${CHROMIUM}: ${e.message.split('\n')[0]}`);
}
const chromiumVersion = browser.version();
log(`serving ${distDir} (copy) at ${url}; Chromium ${chromiumVersion}; ${RUNS} runs × ${PAIRS.length} pairs`);

const results = PAIRS.map((p) => ({ ...p, app: { path: p.app, runs: [] }, static: { path: p.static, runs: [] } }));
try {
  for (let run = 0; run < RUNS; run++) {
    for (const r of results) {
      const order = run % 2 === 0 ? ['app', 'static'] : ['static', 'app'];
      for (const kind of order) {
        const m = await measure(browser, url + r[kind].path, r.text);
        r[kind].runs.push({ run: run + 1, order: order.indexOf(kind) + 1, ...m });
        log(`run ${run + 1}/${RUNS} ${r.name} ${kind} (${r[kind].path}): ${m.factShownAt != null ? ms(m.factShownAt) : `null — ${m.error}`}`
          + (m.fcp != null ? `, FCP ${ms(m.fcp)}` : '') + (m.bytes != null ? `, ${kb(m.bytes)}` : ''));
      }
    }
  }
} catch (e) {
  await fail(`benchmark aborted: ${e.stack || e.message}`);
}

for (const r of results) {
  for (const kind of ['app', 'static']) {
    const runs = r[kind].runs;
    r[kind].median = {
      factShownAt: median(runs.map((x) => x.factShownAt)),
      fcp: median(runs.map((x) => x.fcp)),
      lcp: median(runs.map((x) => x.lcp)),
      bytes: median(runs.map((x) => x.bytes)),
      cdpBytes: median(runs.map((x) => x.cdpBytes)),
    };
    r[kind].shownIn = count(runs.map((x) => x.factShownAt));
  }
  const a = r.app.median.factShownAt;
  const s = r.static.median.factShownAt;
  r.ratio = a != null && s ? a / s : null;
}

const table = [
  '| page pair | app fact visible (median) | static fact visible (median) | ratio app/static | app FCP | app LCP | app bytes | static bytes |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => `| ${r.name}: \`${r.app.path}\` vs \`${r.static.path}\` | ${withN(ms(r.app.median.factShownAt), r.app.shownIn, RUNS)} | ${withN(ms(r.static.median.factShownAt), r.static.shownIn, RUNS)} | ${r.ratio == null ? '–' : `${r.ratio.toFixed(1)}×`} | ${ms(r.app.median.fcp)} | ${ms(r.app.median.lcp)} | ${kb(r.app.median.bytes)} | ${kb(r.static.median.bytes)} |`),
].join('\n');

const profileLine = `Profile: ${PROFILE.viewport.width}×${PROFILE.viewport.height} mobile, ${PROFILE.network.latency} ms latency, `
  + `${(PROFILE.network.downloadThroughput * 8) / 1024} kbit/s down, ${(PROFILE.network.uploadThroughput * 8) / 1024} kbit/s up, `
  + `CPU ${PROFILE.cpuSlowdown}× slower, cold cache, no service worker; ${RUNS} runs; Chromium ${chromiumVersion} (headless).`;
console.log(`${table}\n\n${profileLine}\n"–" = no value (404 or text not shown within ${FACT_TIMEOUT / 1000} s); "(n/${RUNS})" = median of the n runs that showed the text.`);

const cpus = os.cpus();
try {
  mkdirSync(dirname(outJson), { recursive: true });
  writeFileSync(outJson, `${JSON.stringify({
    date: new Date().toISOString(),
    dir: distDir,
    base,
    runs: RUNS,
    profile: PROFILE,
    factTimeoutMs: FACT_TIMEOUT,
    machine: { cpu: cpus[0]?.model, cores: cpus.length, loadavg: os.loadavg(), node: process.version, chromium: chromiumVersion },
    pairs: results,
  }, null, 2)}\n`);
  log(`wrote ${outJson}`);
} catch (e) {
  await fail(`could not write ${outJson}: ${e.message}`);
}
await cleanup();
process.exit(0);
