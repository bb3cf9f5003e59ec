import { JahskitError } from '@jahskit/core';

export type OptimizerErrorKind =
  /** An option value outside its domain, or options that contradict each other. */
  | 'invalid-option'
  /** A saved state that does not belong to this optimizer. */
  | 'invalid-state'
  /** A task the optimizer cannot work on (e.g. no fidelity parameter for successive halving). */
  | 'unsupported-task';

export class OptimizerError extends JahskitError<OptimizerErrorKind> {}
