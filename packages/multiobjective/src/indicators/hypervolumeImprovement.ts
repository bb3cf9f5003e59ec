import { checkPoints, checkReference, checkVector, rowsInsideReference } from '../internal/validate';
import { exclusiveVolume } from './exclusiveVolume';

/**
 * Hypervolume improvement HV(front ∪ {point}) - HV(front) (minimisation), computed as the
 * point's box minus the hypervolume of the front clipped to that box. 0 when the point does not
 * strictly dominate the reference or is weakly dominated by the front. O(n log n) for d <= 3,
 * O(n h + HV(h points, d)) otherwise (h: non-dominated clipped points). An empty front gives the
 * point's box volume.
 */
export function hypervolumeImprovement(front: Float64Array, d: number, point: ArrayLike<number>, reference: ArrayLike<number>): number {
  const n = checkPoints(front, d, 'front');
  const ref = checkReference(reference, d);
  const p = checkVector(point, d, 'point');
  for (let j = 0; j < d; j++) if (!(p[j]! < ref[j]!)) return 0;
  const inside = rowsInsideReference(front, n, d, ref);
  return exclusiveVolume(p, 0, inside.data, inside.n, d, ref);
}
