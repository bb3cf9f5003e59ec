import type { GridAnalysis, Leaderboard, TaskAnalysis } from '../../analysis/GridAnalysis';
import type { ChartOptions } from './ChartOptions';
import { escapeHtml } from './escapeHtml';
import { figureHtml } from './figureHtml';
import { formatMeanSem } from '../../analysis/formatMeanSem';
import { formatNumber } from '../../analysis/formatNumber';
import { feasibilityNote } from '../../analysis/feasibilityNote';
import { rankOrderNote } from '../../analysis/rankOrderNote';
import { optimizerColorScale } from './optimizerColorScale';
import { paretoChartSpec } from './paretoChartSpec';
import { rankChartSpec } from './rankChartSpec';
import { referencePointInView } from './referencePointInView';
import { renderVegaLite } from './renderVegaLiteSvg';
import { VIEWER_SCRIPT, vegaRuntime } from './vegaRuntime';
import { REPORT_CSS } from './reportCss';
import { tableHtml, type TableCell } from './tableHtml';
import { trajectoryChartSpec } from './trajectoryChartSpec';

// The commands import both renderers from this module.
export { trajectoryChartSvg } from './trajectoryChartSvg';

/**
 * The report of a finished grid as one self-contained HTML file: inline CSS, SVG charts, and Vega's
 * runtime with each chart's spec, so that in a browser the charts become live (hover, legend
 * toggles, pan and zoom) with no request leaving the file; it can be mailed, archived or opened
 * offline, and without scripts it shows the same charts, static.
 */
export async function renderReport(analysis: GridAnalysis): Promise<string> {
  // One colour per optimizer for the whole report, not per chart.
  const chartOptions: ChartOptions = { colors: optimizerColorScale(optimizersOf(analysis)) };
  const ids = new UniqueIds();
  const taskSections: string[] = [];
  for (const task of analysis.tasks) {
    taskSections.push(await taskSection(task, ids.next(`task-${task.task}`), ids, chartOptions));
  }
  const taskIds = taskSections.map((section) => /^<section id="([^"]*)"/.exec(section)?.[1] ?? '');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`jahskit report: ${analysis.title}`)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${escapeHtml(analysis.title)}</h1>`,
    `<p class="summary">${escapeHtml(summary(analysis))}</p>`,
    analysis.tasks.length === 0
      ? ''
      : `<nav><ul>${analysis.tasks
          .map((task, i) => `<li><a href="#${escapeHtml(taskIds[i] ?? '')}">${escapeHtml(task.title)}</a></li>`)
          .join('')}<li><a href="#leaderboards">Leaderboards</a></li></ul></nav>`,
    '</header>',
    '<section id="overall-ranks">',
    '<h2>Overall average rank</h2>',
    '<p class="meta">Mean over tasks of each optimizer\'s average rank (1 = best).</p>',
    tableHtml(
      [{ text: '#', numeric: true }, { text: 'optimizer' }, { text: 'average rank', numeric: true }],
      analysis.overallRanks.map((row, i) => [
        { text: String(i + 1), numeric: true },
        { text: row.optimizer },
        { text: formatNumber(row.averageRank), numeric: true },
      ]),
    ),
    '</section>',
    ...taskSections,
    '<section id="leaderboards">',
    '<h2>Leaderboards</h2>',
    '<p class="meta">Optimizers compared only with those run in the same setting, per task, best first.</p>',
    `<div class="leaderboards">${analysis.leaderboards.map(leaderboardHtml).join('\n')}</div>`,
    '</section>',
    '</main>',
    `<script>${await vegaRuntime()}</script>`,
    `<script>${VIEWER_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

async function taskSection(task: TaskAnalysis, id: string, ids: UniqueIds, chartOptions: ChartOptions): Promise<string> {
  const metric = task.metric;
  const parts = [
    `<section id="${escapeHtml(id)}">`,
    `<h2>${escapeHtml(task.title)}</h2>`,
    `<p class="meta">${escapeHtml(`task ${task.task} · benchmark ${task.benchmark} · ${metric.label}, ${metric.better} is better · ${task.seeds} seeds`)}</p>`,
  ];
  const feasibility = feasibilityNote(task);
  // The note's expressions are in backticks for Markdown; here they become code elements.
  if (feasibility !== undefined) parts.push(`<p class="meta">${escapeHtml(feasibility).replace(/`([^`]*)`/g, '<code>$1</code>')}</p>`);

  const hiddenOnLog = metric.logScale === true && task.trajectories.some((series) => series.mean.some((value) => value !== null && value <= 0));
  parts.push(
    figure(
      ids.next(`${id}-trajectory`),
      await renderVegaLite(trajectoryChartSpec(task, chartOptions)),
      `Mean ${metric.label} over ${task.seeds} seeds against ${task.xLabel}; the band is ± one standard error` +
        (metric.logScale === true ? '; log scale' : '') +
        (hiddenOnLog ? ' (values ≤ 0 cannot be shown on it)' : '') +
        '.',
    ),
    figure(
      ids.next(`${id}-ranks`),
      await renderVegaLite(rankChartSpec(task, chartOptions)),
      `Average rank over seeds at each point of ${task.xLabel} (1 = best).`,
    ),
  );
  if (task.pareto !== undefined) {
    const pareto = task.pareto;
    const reference = pareto.referencePoint.map((value) => formatNumber(value)).join(', ');
    parts.push(
      figure(
        ids.next(`${id}-pareto`),
        await renderVegaLite(paretoChartSpec(pareto, chartOptions)),
        `Final non-dominated points of each optimizer, pooled over seeds` +
          (pareto.trueFront !== undefined && pareto.trueFront.length > 0 ? '; black staircase: the true Pareto front' : '') +
          (referencePointInView(pareto)
            ? `; cross: the hypervolume reference point (${reference}).`
            : `; the hypervolume reference point (${reference}) lies off the chart.`),
      ),
    );
  }
  parts.push(`<h3>Final values</h3>`, finalTableHtml(task), '</section>');
  return parts.join('\n');
}

