import { argsortLex } from '../internal/argsortLex';

/**
 * Front ranks (0-based) of an n x 2 set in O(n log n): after a lexicographic sort every
 * possible dominator of a point precedes it, and it is dominated by front k exactly when the
 * smallest second objective seen in front k is <= its own. Those minima are non-decreasing in k,
 * so the rank is a binary search over the fronts' staircase ends.
 */
export function nonDominatedSort2d(points: Float64Array, n: number): Int32Array {
  const rank = new Int32Array(n);
  if (n === 0) return rank;
  const order = argsortLex(points, n, 2, [0, 1]);
  const minY = new Float64Array(n);
  let fronts = 0;
  let prevX = NaN;
  let prevY = NaN;
  let prevRank = 0;
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    if (x === prevX && y === prevY) {
      // Duplicates are adjacent after the sort and never dominate each other: same front.
      rank[i] = prevRank;
      continue;
    }
    let lo = 0;
    let hi = fronts;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (minY[mid]! > y) hi = mid;
      else lo = mid + 1;
    }
    if (lo === fronts) fronts++;
    minY[lo] = y;
    rank[i] = lo;
    prevX = x;
    prevY = y;
    prevRank = lo;
  }
  return rank;
}
