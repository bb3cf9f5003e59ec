import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRegistry, optimizerContextFor, simulate } from '@jahskit/core';
import { chromiumPath } from '../browser/browserFixtures';
import { memoryIo } from '../cliFixtures';
import { defaultModules } from '../defaultModules';
import { runCli } from '../runCli';
import { buildSite } from '../../scripts/buildSite';
import { playgroundHandler } from './playgroundHandler';
import { readSiteFiles } from './readSiteFiles';

const dir = mkdtempSync(join(tmpdir(), 'jahskit-site-'));
const site = join(dir, 'site');
// Into the temporary folder, removed at the end, unless JAHSKIT_SCREENSHOTS names a folder to keep them in.
const shots = process.env['JAHSKIT_SCREENSHOTS'] || join(dir, 'screenshots');
let browser: Browser | undefined;
let server: Server | undefined;
let origin = '';

beforeAll(async () => {
  await buildSite(site);
  // Served as written to disk, not as built in memory.
  const files = await readSiteFiles(site);
  const handle = playgroundHandler(files, '/');
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** Trial lines' configurations and objectives, without the chain's digests. */
function trials(file: string): { config: unknown; objectives: unknown }[] {
  return file
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { trial?: number; config: unknown; objectives: unknown })
    .filter((line) => line.trial !== undefined)
    .map(({ config, objectives }) => ({ config, objectives }));
}

/** Fails on anything the page logs as an error. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  return errors;
}

describe('the playground, built by build:site and opened in Chromium', () => {
  test("runs 50-trial nb201 studies (rs and tpe, seed 3) whose run files are jahskit run's, byte for byte, and draws them", async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${origin}/playground/`);
    await page.waitForSelector('#run:not([disabled])');
    await page.selectOption('#benchmark', 'nb201');
    expect(await page.inputValue('#instance')).toBe('cifar10');
    for (const box of await page.$$('input[name=optimizer]')) await box.setChecked(['rs', 'tpe'].includes((await box.getAttribute('value')) ?? ''));
    await page.fill('#seeds', '3');
    await page.fill('#budget', '50');
    await page.fill('#workers', '1');
    // Every count of points the chart has drawn, as it draws them.
    await page.evaluate(`(() => {
      const chart = document.querySelector('#trajectory');
      window.drawn = [];
      new MutationObserver(() => window.drawn.push(chart.getAttribute('data-points'))).observe(chart, { attributes: true, attributeFilter: ['data-points'] });
    })()`);
    await page.click('#run');
    await page.waitForSelector('body[data-state=idle]', { timeout: 20_000 });
    const rows = await page.$$eval('#studies tr', (trs) =>
      trs.map((tr) => ({ status: tr.getAttribute('data-status'), command: tr.querySelector('code')?.textContent ?? '' })),
    );
    expect(rows.map((r) => r.status)).toEqual(['finished', 'finished']);
    expect(rows.map((r) => r.command)).toEqual([
      'jahskit run --benchmark nb201 --instance cifar10 --optimizer rs --seed 3 --budget 50',
      'jahskit run --benchmark nb201 --instance cifar10 --optimizer tpe --seed 3 --budget 50',
    ]);

    // The chart drew every trial of both studies, and each study's best-so-far line.
    await page.waitForFunction("document.querySelector('#trajectory').getAttribute('data-points') === '100'");
    expect(await page.$$eval('#trajectory .mark-symbol.role-mark path', (paths) => paths.length)).toBe(100);
    // It grew while the studies ran (one batch of trials at least per study), not once at the end.
    const drawn = (await page.evaluate('window.drawn')) as string[];
    expect(drawn.filter((count) => count !== '0' && count !== '100').length, drawn.join(' ')).toBeGreaterThan(0);
    expect(await page.$$eval('#trajectory .mark-line.role-mark path', (paths) => paths.length)).toBe(2);

    const out = join(dir, 'cli');
    for (const [i, row] of rows.entries()) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#studies tr:nth-child(${i + 1}) a[download]`)]);
      const fromPage = readFileSync((await download.path())!, 'utf8');
      // The command the page shows, run by the CLI, writes the same file.
      const io = memoryIo('', out);
      expect(await runCli([...row.command.split(' ').slice(1), '--quiet'], io), io.err()).toBe(0);
      expect(download.suggestedFilename()).toBe(`nb201-cifar10-${i === 0 ? 'rs' : 'tpe'}-seed3.jsonl`);
      expect(fromPage).toBe(readFileSync(join(out, 'runs', download.suggestedFilename()), 'utf8'));
      // And simulate, called directly in Node, proposes the same configurations with the same values.
      const registry = createRegistry(defaultModules());
      const benchmark = await registry.createBenchmark('nb201', { instance: 'cifar10' }, { env: {} });
      const optimizer = registry.createOptimizer(i === 0 ? 'rs' : 'tpe', {}, optimizerContextFor(benchmark, 3));
      const run = await simulate({ benchmark, optimizer, seed: 3, workers: 1, budget: { evaluations: 50 } });
      expect(trials(fromPage)).toEqual(run.records.map((r) => ({ config: r.trial.config, objectives: r.objectives })));
      expect(trials(fromPage)).toHaveLength(50);
    }

    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(shots, `playground-${width}.png`), fullPage: true });
      expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'), `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
