import type { JsonValue } from '@jahskit/core';

/**
 * How the x axis of a trajectory is measured: finished evaluations, simulated seconds, or simulated
 * seconds divided by the mean runtime of one full-fidelity evaluation (the JAHS-Bench-201 paper's
 * axis, which makes tasks with very different training times comparable).
 */
export type TrajectoryAxis = 'evaluations' | 'simulated-seconds' | 'mean-evaluations';

/**
 * What a task is judged by: the best objective value found, the regret to the benchmark's known
 * optimum, or the hypervolume of the full-fidelity results against the protocol's reference point.
 */
export type ProtocolMetric = 'best' | 'regret' | 'hypervolume';

/** A number reported for the configuration a run ends with, e.g. its 200-epoch test accuracy. */
export interface IncumbentMetric {
  /** Column label, e.g. "test accuracy @200 epochs (%)". */
  readonly label: string;
  /** The metric of the benchmark's evaluation to report. */
  readonly metric: string;
  /** The fidelity to evaluate the incumbent at. */
  readonly fidelity: Readonly<Record<string, number>>;
  /**
   * Benchmark option keys to drop for this evaluation: the task may fix the training length
   * (`epochs`), while the report needs the same configuration at another length.
   */
  readonly withoutOptions?: readonly string[];
  /**
   * Benchmark options to set for this evaluation (after `withoutOptions`): a cell searched on one
   * dataset reported on another (`{ "instance": "cifar100" }`), as the NAS-Bench-201 paper did.
   */
  readonly options?: Readonly<Record<string, JsonValue>>;
}

/**
 * A named option set of an optimizer that a protocol's source used, e.g. `re@nb201-paper`
 * (population 10, tournament 3): `compare --optimizers re@nb201-paper` runs it without
 * `--optimizer-options`.
 */
export interface OptimizerPreset {
  /** `id@variant`, unique over the shipped protocols. */
  readonly label: string;
  readonly options: Readonly<Record<string, JsonValue>>;
  /** Where the values come from (script, file, line). */
  readonly source: string;
}

/** A published value of one incumbent metric for one optimizer: mean and standard deviation over runs. */
export interface ReferenceValue {
  readonly mean: number;
  readonly std: number;
}

/**
 * Published results the protocol reproduces, shown beside jahskit's: per optimizer label (a plain id
 * or a preset), per incumbent metric label, the source's mean and standard deviation over `runs`.
 */
interface ProtocolReference {
  /** Citation, e.g. "Dong & Yang, ICLR 2020, Table 5 (transcribed, not re-derived)". */
  readonly source: string;
  /** Runs behind each mean and standard deviation. */
  readonly runs: number;
  readonly values: Readonly<Record<string, Readonly<Record<string, ReferenceValue>>>>;
}

/**
 * A benchmark protocol, as data: which benchmark and options, the budget, how many seeds, what is
 * measured and on which axis. `jahskit compare --benchmarks <protocol names>` runs them.
 */
export interface Protocol {
  readonly name: string;
  readonly title: string;
  /** Where the protocol comes from and why its numbers are what they are. */
  readonly description: string;
  readonly benchmark: string;
  readonly benchmarkOptions: Readonly<Record<string, JsonValue>>;
  /**
   * Benchmark options that take the run's seed as their value, e.g. `fixedSeed` for the NAS-only
   * JAHS task whose hyperparameters are fixed to a random setting per seed.
   */
  readonly seedOptions?: readonly string[];
  /** Stop after this many trials and/or this much simulated time (whichever comes first). */
  readonly budget: {
    readonly evaluations?: number;
    readonly simulatedSeconds?: number;
    /** Simulated time in units of `meanEvaluationSeconds`. */
    readonly meanEvaluations?: number;
  };
  /**
   * Mean simulated runtime of one evaluation of a random configuration at full fidelity (500 draws,
   * seed 1); a test recomputes it.
   */
  readonly meanEvaluationSeconds?: number;
  /**
   * Derived objectives that replace the benchmark's ("err = valid_error", "maximize acc = 100 -
   * valid_error"; see ExpressionCompiler.objective): the benchmark's own objectives stay readable as
   * metrics. Absent: the benchmark's objectives.
   */
  readonly objectives?: readonly string[];
  /**
   * Constraints every run is subject to ("latency_s <= 0.02"; see ExpressionCompiler.constraint), over
   * the objectives (derived ones included) and metrics. Trajectories, ranks and leaderboards then count
   * only trials that satisfy them all.
   */
  readonly constraints?: readonly string[];
  /** Simulated workers of every run. */
  readonly workers: number;
  /** How simulated workers ask (see `simulate`); default 'async'. */
  readonly mode?: 'async' | 'sync';
  /** Whether a continued trial pays only the extra epochs (see `simulate`); default 'continue'. */
  readonly fidelityMode?: 'continue' | 'retrain';
  /** Seeds when `--seeds` is not given; fewer give a warning. */
  readonly seeds: number;
  readonly metric: ProtocolMetric;
  /** How reports name the metric, when the default ("regret of valid_error") says less. */
  readonly metricLabel?: string;
  readonly axis: TrajectoryAxis;
  /** Plot the metric on a log scale. */
  readonly logScale?: boolean;
  /** Fixed hypervolume reference point (objectives' own units and directions), for `hypervolume`. */
  readonly referencePoint?: readonly number[];
  readonly incumbentMetrics?: readonly IncumbentMetric[];
  /** Option sets of the optimizers the protocol's source ran (see {@link OptimizerPreset}). */
  readonly presets?: readonly OptimizerPreset[];
  /** The source's published results, which reports print beside jahskit's. */
  readonly reference?: ProtocolReference;
  /** Whether the protocol's data ships with jahskit (false: a separate download). */
  readonly embedded: boolean;
}
