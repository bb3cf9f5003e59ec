import { compareStanding, type Standing } from '../internal/standing';
import { curveStanding } from './curveStanding';
import type { Curve, PruningRule } from './PruningRule';

export interface MedianRuleOptions {
  /** No pruning until this many trials have completed (reached the top rung). */
  readonly startupTrials: number;
  /** No pruning at rungs whose budget is below this. */
  readonly warmupBudget: number;
  /** No pruning at a rung that fewer than this many completed trials reported. */
  readonly minTrials: number;
}

/**
 * The median stopping rule (Golovin et al., Google Vizier, KDD 2017; Optuna's MedianPruner): a
 * trial stops at a rung when the best value it has reported so far is worse than the median of the
 * completed trials' values at that rung. Only completed trials count, as in Optuna: the pruned ones
 * were stopped for being bad, so counting them would move the bar to where stopping stops. With
 * constraints, values become standings at the rung (`curveStanding`): the bar is the median standing
 * and the trial's best so far is its best standing.
 */
export class MedianRule implements PruningRule {
  constructor(private readonly options: MedianRuleOptions) {}

  stops(rung: number, budget: number, own: Curve, curves: Iterable<Curve>): boolean {
    if (budget < this.options.warmupBudget) return false;
    const others: Standing[] = [];
    let completed = 0;
    for (const curve of curves) {
      if (curve.status !== 'complete') continue;
      completed++;
      const standing = curveStanding(curve, rung);
      if (standing !== undefined) others.push(standing);
    }
    if (completed < this.options.startupTrials || others.length === 0 || others.length < this.options.minTrials) return false;
    let best: Standing | undefined;
    for (let k = 0; k <= rung; k++) {
      const standing = curveStanding(own, k);
      if (standing !== undefined && (best === undefined || compareStanding(standing, best) < 0)) best = standing;
    }
    return best === undefined || compareStanding(best, median(others)) > 0;
  }
}

/** The median standing: the mean of the middle two keys when they share a tier, else the worse of them (the milder bar). */
function median(standings: Standing[]): Standing {
  standings.sort(compareStanding);
  const mid = standings.length >> 1;
  if (standings.length % 2 === 1) return standings[mid] as Standing;
  const [lower, upper] = [standings[mid - 1] as Standing, standings[mid] as Standing];
  return lower.tier === upper.tier ? { tier: lower.tier, key: (lower.key + upper.key) / 2 } : upper;
}
