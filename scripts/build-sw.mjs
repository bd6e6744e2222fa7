// Writes dist/sw.js from public/sw.js with, for this build:
// - VERSION: a hash over every file of dist/ (but sw.js), so any change makes a new version;
// - SHELL: the shared files every citizen page needs, precached on install (all or nothing):
//   everything under assets/ and icons/, plus manifest.webmanifest and icon.svg (not staff
//   mode, not the campaign files, not the pages, the handout or the QR files);
// - ISLANDS: the islands' two builds (everything under pkg/), cached with a group's pages, each
//   file on its own: a page has just loaded one build (from the HTTP cache, free), and a weak
//   connection that breaks while fetching the other must not stop the worker's install;
// - GROUPS: for each campaign and language, the path prefix of its pages ("" for the default
//   campaign in Vietnamese, "en/", "c/<id>/", "en/c/<id>/") → its main pages (home, check,
//   guide, documents, offices, help: `routes::site::MAIN` in src/routes.rs) as folder
//   addresses ("./en/guide/"). A page asks the worker to cache its own group; the check
//   answers and every other page are cached when visited.
// It prints, and writes to target/sw-report.json, what the service worker fetches after
// the first visit: the shell (files, bytes), the islands' builds and each group's pages (count, bytes).
//
// Usage: node scripts/build-sw.mjs [dist]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? 'dist');

function fail(message) {
  console.error(`build-sw: ${message}`);
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

if (!existsSync(dist)) fail(`no ${dist}: build it first (scripts/build-dist.sh)`);
const files = walk(dist).map((p) => relative(dist, p).split('\\').join('/')).filter((p) => p !== 'sw.js');

// Version: every file of the build, names and contents.
const hash = createHash('sha256');
for (const file of files) {
  hash.update(file);
  hash.update('\0');
  hash.update(readFileSync(join(dist, file)));
}
const version = hash.digest('hex').slice(0, 16);

// Shell: the files every citizen page shares.
const shellFolders = ['assets/', 'pkg/', 'icons/'];
const shellFiles = new Set(['manifest.webmanifest', 'icon.svg']);
const shared = files.filter((f) => shellFolders.some((d) => f.startsWith(d)) || shellFiles.has(f));
const islands = shared.filter((f) => f.startsWith('pkg/'));
const shell = shared.filter((f) => !f.startsWith('pkg/'));
if (!islands.some((f) => f.endsWith('.wasm'))) fail(`no islands wasm in ${dist}/pkg/`);
if (!islands.some((f) => f.endsWith('.js'))) fail(`no islands JS in ${dist}/pkg/`);
if (!shell.some((f) => f.startsWith('assets/') && f.endsWith('.css'))) fail(`no CSS in ${dist}/assets/`);

// Main pages of a group, read from `pub const MAIN` in src/routes.rs (the one list of them).
const routes = readFileSync(join(root, 'src/routes.rs'), 'utf8');
const mainBlock = routes.match(/pub const MAIN\b[^=]*=\s*\[([\s\S]*?)\];/);
if (!mainBlock) fail('no `pub const MAIN` in src/routes.rs (the main pages of a campaign and language)');
const main = [...mainBlock[1].matchAll(/,\s*"([a-z0-9-]*\/?)"\s*\)/g)].map((m) => m[1]);
if (!main.includes('') || main.length < 2) fail(`could not read the main pages from MAIN in src/routes.rs (found ${JSON.stringify(main)})`);

// Groups: the pages written by the prerender, <group><folder>index.html.
const groups = {};
for (const file of files) {
  if (!file.endsWith('index.html') || !(file === 'index.html' || file.endsWith('/index.html'))) continue;
  const folder = file.slice(0, -'index.html'.length);
  const group = folder.match(/^(en\/)?(c\/[^/]+\/)?/)[0];
  if (!main.includes(folder.slice(group.length))) continue;
  (groups[group] ??= []).push(folder);
}
if (!groups['']?.includes('')) fail(`no ${dist}/index.html (the pre-rendered home page)`);
const groupKeys = Object.keys(groups).sort((a, b) => {
  const rank = (k) => (k === '' ? 0 : k === 'en/' ? 1 : k.startsWith('c/') ? 2 : 3);
  return rank(a) - rank(b) || a.localeCompare(b);
});
const GROUPS = {};
for (const key of groupKeys) {
  const pages = main.filter((m) => groups[key].includes(key + m));
  const missing = main.filter((m) => !groups[key].includes(key + m));
  if (missing.length) console.warn(`build-sw: warning: group "${key}" lacks ${missing.map((m) => `${key}${m}index.html`).join(', ')}`);
  GROUPS[key] = pages.map((m) => `./${key}${m}`);
}

// Sizes: what the worker downloads after the first visit (raw bytes, and gzip as served).
const sizes = (paths) => {
  let bytes = 0;
  let gzip = 0;
  for (const path of paths) {
    const data = readFileSync(join(dist, path));
    bytes += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
  }
  return { bytes, gzip };
};
const pageFile = (url) => `${url.slice(2)}index.html`;
const shellSize = sizes(shell);
const islandsSize = sizes(islands);
const report = {
  version,
  shell: { files: shell.length, ...shellSize },
  islands: { files: islands.length, ...islandsSize },
  groups: Object.fromEntries(groupKeys.map((key) => {
    const size = sizes(GROUPS[key].map(pageFile));
    return [key, {
      pages: GROUPS[key].length,
      ...size,
      first_visit_bytes: shellSize.bytes + islandsSize.bytes + size.bytes,
      first_visit_gzip: shellSize.gzip + islandsSize.gzip + size.gzip,
    }];
  })),
};

// The worker.
const template = readFileSync(join(root, 'public/sw.js'), 'utf8');
let out = template;
for (const [placeholder, value] of [
  ["'__VERSION__'", JSON.stringify(version)],
  ['__SHELL__', JSON.stringify(shell.map((f) => `./${f}`))],
  ['__ISLANDS__', JSON.stringify(islands.map((f) => `./${f}`))],
  ['__GROUPS__', JSON.stringify(GROUPS)],
]) {
  if (!out.includes(placeholder)) fail(`no ${placeholder} in public/sw.js`);
  out = out.replace(placeholder, () => value);
}
writeFileSync(join(dist, 'sw.js'), out);
mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target/sw-report.json'), `${JSON.stringify(report, null, 2)}\n`);

const n = (x) => x.toLocaleString('en-US');
console.log(`${relative(process.cwd(), join(dist, 'sw.js'))}: version ${version}`);
console.log(`  shell (precached on install): ${shell.length} files, ${n(shellSize.bytes)} bytes (gzip ${n(shellSize.gzip)})`);
console.log(`  islands (cached with a group's pages): ${islands.length} files, ${n(islandsSize.bytes)} bytes (gzip ${n(islandsSize.gzip)})`);
for (const [key, g] of Object.entries(report.groups)) {
  console.log(`  group ${JSON.stringify(key)}: ${g.pages} pages, ${n(g.bytes)} bytes (gzip ${n(g.gzip)}); with the shell and the islands ${n(g.first_visit_bytes)} bytes (gzip ${n(g.first_visit_gzip)})`);
}
console.log('  (target/sw-report.json)');
