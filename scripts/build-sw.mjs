// Writes dist/sw.js from public/sw.js with the exact list of files in dist/
// (trunk's hashed files of both apps, the campaign files, the route pages)
// and a version derived from their contents, so any change makes a new version.
//
// Usage: node scripts/build-sw.mjs [dist]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const skip = new Set(['sw.js', '404.html']);

function walk(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(dist).map((p) => relative(dist, p).split('\\').join('/')).filter((p) => !skip.has(p));
const hash = createHash('sha256');
for (const file of files) {
  hash.update(file);
  hash.update(readFileSync(join(dist, file)));
}
const version = hash.digest('hex').slice(0, 16);
// Folders are cached by their index.html and requested as the folder ("./guide/").
const assets = ['./', ...files.map((f) => `./${f}`)];
const template = readFileSync('public/sw.js', 'utf8');
const out = template.replace("'__VERSION__'", JSON.stringify(version)).replace('__ASSETS__', JSON.stringify(assets, null, 0));
writeFileSync(join(dist, 'sw.js'), out);
console.log(`dist/sw.js: version ${version}, ${assets.length} files`);
