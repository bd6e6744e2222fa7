// Checks a built site: every island of every pre-rendered page is exported by the islands'
// build that page's start-up script loads (every island, or the core islands only), and that
// build names the island's frame (`enter_island`). A page that loaded the core build while
// holding another island would leave that island dead without a word; this stops the build.
//
// Usage: node scripts/check-islands.mjs [dist]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');

function walk(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const glues = new Map();
const problems = [];
let pages = 0;
for (const file of walk(dist).filter((f) => f.endsWith('.html'))) {
  const html = readFileSync(file, 'utf8');
  const ids = [...html.matchAll(/data-component="([^"]+)"/g)].map((m) => m[1]);
  if (ids.length === 0) continue;
  const where = relative(dist, file);
  const base = html.match(/<base href="([^"]*)"/)?.[1];
  const src = html.match(/import init,\*as m from'([^']+)'/)?.[1];
  if (!base || !src || !src.startsWith(base)) {
    problems.push(`${where}: islands but no start-up script under its <base href> (base ${base}, script ${src})`);
    continue;
  }
  const glueFile = join(dist, src.slice(base.length));
  if (!glues.has(glueFile)) {
    try {
      glues.set(glueFile, readFileSync(glueFile, 'utf8'));
    } catch {
      problems.push(`${where}: its start-up script loads ${src}, which is not in ${relative(process.cwd(), dist)}`);
      continue;
    }
  }
  const glue = glues.get(glueFile);
  // The names the minified glue exports: `export{a as PageBoot_123,b as hydrate,…}`.
  const exports = new Set([...glue.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1].split(',')).map((e) => e.trim().split(/\s+as\s+/).pop()));
  for (const id of new Set([...ids, 'enter_island', 'hydrate'])) {
    if (!exports.has(id)) problems.push(`${where}: ${src} does not export ${id}`);
  }
  // The wasm the script instantiates is the same build's (site-core-<hash>.js with site-core-<hash>_bg.wasm).
  const wasm = html.match(/module_or_path:'([^']+)'/)?.[1];
  const stem = (path) => path.split('/').pop().replace(/-[0-9a-f]{16}(_bg)?\.(js|wasm)$/, '');
  if (!wasm || stem(wasm) !== stem(src)) problems.push(`${where}: its start-up script loads ${src} with the wasm ${wasm}`);
  else if (!statSync(join(dist, wasm.slice(base.length)), { throwIfNoEntry: false })) problems.push(`${where}: ${wasm} is not in the build`);
  pages += 1;
}
if (problems.length) {
  console.error(`check-islands: ${problems.length} problem(s):\n${problems.slice(0, 20).join('\n')}`);
  process.exit(1);
}
console.error(`check-islands: the islands of ${pages} pages are all in the builds they load (${[...glues.keys()].map((g) => relative(dist, g)).join(', ')})`);
