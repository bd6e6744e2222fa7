// Playwright end-to-end tests against the release build in dist/, served
// like GitHub Pages under a sub-path, in Debian's Chromium (no download).
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const base = process.env.TEST_PUBLIC_URL ?? '/vneid-campaign/';
const port = Number(process.env.E2E_PORT ?? 4173);
// The build to test (dist/ unless E2E_DIST names another copy).
const dist = process.env.E2E_DIST ?? 'dist';

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export default defineConfig({
  testDir: here,
  // Generous for a loaded 2-core machine, where the wasm can take seconds to start; waits end as
  // soon as their condition holds, so passing runs are not slower.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    // A device far from Vietnam: every time shown must still be Vietnam time.
    timezoneId: 'America/New_York',
    locale: 'en-US',
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    // The browser: CHROMIUM (default Debian's /usr/bin/chromium; Google Chrome on GitHub's runners).
    launchOptions: { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs },
  },
  webServer: {
    command: `node scripts/serve.mjs --dir ${dist} --base ${base} --port ${port}`,
    cwd: root,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
