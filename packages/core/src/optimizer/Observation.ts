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
}
