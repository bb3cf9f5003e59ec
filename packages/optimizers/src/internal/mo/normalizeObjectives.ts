import { objectiveBounds } from './objectiveBounds';

/**
 * Each objective of the n x d rows rescaled to [0, 1] by its observed minimum and maximum (a
 * constant objective maps to 0). Returns the scaled copy and the bounds used.
 */
export function normalizeObjectives(points: Float64Array, d: number): { scaled: Float64Array; lo: Float64Array; hi: Float64Array } {
  const n = points.length / d;
  const { lo, hi } = objectiveBounds(points, d);
  const scaled = new Float64Array(points.length);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const range = (hi[j] as number) - (lo[j] as number);
      scaled[i * d + j] = range > 0 ? ((points[i * d + j] as number) - (lo[j] as number)) / range : 0;
    }
  }
  return { scaled, lo, hi };
}
