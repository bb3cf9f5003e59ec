import { checkPair } from './checkPair';

/**
 * Inverted generational distance: the mean, over the points z of the known Pareto front
 * `referenceFront`, of the Euclidean distance from z to the nearest point of `front`. Lower is
 * better; 0 iff every reference point is in the front. O(n m d). Both sets must be non-empty.
 */
export function igd(front: Float64Array, referenceFront: Float64Array, d: number): number {
  const { n, m } = checkPair(front, referenceFront, d);
  let sum = 0;
  for (let r = 0; r < m; r++) {
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = front[i * d + j]! - referenceFront[r * d + j]!;
        s += diff * diff;
      }
      if (s < best) best = s;
    }
    sum += Math.sqrt(best);
  }
  return sum / m;
}
