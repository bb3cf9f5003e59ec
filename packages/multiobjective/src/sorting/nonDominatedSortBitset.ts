import { argsortByKey, argsortLex } from '../internal/argsortLex';

/**
 * Front ranks (0-based) for any d through dominance bitsets. Points are relabelled by their
 * lexicographic position, so a point's strict dominators all have smaller labels and its
 * dominator set fits in a triangular row of bit words. The first objective gives that prefix for
 * free; for every other objective a sweep in sorted order keeps the set of points seen so far and
 * each point ANDs it into its row. A point's rank is one more than
 * the largest rank among its strict dominators; equal points are adjacent labels and share one.
 *
 * O(d n^2 / 64) word operations, with n^2 / 16 bytes of memory: used for d >= 4 and moderate n,
 * where ENS-BS suffers from large fronts.
 */
export function nonDominatedSortBitset(points: Float64Array, n: number, d: number): Int32Array {
  const rank = new Int32Array(n);
  if (n === 0) return rank;
  const lex = argsortLex(points, n, d);
  // Row of label p: words [offset[p], offset[p] + (p >>> 5) + 1), bits for labels < p.
  const offset = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) offset[p + 1] = offset[p]! + (p >>> 5) + 1;
  const dom = new Int32Array(offset[n]!);
  // Filled in label order: the sweeps below touch rows in random order, which as the first
  // touch of fresh memory (page faults) cost more than this pass.
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
  // Fronts are nested (a point dominated by front k + 1 is dominated by front k), so a point's
  // rank is the first front whose member bitset misses its row. The search starts at one more
  // than the largest rank in the row's highest non-empty word (a lower bound, usually the
  // answer or close to it) and goes up; each step is a word scan that stops at the first common
  // bit, only the last one reads the whole row. Reading every dominator's bit instead cost
  // O(number of dominance pairs), n^2 / 16 on uniform 4-D points. Ranks from FRONT_SETS on (long
  // chains) come from the dominators' ranks.
  const byLabel = new Int32Array(n);
  const wordMax = new Int32Array((n + 31) >>> 5).fill(-1);
  const words = (n + 31) >>> 5;
  const sets = new Int32Array(Math.min(n, FRONT_SETS) * words);
  let top = -1;
  for (let p = 0; p < n; p++) {
    let r: number;
    // Equal points are adjacent in lexicographic order and share a rank.
    if (p > 0 && sameRow(points, lex[p - 1]! * d, lex[p]! * d, d)) r = byLabel[p - 1]!;
    else {
      const o = offset[p]!;
      const len = (p >>> 5) + 1;
      const below = rankInTopWord(dom, o, len, byLabel);
      r = below + 1;
      if (below >= 0) {
        while (r <= top && r < FRONT_SETS && rowsMeet(dom, o, sets, r * words, len)) r++;
        if (r >= FRONT_SETS) r = 1 + maxRankOfRow(dom, o, len, byLabel, wordMax, top);
      }
    }
    if (r < FRONT_SETS) sets[r * words + (p >>> 5)] = sets[r * words + (p >>> 5)]! | (1 << (p & 31));
    byLabel[p] = r;
    rank[lex[p]!] = r;
    if (r > wordMax[p >>> 5]!) wordMax[p >>> 5] = r;
    if (r > top) top = r;
  }
  return rank;
}

function sameRow(p: Float64Array, a: number, b: number, d: number): boolean {
  for (let j = 0; j < d; j++) if (p[a + j] !== p[b + j]) return false;
  return true;
}

/**
 * Largest rank among the labels whose bits are set in the row (-1 for none), given each word's
 * largest rank and the largest rank of all: words that cannot raise the maximum are skipped.
 */
function maxRankOfRow(dom: Int32Array, o: number, len: number, byLabel: Int32Array, wordMax: Int32Array, top: number): number {
  let best = -1;
  // Higher labels (larger first objective) tend to have higher ranks: scanned first, they raise
  // the bound early.
  for (let w = len - 1; w >= 0; w--) {
    let bits = dom[o + w]!;
    if (bits === 0 || wordMax[w]! <= best) continue;
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const r = byLabel[(w << 5) + 31 - Math.clz32(low)]!;
      if (r > best) {
        if (r === top) return r;
        best = r;
      }
    }
  }
  return best;
}

/** Fronts with a member bitset: FRONT_SETS * n / 8 bytes. */
const FRONT_SETS = 64;

/** Largest rank in the row's highest non-empty word, -1 for an empty row (rank 0). */
function rankInTopWord(dom: Int32Array, o: number, len: number, byLabel: Int32Array): number {
  for (let w = len - 1; w >= 0; w--) {
    let bits = dom[o + w]!;
    if (bits === 0) continue;
    let best = -1;
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const r = byLabel[(w << 5) + 31 - Math.clz32(low)]!;
      if (r > best) best = r;
    }
    return best;
  }
  return -1;
}

/** Whether two rows of `len` words share a bit, scanning from the high words (later labels). */
function rowsMeet(a: Int32Array, oa: number, b: Int32Array, ob: number, len: number): boolean {
  for (let w = len - 1; w >= 0; w--) if ((a[oa + w]! & b[ob + w]!) !== 0) return true;
  return false;
}
