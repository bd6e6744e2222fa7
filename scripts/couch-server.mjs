// A CouchDB-protocol server for the sync tests and benchmark: npm's pouchdb-server, started and stopped by
// the tests on loopback, in a scratch folder (it keeps its databases, config and log in its
// working directory, so a restart finds them). The fixture deployment (tests/fixtures/campaigns/deployment.json) names it:
// http://127.0.0.1:59840, one database per campaign (vneid-<campaign>).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const COUCH_PORT = 59840;
export const COUCH = `http://127.0.0.1:${COUCH_PORT}`;
export const ADMIN = { name: 'admin', password: 'admin-secret' };
const adminAuth = 'Basic ' + Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64');

/** Sends one request to the server; `admin` signs it as the server admin. */
export async function couch(method, path, body, { admin = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (admin) headers.Authorization = adminAuth;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${COUCH}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: response.status, json, text };
}

/** A running pouchdb-server; `stop()` ends it, `start()` again finds its data (LevelDB files in its scratch folder). */
export class CouchServer {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'couch-'));
    this.process = null;
  }

  async start() {
    const bin = join(root, 'node_modules/.bin/pouchdb-server');
    this.process = spawn(bin, ['--host', '127.0.0.1', '--port', String(COUCH_PORT)], { cwd: this.dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    this.process.stderr.on('data', (d) => { errors += d; });
    const exited = new Promise((done) => this.process.once('exit', done));
    // Up to 60 s on a loaded machine; a port already taken ends the process early.
    for (let i = 0; i < 600; i++) {
      if (!this.running) throw new Error(`pouchdb-server exited: ${errors}`);
      try {
        const r = await fetch(`${COUCH}/`);
        if (r.ok) return;
      } catch { /* not up yet */ }
      await Promise.race([new Promise((r) => setTimeout(r, 100)), exited]);
    }
    throw new Error(`pouchdb-server did not answer on ${COUCH}: ${errors}`);
  }

  /** True while the process runs (a process ended by a signal has no exit code). */
  get running() {
    return this.process !== null && this.process.exitCode === null && this.process.signalCode === null;
  }

  async stop() {
    if (!this.running) return;
    const exited = new Promise((done) => this.process.once('exit', done));
    this.process.kill('SIGTERM');
    await exited;
  }

  cleanUp() {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * The set-up a district makes on CouchDB: an admin, CORS with credentials for the site's
   * origin, one database per campaign whose `_security` names its users, and the users.
   */
  async configure(siteOrigin, { users = {}, databases = {} } = {}) {
    await couch('PUT', '/_config/admins/admin', ADMIN.password, { admin: false });
    for (const [section, key, value] of [
      ['httpd', 'enable_cors', 'true'],
      ['cors', 'origins', siteOrigin],
      ['cors', 'credentials', 'true'],
      ['cors', 'methods', 'GET, PUT, POST, HEAD, DELETE'],
      ['cors', 'headers', 'accept, authorization, content-type, origin, referer'],
    ]) {
      const r = await couch('PUT', `/_config/${section}/${key}`, value);
      if (r.status !== 200) throw new Error(`config ${section}/${key}: ${r.text}`);
    }
    for (const [name, password] of Object.entries(users)) {
      const r = await couch('PUT', `/_users/org.couchdb.user:${name}`, { name, password, type: 'user', roles: [] });
      if (r.status >= 300) throw new Error(`user ${name}: ${r.text}`);
    }
    for (const [db, members] of Object.entries(databases)) {
      await couch('PUT', `/${db}`);
      const r = await couch('PUT', `/${db}/_security`, { admins: { names: [], roles: [] }, members: { names: members, roles: [] } });
      if (r.status >= 300) throw new Error(`_security of ${db}: ${r.text}`);
    }
  }
}
