import { nonDominatedFilter } from '@jahskit/multiobjective';
import type { RunHeader } from '../compare/RunHeader';
import type {
  FinalRow,
  FrontSeries,
  GridAnalysis,
  Leaderboard,
  MeanSem,
  ParetoView,
  RankSeries,
  ReferenceRow,
  Setting,
  TaskAnalysis,
  TaskMetric,
  TrajectorySeries,
} from './GridAnalysis';
import { SETTINGS } from './GridAnalysis';
import { meanSem } from './meanSem';
import { rankValues } from './rankValues';
import type { RunResult } from './RunResult';
import { countsForMetric, runTrajectory, valueAt, type Steps } from './runTrajectory';

/** Points of the common grid every trajectory is sampled on. */
const GRID_POINTS = 100;

interface OptimizerRuns {
  readonly optimizer: string;
  readonly setting: Setting;
  /** Seed -> the run's trajectory. */
  readonly steps: Map<number, Steps>;
  readonly runs: RunResult[];
}

/**
 * Aggregates finished runs over seeds: trajectories on a common grid (mean and SEM), anytime and
 * final average ranks, final values with the protocol's extras, Pareto fronts and leaderboards.
 * Tasks and optimizers keep the order in which they first appear in `runs`.
 */
export function analyzeGrid(runs: readonly RunResult[], title = ''): GridAnalysis {
  const byTask = new Map<string, RunResult[]>();
  for (const run of runs) {
    const list = byTask.get(run.header.task) ?? [];
    list.push(run);
    byTask.set(run.header.task, list);
  }
  const analysed = [...byTask.values()].map(analyzeTask);
  const tasks = analysed.map((a) => a.task);
  const leaderboards = analysed.flatMap((a) => a.leaderboards);
  const optimizers = [...new Set(tasks.flatMap((t) => t.final.map((r) => r.optimizer)))];
  const overallRanks = optimizers
    .map((optimizer) => {
      const ranks = tasks.map((t) => t.final.find((r) => r.optimizer === optimizer)?.averageRank).filter((r): r is number => r !== undefined);
      return { optimizer, averageRank: ranks.reduce((a, b) => a + b, 0) / ranks.length };
    })
    .sort((a, b) => a.averageRank - b.averageRank);
  const seeds = Math.max(0, ...tasks.map((t) => t.seeds));
  return {
    title: title || `${optimizers.length} optimizers x ${tasks.length} tasks x ${seeds} seeds`,
    tasks,
    leaderboards,
    overallRanks,
  };
}

