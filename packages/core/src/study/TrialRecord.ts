import type { Trial } from '../optimizer/Trial';
import type { TrialStatus } from '../optimizer/TrialResult';

/** One finished trial in a study's history: the deterministic record that results files hold. */
export interface TrialRecord {
  readonly trial: Trial;
  readonly status: TrialStatus;
  /** Objective values in their own direction, by name; empty unless status is 'ok'. */
  readonly objectives: Readonly<Record<string, number>>;
  readonly metrics: Readonly<Record<string, number>>;
  /** Seconds charged for this trial (simulated time in a simulation). */
  readonly cost: number;
  /** Simulated start and end time and worker, when the trial ran in a simulation. */
  readonly start?: number;
  readonly end?: number;
  readonly worker?: number;
}
