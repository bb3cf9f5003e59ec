import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumPath } from '../browser/browserFixtures';
import { memoryIo } from '../cliFixtures';
import { checkRenderedPlots } from '../report/html/checkRenderedPlots';
import { runCli } from '../runCli';

describe('jahskit report', () => {
  const grid = async (): Promise<string> => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-report-'));
    const args = ['compare', '--protocols', 'nb201,nb201-mo', '--optimizers', 'rs,re,nsga2', '--seeds', '3', '--threads', '1', '--quiet', '--out', 'grid'];
    expect(await runCli(args, memoryIo('', cwd))).toBe(0);
    return cwd;
  };

  test('writes one self-contained HTML file with every task, the Pareto fronts and the leaderboards', async () => {
    const cwd = await grid();
    const io = memoryIo('', cwd);
    expect(await runCli(['report', 'grid'], io)).toBe(0);
    expect(io.out()).toBe(`wrote ${join('grid', 'report.html')}\n`);
    const html = readFileSync(join(cwd, 'grid', 'report.html'), 'utf8');
    expect(html).toContain('NAS-Bench-201 CIFAR-10: validation regret');
    expect(html).toContain('NAS-Bench-201 CIFAR-10: validation error and parameters');
    expect(html).not.toMatch(/<script|https?:\/\//);
    // 2 tasks x (trajectory + anytime ranks) + the Pareto fronts of the multi-objective task.
    expect(html.match(/<figure class="plot"/g)).toHaveLength(5);
  });

  test.each([
    [[], /give exactly one results folder/],
    [['nowhere'], /nowhere holds no grid.json: not a folder written by jahskit compare/],
  ])('bad input %j gives one readable line', async (args, message) => {
    const io = memoryIo('', mkdtempSync(join(tmpdir(), 'jahskit-report-')));
    expect(await runCli(['report', ...args], io)).not.toBe(0);
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });

  // The test setup provides a Chromium (scripts/chromiumGlobalSetup.ts): this test never skips.
  test('the report of a real grid opens in headless Chromium with every plot drawn', async () => {
    const cwd = await grid();
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
