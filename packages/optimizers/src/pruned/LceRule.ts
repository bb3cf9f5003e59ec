import type { SearchSpace } from '@jahskit/core';
import { OptimizerError } from '../errors/OptimizerError';
import type { FidelityLadder } from '../internal/multifidelity/FidelityLadder';
import { checkpointBudgets } from './checkpointBudgets';
import { fitCurveEnsemble, probabilityBelow } from './fitCurveEnsemble';
import type { Curve, PruningRule } from './PruningRule';

export interface LceRuleOptions {
  /** Stop when the probability of beating the incumbent at the last checkpoint is below this. */
  readonly threshold: number;
  /** No stop before a trial has reported this many checkpoints (at least 3: the fit needs them). */
  readonly minPoints: number;
  /** No pruning until this many trials have completed. */
  readonly startupTrials: number;
}

/**
 * Learning-curve extrapolation (Domhan, Springenberg & Hutter, IJCAI 2015): the values a trial has
 * reported at its checkpoints are fitted by an ensemble of parametric curves ({@link fitCurveEnsemble}),
 * which predicts a distribution of its value at the last checkpoint; the trial stops when the
 * probability that this value beats the incumbent (the best value of the completed trials) is below
 * `threshold`. Values are minimised.
 *
 * Constraints (Deb's rules, a trial's standing at a rung being its standing at that rung's fidelity):
 * the incumbent is the best completed trial that satisfies them at the last checkpoint; a trial that
 * breaks them at its latest checkpoint, where the incumbent satisfied them, stands below it there and
 * stops; only the checkpoints where a trial satisfied them count as "already as good".
 */
export class LceRule implements PruningRule {
  constructor(
    /** The checkpoints' budgets, in units of the (first) fidelity; the last is where a trial completes. */
    private readonly budgets: readonly number[],
    private readonly options: LceRuleOptions,
  ) {}

  /**
   * The rule over a ladder's checkpoints (along `fidelity`, as the ladder resolved it). A ladder with
   * fewer than minPoints checkpoints below its last could never stop anything: an invalid-option naming
   * `minPoints`, rather than a wrapper that silently runs the base optimizer.
   */
  static forLadder(ladder: FidelityLadder, fidelitySpace: SearchSpace, fidelity: string | readonly string[] | null, options: LceRuleOptions): LceRule {
    const below = ladder.budgets.length - 1;
    if (below < options.minPoints) {
      throw new OptimizerError(
        'invalid-option',
        `minPoints ${options.minPoints}: the fidelity ladder has ${below} checkpoint${below === 1 ? '' : 's'} below the last, too few to fit a learning curve; lower eta, or choose a fidelity with more values (fidelity)`,
        { parameter: 'minPoints', allowed: `at most ${below} (checkpoints below the last)` },
      );
    }
    return new LceRule(checkpointBudgets(ladder, fidelitySpace, fidelity), options);
  }

  stops(rung: number, _budget: number, own: Curve, curves: Iterable<Curve>): boolean {
    const reported = rung + 1;
    if (reported < Math.max(3, this.options.minPoints)) return false;
    const top = this.budgets.length - 1;
    let incumbent = Infinity;
    let incumbentCurve: Curve | undefined;
    let completed = 0;
    for (const curve of curves) {
      if (curve.status !== 'complete') continue;
      completed++;
      const value = curve.values[top] ?? Infinity;
      if (value < incumbent && !((curve.violations?.[top] ?? 0) > 0)) {
        incumbent = value;
        incumbentCurve = curve;
      }
    }
    if (completed < this.options.startupTrials || !Number.isFinite(incumbent)) return false;
    const breaks = (curve: Curve, k: number): boolean => (curve.violations?.[k] ?? 0) > 0;
    if (breaks(own, rung) && !breaks(incumbentCurve as Curve, rung)) return true;
    const ys = own.values.slice(0, reported);
    // Already as good as the incumbent: a falling curve cannot end worse than the fit says, so go on.
    if (ys.some((y, k) => y <= incumbent && !breaks(own, k))) return false;
    const forecasts = fitCurveEnsemble(this.budgets.slice(0, reported), ys, this.budgets[top] as number);
    return probabilityBelow(forecasts, incumbent) < this.options.threshold;
  }
}
