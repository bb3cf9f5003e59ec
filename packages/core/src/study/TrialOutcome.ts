import type { TrialStatus } from '../optimizer/TrialResult';

/** How a trial ended, by objective and metric name: what a study records and a journal keeps of each result. */
export interface TrialOutcome {
  readonly status: TrialStatus;
  /** Objective values in their own direction, by name; empty unless status is 'ok'. */
  readonly objectives: Readonly<Record<string, number>>;
  readonly metrics: Readonly<Record<string, number>>;
  /** Seconds charged for this trial (simulated time in a simulation). */
  readonly cost: number;
}
