import type { Configuration, Direction, JsonValue, ParameterSpec } from '@jahskit/core';
import type { OptunaTrialState } from './optunaJournalCodes';

/** One study of an Optuna journal, in plain data a jahskit study can be built from. */
export interface OptunaStudyData {
  readonly name: string;
  /** One per objective. */
  readonly directions: readonly Direction[];
  /**
   * The objective names `Study.set_metric_names` recorded; when it was not called, the names of
   * Optuna's `trials_dataframe` columns: `value`, or `values_0`, `values_1`, ...
   */
  readonly metricNames: readonly string[];
  readonly userAttrs: Readonly<Record<string, JsonValue>>;
  /** Every parameter some trial holds, in the order they first appear, from their distributions. */
  readonly parameters: readonly ParameterSpec[];
  /** In trial-number order. */
  readonly trials: readonly OptunaTrialData[];
}

export interface OptunaTrialData {
  /** Optuna's trial number: 0, 1, 2, ... within the study. */
  readonly number: number;
  readonly state: OptunaTrialState;
  /** Values as Optuna hands them to the user (choices, not indices); parameters a trial did not suggest are absent. */
  readonly params: Configuration;
  /** One per objective, or null (running, failed and most pruned trials). May hold infinities. */
  readonly values: readonly number[] | null;
  /** Reported values by step (`trial.report`); may hold NaN. */
  readonly intermediateValues: Readonly<Record<string, number>>;
  readonly userAttrs: Readonly<Record<string, JsonValue>>;
  /** ISO timestamps as Optuna wrote them (naive local time), or null. */
  readonly datetimeStart: string | null;
  readonly datetimeComplete: string | null;
}
