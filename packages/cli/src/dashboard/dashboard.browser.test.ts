import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../browser/browserFixtures';
import { attainmentSurfaces } from './attainmentSurfaces';
import { writeSmallGrid } from './dashboardFixtures';
import { startDashboard, type Dashboard } from './startDashboard';
import { StorageWatcher } from './StorageWatcher';
import { journalStudyOfX } from './studyFixtures';

const bin = fileURLToPath(new URL('../../bin/jahskit.js', import.meta.url));

/** Every run file of a finished grid, relative to it, in a fixed order. */
function runFiles(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub))
    .sort()
    .flatMap((name) => {
      const rel = join(sub, name);
      if (statSync(join(dir, rel)).isDirectory()) return runFiles(dir, rel);
      return name.endsWith('.jsonl') && !name.endsWith('.timing.jsonl') ? [rel] : [];
    });
}

// The test setup provides a Chromium (scripts/chromiumGlobalSetup.ts): this test never skips.
describe('jahskit dashboard in Chromium', () => {
  let browser: Browser | undefined;
  let dashboard: Dashboard | undefined;
  let source = '';
  let served = '';
  let shots = '';
  let files: string[] = [];

  /** Copies run files of the finished grid into the served folder, as compare would have written them. */
  const write = (names: readonly string[]): void => {
    for (const name of names) {
      mkdirSync(dirname(join(served, name)), { recursive: true });
      copyFileSync(join(source, name), join(served, name));
    }
  };

  beforeAll(async () => {
    source = await writeSmallGrid();
    served = mkdtempSync(join(tmpdir(), 'jahskit-dashboard-served-'));
    shots = mkdtempSync(join(tmpdir(), 'jahskit-dashboard-shots-'));
    files = runFiles(source).map((file) => relative(source, join(source, file)));
    copyFileSync(join(source, 'grid.json'), join(served, 'grid.json'));
    // Two runs are done when the page opens; one more is half written.
    write(files.slice(0, 2));
    const half = readFileSync(join(source, files[2]!), 'utf8').split('\n');
    mkdirSync(dirname(join(served, files[2]!)), { recursive: true });
    writeFileSync(join(served, files[2]!), `${half.slice(0, 15).join('\n')}\n`);
    [browser, dashboard] = await Promise.all([
      chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] }),
      startDashboard({ dir: served, port: 0, debounceMs: 50, pollMs: 250, surfacesOf: attainmentSurfaces }),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    // The screenshots stay in their temp folder for a person to look at; the grids go.
    await Promise.all([source, served].filter((d) => d !== '').map((d) => rm(dirname(d) === tmpdir() ? d : dirname(d), { recursive: true, force: true })));
  });

  /** Opens a dashboard's page; `problems` collects console errors, page errors and requests to anywhere else. */
  async function openPage(url: string, width: number): Promise<{ page: Page; problems: string[] }> {
    const page = await browser!.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('request', (request) => {
      const requested = request.url();
      if (!requested.startsWith(url) && !requested.startsWith('blob:') && !requested.startsWith('data:')) problems.push(`request to ${requested}`);
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, problems };
  }

  /** Opens the dashboard of the grid being written. */
  const open = (width: number): Promise<{ page: Page; problems: string[] }> => openPage(dashboard!.url, width);

  const chartsDrawn = (page: Page, count: number): Promise<unknown> =>
    page.waitForFunction(`document.querySelectorAll('figure.plot[data-interactive=true]').length >= ${count}`, undefined, { timeout: 20_000 });

  // Twice the default timeout: many steps, which CI's loaded machine took 13-18 s and lately 24.
  it('shows runs as compare writes them, without a reload; hover shows a trial; headers sort; the filter and downloads work', async () => {
    const { page, problems } = await open(1280);
    // Trajectories, ranks, trials and the parallel coordinates of the first task.
    await chartsDrawn(page, 4);
    await page.waitForFunction("document.getElementById('progress-text').textContent.startsWith('2 / 12 runs finished, 1 running')");

    // New runs appear while the page stays open: a marker set in this page survives only without a reload.
    await page.evaluate('window.notReloaded = true');
    const runsBefore = await page.locator('#runs-body tr td.state-finished').count();
    // Single out re (the second legend entry) on the trajectories: the choice must survive the updates.
    const trajectory = page.locator('figure.plot[data-plot="trajectory"]');
    await trajectory.evaluate((figure) => figure.setAttribute('data-kept', 'yes'));
    await trajectory.locator('.vega-view g.role-legend-symbol path').nth(1).click();
    write(files.slice(2, 8));
    await page.waitForFunction("document.getElementById('progress-text').textContent.startsWith('8 / 12 runs finished')", undefined, { timeout: 20_000 });
    expect(await page.evaluate('window.notReloaded')).toBe(true);
    expect(await page.locator('#runs-body tr td.state-finished').count()).toBeGreaterThan(runsBefore);
    // The same view got the new data (rs's runs arrived): rs's line is drawn, faded, re's is not.
    expect(await trajectory.getAttribute('data-kept')).toBe('yes');
    const opacities = await trajectory
      .locator('.vega-view g.mark-line.role-mark path')
      .evaluateAll((paths) => paths.map((p) => Number(p.getAttribute('opacity') ?? 1)));
    expect(opacities.length).toBeGreaterThanOrEqual(2);
    expect(opacities.filter((o) => o < 1)).toHaveLength(opacities.length - 1);
    write(files.slice(8));
    await page.waitForFunction("document.getElementById('progress-text').textContent === '12 / 12 runs finished'", undefined, { timeout: 20_000 });
    await chartsDrawn(page, 4);

    // Hovering a trial shows it whole: optimizer, seed, configuration, fidelity, objectives.
    const trials = page.locator('figure.plot[data-plot="trials"] .vega-view g.mark-symbol.role-mark path');
    // The last point is drawn on top: nothing can intercept the pointer (trial 0 of each seed coincides).
    await trials.last().hover();
    await page.waitForFunction("!document.getElementById('tooltip').hidden");
    const tip = await page.locator('#tooltip').innerText();
    for (const field of ['optimizer', 'seed', 'trial', 'op_0_1', 'fidelity epoch', 'valid_error']) expect(tip).toContain(field);

    // Hyperparameter importance: a bar per NB201 edge and per interaction of the three leading ones.
    const importance = page.locator('figure.plot[data-plot="importance"][data-interactive=true]');
    await importance.waitFor({ timeout: 20_000 });
    expect(await importance.locator('.vega-view g.mark-rect.role-mark path').count()).toBe(6 + 3);
    expect(await importance.locator('figcaption').innerText()).toMatch(/functional ANOVA over a random forest of 16 trees fitted to the 420 finished/);

    // The two-objective task: a Pareto point is a trial too.
    await page.locator('nav.tasks button[data-task="nb201-mo"]').click();
    await page.waitForSelector('figure.plot[data-plot="pareto"][data-interactive=true]', { timeout: 20_000 });
    await page.locator('#task').screenshot({ path: join(shots, 'dashboard-pareto-1280.png') });
    const paretoPoints = page.locator('figure.plot[data-plot="pareto"] .vega-view g.mark-symbol.role-mark path');
    let paretoTip = '';
    // The trials are drawn above the true front and below the reference point: try from the top.
    for (let i = (await paretoPoints.count()) - 1; i >= 0 && !paretoTip.includes('params_mb'); i--) {
      await paretoPoints.nth(i).hover({ force: true });
      paretoTip = (await page.locator('#tooltip').isVisible()) ? await page.locator('#tooltip').innerText() : '';
    }
    expect(paretoTip).toContain('seed');
    expect(paretoTip).toContain('params_mb');

    // Clicking a header sorts by it, again reverses.
    const column = async (name: string): Promise<number[]> => {
      const index = await page.locator('#trials-head th').evaluateAll((ths, n) => ths.findIndex((th) => th.getAttribute('data-column') === n), name);
      return page.locator(`#trials-body tr td:nth-child(${index + 1})`).evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
    };
    await page.locator('#trials-head th[data-column="valid_error"]').click();
    const ascending = await column('valid_error');
    expect(ascending.length).toBeGreaterThan(10);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await page.locator('#trials-head th[data-column="valid_error"]').getAttribute('aria-sort')).toBe('ascending');
    await page.locator('#trials-head th[data-column="valid_error"]').click();
    const descending = await column('valid_error');
    expect(descending).toEqual([...ascending].sort((a, b) => b - a).slice(0, descending.length));

    // The filter keeps rows holding the text; the CSV has exactly them.
    await page.locator('#filter').fill('nsga2');
    const optimizers = await page.locator('#trials-body tr td:first-child').evaluateAll((tds) => [...new Set(tds.map((td) => td.textContent))]);
    expect(optimizers).toEqual(['nsga2']);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#csv').click()]);
    const csvText = readFileSync((await csv.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(csvText[0]!.startsWith('optimizer,seed,trial,status,full fidelity,x,cost,')).toBe(true);
    expect(csvText.length - 1).toBe(3 * 70);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('figure.plot[data-plot="pareto"] button[data-download="svg"]').click()]);
    expect(svg.suggestedFilename()).toBe('nb201-mo-pareto.svg');
    expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/^<svg/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('figure.plot[data-plot="trajectory"] button[data-download="png"]').click()]);
    expect(
      readFileSync((await png.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('follows a real jahskit compare from an empty folder to its last run, without a reload', async () => {
    const out = mkdtempSync(join(tmpdir(), 'jahskit-dashboard-compare-'));
    const live = await startDashboard({ dir: out, port: 0, debounceMs: 50, pollMs: 250 });
    try {
      const { page, problems } = await openPage(live.url, 1280);
      await page.waitForFunction("document.getElementById('progress-text').textContent.includes('holds no grid.json')");
      await page.evaluate('window.notReloaded = true');
      // The CLI in its own process, as a user runs it beside the dashboard.
      const compare = spawn(
        process.execPath,
        [bin, 'compare', '--protocols', 'nb201', '--optimizers', 'rs,re', '--seeds', '10', '--budget', '70', '--threads', '1', '--quiet', '--out', out],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      compare.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => compare.on('exit', resolve));
      expect(code, stderr).toBe(0);
      await page.waitForFunction("document.getElementById('progress-text').textContent === '20 / 20 runs finished'", undefined, { timeout: 30_000 });
      await chartsDrawn(page, 4);
      expect(await page.evaluate('window.notReloaded')).toBe(true);
      expect(await page.locator('#runs-body td.state-finished').count()).toBe(20);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await live.close();
      await rm(out, { recursive: true, force: true });
    }
  });

  it('shows a two-objective study of a journal file, its Pareto front, and trials told while the page is open', async () => {
    const { cwd, storage, study } = await journalStudyOfX('dashboard-study', { name: 'pareto', objectives: ['f1', 'f2'], seed: 2 });
    const tell = async (n: number): Promise<void> => {
      for (const trial of await study.ask(n))
        await study.tell({ trialId: trial.id, objectives: [trial.config['x'] as number, (1 - (trial.config['x'] as number)) ** 2] });
    };
    await tell(8);
    const watcher = await StorageWatcher.open('file:studies.jsonl', cwd);
    const live = await startDashboard({ source: watcher, port: 0, pollMs: 100 });
    try {
      const { page, problems } = await openPage(live.url, 1280);
      await page.locator('nav.tasks button[data-task="study:pareto"]').click();
      await page.waitForSelector('figure.plot[data-plot="pareto"][data-interactive=true]', { timeout: 20_000 });
      await page.evaluate('window.notReloaded = true');
      await tell(2);
      await page.waitForFunction("[...document.querySelectorAll('#runs-body td.num')].some((td) => td.textContent === '10')", undefined, { timeout: 20_000 });
      expect(await page.evaluate('window.notReloaded')).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await live.close();
      await watcher.close();
      await storage.close();
      await rm(cwd, { recursive: true, force: true });
    }
  });

  it('reads at 390 and 1280 px: no horizontal overflow of the page (screenshots saved in a temp folder)', async () => {
    // The whole grid (the first test writes it too; this one may run alone).
    write(files);
    for (const width of [390, 1280]) {
      const { page, problems } = await open(width);
      await page.waitForFunction("document.getElementById('progress-text').textContent === '12 / 12 runs finished'", undefined, { timeout: 20_000 });
      await chartsDrawn(page, 4);
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(shots, `dashboard-${width}.png`), fullPage: true });
      // The two-objective task: a Pareto chart with two legends, the widest of the page.
      await page.locator('nav.tasks button[data-task="nb201-mo"]').click();
      await page.waitForSelector('figure.plot[data-plot="pareto"][data-interactive=true]', { timeout: 20_000 });
      const paretoOverflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
      expect(paretoOverflow, `${width} px, two-objective task`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(shots, `dashboard-mo-${width}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
