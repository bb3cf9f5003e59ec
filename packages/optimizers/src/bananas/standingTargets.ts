import { totalViolation } from '@jahskit/core';
import { violationOf, type Evaluated } from '../internal/acquisition/ObservationHistory';
import type { RejectedTrial } from '../internal/rejectedTrial';

/**
 * What BANANAS' ensemble learns with constraints: the standing order (`standingOf`, Deb's rules) as
 * numbers. Feasible results keep their values; with W and B the worst and best values of the results
 * and R = W - B (1 if all are equal), a result that breaks a constraint becomes W + R (1/2 + v / 4v*),
 * and a failed trial known to break one (a study's cheap-constraint rejection, which has no value)
 * W + R (3/4 + v / 4v*), v its total violation and v* the largest among them. So every infeasible
 * target lies above every feasible one, ordered by tier then violation, within one extra R: the
 * ensemble's standardised targets keep the spread of the feasible values.
 *
 * Why a penalised target and not a second predictor of feasibility: one ensemble costs half the
 * training, Thompson sampling on it ranks candidates in the standing order directly (a probability
 * of feasibility would need its own calibration to be multiplied in, and an ensemble of small
 * networks is not calibrated), and trials rejected before training, which have no value, still teach
 * it where the infeasible region is. Without constraints the targets are the values, unchanged.
 */
export function standingTargets(results: readonly Evaluated[], rejected: readonly RejectedTrial[]): number[] {
  let worst = -Infinity;
  let best = Infinity;
  let largest = 0;
  for (const e of results) {
    worst = Math.max(worst, e.value);
    best = Math.min(best, e.value);
    largest = Math.max(largest, violationOf(e));
  }
  for (const r of rejected) largest = Math.max(largest, totalViolation(r.constraints));
  const targets = results.map((e) => e.value);
  if (largest === 0) return targets;
  if (results.length === 0) worst = best = 0;
  const range = worst > best ? worst - best : 1;
  results.forEach((e, i) => {
    const v = violationOf(e);
    if (v > 0) targets[i] = worst + range * (0.5 + v / (4 * largest));
  });
  for (const r of rejected) targets.push(worst + range * (0.75 + totalViolation(r.constraints) / (4 * largest)));
  return targets;
}
