/**
 * The Chromium binary for browser tests. The test setup (scripts/chromiumGlobalSetup.ts) finds or
 * installs one for every run that selects a browser test, and sets CHROME_PATH; without it a
 * browser test fails here with what to do, never skips.
 */
export function chromiumPath(): string {
  const path = process.env['CHROME_PATH'];
  if (path === undefined || path === '') {
    throw new Error('no Chromium: run the tests with the repository vitest.config.ts (its setup finds or installs one), or set CHROME_PATH');
  }
  return path;
}
