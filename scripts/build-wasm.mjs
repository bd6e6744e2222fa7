// Builds one of the two wasm apps: cargo → wasm-bindgen (the exact
// version of Cargo.lock, installed by scripts/setup.sh) → wasm-opt (npm binaryen)
// → esbuild (minified JS glue) → content-hashed files in <outdir>.
//
//   site:  the citizen pages' islands (this library as a cdylib, `--features hydrate`)
//   site-core: only the core islands (`--features hydrate,core-islands`), for pages with no other
//          island (the home page among them)
//   staff: staff mode (the `staff` binary, client-rendered, `--features staff`)
//   editor: the campaign editor (the `editor` binary, client-rendered, `--features staff`)
//
// Usage: node scripts/build-wasm.mjs <site|site-core|staff|editor> <outdir> <name>
//
// Writes <outdir>/<name>-<hash>.js and <outdir>/<name>-<hash>_bg.wasm (hash: the
// first 16 hex digits of the file's SHA-256), and prints their names relative to
// <outdir> as JSON on the last line of stdout: {"js": "...", "wasm": "..."} (also
// written to target/wasm-<app>/assets.json). The output of the tools goes to
// stderr, so stdout holds only that line.
//
// The glue's default export takes the wasm's address explicitly:
//   import init from './<name>-<hash>.js'; init({ module_or_path: './<name>-<hash>_bg.wasm' });
// so the file name the glue would guess by itself does not matter.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`build-wasm: ${message}`);
  process.exit(1);
}

const [app, outArg, name] = process.argv.slice(2);
const usage = 'usage: node scripts/build-wasm.mjs <site|site-core|staff|editor> <outdir> <name>';
if (!app || !outArg || !name) fail(usage);
if (!/^[A-Za-z0-9_-]+$/.test(name)) fail(`bad name "${name}" (letters, digits, - and _ only)`);

const targetDir = resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
const wasmTarget = 'wasm32-unknown-unknown';
const common = ['build', '--release', '--locked', '--target', wasmTarget, '--no-default-features'];
// Staff mode and the campaign editor share their features: one cargo run builds both
// binaries, linking them side by side (the second app's run finds them built).
const staffBins = [...common, '--bin', 'staff', '--bin', 'editor', '--features', 'staff'];
const apps = {
  site: { cargo: [...common, '--lib', '--features', 'hydrate'], wasm: 'vneid_campaign.wasm' },
  'site-core': { cargo: [...common, '--lib', '--features', 'hydrate,core-islands'], wasm: 'vneid_campaign.wasm' },
  staff: { cargo: staffBins, wasm: 'staff.wasm' },
  editor: { cargo: staffBins, wasm: 'editor.wasm' },
};
const spec = apps[app];
if (!spec) fail(`unknown app "${app}" (site, site-core, staff or editor)\n${usage}`);

const outdir = resolve(process.cwd(), outArg);
const work = join(targetDir, `wasm-${app}`);
const env = {
  ...process.env,
  PATH: [join(root, 'node_modules', '.bin'), join(homedir(), '.cargo', 'bin'), process.env.PATH ?? ''].join(delimiter),
};

/** Runs a tool from the repository root; its output goes to stderr. Exits with a clear message on failure. */
function run(step, command, args) {
  console.error(`build-wasm: ${step}: ${command} ${args.join(' ')}`);
  try {
    execFileSync(command, args, { cwd: root, env, stdio: ['inherit', 2, 2] });
  } catch (err) {
    if (err.code === 'ENOENT') fail(`${step}: "${command}" not found on PATH (run scripts/setup.sh build)`);
    fail(`${step} failed (${err.status != null ? `exit status ${err.status}` : err.signal ?? err.message}): ${command} ${args.join(' ')}`);
  }
}

/** Output of a tool, or undefined when it cannot run. */
function output(command, args) {
  try {
    return execFileSync(command, args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

// wasm-bindgen-cli must be the exact version of the wasm-bindgen crate in Cargo.lock.
const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
const pinned = lock.match(/\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
if (!pinned) fail('wasm-bindgen not found in Cargo.lock');
const cli = output('wasm-bindgen', ['--version']);
if (cli === undefined) fail('wasm-bindgen not found on PATH (run scripts/setup.sh build)');
if (!cli.trim().endsWith(` ${pinned}`)) fail(`wasm-bindgen is "${cli.trim()}", Cargo.lock wants ${pinned} (run scripts/setup.sh build)`);

// 1. cargo
run('cargo build', 'cargo', spec.cargo);
const wasm = join(targetDir, wasmTarget, 'release', spec.wasm);
if (!existsSync(wasm)) fail(`cargo did not produce ${relative(root, wasm)}`);

// 2. wasm-bindgen
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
run('wasm-bindgen', 'wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', work, '--out-name', name, wasm]);
const glue = join(work, `${name}.js`);
const bg = join(work, `${name}_bg.wasm`);
for (const file of [glue, bg]) if (!existsSync(file)) fail(`wasm-bindgen did not produce ${relative(root, file)}`);

// 3. wasm-opt (binaryen from npm), in place
run('wasm-opt', 'wasm-opt', [
  '-Oz',
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
  bg, '-o', bg,
]);

// 4. esbuild: minified JS glue
let esbuild;
try {
  esbuild = await import('esbuild');
} catch (err) {
  fail(`cannot load esbuild (run scripts/setup.sh build, which runs npm ci): ${err.message}`);
}
let js;
try {
  js = (await esbuild.transform(readFileSync(glue, 'utf8'), { minify: true, format: 'esm' })).code;
} catch (err) {
  fail(`esbuild could not minify ${relative(root, glue)}: ${err.message}`);
}
if (!/export\s*\{[^}]*\bas default\b/.test(js) && !/export default\b/.test(js)) {
  fail(`the minified glue ${relative(root, glue)} has no default export (init)`);
}

// 5. content-hashed names in outdir
const hash16 = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const wasmBytes = readFileSync(bg);
const assets = { js: `${name}-${hash16(js)}.js`, wasm: `${name}-${hash16(wasmBytes)}_bg.wasm` };
mkdirSync(outdir, { recursive: true });
// Leftovers of an earlier build of the same app in the same folder.
const stale = new RegExp(`^${name}-[0-9a-f]{16}(\\.js|_bg\\.wasm)$`);
for (const file of readdirSync(outdir)) if (stale.test(file)) rmSync(join(outdir, file));
writeFileSync(join(outdir, assets.js), js);
writeFileSync(join(outdir, assets.wasm), wasmBytes);
writeFileSync(join(work, 'assets.json'), `${JSON.stringify(assets)}\n`);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.error(`build-wasm: ${app}: ${relative(process.cwd(), join(outdir, assets.js))} (${kb(Buffer.byteLength(js))}), `
  + `${relative(process.cwd(), join(outdir, assets.wasm))} (${kb(wasmBytes.length)})`);
console.log(JSON.stringify(assets));
