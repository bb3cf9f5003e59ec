import { objectiveBounds } from './objectiveBounds';

/**
 * A reference point for hypervolume computations inside an optimizer, which never sees the
 * benchmark's: the componentwise worst of `points` (n x d) plus `margin` times the observed range
 * (plus a tiny absolute term so a constant objective still has a positive width). With the
 * default margin of 0.1 the extreme points of a front keep a positive contribution, which is what
 * keeps the ends of the front alive in SMS-EMOA and MOTPE.
 */
export function referencePoint(points: Float64Array, d: number, margin = 0.1): Float64Array {
  const n = points.length / d;
  const { lo, hi } = objectiveBounds(points, d);
  const ref = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const range = n === 0 ? 1 : (hi[j] as number) - (lo[j] as number);
    const base = n === 0 ? 0 : (hi[j] as number);
    ref[j] = base + margin * range + 1e-9 * (1 + Math.abs(base));
  }
  return ref;
}
