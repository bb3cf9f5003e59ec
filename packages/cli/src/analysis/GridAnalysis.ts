/**
 * What `jahskit report` draws and `jahskit compare` tabulates: every number of a finished grid,
 * aggregated over seeds. Plain JSON (no typed arrays, no classes), so it can be written next to the
 * results as `analysis.json` and rendered by any tool.
 */

/**
 * How an optimizer was run on a task, for leaderboards: a black-box optimizer at full fidelity; one
 * that weighs cost; one that chooses a single fidelity (epochs); one that chooses several (epochs,
 * resolution, width, ...).
 */
export type Setting = 'black-box' | 'cost-aware' | 'multi-fidelity' | 'multi-multi-fidelity';

export const SETTINGS: readonly Setting[] = ['black-box', 'cost-aware', 'multi-fidelity', 'multi-multi-fidelity'];

/** Mean and standard error of the mean over `n` seeds (sem is 0 when n = 1). */
export interface MeanSem {
  readonly mean: number;
  readonly sem: number;
  readonly n: number;
}

/** The metric a task is judged by, e.g. best validation error, regret, or hypervolume. */
export interface TaskMetric {
  /** Short machine name, e.g. "regret", "hypervolume". */
  readonly name: string;
  /** Human label for axes and table headers, e.g. "regret of validation accuracy (%)". */
  readonly label: string;
  readonly better: 'lower' | 'higher';
  /** Plot the metric on a log axis (regrets spanning decades). */
  readonly logScale?: boolean;
}

/** One optimizer's trajectory on a task: the metric of its incumbent at every point of the common grid. */
export interface TrajectorySeries {
  /** Row label, usually the optimizer id (with options when one id appears twice). */
  readonly optimizer: string;
  readonly setting: Setting;
  /** The common grid (same for every series of a task). */
  readonly x: readonly number[];
  /** Mean over seeds; null where no seed had a result yet. */
  readonly mean: readonly (number | null)[];
  /** Standard error of the mean; null where mean is null. */
  readonly sem: readonly (number | null)[];
}

/** Average rank (1 = best) of each optimizer at every point of the common grid. */
export interface RankSeries {
  readonly optimizer: string;
  readonly x: readonly number[];
  readonly rank: readonly number[];
}

/** One row of a task's final-value table. */
export interface FinalRow {
  readonly optimizer: string;
  readonly setting: Setting;
  /** The task metric at the end of the budget. */
  readonly value: MeanSem;
  /** Mean over seeds of the optimizer's rank among all optimizers on the task (1 = best). */
  readonly averageRank: number;
  /** Further per-run numbers the protocol asks for, e.g. "test accuracy @200 epochs". */
  readonly extras: Readonly<Record<string, MeanSem>>;
  /**
   * In a constrained task: the runs that found no feasible trial. They have no value (left out of
   * `value` and the trajectories' means) and rank after every run that found one.
   */
  readonly runsWithoutFeasible?: number;
}

/** Final non-dominated points of one optimizer, pooled over seeds, in the objectives' own units. */
export interface FrontSeries {
  readonly optimizer: string;
  readonly points: readonly (readonly [number, number])[];
}

/** A two-objective view of a multi-objective task (the first two objectives when there are more). */
export interface ParetoView {
  readonly objectives: readonly [string, string];
  readonly directions: readonly ['minimize' | 'maximize', 'minimize' | 'maximize'];
  readonly referencePoint: readonly number[];
  /** The benchmark's true front where known. */
  readonly trueFront?: readonly (readonly [number, number])[];
  readonly fronts: readonly FrontSeries[];
}

/**
 * One optimizer's value of one incumbent metric beside the value its protocol's source published,
 * e.g. REA's 200-epoch validation accuracy against Table 5 of the NAS-Bench-201 paper.
 */
export interface ReferenceRow {
  readonly optimizer: string;
  /** The incumbent metric's label. */
  readonly metric: string;
  /** The source's mean and standard deviation over its `runs`. */
  readonly published: { readonly mean: number; readonly std: number; readonly runs: number };
  /** jahskit's mean and SEM over seeds. */
  readonly measured: MeanSem;
  /** measured - published. */
  readonly difference: number;
  /**
   * The difference over its standard error, sqrt(SEM^2 + (std / sqrt(runs))^2): within about 2, the
   * two means agree as well as two samples of the same method would.
   */
  readonly standardErrors: number;
}

/** Everything about one task (a protocol applied to a benchmark). */
export interface TaskAnalysis {
  /** Protocol name, e.g. "jahs-cifar10". */
  readonly task: string;
  readonly title: string;
  /** Benchmark id, e.g. "jahs" or "nb201/cifar10". */
  readonly benchmark: string;
  readonly metric: TaskMetric;
  /** The constraints of the task's runs, as written; absent when unconstrained. */
  readonly constraints?: readonly string[];
  /** The derived objectives' expressions, when the task optimised those instead of the benchmark's. */
  readonly objectiveExpressions?: readonly string[];
  /** Label of the trajectory's x axis, e.g. "runtime / mean runtime of one evaluation". */
  readonly xLabel: string;
  readonly seeds: number;
  readonly trajectories: readonly TrajectorySeries[];
  readonly anytimeRanks: readonly RankSeries[];
  /** Sorted best first. */
  readonly final: readonly FinalRow[];
  readonly pareto?: ParetoView;
  /** The protocol source's published values beside jahskit's, where the protocol has them. */
  readonly reference?: { readonly source: string; readonly rows: readonly ReferenceRow[] };
}

/** One leaderboard: the optimizers of one setting on one task (or "all tasks"), best first. */
export interface Leaderboard {
  readonly setting: Setting;
  readonly task: string;
  readonly metric: TaskMetric;
  readonly rows: readonly { readonly optimizer: string; readonly value: MeanSem; readonly averageRank: number }[];
}

export interface GridAnalysis {
  /** Free text naming the grid, e.g. "3 optimizers x 2 tasks x 10 seeds". */
  readonly title: string;
  readonly tasks: readonly TaskAnalysis[];
  readonly leaderboards: readonly Leaderboard[];
  /** Mean over tasks of each optimizer's average rank, best first. */
  readonly overallRanks: readonly { readonly optimizer: string; readonly averageRank: number }[];
}
