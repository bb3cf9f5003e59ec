import { hsspGreedyDecremental } from '@jahskit/multiobjective';
import { referencePoint } from './referencePoint';

/**
 * The `k` rows (n x d, minimised) to keep by non-dominated sorting plus greedy hypervolume subset
 * selection: whole fronts from the best down, the front that does not fit thinned by dropping its
 * least hypervolume contributor repeatedly. Reference: observed worst + 10% of the range.
 * Returns row indices ascending; all rows when k >= n.
 */
export function paretoKeep(points: Float64Array, d: number, k: number): number[] {
  const n = points.length / d;
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  if (k <= 0) return [];
  return Array.from(hsspGreedyDecremental(points, d, referencePoint(points, d), k));
}
