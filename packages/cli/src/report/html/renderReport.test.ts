import { describe, expect, it } from 'vitest';
import type { GridAnalysis, TaskAnalysis } from '../../analysis/GridAnalysis';
import { renderReport } from './renderReport';
import { reportFixture } from './reportFixture';
import { trajectoryChartSvg } from './trajectoryChartSvg';

/** Each `figure.plot` of the report: its id and its markup. */
function figuresOf(html: string): { id: string; markup: string }[] {
  return [...html.matchAll(/<figure class="plot" data-plot="([^"]*)">([\s\S]*?)<\/figure>/g)].map((match) => ({
    id: match[1] ?? '',
    markup: match[2] ?? '',
  }));
}

/** The page without its inline scripts (Vega's runtime and the viewer), whose code mentions NaN, url( and the like. */
function withoutScripts(html: string): string {
  return html.replace(/<script>[\s\S]*?<\/script>/g, '');
}

// A Vega data-mark group whose first element is a drawn path (not an empty one).
const DRAWN_MARK = /<g class="mark-\w+ role-mark[^"]*"[^>]*><path [^>]*\bd="M/;

describe('renderReport', () => {
  it('is a single self-contained file: inline scripts only, no links, nothing to fetch', async () => {
    const html = await renderReport(reportFixture());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/\b(src|href)="(?!#)/i);
    // Only local references (clip paths) outside the runtime's code.
    expect(withoutScripts(html)).not.toMatch(/url\((?!#)/i);
    expect(html.match(/<script>/g)).toHaveLength(2);
    expect(html).toContain('<style>');
    // Each chart carries its spec for the live view; the Chromium test checks that nothing is fetched.
    expect(html.match(/<script type="application\/json" class="vega-spec">/g)).toHaveLength(5);
  });

  it('puts every chart in a figure with a unique id, an svg with drawn marks and a caption', async () => {
    const figures = figuresOf(await renderReport(reportFixture()));
    expect(figures.map((figure) => figure.id)).toEqual([
      'task-nb201-cifar10-trajectory',
      'task-nb201-cifar10-ranks',
      'task-jahs-cifar10-mo-trajectory',
      'task-jahs-cifar10-mo-ranks',
      'task-jahs-cifar10-mo-pareto',
    ]);
    for (const { markup } of figures) {
      expect(markup).toMatch(/^\s*<svg\b/);
      expect(markup).toMatch(DRAWN_MARK);
      expect(markup).toMatch(/<figcaption>[^<]+<\/figcaption>/);
      expect(markup).not.toMatch(/NaN|Infinity/);
    }
  });

  it('has the title, the overall ranks, a final table per task and a leaderboard per setting and task', async () => {
    const analysis = reportFixture();
    const html = await renderReport(analysis);
    expect(html).toContain('<h1>3 optimizers x 2 tasks x 10 seeds</h1>');
    expect(html).toContain('Best overall: regularized-evolution');
    expect(html).toContain('<h2>Overall average rank</h2>');
    expect(html.match(/<h3>Final values<\/h3>/g)).toHaveLength(2);
    expect(html).toContain('<th class="num">test accuracy @200 epochs (%)</th>');
    // mean ± sem: the error to two significant digits, the mean to the same place.
    expect(html).toContain('<td class="num">1.01 ± 0.10</td>');
    for (const board of analysis.leaderboards) expect(html).toContain(`<caption>${board.setting} · ${board.task}</caption>`);
    expect(html.match(/<caption>/g)).toHaveLength(analysis.leaderboards.length);
  });

  it('escapes every piece of text it places in the page', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const fixture = reportFixture();
    const rename = <T extends { optimizer: string }>(row: T): T => (row.optimizer === 'hyperband' ? { ...row, optimizer: evil } : row);
    const task = (t: TaskAnalysis): TaskAnalysis => ({
      ...t,
      title: `${t.title} </section><b>`,
      metric: { ...t.metric, label: `${t.metric.label} <i>&` },
      trajectories: t.trajectories.map(rename),
      anytimeRanks: t.anytimeRanks.map(rename),
      final: t.final.map((row) => ({ ...rename(row), extras: { '<u>extra</u>': { mean: 1, sem: 0, n: 10 } } })),
      ...(t.pareto === undefined ? {} : { pareto: { ...t.pareto, fronts: t.pareto.fronts.map(rename) } }),
    });
    const analysis: GridAnalysis = {
      ...fixture,
      title: '"quoted" & <title>',
      tasks: fixture.tasks.map(task),
      overallRanks: fixture.overallRanks.map(rename),
      leaderboards: fixture.leaderboards.map((board) => ({ ...board, task: `${board.task}<br>`, rows: board.rows.map(rename) })),
    };
    const html = await renderReport(analysis);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(html).not.toContain('<u>');
    expect(html).not.toContain('<br>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<h1>&quot;quoted&quot; &amp; &lt;title&gt;</h1>');
    expect(figuresOf(html)).toHaveLength(5);
  });

  it('skips null points and draws a series that starts late', async () => {
    const fixture = reportFixture();
    const task = fixture.tasks[0]!;
    const lateStart: TaskAnalysis = {
      ...task,
      trajectories: task.trajectories.map((series) => ({
        ...series,
        mean: series.mean.map((value, i) => (i < 20 ? null : value)),
        sem: series.sem.map((value, i) => (i < 20 ? null : value)),
      })),
    };
    const svg = await trajectoryChartSvg(lateStart);
    expect(svg).not.toMatch(/NaN|Infinity/);
    // One line per optimizer, all starting at the first non-null point.
    expect(svg.match(/<g class="mark-line role-mark[^"]*"[^>]*><path [^>]*\bd="M/g)).toHaveLength(3);
  });

  it('notes on the caption when a log axis cannot show values of 0', async () => {
    const fixture = reportFixture();
    const task = fixture.tasks[0]!;
    const solved: TaskAnalysis = {
      ...task,
      trajectories: task.trajectories.map((series, k) => (k === 0 ? { ...series, mean: series.mean.map((v, i) => (i > 20 ? 0 : v)) } : series)),
    };
    const html = await renderReport({ ...fixture, tasks: [solved] });
    expect(html).toContain('log scale (values ≤ 0 cannot be shown on it)');
    expect(withoutScripts(html)).not.toMatch(/NaN|Infinity/);
  });

  it('draws a Pareto chart only for tasks with a Pareto view, and names the reference point', async () => {
    const fixture = reportFixture();
    const html = await renderReport(fixture);
    const pareto = figuresOf(html).filter((figure) => figure.id.endsWith('-pareto'));
    expect(pareto.map((figure) => figure.id)).toEqual(['task-jahs-cifar10-mo-pareto']);
    expect(pareto[0]!.markup).toContain('cross: the hypervolume reference point (45, 6)');
    expect(pareto[0]!.markup).toContain('true Pareto front');

    const far = fixture.tasks[1]!;
    const farHtml = await renderReport({ ...fixture, tasks: [{ ...far, pareto: { ...far.pareto!, referencePoint: [100, 10] } }] });
    expect(farHtml).toContain('the hypervolume reference point (100, 10) lies off the chart');
  });

  it('gives each figure its own id even when two tasks share a name', async () => {
    const fixture = reportFixture();
    const task = fixture.tasks[0]!;
    const ids = figuresOf(await renderReport({ ...fixture, tasks: [task, task] })).map((figure) => figure.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives an optimizer the same colour in every chart', async () => {
    const html = await renderReport(reportFixture());
    const colours = new Map<string, Set<string>>();
    // Vega labels each drawn mark with its data, optimizer included.
    for (const [path] of html.matchAll(/<path aria-label="[^"]*optimizer: [^"]*"[^>]*>/g)) {
      const optimizer = /optimizer: ([^";]*)/.exec(path)?.[1] ?? '';
      const colour = /\b(?:stroke|fill)="(#[0-9a-f]{6})"/i.exec(path)?.[1] ?? 'none';
      colours.set(optimizer, (colours.get(optimizer) ?? new Set()).add(colour));
    }
    expect([...colours.keys()].sort()).toEqual(['hyperband', 'random-search', 'regularized-evolution']);
    for (const set of colours.values()) expect(set.size).toBe(1);
    expect(new Set([...colours.values()].map((set) => [...set][0])).size).toBe(3);
  });

  it('renders a grid without tasks', async () => {
    const html = await renderReport({ title: 'empty', tasks: [], leaderboards: [], overallRanks: [] });
    expect(html).toContain('<h1>empty</h1>');
    expect(figuresOf(html)).toEqual([]);
  });
});
