import type { FinalRow, GridAnalysis, TaskAnalysis, TrajectorySeries } from '../analysis/GridAnalysis';
import { CliError } from '../commandLineError';
import type { Experiment } from './Experiment';

/**
 * One task whose series are the experiment's arms, in the experiment's order and labelled by them:
 * the arms share a metric and an axis, so their trajectories belong on one plot. The value of each
 * arm at the experiment's checkpoints (fractions of the axis) comes as extras of its final row,
 * named "at 25%".
 */
export function experimentAnalysis(experiment: Experiment, grid: GridAnalysis): TaskAnalysis {
  const missing = (what: string): CliError => new CliError('input', `experiment "${experiment.name}": no results for ${what}`, { parameter: 'name' });
  const arms = experiment.arms.map((arm) => {
    const task = grid.tasks.find((t) => t.task === arm.protocol);
    if (task === undefined) throw missing(`protocol "${arm.protocol}"`);
    const series = task.trajectories.find((s) => s.optimizer === arm.optimizer);
    const final = task.final.find((r) => r.optimizer === arm.optimizer);
    if (series === undefined || final === undefined) throw missing(`${arm.optimizer} on ${arm.protocol}`);
    return { arm, task, series, final };
  });
  const first = arms[0]!.task;
  for (const { task } of arms) {
    if (task.metric.name !== first.metric.name || task.xLabel !== first.xLabel) {
      throw new CliError(
        'input',
        `experiment "${experiment.name}": its protocols measure different things (${first.task}: ${first.metric.name} over ${first.xLabel}; ${task.task}: ${task.metric.name} over ${task.xLabel})`,
        { parameter: 'name' },
      );
    }
  }
  return {
    task: experiment.name,
    title: experiment.title,
    benchmark: first.benchmark,
    metric: experiment.metricLabel === undefined ? first.metric : { ...first.metric, label: experiment.metricLabel },
    xLabel: first.xLabel,
    seeds: first.seeds,
    trajectories: arms.map(({ arm, series }) => ({ ...series, optimizer: arm.label })),
    anytimeRanks: [],
    final: arms.map(({ arm, series, final }): FinalRow => ({
      ...final,
      optimizer: arm.label,
      averageRank: Number.NaN,
      extras: { ...final.extras, ...checkpointValues(series, final.value.n, experiment.checkpoints ?? []) },
    })),
  };
}

/** The series' mean and SEM at the last point of its grid at or before each fraction of the axis. */
function checkpointValues(series: TrajectorySeries, n: number, fractions: readonly number[]): Record<string, { mean: number; sem: number; n: number }> {
  const end = series.x.at(-1) ?? 0;
  const values: Record<string, { mean: number; sem: number; n: number }> = {};
  for (const fraction of fractions) {
    let at = -1;
    for (let i = 0; i < series.x.length && (series.x[i] as number) <= fraction * end + 1e-9 * end; i++) at = i;
    const mean = at < 0 ? null : series.mean[at];
    // Null before any seed had a result: NaN, which the table shows as "none yet".
    values[`at ${Math.round(fraction * 100)}%`] = { mean: mean ?? Number.NaN, sem: (at < 0 ? null : series.sem[at]) ?? Number.NaN, n };
  }
  return values;
}
