import type {
  FinalRow,
  GridAnalysis,
  Leaderboard,
  MeanSem,
  RankSeries,
  Setting,
  TaskAnalysis,
  TaskMetric,
  TrajectorySeries,
} from '../../analysis/GridAnalysis';

interface FixtureOptimizer {
  readonly optimizer: string;
  readonly setting: Setting;
  /** The metric's mean at grid point x, or null before the first result. */
  readonly curve: (x: number) => number | null;
}

/** The standard deviation over seeds of a metric value at grid index i. */
type Spread = (value: number, i: number) => number;

const SEEDS = 10;
// Hyperband reports from cheap low-fidelity runs before any full evaluation has finished.
const GRID = [0.5, ...Array.from({ length: 24 }, (_, i) => i + 1)];

/**
 * A small but realistic analysis for report tests: a single-objective task on a log-scaled regret
 * (with nulls before the first full evaluation) and a two-objective task with a true front, each run by
 * two black-box optimizers and one multi-fidelity optimizer over 10 seeds.
 */
export function reportFixture(): GridAnalysis {
  const regret: TaskMetric = { name: 'regret', label: 'regret of validation accuracy (%)', better: 'lower', logScale: true };
  const hypervolume: TaskMetric = { name: 'hypervolume', label: 'hypervolume of (error %, energy kWh)', better: 'higher' };
  const nb201 = fixtureTask({
    task: 'nb201-cifar10',
    title: 'NAS-Bench-201 on CIFAR-10',
    benchmark: 'nb201/cifar10',
    metric: regret,
    // Regrets spread over seeds about in proportion to their size, most at the start.
    spread: (value, i) => value * (0.3 + 0.5 / (1 + i)),
    optimizers: [
      { optimizer: 'random-search', setting: 'black-box', curve: (x) => (x < 1 ? null : 9.2 * x ** -0.42) },
      { optimizer: 'regularized-evolution', setting: 'black-box', curve: (x) => (x < 1 ? null : 9.6 * x ** -0.71) },
      { optimizer: 'hyperband', setting: 'multi-fidelity', curve: (x) => 6.1 * x ** -0.55 },
    ],
  });
  const jahs = fixtureTask({
    task: 'jahs-cifar10-mo',
    title: 'JAHS-Bench-201 CIFAR-10: error & energy',
    benchmark: 'jahs',
    metric: hypervolume,
    spread: (value, i) => (430 - value) * 0.4 + 2 / (1 + i),
    optimizers: [
      { optimizer: 'random-search', setting: 'black-box', curve: (x) => (x < 1 ? null : 412 - 95 * x ** -0.5) },
      { optimizer: 'regularized-evolution', setting: 'black-box', curve: (x) => (x < 1 ? null : 421 - 110 * x ** -0.8) },
      { optimizer: 'hyperband', setting: 'multi-fidelity', curve: (x) => 409 - 70 * x ** -0.6 },
    ],
  });
  const trueEnergy = (error: number): number => 0.15 + 6 / (error - 3.5);
  const frontOf = (gap: number, errors: readonly number[]): [number, number][] => errors.map((error) => [round(error), round(trueEnergy(error) * (1 + gap))]);
  const jahsWithFront: TaskAnalysis = {
    ...jahs,
    pareto: {
      objectives: ['valid-error', 'energy'],
      directions: ['minimize', 'minimize'],
      referencePoint: [45, 6],
      trueFront: frontOf(
        0,
        Array.from({ length: 30 }, (_, i) => 5 + i * 1.2),
      ),
      fronts: [
        { optimizer: 'random-search', points: frontOf(0.35, [6.1, 7.4, 9.8, 13.2, 19.5, 31]) },
        { optimizer: 'regularized-evolution', points: frontOf(0.12, [5.6, 6.3, 7.9, 10.4, 14.8, 22.1, 35.7]) },
        { optimizer: 'hyperband', points: frontOf(0.22, [5.9, 8.2, 12.6, 27.4]) },
      ],
    },
  };
  const tasks = [nb201, jahsWithFront];
  const optimizers = nb201.final.map((row) => row.optimizer);
  const overallRanks = optimizers
    .map((optimizer) => ({
      optimizer,
      averageRank: round(mean(tasks.map((task) => task.final.find((row) => row.optimizer === optimizer)?.averageRank ?? Number.NaN))),
    }))
    .sort((a, b) => a.averageRank - b.averageRank);
  return {
    title: `3 optimizers x ${tasks.length} tasks x ${SEEDS} seeds`,
    tasks,
    leaderboards: tasks.flatMap(leaderboardsOf),
    overallRanks,
  };
}

