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
  for (const id of new Set([...ids, 'enter_island', 'hydrate'])) {
    if (!new RegExp(`\\b${id}\\b`).test(glue)) problems.push(`${where}: ${src} does not export ${id}`);
  }
  pages += 1;
}
if (problems.length) {
  console.error(`check-islands: ${problems.length} problem(s):\n${problems.slice(0, 20).join('\n')}`);
  process.exit(1);
}
console.error(`check-islands: the islands of ${pages} pages are all in the builds they load (${[...glues.keys()].map((g) => relative(dist, g)).join(', ')})`);
