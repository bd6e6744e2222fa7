// Adds a Content-Security-Policy meta tag to every HTML page of the build
// (the pre-rendered citizen pages, staff mode, the handout): scripts only from
// the app itself plus the inline start-up modules by their SHA-256 hashes, wasm
// compilation, and no connection to any other origin than those the deployment
// names (its CouchDB server, if any: the prerender writes them to a JSON list).
//
// Usage: node scripts/csp.mjs [dist] [connect-origins.json]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const originsFile = process.argv[3];
// Each origin was checked by the prerender (Deployment::problems); checked again here, as
// it goes into the policy: scheme, host and port only.
const origins = originsFile ? JSON.parse(readFileSync(originsFile, 'utf8')) : [];
if (!Array.isArray(origins)) throw new Error(`${originsFile}: not a list of origins`);
for (const origin of origins) {
  if (typeof origin !== 'string' || !/^https?:\/\/(\[[0-9a-f:]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(origin)) {
    throw new Error(`${originsFile}: "${origin}" is not an origin like https://couch.example.org`);
  }
}
const connect = ["'self'", ...origins].join(' ');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let pages = 0;
for (const file of walk(dist).filter((f) => f.endsWith('.html'))) {
  let html = readFileSync(file, 'utf8');
  if (html.includes('http-equiv=Content-Security-Policy') || html.includes('http-equiv="Content-Security-Policy"')) continue;
  const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((body) => body.trim());
  const hashes = inline.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${hashes.length ? ' ' + hashes.join(' ') : ''}`,
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "font-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  // Right after <meta charset>, before anything that loads.
  const charset = html.match(/<meta charset=[^>]*>/i);
  if (!charset) throw new Error(`${file}: no <meta charset> to put the policy after`);
  html = html.replace(charset[0], `${charset[0]}${meta}`);
  writeFileSync(file, html);
  pages += 1;
}
console.log(`Content-Security-Policy added to ${pages} pages (connect-src ${connect})`);
