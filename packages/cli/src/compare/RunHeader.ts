import type { Configuration, JsonValue, Objective } from '@jahskit/core';
import type { Setting } from '../analysis/GridAnalysis';
import type { ProtocolMetric, ReferenceValue, TrajectoryAxis } from './Protocol';

/**
 * The first line of a run file: everything needed to analyse the run without the protocol table,
 * so results stay readable when protocols change.
 */
export interface RunHeader {
  readonly task: string;
  readonly title: string;
  /** The benchmark's own id, e.g. "nb201/cifar10". */
  readonly benchmark: string;
  readonly benchmarkOptions: Readonly<Record<string, JsonValue>>;
  readonly optimizer: string;
  readonly optimizerOptions: Readonly<Record<string, JsonValue>>;
  readonly seed: number;
  readonly budget: { readonly evaluations?: number; readonly simulatedSeconds?: number };
  readonly workers: number;
  readonly mode?: 'async' | 'sync';
  readonly fidelityMode?: 'continue' | 'retrain';
  readonly objectives: readonly Objective[];
  /** The derived objectives' expressions when the task replaced the benchmark's objectives by them. */
  readonly objectiveExpressions?: readonly string[];
  /**
   * The constraints of the run, as written; each result line then carries their values (`constraints`,
   * at most 0 when satisfied) and only trials that satisfy all count for the metric.
   */
  readonly constraints?: readonly string[];
  /** Only results at this fidelity count for the incumbent (the benchmark's highest fidelity). */
  readonly fullFidelity: Configuration;
  readonly metric: ProtocolMetric;
  readonly metricLabel?: string;
  readonly axis: TrajectoryAxis;
  readonly logScale?: boolean;
  readonly meanEvaluationSeconds?: number;
  readonly referencePoint?: readonly number[];
  /** The known optimum of the single objective, for regret. */
  readonly optimum?: number;
  /** True front of the first two objectives, for the report's Pareto plot. */
  readonly trueFront?: readonly (readonly number[])[];
  /** The protocol source's published values for this optimizer, by incumbent metric label. */
  readonly reference?: { readonly source: string; readonly runs: number; readonly values: Readonly<Record<string, ReferenceValue>> };
}

/** The last line of a finished run file; a file without it is an interrupted run. */
export interface RunEnd {
  readonly stopReason: string;
  readonly simulatedSeconds: number;
  readonly trials: number;
  readonly setting: Setting;
  /**
   * The best full-fidelity configuration of a single-objective run (among the trials that satisfy the
   * constraints, if any) and what the protocol reports of it.
   */
  readonly incumbent?: {
    readonly trial: number;
    readonly config: Configuration;
    readonly value: number;
    readonly extras: Readonly<Record<string, number>>;
  };
}
