import { crowdingDistance, frontsFromRanks, nonDominatedSort } from '@jahskit/multiobjective';

/** Pareto rank (0 = non-dominated) and NSGA-II crowding distance (within its front) of every row. */
export function rankAndCrowding(points: Float64Array, d: number): { rank: Int32Array; crowding: Float64Array } {
  const n = points.length / d;
  const crowding = new Float64Array(n);
  if (n === 0) return { rank: new Int32Array(0), crowding };
  const rank = nonDominatedSort(points, d);
  for (const front of frontsFromRanks(rank)) {
    const sub = new Float64Array(front.length * d);
    front.forEach((row, i) => sub.set(points.subarray(row * d, (row + 1) * d), i * d));
    const distance = crowdingDistance(sub, d);
    front.forEach((row, i) => {
      crowding[row] = distance[i] as number;
    });
  }
  return { rank, crowding };
}

/**
 * NSGA-II environmental selection: whole fronts while they fit, then the most spread-out points
 * (largest crowding distance, ties by lower row) of the front that does not fit. Returns `k` rows,
 * in order of preference.
 */
export function selectByRankAndCrowding(points: Float64Array, d: number, k: number): number[] {
  const n = points.length / d;
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  const { rank, crowding } = rankAndCrowding(points, d);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (rank[a] as number) - (rank[b] as number) || (crowding[b] as number) - (crowding[a] as number) || a - b);
  return order.slice(0, k);
}

/** Binary tournament on (rank, crowding): lower rank wins, then larger crowding, then `a`. */
export function crowdedTournament(rank: ArrayLike<number>, crowding: ArrayLike<number>, a: number, b: number): number {
  if ((rank[a] as number) !== (rank[b] as number)) return (rank[a] as number) < (rank[b] as number) ? a : b;
  return (crowding[b] as number) > (crowding[a] as number) ? b : a;
}
