import type { SearchSpace } from '@jahskit/core';
import { FidelityLadder } from '../internal/multifidelity/FidelityLadder';

/**
 * The fidelity a learning curve runs along when the user names none: the integer, float or ordinal
 * fidelity parameter whose ladder has the most checkpoints (the training length: epoch on JAHS-Bench-201,
 * whose first fidelity is the 3-valued N, on which no curve can be fitted). Ties go to the first;
 * null when no candidate gives a ladder (the ladder's own error then names the problem).
 */
export function curveFidelity(
  fidelitySpace: SearchSpace,
  options: { readonly eta: number; readonly minBudget: number | null; readonly maxBudget: number | null },
): string | null {
  let best: string | null = null;
  let rungs = 0;
  for (const p of fidelitySpace.parameters) {
    if (p.type !== 'integer' && p.type !== 'float' && p.type !== 'ordinal') continue;
    try {
      const ladder = FidelityLadder.resolve(fidelitySpace, {
        fidelity: p.name,
        eta: options.eta,
        minBudget: options.minBudget ?? undefined,
        maxBudget: options.maxBudget ?? undefined,
      });
      if (ladder.budgets.length > rungs) [best, rungs] = [p.name, ladder.budgets.length];
    } catch {
      // Budgets outside this parameter's range, or non-numeric ordinal values: not a candidate.
    }
  }
  return best;
}
