import type { Configuration } from '../space/Configuration';
import type { SearchSpace } from '../space/SearchSpace';
import type { Objective } from './Objective';

/** One query: a configuration at a fidelity, with the seed that picks the benchmark's noise. */
export interface EvaluationRequest {
  readonly config: Configuration;
  readonly fidelity: Configuration;
  readonly seed: number;
}

export type EvaluationStatus = 'ok' | 'failed' | 'diverged';

/** The answer to one query. */
export interface Evaluation {
  /** Every objective and every extra metric, by name. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Simulated seconds the evaluation would have taken from scratch at this fidelity. */
  readonly cost: number;
  /** 'ok' unless the benchmark itself records a failure or divergence. */
  readonly status?: EvaluationStatus;
  /**
   * The underlying model's or table's raw outputs under their own names, before clipping or unit
   * conversion; optional. `jahskit eval` prints them so results can be checked against the originals.
   */
  readonly raw?: Readonly<Record<string, number>>;
}

/** A known Pareto front of the benchmark, with the reference point the project reports against. */
export interface ParetoFront {
  readonly objectives: readonly string[];
  /** Points in the objectives' own directions and units. */
  readonly points: readonly (readonly number[])[];
  /** The fixed, documented reference point for hypervolume on this task. */
  readonly referencePoint?: readonly number[];
}

/** What is known about a benchmark's optimum, so regret and hypervolume ratios can be reported. */
export interface KnownOptimum {
  /** Best value of each objective on its own, by objective name. */
  readonly values: Readonly<Record<string, number>>;
  readonly config?: Configuration;
  readonly paretoFronts?: readonly ParetoFront[];
}

/**
 * The benchmark contract: evaluates configurations (batched) and reports metrics and cost.
 * Callers validate configurations against `space` and `fidelitySpace` first (the Study does), so an
 * implementation may assume legal input; `evaluate` must still reject illegal input with a typed
 * error rather than crash, because apps call it directly.
 */
export interface Benchmark {
  readonly id: string;
  readonly space: SearchSpace;
  /**
   * The fidelities (epochs, resolution, ...); empty when there are none. Its default configuration
   * is the highest fidelity, i.e. full training: single-fidelity optimizers evaluate there.
   */
  readonly fidelitySpace: SearchSpace;
  /** The task's objectives, in order. All other reported values are listed in `metrics`. */
  readonly objectives: readonly Objective[];
  /** Names of the extra metrics reported beside the objectives (never optimised). */
  readonly metrics: readonly string[];
  /**
   * Whether training can continue from a lower fidelity of the same configuration, so that the
   * increment costs only the difference (epochs). When false, every evaluation retrains from scratch.
   */
  readonly supportsContinuation: boolean;
  readonly optimum?: KnownOptimum;

  /** One evaluation per request, in order. Deterministic for equal requests. */
  evaluate(requests: readonly EvaluationRequest[]): Promise<readonly Evaluation[]>;

  /**
   * Accepts other notations of a configuration (e.g. NB201's official architecture string) and returns
   * the configuration; optional. Input it does not recognise is returned unchanged for validation.
   */
  parseConfig?(input: unknown): unknown;

  /**
   * Metrics known without training (parameters, FLOPs), for objectives marked `cheap`; optional.
   * Must agree with what `evaluate` reports for the same configuration.
   */
  cheapMetrics?(config: Configuration): Readonly<Record<string, number>>;

  /** Releases native resources (inference sessions); optional. */
  close?(): Promise<void>;
}
