/** Componentwise minimum and maximum of n x d rows (+inf / -inf when there are no rows). */
export function objectiveBounds(points: Float64Array, d: number): { lo: Float64Array; hi: Float64Array } {
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
  return { lo, hi };
}
