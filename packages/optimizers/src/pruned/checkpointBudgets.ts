import type { SearchSpace } from '@jahskit/core';
import type { FidelityLadder } from '../internal/multifidelity/FidelityLadder';

/**
 * The budget each checkpoint actually trains for: the value of the (first) selected fidelity at each
 * rung, after the ladder rounded it to a legal value (epoch 2 where the geometric budget was 1.56).
 * A curve fitted along the budgets must use these, not the unrounded ones.
 */
export function checkpointBudgets(ladder: FidelityLadder, fidelitySpace: SearchSpace, fidelity: string | readonly string[] | null): number[] {
  const first =
    typeof fidelity === 'string' && fidelity !== 'diagonal'
      ? fidelity
      : Array.isArray(fidelity)
        ? (fidelity[0] as string)
        : (fidelitySpace.parameters.find((p) => p.type === 'integer' || p.type === 'float' || p.type === 'ordinal')?.name as string);
  return ladder.fidelities.map((f, i) => {
    const value = Number(f[first]);
    return Number.isFinite(value) && value > 0 ? value : (ladder.budgets[i] as number);
  });
}
