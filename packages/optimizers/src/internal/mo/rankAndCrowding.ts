import { crowdingDistance, frontsFromRanks } from '@jahskit/multiobjective';
import { constrainedRanks } from './constrainedRanks';
import { packRows } from './packRows';

/**
 * Front rank (0 = non-dominated) and NSGA-II crowding distance (within its front) of every row.
 * With `violations` (total violation per row, 0 when feasible) the ranks are those of constrained
 * domination ({@link constrainedRanks}); an infeasible row's crowding is 0, since Deb's rule orders
 * infeasible rows by violation alone (as pymoo does).
 */
export function rankAndCrowding(points: Float64Array, d: number, violations?: ArrayLike<number>): { rank: Int32Array; crowding: Float64Array } {
  const n = points.length / d;
  const crowding = new Float64Array(n);
  if (n === 0) return { rank: new Int32Array(0), crowding };
  const rank = constrainedRanks(points, d, violations);
  for (const front of frontsFromRanks(rank)) {
    if (violations !== undefined && (violations[front[0] as number] as number) > 0) continue;
    const distance = crowdingDistance(packRows(points, d, front), d);
    front.forEach((row, i) => {
      crowding[row] = distance[i] as number;
    });
  }
  return { rank, crowding };
}

/**
 * NSGA-II environmental selection: whole fronts while they fit, then the most spread-out points
 * (largest crowding distance, ties by lower row) of the front that does not fit. Returns `k` rows,
 * in order of preference. With `violations`, fronts are those of constrained domination: feasible
 * rows first, then infeasible ones by increasing violation.
 */
export function selectByRankAndCrowding(points: Float64Array, d: number, k: number, violations?: ArrayLike<number>): number[] {
  const n = points.length / d;
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  const { rank, crowding } = rankAndCrowding(points, d, violations);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (rank[a] as number) - (rank[b] as number) || (crowding[b] as number) - (crowding[a] as number) || a - b);
  return order.slice(0, k);
}

/** Binary tournament on (rank, crowding): lower rank wins, then larger crowding, then `a`. */
export function crowdedTournament(rank: ArrayLike<number>, crowding: ArrayLike<number>, a: number, b: number): number {
  if ((rank[a] as number) !== (rank[b] as number)) return (rank[a] as number) < (rank[b] as number) ? a : b;
  return (crowding[b] as number) > (crowding[a] as number) ? b : a;
}
