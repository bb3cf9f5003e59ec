import { checkPair } from './checkPair';

/**
 * The mean, over the points z of `referenceFront`, of the Euclidean distance from z to the
 * nearest point a of `front`: IGD. With `worseOnly`, only the objectives where a is worse than z
 * count, sqrt(sum_j max(a_j - z_j, 0)^2): IGD+. O(n m d). Both sets must be non-empty.
 */
export function meanNearestDistance(front: Float64Array, referenceFront: Float64Array, d: number, worseOnly: boolean): number {
  const { n, m } = checkPair(front, referenceFront, d);
  let sum = 0;
  for (let r = 0; r < m; r++) {
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = front[i * d + j]! - referenceFront[r * d + j]!;
        if (diff > 0 || !worseOnly) s += diff * diff;
      }
      if (s < best) best = s;
    }
    sum += Math.sqrt(best);
  }
  return sum / m;
}
