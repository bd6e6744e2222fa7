// A static server that behaves like GitHub Pages: it serves `dist/` under a
// base path and answers unknown paths with `404.html` (status 404), which is
// how deep links reach the single-page app on first visit.
//
// Usage: node scripts/serve.mjs [--dir dist] [--base /vneid-campaign/] [--port 8080]
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = resolve(args.dir ?? 'dist');
let base = args.base ?? '/';
if (!base.startsWith('/')) base = `/${base}`;
if (!base.endsWith('/')) base = `${base}/`;
const port = Number(args.port ?? 8080);
const host = args.host ?? '127.0.0.1';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json; charset=utf-8', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.webmanifest', '.txt']);

async function fileFor(pathname) {
  let rel = decodeURIComponent(pathname.slice(base.length));
  const full = normalize(join(root, rel));
  if (!full.startsWith(root)) return null;
  try {
    const info = await stat(full);
    if (info.isDirectory()) {
      const index = join(full, 'index.html');
      await stat(index);
      return index;
    }
    return full;
  } catch {
    return null;
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  let path = url.pathname;
  if (path === base.slice(0, -1)) {
    res.writeHead(301, { Location: base });
    return res.end();
  }
  const file = path.startsWith(base) ? await fileFor(path) : null;
  // Like GitHub Pages, a folder asked for without its slash is redirected to it (query kept).
  if (file && file.endsWith('index.html') && !path.endsWith('/') && !path.endsWith('.html')) {
    res.writeHead(301, { Location: `${path}/${url.search}` });
    return res.end();
  }
  if (file) {
    let body = await readFile(file);
    const headers = { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
    // Like GitHub Pages, compress text and wasm for browsers that accept gzip.
    if (compressible.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    res.writeHead(200, headers);
    return res.end(body);
  }
  try {
    const body = await readFile(join(root, '404.html'));
    res.writeHead(404, { 'Content-Type': types['.html'] });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': types['.txt'] });
    res.end('Not found');
  }
});

server.listen(port, host, () => {
  console.log(`Serving ${root} at http://${host}:${port}${base}`);
});
