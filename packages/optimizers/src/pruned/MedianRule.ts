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
 * were stopped for being bad, so counting them would move the bar to where stopping stops.
 */
export class MedianRule implements PruningRule {
  constructor(private readonly options: MedianRuleOptions) {}

  stops(rung: number, budget: number, own: Curve, curves: Iterable<Curve>): boolean {
    if (budget < this.options.warmupBudget) return false;
    const others: number[] = [];
    let completed = 0;
    for (const curve of curves) {
      if (curve.status !== 'complete') continue;
      completed++;
      const value = curve.values[rung];
      if (value !== undefined) others.push(value);
    }
    if (completed < this.options.startupTrials || others.length === 0 || others.length < this.options.minTrials) return false;
    let best = Infinity;
    for (let k = 0; k <= rung; k++) best = Math.min(best, own.values[k] ?? Infinity);
    return best > median(others);
  }
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}
