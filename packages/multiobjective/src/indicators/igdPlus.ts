import { meanNearestDistance } from './meanNearestDistance';

/**
 * IGD+ (Ishibuchi et al. 2015), minimisation: like IGD but the distance from reference point z
 * to front point a only counts the objectives where a is worse, sqrt(sum_j max(a_j - z_j, 0)^2).
 * Weakly Pareto compliant. O(n m d). Both sets must be non-empty.
 */
export function igdPlus(front: Float64Array, referenceFront: Float64Array, d: number): number {
  return meanNearestDistance(front, referenceFront, d, true);
}
