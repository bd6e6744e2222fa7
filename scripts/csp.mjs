// Adds a Content-Security-Policy meta tag to every HTML page of the build
// (the pre-rendered citizen pages, staff mode, the handout): scripts only from
// the app itself plus the inline start-up modules by their SHA-256 hashes, wasm
// compilation, and nothing from any other origin.
//
// Usage: node scripts/csp.mjs [dist]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';

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
    "connect-src 'self'",
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
console.log(`Content-Security-Policy added to ${pages} pages`);
