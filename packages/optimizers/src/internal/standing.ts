import { totalViolation, type Observation } from '@jahskit/core';

/**
 * Where a single-objective observation stands, for every ranking an optimizer makes (incumbents,
 * tournaments, rung promotions, good/bad splits). Deb's feasibility rules, as Optuna's samplers apply
 * them: a finished trial that satisfies every constraint beats one that does not, whatever the values;
 * infeasible ones are ordered by how much they break; failed trials come last. Without constraints
 * this is the plain order of the (minimised) value.
 */
export interface Standing {
  /** 0: ok and feasible; 1: ok and infeasible; 2: failed or diverged. */
  readonly tier: 0 | 1 | 2;
  /** Within a tier, lower is better: the value in tier 0, the total violation otherwise. */
  readonly key: number;
}

/** What a standing reads of an observation: optimizers that keep results as their own records pass just these. */
export type Ranked = Pick<Observation, 'status' | 'values' | 'constraints'> & Partial<Observation>;

export function standingOf(observation: Ranked, objective = 0): Standing {
  const violation = totalViolation(observation.constraints);
  if (observation.status !== 'ok') return { tier: 2, key: violation };
  if (violation > 0) return { tier: 1, key: violation };
  return { tier: 0, key: observation.values[objective] as number };
}

/**
 * Where a result kept as a value and a total violation stands: `value` is Infinity when the trial
 * failed (it then comes last, by violation), null while it runs (read only once finished).
 */
export function standingOfValue(result: { readonly value: number | null; readonly violation: number }): Standing {
  return result.value === Number.POSITIVE_INFINITY
    ? { tier: 2, key: result.violation }
    : standingOf({ status: 'ok', values: [result.value as number], constraints: [result.violation] });
}

/** Negative when `a` stands better than `b` (a comparator for `sort`). */
export function compareStanding(a: Standing, b: Standing): number {
  return a.tier - b.tier || a.key - b.key;
}

/** Ok and satisfying every constraint. */
export function isFeasible(observation: Ranked): boolean {
  return observation.status === 'ok' && totalViolation(observation.constraints) === 0;
}
