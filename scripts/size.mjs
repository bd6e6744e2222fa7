// Size report of a release build: gzip (-9) and brotli (q11) of every file,
// and the first load of the citizen home page (index.html and every file it
// references). With --budget-kb N it exits non-zero above N KB gzip.
//
// Usage: node scripts/size.mjs [dist] [--budget-kb 250] [--json out.json]
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'dist';
const budgetKb = option('--budget-kb') ? Number(option('--budget-kb')) : undefined;

function walk(d) {
  return readdirSync(d).sort().flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function measure(path) {
  const bytes = readFileSync(path);
  return {
    file: relative(dir, path),
    bytes: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const files = walk(dir).map(measure);
const pad = (s, n) => String(s).padStart(n);
console.log(`${'file'.padEnd(52)} ${pad('bytes', 10)} ${pad('gzip', 9)} ${pad('brotli', 9)}`);
// The pre-rendered pages are many and alike: listed as one line per group below.
const isPage = (f) => f.file.endsWith('index.html') && f.file !== 'index.html' && !f.file.startsWith('staff/');
for (const f of files.filter((x) => !isPage(x))) console.log(`${f.file.padEnd(52)} ${pad(f.bytes, 10)} ${pad(f.gzip, 9)} ${pad(f.brotli, 9)}`);
const pages = files.filter(isPage);
if (pages.length) {
  const total = (key) => pages.reduce((n, f) => n + f[key], 0);
  console.log(`${`${pages.length} pre-rendered pages (<path>/index.html)`.padEnd(52)} ${pad(total('bytes'), 10)} ${pad(total('gzip'), 9)} ${pad(total('brotli'), 9)}`);
}

// The first load: index.html plus what it references (stylesheet, icon, module, wasm).
const html = readFileSync(join(dir, 'index.html'), 'utf8');
// Attribute values may be quoted or not (minified HTML leaves quotes out).
const attr = '(?:"([^"]*)"|\'([^\']*)\'|([^\\s>]+))';
const base = (() => {
  const m = html.match(new RegExp(`<base\\b[^>]*\\bhref=${attr}`));
  return m ? m[1] ?? m[2] ?? m[3] : '/';
})();
// Files named by <link>/<script> attributes, and by the inline start-up module (its import and its wasm).
const inlineRefs = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .flatMap((m) => [...m[1].matchAll(/(?:from\s*|module_or_path\s*:\s*)['"]([^'"]+)['"]/g)].map((x) => x[1]));
const referenced = [...html.matchAll(new RegExp(`<(?:link|script)\\b[^>]*?\\b(?:href|src)=${attr}`, 'g'))]
  .map((m) => m[1] ?? m[2] ?? m[3])
  .filter((href) => !/\brel=["']?alternate/.test(href))
  .concat(inlineRefs)
  .filter((href) => href.startsWith(base) && href !== base)
  .map((href) => href.slice(base.length));
const firstLoad = ['index.html', ...new Set(referenced)].map((rel) => {
  const f = files.find((x) => x.file === rel);
  if (!f) throw new Error(`index.html references ${rel}, which is not in ${dir}/`);
  return f;
});
const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
const first = { bytes: sum(firstLoad, 'bytes'), gzip: sum(firstLoad, 'gzip'), brotli: sum(firstLoad, 'brotli') };
const kb = (n) => (n / 1024).toFixed(1);
console.log(`${'TOTAL'.padEnd(52)} ${pad(sum(files, 'bytes'), 10)} ${pad(sum(files, 'gzip'), 9)} ${pad(sum(files, 'brotli'), 9)}`);
console.log(`first load of the home page (${firstLoad.map((f) => f.file).join(', ')}):`);
console.log(`  ${first.bytes} bytes, gzip ${first.gzip} (${kb(first.gzip)} KB), brotli ${first.brotli} (${kb(first.brotli)} KB)`);
// Bytes before the first content: the HTML and CSS of each citizen page (the largest one).
const contentBudgetKb = option('--content-budget-kb') ? Number(option('--content-budget-kb')) : undefined;
const css = firstLoad.filter((f) => f.file.endsWith('.css'));
const cssGzip = sum(css, 'gzip');
const citizenPages = files.filter((f) => f.file.endsWith('.html') && !f.file.startsWith('staff/') && !f.file.startsWith('handout/'));
const largest = citizenPages.reduce((a, b) => (b.gzip > a.gzip ? b : a), citizenPages[0]);
const beforeContent = largest.gzip + cssGzip;
console.log(`before the first content (largest page ${largest.file} + CSS): gzip ${beforeContent} (${kb(beforeContent)} KB)`);
if (contentBudgetKb !== undefined && beforeContent > contentBudgetKb * 1024) {
  console.error(`FAIL: ${largest.file} and its CSS are ${kb(beforeContent)} KB gzip, above ${contentBudgetKb} KB.`);
  process.exit(1);
}
const json = option('--json');
if (json) writeFileSync(json, JSON.stringify({ files, firstLoad: first, budgetKb, beforeContent: { page: largest.file, gzip: beforeContent } }, null, 2));
if (budgetKb !== undefined) {
  if (first.gzip > budgetKb * 1024) {
    console.error(`FAIL: the first load is ${kb(first.gzip)} KB gzip, above the budget of ${budgetKb} KB.`);
    process.exit(1);
  }
  console.log(`within the budget: ${kb(first.gzip)} KB of ${budgetKb} KB gzip (${kb(budgetKb * 1024 - first.gzip)} KB to spare)`);
}
