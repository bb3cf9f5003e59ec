import type { EvaluationStatus } from '../benchmark/Benchmark';

export type TrialStatus = EvaluationStatus;

/**
 * What a caller tells a study about a trial. Objectives are given in their own direction (an
 * accuracy stays an accuracy), by name or in the order of the study's objectives.
 */
export interface TrialResult {
  readonly trialId: number;
  /** Defaults to 'ok'. A failed or diverged trial carries no objectives. */
  readonly status?: TrialStatus;
  readonly objectives?: Readonly<Record<string, number>> | readonly number[];
  readonly metrics?: Readonly<Record<string, number>>;
  /** Seconds the evaluation took (simulated or real); recorded, not interpreted. */
  readonly cost?: number;
}
