import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumPath } from '../browser/browserFixtures';
import { memoryIo } from '../cliFixtures';
import { checkRenderedPlots } from '../report/html/checkRenderedPlots';
import { runCli } from '../runCli';
import { writeReportGrid } from './reportFixtures';

describe('jahskit report', () => {
  // The test setup provides a Chromium (scripts/chromiumGlobalSetup.ts): this test never skips.
  test('the report of a real grid opens in headless Chromium with every plot drawn', async () => {
    const cwd = await writeReportGrid();
    expect(await runCli(['report', 'grid'], memoryIo('', cwd))).toBe(0);
    const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(pathToFileURL(join(cwd, 'grid', 'report.html')).href, { waitUntil: 'load' });
      expect(await page.locator('figure.plot').count()).toBe(5);
      expect(await checkRenderedPlots(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
