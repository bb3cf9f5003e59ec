import { argsortLex, sortKeysWithIndex } from '../internal/argsortLex';
import { nonDominatedSortGeneral } from './nonDominatedSortGeneral';

/** Rows at most: n^2 / 16 bytes of dominance words (25 MB). Larger sets go to ENS-BS, O(n d). */
export const BITSET_MAX_N = 20_000;

export const nonDominatedSortBitset = /* @__PURE__ */ nonDominatedSortBitsetKernel();

/**
 * The sort and its kept buffers inside one function called once, not at the top of the module:
 * an app's esbuild bundle makes every top-level `const` a `var`, and V8 (Node 20) then no longer
 * folds a kept buffer's address and length into the loops (see hypervolume4dKernels in
 * indicators/hypervolume4dKernel.ts). Top-level, the bundle took 1.4-1.6x the time of the package
 * on 4-D and 5-D sets of 10k points. The row helpers below take the buffers as arguments and stay
 * outside.
 */
function nonDominatedSortBitsetKernel() {
  /** Fronts with a member bitset: FRONT_SETS * n / 8 bytes. */
  const FRONT_SETS = 64;

  // Buffers kept between calls rather than per-call arrays: a fresh dominance array was zeroed and
  // faulted in page by page on every call. The dominance words are 25 MB of address space,
  // committed only as far as calls have used them (8 MB for 11 500 rows); their contents are
  // garbage, every word is written before it is read. The other buffers take 560 kB.
  const domKept = new Int32Array(words(BITSET_MAX_N));
  const offsetKept = new Int32Array(BITSET_MAX_N + 1);
  const colKept = new Float64Array(BITSET_MAX_N);
  const WORDS_MAX = (BITSET_MAX_N + 31) >>> 5;
  const runningKept = new Int32Array(WORDS_MAX);
  const emptyKept = new Int32Array(WORDS_MAX);
  const orderKept = new Int32Array(BITSET_MAX_N);
  const byLabelKept = new Int32Array(BITSET_MAX_N);
  const wordMaxKept = new Int32Array(WORDS_MAX);
  /** Member bitsets of the first FRONT_SETS fronts. */
  const setsKept = new Int32Array(FRONT_SETS * WORDS_MAX);

  /**
   * Front ranks (0-based) for any d through dominance bitsets. Points are relabelled by their
   * lexicographic position, so a point's strict dominators all have smaller labels and its
   * dominator set fits in a triangular row of bit words. The first objective gives that prefix for
   * free; for every other objective (d >= 2) a sweep in sorted order keeps the set of points seen so
   * far and each point ANDs it into its row (the first sweep writes it). A point's rank is one more than
   * the largest rank among its strict dominators; equal points are adjacent labels and share one.
   *
   * O(d n^2 / 64) word operations, with n^2 / 16 bytes of memory: used for d >= 4 and moderate n,
   * where ENS-BS suffers from large fronts.
   */
  function nonDominatedSortBitset(points: Float64Array, n: number, d: number): Int32Array {
    if (n > BITSET_MAX_N) return nonDominatedSortGeneral(points, n, d);
    const rank = new Int32Array(n);
    if (n === 0) return rank;
    // The kept buffers in locals, read from the closure once per call. Read at every use instead,
    // they made the bytecode 15 % longer (56 context loads, not 23): V8 tiered the sort up inside
    // a loop (OSR), and the code it compiled next checked the buffers' maps and bounds in the
    // loops, 7.5-13 % more instructions at 1000 points in the package's build (cachegrind, eleventh
    // round). With the locals both builds compile to the code of the top-level version.
    const dom = domKept;
    const offset = offsetKept;
    const col = colKept;
    const running = runningKept;
    const empty = emptyKept;
    const order = orderKept;
    const byLabel = byLabelKept;
    const wordMax = wordMaxKept;
    const sets = setsKept;
    const lex = argsortLex(points, n, d);
    // Row of label p: words [offset[p], offset[p] + (p >>> 5) + 1), bits for labels < p.
    for (let p = 0; p < n; p++) offset[p + 1] = offset[p]! + (p >>> 5) + 1;
    empty.fill(0, 0, (n + 31) >>> 5);
    for (let j = 1; j < d; j++) {
      for (let p = 0; p < n; p++) {
        col[p] = points[lex[p]! * d + j]!;
        order[p] = p;
      }
      // The column sorted in place, with the labels alongside (ties by label).
      sortKeysWithIndex(col, order, n);
      running.fill(0, 0, (n + 31) >>> 5);
      let t = 0;
      while (t < n) {
        let u = t;
        const v = col[t]!;
        while (u < n && col[u] === v) {
          const p = order[u]!;
          running[p >>> 5] = running[p >>> 5]! | (1 << (p & 31));
          u++;
        }
        for (let s = t; s < u; s++) {
          const p = order[s]!;
          const o = offset[p]!;
          const full = p >>> 5;
          if (j === 1) {
            // The first sweep writes the row (the labels below p seen so far) instead of ANDing
            // into a row of ones filled beforehand: that fill, the first touch of fresh memory,
            // was the costliest pass of a 10k-point sort.
            copyRow(dom, running, o, full);
            dom[o + full] = running[full]! & ((1 << (p & 31)) - 1);
          } else if (j < d - 1) andRow(dom, running, o, full + 1);
          // The last sweep also notes rows left empty (every point of a front): their rank is 0
          // without reading the row again, a scan of n^2 / 64 words from memory otherwise.
          else if (andRow(dom, running, o, full + 1) === 0) empty[p >>> 5] = empty[p >>> 5]! | (1 << (p & 31));
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
    const words = (n + 31) >>> 5;
    wordMax.fill(-1, 0, words);
    sets.fill(0, 0, Math.min(n, FRONT_SETS) * words);
    let top = -1;
    for (let p = 0; p < n; p++) {
      let r: number;
      // Equal points are adjacent in lexicographic order and share a rank.
      if (p > 0 && sameRow(points, lex[p - 1]! * d, lex[p]! * d, d)) r = byLabel[p - 1]!;
      else {
        const o = offset[p]!;
        const len = (p >>> 5) + 1;
        const below = (empty[p >>> 5]! & (1 << (p & 31))) !== 0 ? -1 : rankInTopWord(dom, o, len, byLabel);
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

  return nonDominatedSortBitset;
}

// The row loops below are unrolled by four: V8 does not, and its loop overhead (a bound check
// per access, the counter) was most of the work per word; measured 15-20 % faster.

/** dom[o + w] = running[w] for w < len. */
function copyRow(dom: Int32Array, running: Int32Array, o: number, len: number): void {
  let w = 0;
  for (; w + 3 < len; w += 4) {
    const a = o + w;
    dom[a] = running[w]!;
    dom[a + 1] = running[w + 1]!;
    dom[a + 2] = running[w + 2]!;
    dom[a + 3] = running[w + 3]!;
  }
  for (; w < len; w++) dom[o + w] = running[w]!;
}

/** dom[o + w] &= running[w] for w < len; returns the OR of the results (0: the row is empty). */
function andRow(dom: Int32Array, running: Int32Array, o: number, len: number): number {
  let any = 0;
  let w = 0;
  for (; w + 3 < len; w += 4) {
    const a = o + w;
    const v0 = dom[a]! & running[w]!;
    const v1 = dom[a + 1]! & running[w + 1]!;
    const v2 = dom[a + 2]! & running[w + 2]!;
    const v3 = dom[a + 3]! & running[w + 3]!;
    dom[a] = v0;
    dom[a + 1] = v1;
    dom[a + 2] = v2;
    dom[a + 3] = v3;
    any |= v0 | v1 | v2 | v3;
  }
  for (; w < len; w++) {
    const v = dom[o + w]! & running[w]!;
    dom[o + w] = v;
    any |= v;
  }
  return any;
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

/** Words of the dominance rows of n labels: (p >>> 5) + 1 for label p. */
function words(n: number): number {
  const full = n >>> 5;
  return 16 * full * (full + 1) + (n & 31) * (full + 1);
}

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
