import { argsortByKey, argsortLex } from '../internal/argsortLex';

/**
 * Front ranks (0-based) for any d through dominance bitsets. Points are relabelled by their
 * lexicographic position, so a point's strict dominators all have smaller labels and its
 * dominator set fits in a triangular row of bit words. The first objective gives that prefix for
 * free; for every other objective a sweep in sorted order keeps the set of points seen so far and
 * each point ANDs it into its row. A point's rank is one more than the largest rank among its
 * strict dominators (equal points, which weakly dominate each other, are skipped by group id).
 *
 * O(d n^2 / 64) word operations plus O(number of dominance pairs), with n^2 / 16 bytes of memory:
 * used for d >= 4 and moderate n, where ENS-BS suffers from large fronts.
 */
export function nonDominatedSortBitset(points: Float64Array, n: number, d: number): Int32Array {
  const rank = new Int32Array(n);
  if (n === 0) return rank;
  const lex = argsortLex(points, n, d);
  // Row of label p: words [offset[p], offset[p] + (p >>> 5) + 1), bits for labels < p.
  const offset = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) offset[p + 1] = offset[p]! + (p >>> 5) + 1;
  const dom = new Int32Array(offset[n]!);
  for (let p = 0; p < n; p++) {
    const o = offset[p]!;
    const full = p >>> 5;
    dom.fill(-1, o, o + full);
    dom[o + full] = (p & 31) === 0 ? 0 : -1 >>> (32 - (p & 31));
  }
  const running = new Int32Array((n + 31) >>> 5);
  const col = new Float64Array(n);
  for (let j = 1; j < d; j++) {
    for (let p = 0; p < n; p++) col[p] = points[lex[p]! * d + j]!;
    const order = argsortByKey(col, n);
    running.fill(0);
    let t = 0;
    while (t < n) {
      let u = t;
      const v = col[order[t]!]!;
      while (u < n && col[order[u]!] === v) {
        const p = order[u]!;
        running[p >>> 5] = running[p >>> 5]! | (1 << (p & 31));
        u++;
      }
      for (let s = t; s < u; s++) {
        const p = order[s]!;
        const o = offset[p]!;
        const len = (p >>> 5) + 1;
        for (let w = 0; w < len; w++) dom[o + w] = dom[o + w]! & running[w]!;
      }
      t = u;
    }
  }
  // Equal points are adjacent in lexicographic order and share a group id.
  const group = new Int32Array(n);
  for (let p = 1; p < n; p++) {
    const a = lex[p - 1]!;
    const b = lex[p]!;
    let same = true;
    for (let j = 0; j < d && same; j++) same = points[a * d + j] === points[b * d + j];
    group[p] = same ? group[p - 1]! : p;
  }
  const byLabel = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const o = offset[p]!;
    const len = (p >>> 5) + 1;
    const g = group[p]!;
    let best = -1;
    for (let w = 0; w < len; w++) {
      let bits = dom[o + w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const q = (w << 5) + 31 - Math.clz32(low);
        if (group[q] === g) continue;
        const r = byLabel[q]!;
        if (r > best) best = r;
      }
    }
    byLabel[p] = best + 1;
    rank[lex[p]!] = best + 1;
  }
  return rank;
}
