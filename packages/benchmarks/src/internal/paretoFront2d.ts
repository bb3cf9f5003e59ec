import { nonDominatedFilter } from '@jahskit/multiobjective';

/**
 * The non-dominated points of (a[i], b[i]), both minimised, in increasing order of b. Points equal
 * in both coordinates appear once; entries where either value is NaN are skipped. The dominance
 * filter is `@jahskit/multiobjective`'s (O(n log n) in two dimensions); this only adapts columns to
 * its row-major points and a known front's [a, b] pairs.
 */
export function paretoFront2d(a: ArrayLike<number>, b: ArrayLike<number>): [number, number][] {
  const rows: number[] = [];
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i]!) && !Number.isNaN(b[i]!)) rows.push(a[i]!, b[i]!);
  const points = Float64Array.from(rows);
  const front = Array.from(nonDominatedFilter(points, 2), (i): [number, number] => [points[2 * i]!, points[2 * i + 1]!]);
  front.sort((p, q) => p[1] - q[1] || p[0] - q[0]);
  // The filter keeps every copy of a non-dominated point; a known front lists it once.
  return front.filter((p, k) => k === 0 || p[0] !== front[k - 1]![0] || p[1] !== front[k - 1]![1]);
}
