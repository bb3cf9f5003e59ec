import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../browser/browserFixtures';
import { checkRenderedPlots } from './checkRenderedPlots';
import { figureHtml } from './figureHtml';
import { renderReport } from './renderReport';
import { reportFixture } from './reportFixture';
import { trajectoryChartSvg } from './trajectoryChartSvg';

// The test setup provides a Chromium (scripts/chromiumGlobalSetup.ts): this test never skips.
describe('renderReport in Chromium', () => {
  let browser: Browser | undefined;
  let dir = '';
  let html = '';

  beforeAll(async () => {
    [browser, dir, html] = await Promise.all([
      chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] }),
      mkdtemp(join(tmpdir(), 'jahskit-report-')),
      renderReport(reportFixture()),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  /** Opens `content` from a file, as a user would; `requests` collects every URL it asked for. */
  async function open(name: string, content: string): Promise<{ page: Page; requests: string[] }> {
    const file = join(dir, name);
    await writeFile(file, content);
    const page = await browser!.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, requests };
  }

  it('draws every plot of the report with visible marks, loading nothing but the file', async () => {
    const { page, requests } = await open('report.html', html);
    // 2 tasks x (trajectory + ranks) + 1 Pareto chart.
    expect(await page.locator('figure.plot').count()).toBe(5);
    expect(await checkRenderedPlots(page)).toEqual([]);
    expect(requests).toEqual([pathToFileURL(join(dir, 'report.html')).href]);
    await page.close();
  });

  it('turns every chart live (hover shows a point, a legend click singles out a series), with no console error and no request', async () => {
    const { page, requests } = await open('live.html', html);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.waitForFunction('document.querySelectorAll("figure.plot[data-interactive=true]").length === 5');
    expect(await checkRenderedPlots(page)).toEqual([]);
    // Hover a point of the Pareto chart's fronts (layer 1; layer 0 is the true front): Vega's tooltip
    // handler puts the point's fields in the view's title.
    const pareto = page.locator('figure.plot[data-plot$="-pareto"] .vega-view');
    await pareto.locator('g.mark-symbol.role-mark.layer_1_marks path').first().hover();
    await page.waitForFunction('(document.querySelector(\'figure.plot[data-plot$="-pareto"] .vega-view\').getAttribute("title") || "").includes("optimizer")');
    // Click a legend entry of a trajectory chart: the other series fade.
    const trajectory = page.locator('figure.plot[data-plot$="-trajectory"] .vega-view').first();
    const opacities = async (): Promise<string[]> =>
      trajectory.locator('g.mark-line.role-mark path').evaluateAll((paths) => paths.map((p) => p.getAttribute('opacity') ?? '1'));
    expect((await opacities()).every((o) => Number(o) === 1)).toBe(true);
    await trajectory.locator('g.role-legend-symbol path').first().click();
    await page.waitForFunction(
      '[...document.querySelector(\'figure.plot[data-plot$="-trajectory"] .vega-view\').querySelectorAll("g.mark-line.role-mark path")].some((p) => Number(p.getAttribute("opacity") ?? 1) < 1)',
    );
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(join(dir, 'live.html')).href]);
    await page.close();
  });

  it('reads at 390 and 1280 px: no horizontal overflow of the page (wide tables scroll in their own box)', async () => {
    for (const width of [390, 1280]) {
      const { page } = await open(`report-${width}.html`, html);
      await page.setViewportSize({ width, height: 900 });
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
      expect(await checkRenderedPlots(page)).toEqual([]);
      // Saved beside the report for a person to look at (the test's own folder, removed afterwards).
      await page.screenshot({ path: join(dir, `report-${width}.png`), fullPage: true });
      await page.close();
    }
  });

  it('reports empty, missing and tiny plots', async () => {
    const fixture = reportFixture();
    const task = fixture.tasks[0]!;
    // A real chart with axes and legend but no data left to draw.
    const noData = await trajectoryChartSvg({
      ...task,
      trajectories: task.trajectories.map((series) => ({ ...series, mean: series.mean.map(() => null), sem: series.sem.map(() => null) })),
    });
    const injected = [
      figureHtml('injected-empty', '<svg width="400" height="300"></svg>', 'an empty svg'),
      figureHtml('injected-no-data', noData, 'axes without marks'),
      '<figure class="plot" data-plot="injected-no-svg"><figcaption>no svg at all</figcaption></figure>',
      figureHtml('injected-tiny', '<svg width="20" height="20"><g class="role-mark"><rect width="10" height="10" fill="red"></rect></g></svg>', 'tiny'),
    ].join('\n');
    const { page } = await open('broken.html', html.replace('</main>', `${injected}\n</main>`));
    const problems = await checkRenderedPlots(page);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^plot "injected-empty": no visible data mark/);
    expect(problems[1]).toMatch(/^plot "injected-no-data": no visible data mark/);
    expect(problems[2]).toBe('plot "injected-no-svg": no <svg>');
    expect(problems[3]).toMatch(/^plot "injected-tiny": svg is 20x20 px/);
    await page.close();
  });

  it('reports a page without plots', async () => {
    const { page } = await open('blank.html', '<!DOCTYPE html><title>blank</title><p>nothing</p>');
    expect(await checkRenderedPlots(page)).toEqual(['no figure.plot on the page']);
    await page.close();
  });
});
