import { compareStanding, type Standing } from '../internal/standing';
import { curveStanding } from './curveStanding';
import type { Curve, PruningRule } from './PruningRule';

/**
 * Asynchronous successive halving as a pruning rule (Li et al., MLSys 2020; Optuna's
 * SuccessiveHalvingPruner with minimum early-stopping rate 0): a trial goes on past rung k only if
 * its value there is among the best floor(n / eta) of the n trials that have reported rung k so far,
 * itself included; while n < eta, only if it is the best of them (a trial cannot wait for the rung
 * to fill, so the first ones are judged against what there is). With constraints, "best" is by
 * standing at the rung (`curveStanding`: feasible by value, then infeasible by total violation).
 */
export class HalvingRule implements PruningRule {
  constructor(private readonly eta: number) {}

  stops(rung: number, _budget: number, own: Curve, curves: Iterable<Curve>): boolean {
    const standing = curveStanding(own, rung);
    if (standing === undefined) return false;
    const competing: Standing[] = [];
    for (const curve of curves) {
      const s = curveStanding(curve, rung);
      if (s !== undefined) competing.push(s);
    }
    competing.sort(compareStanding);
    const kept = Math.max(1, Math.floor(competing.length / this.eta));
    return compareStanding(standing, competing[kept - 1] as Standing) > 0;
  }
}
