import { checkPair } from './checkPair';

/**
 * Additive epsilon indicator I_eps+(front, referenceFront), minimisation: the smallest eps such
 * that every reference point z is weakly dominated by some front point shifted by -eps,
 * max_z min_a max_j (a_j - z_j). <= 0 iff the front weakly dominates the reference front.
 * O(n m d). Both sets must be non-empty.
 */
export function additiveEpsilon(front: Float64Array, referenceFront: Float64Array, d: number): number {
  const { n, m } = checkPair(front, referenceFront, d);
  let worst = -Infinity;
  for (let r = 0; r < m; r++) {
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      let e = -Infinity;
      for (let j = 0; j < d; j++) {
        const diff = front[i * d + j]! - referenceFront[r * d + j]!;
        if (diff > e) e = diff;
      }
      if (e < best) best = e;
    }
    if (best > worst) worst = best;
  }
  return worst;
}
