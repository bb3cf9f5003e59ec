import { argsortLexInto } from '../internal/argsortLex';

/**
 * Front ranks (0-based) of an n x 2 set in O(n log n): after a lexicographic sort every
 * possible dominator of a point precedes it, and it is dominated by front k exactly when the
 * smallest second objective seen in front k is <= its own. Those minima are non-decreasing in k,
 * so the rank is a binary search over the fronts' staircase ends.
 */
export function nonDominatedSort2d(points: Float64Array, n: number): Int32Array {
  const rank = new Int32Array(n);
  if (n === 0) return rank;
  // The order and the fronts' minima live in buffers kept between calls (up to KEEP rows).
  if (orderScratch.length < n && n <= KEEP) {
    const size = Math.min(KEEP, Math.max(n, 2 * orderScratch.length));
    orderScratch = new Int32Array(size);
    minYScratch = new Float64Array(size);
  }
  const order = n <= KEEP ? orderScratch : new Int32Array(n);
  const minY = n <= KEEP ? minYScratch : new Float64Array(n);
  argsortLexInto(points, n, 2, XY, order);
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

const XY = [0, 1];
const KEEP = 1 << 16;
let orderScratch = new Int32Array(0);
let minYScratch = new Float64Array(0);