function analyzeTask(runs: readonly RunResult[]): { task: TaskAnalysis; leaderboards: Leaderboard[] } {
  const header = (runs[0] as RunResult).header;
  const metric = taskMetric(header);
  const sign = metric.better === 'higher' ? -1 : 1;
  const groups = groupByOptimizer(runs);
  const xMax = Math.max(Number.MIN_VALUE, ...runs.map((r) => axisEnd(r)));
  const x = Array.from({ length: GRID_POINTS }, (_, k) => (xMax * (k + 1)) / GRID_POINTS);
  const seeds = [...new Set(runs.map((r) => r.header.seed))].sort((a, b) => a - b);
  const constrained = (header.constraints?.length ?? 0) > 0;

  const trajectories: TrajectorySeries[] = groups.map((g) => {
    const mean: (number | null)[] = [];
    const sem: (number | null)[] = [];
    // A constrained run that never found a feasible trial has no value to average at any point; it
    // is counted apart (runsWithoutFeasible), or one such seed would blank the whole curve.
    const counted = constrained ? [...g.steps.values()].filter((s) => s.x.length > 0) : [...g.steps.values()];
    for (const at of x) {
      const values = counted.map((s) => valueAt(s, at));
      const present = values.filter((v): v is number => v !== undefined);
      // A mean over only the seeds that have a result would flatter slow starters.
      const stats = present.length === values.length && present.length > 0 ? meanSem(present) : undefined;
      mean.push(stats?.mean ?? null);
      sem.push(stats?.sem ?? null);
    }
    return { optimizer: g.optimizer, setting: g.setting, x, mean, sem };
  });

  // ranksAt[k][s][i]: optimizer i's rank among all at grid point k on seed s.
  const ranksAt = x.map((at) => seeds.map((seed) => rankValues(groups.map((g) => signed(g.steps.get(seed), at, sign)))));
  const anytimeRanks: RankSeries[] = groups.map((g, i) => ({
    optimizer: g.optimizer,
    x,
    rank: ranksAt.map((perSeed) => mean(perSeed.map((ranks) => ranks[i] as number))),
  }));

  const finalRanks = seeds.map((seed) => rankValues(groups.map((g) => signed(g.steps.get(seed), Number.POSITIVE_INFINITY, sign))));
  const final: FinalRow[] = groups
    .map((g, i): FinalRow => {
      const finals = [...g.steps.values()].map((s) => s.value.at(-1)).filter((v): v is number => v !== undefined);
      return {
        optimizer: g.optimizer,
        setting: g.setting,
        value: meanSem(finals),
        averageRank: mean(finalRanks.map((r) => r[i] as number)),
        extras: extrasOf(g.runs),
        ...(constrained ? { runsWithoutFeasible: [...g.steps.values()].filter((s) => s.x.length === 0).length } : {}),
      };
    })
    .sort((a, b) => a.averageRank - b.averageRank || sign * (a.value.mean - b.value.mean));

  const pareto = header.metric === 'hypervolume' && header.objectives.length >= 2 ? paretoView(header, groups) : undefined;
  const reference = referenceOf(groups, final);
  const task: TaskAnalysis = {
    task: header.task,
    title: header.title,
    benchmark: header.benchmark,
    metric,
    ...(constrained ? { constraints: header.constraints } : {}),
    ...(header.objectiveExpressions !== undefined ? { objectiveExpressions: header.objectiveExpressions } : {}),
    xLabel: AXIS_LABELS[header.axis],
    seeds: seeds.length,
    trajectories,
    anytimeRanks,
    final,
    ...(pareto !== undefined ? { pareto } : {}),
    ...(reference !== undefined ? { reference } : {}),
  };
  return { task, leaderboards: leaderboardsOf(task, groups, seeds, sign) };
}

const AXIS_LABELS: Record<RunHeader['axis'], string> = {
  evaluations: 'finished evaluations',
  'simulated-seconds': 'simulated seconds',
  'mean-evaluations': 'simulated runtime / mean runtime of one evaluation',
};

function taskMetric(header: RunHeader): TaskMetric {
  const objective = header.objectives[0]!;
  const log = header.logScale === true ? { logScale: true } : {};
  if (header.metric === 'hypervolume') {
    return {
      name: 'hypervolume',
      label: `hypervolume (${header.objectives.map((o) => o.name).join(', ')}; reference ${(header.referencePoint ?? []).join(', ')})`,
      better: 'higher',
      ...log,
    };
  }
  if (header.metric === 'regret') return { name: 'regret', label: header.metricLabel ?? `regret of ${objective.name}`, better: 'lower', ...log };
  return {
    name: `best ${objective.name}`,
    label: header.metricLabel ?? `best ${objective.name}`,
    better: objective.direction === 'maximize' ? 'higher' : 'lower',
    ...log,
  };
}

function groupByOptimizer(runs: readonly RunResult[]): OptimizerRuns[] {
  const groups = new Map<string, RunResult[]>();
  for (const run of runs) {
    const list = groups.get(run.header.optimizer) ?? [];
    list.push(run);
    groups.set(run.header.optimizer, list);
  }
  return [...groups].map(([optimizer, list]) => ({
    optimizer,
    setting: mostCommon(list.map((r) => r.end.setting)),
    steps: new Map(list.map((r) => [r.header.seed, runTrajectory(r.header, r.records)])),
    runs: list,
  }));
}

/** How far a run got on the task's axis: its trials, or the simulated clock when it stopped. */
function axisEnd(run: RunResult): number {
  const { header, end } = run;
  if (header.axis === 'evaluations') return end.trials;
  return header.axis === 'simulated-seconds' ? end.simulatedSeconds : end.simulatedSeconds / (header.meanEvaluationSeconds ?? 1);
}