/** A chart's figure with its static SVG and its spec for the live view. */
function figure(id: string, chart: { readonly svg: string; readonly vega: object }, caption: string): string {
  return figureHtml(id, chart.svg, caption, chart.vega);
}

function finalTableHtml(task: TaskAnalysis): string {
  const extras = [...new Set(task.final.flatMap((row) => Object.keys(row.extras)))];
  const headers: TableCell[] = [
    { text: 'optimizer' },
    { text: 'setting' },
    { text: task.metric.label, numeric: true },
    { text: 'average rank', numeric: true },
    ...extras.map((name) => ({ text: name, numeric: true })),
  ];
  const rows = task.final.map((row): TableCell[] => [
    { text: row.optimizer },
    { text: row.setting },
    { text: formatMeanSem(row.value), numeric: true },
    { text: formatNumber(row.averageRank), numeric: true },
    ...extras.map((name) => {
      const extra = row.extras[name];
      return { text: extra === undefined ? '–' : formatMeanSem(extra), numeric: true };
    }),
  ]);
  return tableHtml(headers, rows);
}

function leaderboardHtml(board: Leaderboard): string {
  const note = rankOrderNote(board);
  const table = tableHtml(
    [{ text: 'optimizer' }, { text: board.metric.label, numeric: true }, { text: 'average rank', numeric: true }],
    board.rows.map((row) => [
      { text: row.optimizer },
      { text: formatMeanSem(row.value), numeric: true },
      { text: formatNumber(row.averageRank), numeric: true },
    ]),
    `${board.setting} · ${board.task}`,
  );
  return note === undefined ? table : `<div>${table}\n<p class="meta">${escapeHtml(note)}</p></div>`;
}

function summary(analysis: GridAnalysis): string {
  const optimizers = optimizersOf(analysis).length;
  const tasks = analysis.tasks.length;
  const sentences = [`${optimizers} optimizer${optimizers === 1 ? '' : 's'} on ${tasks} task${tasks === 1 ? '' : 's'}.`];
  const best = analysis.overallRanks[0];
  if (best !== undefined) {
    sentences.push(`Best overall: ${best.optimizer} (average rank ${formatNumber(best.averageRank)}).`);
  }
  return sentences.join(' ');
}

function optimizersOf(analysis: GridAnalysis): string[] {
  const names = analysis.overallRanks.map((row) => row.optimizer);
  for (const task of analysis.tasks) {
    names.push(...task.final.map((row) => row.optimizer), ...task.trajectories.map((series) => series.optimizer));
    names.push(...task.anytimeRanks.map((series) => series.optimizer), ...(task.pareto?.fronts ?? []).map((front) => front.optimizer));
  }
  return [...new Set(names)];
}

/** Element ids from free text: readable, and unique even when two tasks share a name. */
class UniqueIds {
  private readonly used = new Set<string>();

  next(text: string): string {
    const base =
      text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'plot';
    let id = base;
    for (let k = 2; this.used.has(id); k += 1) id = `${base}-${k}`;
    this.used.add(id);
    return id;
  }
}
