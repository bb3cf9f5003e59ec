import type { Objective } from '@jahskit/core';
import type { TaskAnalysis } from '../analysis/GridAnalysis';
import { formatMeanSem } from '../analysis/formatMeanSem';
import { formatNumber } from '../analysis/formatNumber';
import type { OptimizerColorScale } from '../report/html/optimizerColorScale';
import { rankChartSpec } from '../report/html/rankChartSpec';
import { trajectoryChartSpec } from '../report/html/trajectoryChartSpec';
import { compileVegaLite } from './compileVegaLite';
import type { LiveRun } from './LiveRun';
import { liveTaskAnalysis } from './liveTaskAnalysis';
import { paretoTrials } from './paretoTrials';
import { paretoTrialsChartSpec, type SurfaceSeries } from './paretoTrialsChartSpec';
import { MAX_TRIAL_POINTS, trialsChartSpec } from './trialsChartSpec';
import { trialTable } from './trialTable';

/** One chart of the page: its compiled Vega spec and what it shows. */
interface ChartView {
  /** Stable across updates, e.g. "trajectory". */
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly vega: object;
}

/** What the page shows of one task. */
export interface TaskView {
  readonly task: string;
  readonly title: string;
  readonly analysis?: TaskAnalysis;
  /** Runs of the task with at least one trial, finished or not. */
  readonly runs: number;
  readonly charts: readonly ChartView[];
  /** The final values as the report prints them (mean ± SEM, average rank), best first. */
  readonly final: { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] };
}

/** Attainment surfaces for a Pareto view, when the dashboard has an implementation of them. */
export type SurfacesOf = (runs: readonly LiveRun[], objectives: readonly [Objective, Objective]) => readonly SurfaceSeries[];

/**
 * The charts of one task over its runs so far: trajectories with mean ± SEM bands and anytime ranks
 * (the report's specs), every trial against the axis, and the Pareto fronts made of trials with the
 * true front (and attainment surfaces) for a multi-objective task.
 */
export async function taskView(task: string, runs: readonly LiveRun[], colors: OptimizerColorScale, surfacesOf?: SurfacesOf): Promise<TaskView> {
  const analysis = liveTaskAnalysis(runs);
  const started = runs.filter((run) => run.records.length > 0);
  const header = started[0]?.header ?? runs[0]?.header;
  if (analysis === undefined || header === undefined) return { task, title: header?.title ?? task, runs: 0, charts: [], final: { headers: [], rows: [] } };
  const table = trialTable(started);
  const metric = analysis.metric;
  const charts: ChartView[] = [
    {
      id: 'trajectory',
      title: 'Trajectories',
      caption: `Mean ${metric.label} over seeds against ${analysis.xLabel}; the band is ± one standard error${metric.logScale === true ? '; log scale' : ''}. A point is drawn where every seed of the optimizer has reached it.`,
      vega: await compileVegaLite(trajectoryChartSpec(analysis, { colors })),
    },
    {
      id: 'ranks',
      title: 'Anytime ranks',
      caption: `Average rank over seeds at each point of ${analysis.xLabel} (1 = best).`,
      vega: await compileVegaLite(rankChartSpec(analysis, { colors })),
    },
    {
      id: 'trials',
      title: 'Trials',
      caption:
        `Every finished trial: ${header.objectives[0]?.name ?? 'its first objective'} against ${analysis.xLabel}; hollow points are below full fidelity. Hover a point for its trial.` +
        (table.rows.length > MAX_TRIAL_POINTS
          ? ` An even sample of ${MAX_TRIAL_POINTS} of the ${table.rows.length} trials is drawn; the table has them all.`
          : ''),
      vega: await compileVegaLite(trialsChartSpec(table, header.objectives[0]?.name ?? '', analysis.xLabel, colors)),
    },
  ];
  const pareto = analysis.pareto;
  if (pareto !== undefined && header.objectives.length >= 2) {
    const objectives = [header.objectives[0], header.objectives[1]] as [Objective, Objective];
    const trials = paretoTrials(table, objectives);
    const [a, b] = objectives.map(
      (o) => table.columns.find((c) => c.group === 'objective' && (c.name === o.name || c.name === `objective ${o.name}`))?.name ?? o.name,
    ) as [string, string];
    const surfaces = surfacesOf?.(started, objectives) ?? [];
    const reference = pareto.referencePoint.map((v) => formatNumber(v)).join(', ');
    charts.push({
      id: 'pareto',
      title: 'Pareto fronts',
      caption:
        'Non-dominated trials at full fidelity of each optimizer, pooled over seeds (hover a point for its trial)' +
        (pareto.trueFront !== undefined && pareto.trueFront.length > 0 ? '; black staircase: the true Pareto front' : '') +
        (surfaces.length > 0 ? '; dashed: median (thick) and quartile attainment surfaces over seeds' : '') +
        `; reference point (${reference}).`,
      vega: await compileVegaLite(paretoTrialsChartSpec({ ...pareto, fronts: pareto.fronts }, { a, b, all: table.columns }, trials, colors, surfaces)),
    });
  }
  return { task, title: header.title, analysis, runs: started.length, charts, final: finalTable(analysis) };
}

function finalTable(analysis: TaskAnalysis): TaskView['final'] {
  const extras = [...new Set(analysis.final.flatMap((row) => Object.keys(row.extras)))];
  return {
    headers: ['optimizer', 'setting', analysis.metric.label, 'average rank', ...extras],
    rows: analysis.final.map((row) => [
      row.optimizer,
      row.setting,
      formatMeanSem(row.value),
      formatNumber(row.averageRank),
      ...extras.map((name) => (row.extras[name] === undefined ? '–' : formatMeanSem(row.extras[name]))),
    ]),
  };
}
