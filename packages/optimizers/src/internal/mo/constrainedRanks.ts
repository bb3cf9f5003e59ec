import { nonDominatedSort } from '@jahskit/multiobjective';
import { packRows } from './packRows';

/**
 * Front rank of every row (n x d, minimised) under constrained domination (Deb, Pratap, Agarwal &
 * Meyarivan 2002, as pymoo and Optuna's NSGA-II apply it): a feasible row dominates an infeasible
 * one, of two infeasible rows the one with the smaller total violation dominates, of two feasible
 * rows Pareto dominance decides. So the feasible rows keep their Pareto ranks 0, 1, ..., and the
 * infeasible ones follow, one front per distinct violation, smallest first. `violations[i]` is
 * row i's total violation (0 when feasible); without it this is `nonDominatedSort`.
 */
export function constrainedRanks(points: Float64Array, d: number, violations?: ArrayLike<number>): Int32Array {
  if (violations === undefined) return nonDominatedSort(points, d);
  const n = points.length / d;
  const feasible: number[] = [];
  const infeasible: number[] = [];
  for (let i = 0; i < n; i++) ((violations[i] as number) > 0 ? infeasible : feasible).push(i);
  const rank = new Int32Array(n);
  let next = 0;
  if (feasible.length > 0) {
    const pareto = nonDominatedSort(packRows(points, d, feasible), d);
    feasible.forEach((row, i) => {
      rank[row] = pareto[i] as number;
      next = Math.max(next, (pareto[i] as number) + 1);
    });
  }
  infeasible.sort((a, b) => (violations[a] as number) - (violations[b] as number) || a - b);
  infeasible.forEach((row, i) => {
    if (i > 0 && (violations[row] as number) > (violations[infeasible[i - 1] as number] as number)) next++;
    rank[row] = next;
  });
  return rank;
}
