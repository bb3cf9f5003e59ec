import { checkPair } from './checkPair';

/**
 * IGD+ (Ishibuchi et al. 2015), minimisation: like IGD but the distance from reference point z
 * to front point a only counts the objectives where a is worse, sqrt(sum_j max(a_j - z_j, 0)^2).
 * Weakly Pareto compliant. O(n m d). Both sets must be non-empty.
 */
export function igdPlus(front: Float64Array, referenceFront: Float64Array, d: number): number {
  const { n, m } = checkPair(front, referenceFront, d);
  let sum = 0;
  for (let r = 0; r < m; r++) {
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = front[i * d + j]! - referenceFront[r * d + j]!;
        if (diff > 0) s += diff * diff;
      }
      if (s < best) best = s;
    }
    sum += Math.sqrt(best);
  }
  return sum / m;
}
