/**
 * A reference point for hypervolume computations inside an optimizer, which never sees the
 * benchmark's: the componentwise worst of `points` (n x d) plus `margin` times the observed range
 * (plus a tiny absolute term so a constant objective still has a positive width). With the
 * default margin of 0.1 the extreme points of a front keep a positive contribution, which is what
 * keeps the ends of the front alive in SMS-EMOA and MOTPE.
 */
export function referencePoint(points: Float64Array, d: number, margin = 0.1): Float64Array {
  const n = points.length / d;
  const lo = new Float64Array(d).fill(Number.POSITIVE_INFINITY);
  const hi = new Float64Array(d).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = points[i * d + j] as number;
      if (v < (lo[j] as number)) lo[j] = v;
      if (v > (hi[j] as number)) hi[j] = v;
    }
  }
  const ref = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const range = n === 0 ? 1 : (hi[j] as number) - (lo[j] as number);
    const base = n === 0 ? 0 : (hi[j] as number);
    ref[j] = base + margin * range + 1e-9 * (1 + Math.abs(base));
  }
  return ref;
}

/**
 * As {@link referencePoint}, but from the `quantile` of each objective's observed values instead of
 * its maximum (quantile 1 is the worst): with objectives whose worst values are irrelevant (a 90%
 * error of an empty network), a lower quantile keeps the hypervolume on the region of interest.
 * The margin is `margin` x (quantile value - minimum).
 */
export function quantileReferencePoint(points: Float64Array, d: number, quantile: number, margin = 0.1): Float64Array {
  if (quantile >= 1) return referencePoint(points, d, margin);
  const n = points.length / d;
  const ref = new Float64Array(d);
  const column = new Float64Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) column[i] = points[i * d + j] as number;
    column.sort();
    const q = column[Math.min(n - 1, Math.floor(quantile * (n - 1)))] as number;
    const lo = column[0] as number;
    ref[j] = q + margin * (q - lo) + 1e-9 * (1 + Math.abs(q));
  }
  return ref;
}
