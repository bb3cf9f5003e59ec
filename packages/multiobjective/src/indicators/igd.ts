import { meanNearestDistance } from './meanNearestDistance';

/**
 * Inverted generational distance: the mean, over the points z of the known Pareto front
 * `referenceFront`, of the Euclidean distance from z to the nearest point of `front`. Lower is
 * better; 0 iff every reference point is in the front. O(n m d). Both sets must be non-empty.
 */
export function igd(front: Float64Array, referenceFront: Float64Array, d: number): number {
  return meanNearestDistance(front, referenceFront, d, false);
}