function fixtureTask(input: {
  readonly task: string;
  readonly title: string;
  readonly benchmark: string;
  readonly metric: TaskMetric;
  readonly spread: Spread;
  readonly optimizers: readonly FixtureOptimizer[];
}): TaskAnalysis {
  const sign = input.metric.better === 'lower' ? 1 : -1;
  const trajectories: TrajectorySeries[] = input.optimizers.map(({ optimizer, setting, curve }) => {
    const means = GRID.map((x) => {
      const value = curve(x);
      return value === null ? null : round(value);
    });
    return {
      optimizer,
      setting,
      x: GRID,
      mean: means,
      sem: means.map((value, i) => (value === null ? null : round(input.spread(value, i) / Math.sqrt(SEEDS)))),
    };
  });
  const anytimeRanks: RankSeries[] = input.optimizers.map(({ optimizer }) => ({
    optimizer,
    x: GRID,
    rank: GRID.map((_, i) =>
      smoothedRank(
        trajectories.map((series) => series.mean[i] ?? null),
        optimizer,
        input.optimizers,
        sign,
      ),
    ),
  }));
  const last = GRID.length - 1;
  const final: FinalRow[] = trajectories
    .map((series, k) => {
      const value = series.mean[last] ?? Number.NaN;
      return {
        optimizer: series.optimizer,
        setting: series.setting,
        value: { mean: value, sem: series.sem[last] ?? 0, n: SEEDS },
        averageRank: anytimeRanks[k]?.rank[last] ?? Number.NaN,
        extras: { 'test accuracy @200 epochs (%)': { mean: round(93.1 - 0.08 * k - 0.01 * value), sem: round(0.041 + 0.01 * k), n: SEEDS } },
      };
    })
    .sort((a, b) => a.averageRank - b.averageRank);
  return {
    task: input.task,
    title: input.title,
    benchmark: input.benchmark,
    metric: input.metric,
    xLabel: 'runtime / mean runtime of one evaluation',
    seeds: SEEDS,
    trajectories,
    anytimeRanks,
    final,
  };
}

/**
 * The rank of the seed means, pulled towards the middle rank so it looks like an average over seeds
 * (which rarely lands on an integer) while ranks still sum to the same total. Missing values rank last.
 */
function smoothedRank(values: readonly (number | null)[], optimizer: string, optimizers: readonly FixtureOptimizer[], sign: number): number {
  const index = optimizers.findIndex((candidate) => candidate.optimizer === optimizer);
  const own = values[index] ?? null;
  const keyOf = (value: number | null): number => (value === null ? Number.POSITIVE_INFINITY : sign * value);
  const better = values.filter((value) => keyOf(value) < keyOf(own)).length;
  const tied = values.filter((value) => keyOf(value) === keyOf(own)).length;
  const rank = better + (tied + 1) / 2;
  const middle = (optimizers.length + 1) / 2;
  return round(middle + (rank - middle) * 0.8);
}

function leaderboardsOf(task: TaskAnalysis): Leaderboard[] {
  const settings = [...new Set(task.final.map((row) => row.setting))];
  return settings.map((setting) => ({
    setting,
    task: task.task,
    metric: task.metric,
    rows: task.final
      .filter((row) => row.setting === setting)
      .map((row) => ({ optimizer: row.optimizer, value: row.value satisfies MeanSem, averageRank: row.averageRank })),
  }));
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function round(value: number): number {
  return Number(value.toPrecision(6));
}
