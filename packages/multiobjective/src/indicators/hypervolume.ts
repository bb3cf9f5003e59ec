import { distinctRows } from '../internal/distinctRows';
import { pruneDominated } from '../internal/pruneDominated';
import { checkPoints, checkReference } from '../internal/validate';
import { hypervolume2dKernel } from './hypervolume2dKernel';
import { hypervolumeNdKernel } from './hypervolumeNdKernel';

/**
 * Exact hypervolume (Lebesgue measure of the region dominated by the points and bounded by
 * `reference`, minimisation) of an n x d row-major point set.
 *
 * Points that do not strictly dominate the reference contribute nothing, so an empty set or a
 * set that never dominates the reference gives 0; dominated points and duplicates do not
 * change the value. Complexity: d = 1, 2, 3 O(n log n); d = 4 about O(n^2); d >= 5 a
 * dimension sweep with WFG-style bounding, exponential in d in the worst case (use
 * hypervolumeMonteCarlo for many objectives). Throws MultiObjectiveError for non-finite values
 * or a reference of the wrong length.
 */
export function hypervolume(points: Float64Array, d: number, reference: ArrayLike<number>): number {
  const n = checkPoints(points, d);
  const ref = checkReference(reference, d);
  if (d >= 3) {
    // Dominated rows cannot change the volume; dropping most of them while copying the rows
    // inside the reference (on random points most rows are dominated) is cheaper than carrying
    // them through the sorts and sweeps.
    // Copies cannot change the volume either; with many of them, one row per point is cheaper.
    const distinct = distinctRows(points, n, d);
    const kept = distinct === undefined ? pruneDominated(points, n, d, ref) : pruneDominated(distinct.data, distinct.n, d, ref);
    return kept.n === 0 ? 0 : hypervolumeNdKernel(kept.data, kept.n, d, ref);
  }
  // d = 2 skips the rows outside the reference itself, without a copy of the rest.
  if (d === 2) return hypervolume2dKernel(points, n, ref[0]!, ref[1]!);
  let best = ref[0]!;
  for (let i = 0; i < n; i++) if (points[i]! < best) best = points[i]!;
  return ref[0]! - best;
}
