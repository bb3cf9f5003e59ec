import { argsortByKey } from '../internal/argsortLex';
import { checkPoints } from '../internal/validate';

/**
 * NSGA-II crowding distance of each row of one front (n x d): for every objective, the gap
 * between a point's two neighbours divided by the objective's range, summed over objectives.
 *
 * Edge cases (deterministic): fronts of one or two points are all Infinity; in each objective
 * with a non-zero range the first and last point of the sort (ties broken by row index) are
 * Infinity; objectives with zero range carry no spread information and are skipped, so a front
 * of identical points gets 0 everywhere (size >= 3). O(d n log n).
 */
export function crowdingDistance(points: Float64Array, d: number): Float64Array {
  const n = checkPoints(points, d);
  const dist = new Float64Array(n);
  if (n <= 2) {
    dist.fill(Infinity);
    return dist;
  }
  const col = new Float64Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) col[i] = points[i * d + j]!;
    const order = argsortByKey(col, n);
    const lo = col[order[0]!]!;
    const hi = col[order[n - 1]!]!;
    const range = hi - lo;
    if (!(range > 0)) continue;
    dist[order[0]!] = Infinity;
    dist[order[n - 1]!] = Infinity;
    for (let t = 1; t < n - 1; t++) {
      const i = order[t]!;
      dist[i] = dist[i]! + (col[order[t + 1]!]! - col[order[t - 1]!]!) / range;
    }
  }
  return dist;
}
