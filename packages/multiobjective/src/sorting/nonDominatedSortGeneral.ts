import { argsortLex } from '../internal/argsortLex';
import { rowWeaklyDominates } from '../internal/rowWeaklyDominates';

/**
 * Front ranks (0-based) for any d >= 2: efficient non-dominated sort with binary search over
 * fronts (ENS-BS, Zhang et al. 2015). After a lexicographic sort only earlier points can
 * dominate a later one and the first objective never needs comparing again; each front keeps
 * its members' remaining objectives contiguously so the dominance scan is cache friendly.
 * Worst case O(d n^2) comparisons (one front), typically O(d n^1.5) on random data.
 */
export function nonDominatedSortGeneral(points: Float64Array, n: number, d: number): Int32Array {
  const rank = new Int32Array(n);
  if (n === 0) return rank;
  const order = argsortLex(points, n, d);
  const m = d - 1;
  const buffers: Float64Array[] = [];
  const sizes: number[] = [];
  let prev = -1;
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    const o = i * d;
    if (prev >= 0 && sameRow(points, prev * d, o, d)) {
      rank[i] = rank[prev]!;
      continue;
    }
    prev = i;
    let lo = 0;
    let hi = buffers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (frontDominates(buffers[mid]!, sizes[mid]!, m, points, o + 1)) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
    if (lo === buffers.length) {
      buffers.push(new Float64Array(m * 16));
      sizes.push(0);
    }
    let buf = buffers[lo]!;
    const size = sizes[lo]!;
    if ((size + 1) * m > buf.length) {
      const grown = new Float64Array(buf.length * 2);
      grown.set(buf);
      buffers[lo] = buf = grown;
    }
    for (let j = 0; j < m; j++) buf[size * m + j] = points[o + 1 + j]!;
    sizes[lo] = size + 1;
  }
  return rank;
}

function sameRow(p: Float64Array, a: number, b: number, d: number): boolean {
  for (let j = 0; j < d; j++) if (p[a + j] !== p[b + j]) return false;
  return true;
}

function frontDominates(buf: Float64Array, size: number, m: number, p: Float64Array, o: number): boolean {
  // Newest members first: they are closest in the first objective and most likely to dominate.
  for (let s = size - 1; s >= 0; s--) if (rowWeaklyDominates(buf, s * m, p, o, m)) return true;
  return false;
}
