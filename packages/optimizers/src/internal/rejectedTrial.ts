import { totalViolation, type Configuration, type Observation } from '@jahskit/core';

/**
 * A failed trial known to break a constraint: a study's cheap-constraint check rejects a trial as
 * failed, with its constraint values, before training it. It has no objective value, but the
 * constraint models learn from it where the infeasible region lies.
 */
export interface RejectedTrial {
  readonly id: number;
  readonly config: Configuration;
  readonly constraints: readonly number[];
}

/** `observation` as a {@link RejectedTrial} when it breaks a constraint, else undefined; the caller has seen that it failed. */
export function rejectedTrial(observation: Observation): RejectedTrial | undefined {
  if (totalViolation(observation.constraints) <= 0) return undefined;
  return { id: observation.trial.id, config: observation.trial.config, constraints: [...observation.constraints] };
}