function signed(steps: Steps | undefined, at: number, sign: number): number | undefined {
  const v = steps === undefined ? undefined : valueAt(steps, at);
  return v === undefined ? undefined : sign * v;
}

function extrasOf(runs: readonly RunResult[]): Record<string, MeanSem> {
  const labels = [...new Set(runs.flatMap((r) => Object.keys(r.end.incumbent?.extras ?? {})))];
  return Object.fromEntries(
    labels.map((label) => [
      label,
      meanSem(runs.map((r) => r.end.incumbent?.extras[label]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v))),
    ]),
  );
}

/**
 * Published values beside the measured extras, for the optimizers whose runs carry them (see
 * RunHeader.reference): metrics in the order the source lists them, optimizers in the task's order.
 */
function referenceOf(groups: readonly OptimizerRuns[], final: readonly FinalRow[]): TaskAnalysis['reference'] {
  const rows: ReferenceRow[] = [];
  let source: string | undefined;
  const metrics = [...new Set(groups.flatMap((g) => Object.keys(g.runs[0]?.header.reference?.values ?? {})))];
  for (const metric of metrics) {
    for (const g of groups) {
      const reference = g.runs.find((r) => r.header.reference !== undefined)?.header.reference;
      const published = reference?.values[metric];
      const measured = final.find((r) => r.optimizer === g.optimizer)?.extras[metric];
      if (reference === undefined || published === undefined || measured === undefined) continue;
      source ??= reference.source;
      const difference = measured.mean - published.mean;
      const standardError = Math.sqrt(measured.sem ** 2 + published.std ** 2 / reference.runs);
      rows.push({
        optimizer: g.optimizer,
        metric,
        published: { ...published, runs: reference.runs },
        measured,
        difference,
        standardErrors: difference / standardError,
      });
    }
  }
  return source === undefined ? undefined : { source, rows };
}

function paretoView(header: RunHeader, groups: readonly OptimizerRuns[]): ParetoView {
  const [a, b] = header.objectives as [RunHeader['objectives'][number], RunHeader['objectives'][number]];
  const signs = [a.direction === 'maximize' ? -1 : 1, b.direction === 'maximize' ? -1 : 1];
  const fronts: FrontSeries[] = groups.map((g) => {
    const points: [number, number][] = [];
    for (const run of g.runs) {
      for (const r of run.records) {
        if (countsForMetric(header, r.status, r.fidelity, r.constraints)) points.push([r.objectives[a.name] as number, r.objectives[b.name] as number]);
      }
    }
    if (points.length === 0) return { optimizer: g.optimizer, points: [] };
    const keep = nonDominatedFilter(Float64Array.from(points.flatMap(([p, q]) => [signs[0]! * p, signs[1]! * q])), 2);
    return { optimizer: g.optimizer, points: [...keep].map((i) => points[i] as [number, number]).sort((p, q) => p[0] - q[0]) };
  });
  return {
    objectives: [a.name, b.name],
    directions: [a.direction, b.direction],
    referencePoint: header.referencePoint ?? [],
    ...(header.trueFront !== undefined ? { trueFront: header.trueFront.map((p) => [p[0] as number, p[1] as number] as [number, number]) } : {}),
    fronts,
  };
}

function leaderboardsOf(task: TaskAnalysis, groups: readonly OptimizerRuns[], seeds: readonly number[], sign: number): Leaderboard[] {
  const boards: Leaderboard[] = [];
  for (const setting of SETTINGS) {
    const members = groups.filter((g) => g.setting === setting);
    if (members.length === 0) continue;
    // Ranks within the setting: a leaderboard compares like with like.
    const perSeed = seeds.map((seed) => rankValues(members.map((g) => signed(g.steps.get(seed), Number.POSITIVE_INFINITY, sign))));
    const rows = members
      .map((g, i) => ({
        optimizer: g.optimizer,
        value: task.final.find((r) => r.optimizer === g.optimizer)!.value,
        averageRank: mean(perSeed.map((ranks) => ranks[i] as number)),
      }))
      .sort((p, q) => p.averageRank - q.averageRank || sign * (p.value.mean - q.value.mean));
    boards.push({ setting, task: task.task, metric: task.metric, rows });
  }
  return boards;
}

function mostCommon<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}
