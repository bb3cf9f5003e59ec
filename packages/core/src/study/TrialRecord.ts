import type { Trial } from '../optimizer/Trial';
import type { TrialOutcome } from './TrialOutcome';

/** One finished trial in a study's history: the deterministic record that results files hold. */
export interface TrialRecord extends TrialOutcome {
  readonly trial: Trial;
  /** Simulated start and end time and worker, when the trial ran in a simulation. */
  readonly start?: number;
  readonly end?: number;
  readonly worker?: number;
}
