// Serves a built site with scripts/serve.mjs (as GitHub Pages does) on a free loopback port,
// for the scripts that measure a copy of dist/: Lighthouse and the two benchmarks.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/**
 * Starts scripts/serve.mjs for `dir` under `base` and waits (up to 10 s) until `probe`, a path
 * under `base`, answers: with a success status, or with any status when `anyAnswer` is set.
 * Resolves to `{ server, url }` (url ends with `base`); rejects with an Error that says why.
 */
export async function serveBuild({ dir, base, probe = '', anyAnswer = false }) {
  const port = await freePort();
  const server = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), '--dir', dir, '--base', base, '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}${base}`;
  for (let i = 0; i < 100; i++) {
    if (server.exitCode != null) throw new Error(`scripts/serve.mjs exited (${server.exitCode})`);
    try {
      const answer = await fetch(`${url}${probe}`);
      if (anyAnswer || answer.ok) return { server, url };
    } catch { /* not up yet */ }
    await sleep(100);
  }
  server.kill();
  throw new Error(`scripts/serve.mjs did not answer on ${url}${probe}`);
}
