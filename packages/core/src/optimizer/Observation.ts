import type { Trial } from './Trial';
import type { TrialStatus } from './TrialResult';

/**
 * A validated result as an optimizer receives it. `values` are the objectives in the study's order,
 * turned into minimisation (maximised objectives negated): optimizers never look at directions.
 */
export interface Observation {
  readonly trial: Trial;
  readonly status: TrialStatus;
  /** One finite number per objective when status is 'ok'; empty otherwise. */
  readonly values: readonly number[];
  readonly metrics: Readonly<Record<string, number>>;
  readonly cost: number;
  /**
   * One value per constraint of the study (`OptimizerContext.constraints`), at most 0 when satisfied
   * (Optuna's convention; `totalViolation` sums what is broken). A constraint on a value the trial did
   * not report counts as 0; empty when the study has no constraints or none could be computed (a
   * failed trial without metrics).
   */
  readonly constraints: readonly number[];
}
