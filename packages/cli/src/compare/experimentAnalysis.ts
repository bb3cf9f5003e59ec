import type { GridAnalysis, TaskAnalysis } from '../analysis/GridAnalysis';
import { CliError } from '../commandLineError';
import type { Experiment } from './Experiment';

/**
 * One task whose series are the experiment's arms: the arms share the optimizer, metric and axis,
 * so their trajectories belong on one plot, each labelled by its arm.
 */
export function experimentAnalysis(experiment: Experiment, grid: GridAnalysis): TaskAnalysis {
  const arms = experiment.arms.map((arm) => {
    const task = grid.tasks.find((t) => t.task === arm.protocol);
    if (task === undefined) throw new CliError('input', `experiment "${experiment.name}": no results for protocol "${arm.protocol}"`, { parameter: 'name' });
    return { arm, task };
  });
  const first = arms[0]!.task;
  const pick = <T extends { optimizer: string }>(list: readonly T[]): T => list.find((s) => s.optimizer === experiment.optimizer) as T;
  return {
    task: experiment.name,
    title: experiment.title,
    benchmark: first.benchmark,
    metric: first.metric,
    xLabel: first.xLabel,
    seeds: first.seeds,
    trajectories: arms.map(({ arm, task }) => ({ ...pick(task.trajectories), optimizer: arm.label })),
    anytimeRanks: [],
    final: arms.map(({ arm, task }) => ({ ...pick(task.final), optimizer: arm.label, averageRank: Number.NaN })),
  };
}
