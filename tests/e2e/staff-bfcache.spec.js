// Staff mode restored from the browser's back/forward cache locks again. Playwright starts
// Chromium with --disable-back-forward-cache; this file's browser goes without it, so Back
// brings the very page back (no load), as on a phone or a kiosk.
import { test, expect } from './app.js';
import { chromiumArgs } from './playwright.config.js';
import { StaffPage, DURING_CAMPAIGN, leaveAndComeBack } from './staff-page.js';

test.use({
  launchOptions: { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs, ignoreDefaultArgs: ['--disable-back-forward-cache'] },
});

test('staff mode restored by Back from the back/forward cache shows the lock screen when a PIN is set', async ({ app, page }) => {
  test.setTimeout(60_000);
  await page.clock.setFixedTime(DURING_CAMPAIGN);
  const restored = await leaveAndComeBack(new StaffPage(page));
  // The case this file exists for: the same document came back, unlocked until its pageshow.
  expect(restored, 'Back restored staff mode from the back/forward cache').toBe(true);
});
