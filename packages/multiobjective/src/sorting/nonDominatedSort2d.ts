import { argsortLexInto, swap } from '../internal/argsortLex';
import { digitStarts } from '../internal/digitStarts';
import { checkPoints } from '../internal/validate';

export const nonDominatedSort2d = /* @__PURE__ */ nonDominatedSort2dKernel();

/**
 * The sort and its kept buffers inside one function called once, not at the top of the module:
 * an app's esbuild bundle makes every top-level `const` a `var`, and V8 (Node 20) then no longer
 * folds a kept buffer's address and length into the loops (see hypervolume4dKernels in
 * indicators/hypervolume4dKernel.ts). Top-level, the bundle took 1.4-2.4x the sources' time on
 * fronts of 1000 points.
 */
function nonDominatedSort2dKernel() {
  /**
   * Front ranks (0-based) of an n x 2 set in O(n log n): in lexicographic order every possible
   * dominator of a point precedes it, and it is dominated by front k exactly when the smallest
   * second objective seen in front k is <= its own. Those minima are non-decreasing in k, so the
   * rank is a binary search over the fronts' staircase ends.
   *
   * From RADIX_MIN rows on, the order comes from a radix sort on x scaled to integers, and the
   * sweep runs over that order directly: only rows sharing a scaled key (adjacent, few) need
   * their exact (x, y) order, and only they can be equal rows. The lexicographic argsort followed
   * by a separate sweep read every row three more times and took twice moocore's time.
   *
   * `points` needs only its shape checked: the values are checked here, in the first pass over
   * the rows (a pass of its own was a tenth of the time at 1000 rows), and a NaN or infinity
   * throws checkPoints' MultiObjectiveError. The ranks go to `into` when given (checked by the
   * caller: length n, no memory shared with `points`), which every path writes only after the
   * values are checked.
   */
  function nonDominatedSort2d(points: Float64Array, n: number, into?: Int32Array): Int32Array {
    const rank = into ?? new Int32Array(n);
    if (n === 0) return rank;
    if (n < RADIX_MIN || n > RADIX_MAX) {
      checkPoints(points, 2);
      sweepLex(points, n, rank);
    } else if (sweepScaled(points, n)) rank.set(ranksKept.subarray(0, n));
    else sweepLex(points, n, rank);
    return rank;
  }

  /** Below this many rows the quicksort inside argsortLexInto beats the histogram passes. */
  const RADIX_MIN = 64;

  /** Rows of the radix path at most: its buffers below are sized for them. */
  const RADIX_MAX = 1 << 20;

  /** Bits of a scaled key at most: two passes of 11 bits, few shared keys up to 10^5 rows. */
  const MAX_HALF = 11;

  // Constants bound once, not fields of a scratch object (a scatter pass measured 1.7x faster
  // through tsx, Node 20). The radix path works on a copy of the rows (xy) and writes its ranks to
  // `ranks` before one copy out: 5-20 % faster at 1000-10^5 rows than reading and writing the
  // caller's arrays. 36 MB of address space, committed only as far as calls have used it, and kept
  // between calls.
  const orderKept = new Int32Array(RADIX_MAX);
  const tmpKept = new Int32Array(RADIX_MAX);
  const minYKept = new Float64Array(RADIX_MAX);
  const histKept = new Int32Array(2 << MAX_HALF);
  const xyKept = new Float64Array(2 * RADIX_MAX);
  const ranksKept = new Int32Array(RADIX_MAX);

  /** The rank sweep over the full lexicographic order (small sets, or x that does not spread). */
  function sweepLex(points: Float64Array, n: number, rank: Int32Array): void {
    const big = n > RADIX_MAX;
    const o = big ? new Int32Array(n) : orderKept;
    argsortLexInto(points, n, 2, XY, o);
    rankInOrder(points, o, 0, n, rank, big ? new Float64Array(n) : minYKept, 0);
  }

  /**
   * Ranks the rows order[from..to), in lexicographic order and after every row that could dominate
   * them, given `fronts` fronts so far with their smallest y in `minY`; returns the new number of
   * fronts. Equal rows are adjacent in that order and never dominate each other: same front.
   */
  function rankInOrder(points: Float64Array, order: Int32Array, from: number, to: number, rank: Int32Array, minY: Float64Array, fronts: number): number {
    let prevX = NaN;
    let prevY = NaN;
    let prevRank = 0;
    for (let t = from; t < to; t++) {
      const i = order[t]!;
      const x = points[2 * i]!;
      const y = points[2 * i + 1]!;
      if (x === prevX && y === prevY) {
        rank[i] = prevRank;
        continue;
      }
      fronts = placeRow(minY, fronts, rank, i, y);
      prevX = x;
      prevY = y;
      prevRank = rank[i]!;
    }
    return fronts;
  }

  const XY = [0, 1];

  /**
   * Puts row i, whose second objective is y, on the first front not dominating it (a new one past
   * the last if every front does), which y then ends; returns the number of fronts.
   */
  function placeRow(minY: Float64Array, fronts: number, rank: Int32Array, i: number, y: number): number {
    const r = frontOf(minY, fronts, y);
    minY[r] = y;
    rank[i] = r;
    return r === fronts ? fronts + 1 : fronts;
  }

  /** First front whose smallest y is above `y` (the first front not dominating the point). */
  function frontOf(minY: Float64Array, fronts: number, y: number): number {
    let lo = 0;
    let hi = fronts;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (minY[mid]! > y) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * The ranks of the radix path, into `ranks`: copies the rows into `xy` and checks the values on
   * the way (see nonDominatedSort2d), then sweeps the copy (sweepKept). False, with `ranks` to be
   * ignored, when x does not spread.
   */
  function sweepScaled(points: Float64Array, n: number): boolean {
    const xy = xyKept;
    let min = points[0]!;
    let max = min;
    // x - x is 0 for a finite x and NaN otherwise, so the sum stays 0 only for finite rows.
    let notFinite = 0;
    for (let i = 0; i < n; i++) {
      const x = points[2 * i]!;
      const y = points[2 * i + 1]!;
      xy[2 * i] = x;
      xy[2 * i + 1] = y;
      notFinite += x - x + (y - y);
      if (x < min) min = x;
      else if (x > max) max = x;
    }
    if (notFinite !== 0) checkPoints(points, 2);
    return sweepKept(n, min, max);
  }

  /**
   * The sweep over the rows of `xy` ordered by x scaled to integers of 2 * half bits,
   * floor((x - min) * (2^(2 half) - 1) / (max - min)), which never decreases as x grows: two
   * stable counting passes of `half` bits, then runs of equal scaled keys ordered exactly.
   * The first pass computes each key once and parks it in `ranks` (a row's rank overwrites it only
   * in the sweep). When the whole key fits beside the row number in 32 bits (up to 4096 rows) both
   * counting passes carry (key, row) packed; larger sets carry the high digit with the row. The
   * difference is only in shifts and masks set once per call, and the sweep recomputes the keys
   * from x in both (the row's y is on the same cache line): 1000-row fronts took 6-18 % less time.
   * No line may run at some sizes only: V8 optimises this function on the sizes it sees first, and
   * a keyed access it never ran (an earlier form read packed keys in the sweep behind a branch)
   * then deoptimised every call at 10^5 rows, which ran twice as slow in on-stack-replacement code.
   * Shared by every size, the 10^5-row fronts took 0.42-0.65x moocore's time in six runs of the
   * comparison script (before: 0.81-0.98x in most runs, 0.45x in one).
   * False when x does not spread: all equal, or more than a quarter of the rows sharing keys
   * with a different x (then the lexicographic sort is cheaper).
   */
  function sweepKept(n: number, min: number, max: number): boolean {
    // The kept buffers in locals, read from the closure once per call: read at every use, they
    // cost the bitset sort larger code with more checks in its loops (see nonDominatedSortBitset).
    const points = xyKept;
    const rank = ranksKept;
    const hist = histKept;
    const tmp = tmpKept;
    const order = orderKept;
    const minY = minYKept;
    const rowBits = 32 - Math.clz32(n - 1);
    // ceil((rowBits + 8) / 2) in integers: Math.ceil of a half is a double to V8, and its first odd
    // rowBits deoptimised the code (lost precision). Keys of about 256 per row (18 bits at 1000 rows):
    // with 64 (16 bits) the concave front of 1000 rows kept runs of rows sharing a key (66 in one)
    // whose order the sweep had to sort (318 mispredicted branches a call in cachegrind's model
    // against 219 now: 0.97x the time; the sphere front, not crowded, 1.00-1.04x with the larger
    // histograms).
    const half = Math.min(MAX_HALF, Math.max(4, (rowBits + 9) >> 1));
    if (half + rowBits > 31) return false;
    const packed = 2 * half + rowBits <= 32;
    const buckets = 1 << half;
    const mask = buckets - 1;
    const rowMask = (1 << rowBits) - 1;
    const scale = (buckets * buckets - 1) / (max - min);
    if (!(scale > 0 && scale < Infinity)) return false;
    // How far the key is shifted down before it is carried above the row number, where the high
    // digit then sits, and what of the carried integer the second pass keeps.
    const carryShift = packed ? 0 : half;
    const highShift = packed ? rowBits + half : rowBits;
    const keep = packed ? -1 : rowMask;
    hist.fill(0, 0, 2 * buckets);
    for (let i = 0; i < n; i++) {
      const k = ((points[2 * i]! - min) * scale) >>> 0;
      rank[i] = k;
      hist[k & mask]!++;
      hist[buckets + (k >>> half)]!++;
    }
    digitStarts(hist, buckets);
    for (let i = 0; i < n; i++) {
      const k = rank[i]!;
      tmp[hist[k & mask]!++] = ((k >>> carryShift) << rowBits) | i;
    }
    for (let t = 0; t < n; t++) {
      const v = tmp[t]!;
      order[hist[buckets + (v >>> highShift)]!++] = v & keep;
    }
    let fronts = 0;
    let crowded = 0;
    let nextKey = ((points[2 * (order[0]! & rowMask)]! - min) * scale) >>> 0;
    for (let t = 0; t < n;) {
      const k = nextKey;
      let e = t + 1;
      while (e < n && (nextKey = ((points[2 * (order[e]! & rowMask)]! - min) * scale) >>> 0) === k) e++;
      if (e - t === 1) {
        const i = order[t]! & rowMask;
        fronts = placeRow(minY, fronts, rank, i, points[2 * i + 1]!);
        t = e;
        continue;
      }
      if (e - t === 2) {
        // Two rows sharing a key, the most common run (22 of 35 on the concave front of 1000
        // rows with 16-bit keys), ordered and ranked here: the general path below makes three
        // calls for them (that front: 273k -> 265k instructions a call, 469 -> 398 mispredicted
        // branches).
        let i = order[t]! & rowMask;
        let j = order[t + 1]! & rowMask;
        if (before(points, j, i)) {
          const swapped = i;
          i = j;
          j = swapped;
        }
        const xi = points[2 * i]!;
        const yi = points[2 * i + 1]!;
        const xj = points[2 * j]!;
        const yj = points[2 * j + 1]!;
        fronts = placeRow(minY, fronts, rank, i, yi);
        // Equal rows share a rank (neither dominates the other).
        if (xj === xi && yj === yi) rank[j] = rank[i]!;
        else {
          if (xj !== xi) {
            crowded += 2;
            if (crowded * 4 > n) return false;
          }
          fronts = placeRow(minY, fronts, rank, j, yj);
        }
        t = e;
        continue;
      }
      for (let u = t; u < e; u++) order[u] = order[u]! & rowMask;
      // Copies of one point (sets with repeated points) share a rank and need no ordering.
      if (copiesOnly(points, order, t, e)) fronts = rankCopies(points, order, t, e, rank, minY, fronts);
      else {
        sortRun(points, order, t, e);
        if (points[2 * order[t]!] !== points[2 * order[e - 1]!]) {
          crowded += e - t;
          if (crowded * 4 > n) return false;
        }
        // Equal rows can only share a run: the exact order puts them side by side.
        fronts = rankInOrder(points, order, t, e, rank, minY, fronts);
      }
      t = e;
    }
    return true;
  }

  /**
   * Orders the rows order[from..to), which share a scaled key, by (x, y). Long runs come where a
   * front crowds its rows: on the concave front of 1000 rows, 66 shared the key next to its
   * largest x with 16-bit keys. Scaled again over the run's own range, the rows fall mostly into
   * buckets of one or two, which an insertion pass then puts in exact order at about one comparison each, where the
   * quicksort's comparisons were coin flips (that front: 277k -> 273k instructions a call, and
   * 550 -> 469 mispredicted branches in cachegrind's model). The keys (tmp[0..len)) and the
   * bucketed run (tmp[len..2 len)) borrow the radix pass's buffers, which the sweep no longer needs.
   */
  function sortRun(points: Float64Array, order: Int32Array, from: number, to: number): void {
    const len = to - from;
    const tmp = tmpKept;
    const hist = histKept;
    if (len < RUN_BUCKET_MIN || len >= hist.length || 2 * len > tmp.length) {
      sortRowsLex2(order, points, from, to - 1);
      return;
    }
    let lo = Infinity;
    let hi = -Infinity;
    for (let u = from; u < to; u++) {
      const x = points[2 * order[u]!]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    // (len - 0.5) / (hi - lo) keeps every key below len; all x equal (or a range that overflows)
    // leaves the order to y alone, which the quicksort handles.
    const scale = (len - 0.5) / (hi - lo);
    if (!(scale < Infinity)) {
      sortRowsLex2(order, points, from, to - 1);
      return;
    }
    hist.fill(0, 0, len + 1);
    for (let u = 0; u < len; u++) {
      const k = ((points[2 * order[from + u]!]! - lo) * scale) | 0;
      tmp[u] = k;
      hist[k + 1]!++;
    }
    for (let b = 1; b <= len; b++) hist[b]! += hist[b - 1]!;
    for (let u = 0; u < len; u++) tmp[len + hist[tmp[u]!]!++] = order[from + u]!;
    for (let u = 0; u < len; u++) order[from + u] = tmp[len + u]!;
    insertionSortLex2(order, points, from, to - 1);
  }

  /** Runs shorter than this go to the quicksort (its insertion sort below 17 rows) as they are. */
  const RUN_BUCKET_MIN = 24;

  /** Whether the rows order[from..to) are all copies of the first. */
  function copiesOnly(points: Float64Array, order: Int32Array, from: number, to: number): boolean {
    const i = order[from]!;
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    for (let u = from + 1; u < to; u++) {
      const j = order[u]!;
      if (points[2 * j] !== x || points[2 * j + 1] !== y) return false;
    }
    return true;
  }

  /** rankInOrder for rows order[from..to) that are copies of one point: one search for all. */
  function rankCopies(points: Float64Array, order: Int32Array, from: number, to: number, rank: Int32Array, minY: Float64Array, fronts: number): number {
    const y = points[2 * order[from]! + 1]!;
    const r = frontOf(minY, fronts, y);
    minY[r] = y;
    for (let u = from; u < to; u++) rank[order[u]!] = r;
    return r === fronts ? fronts + 1 : fronts;
  }

  function before(points: Float64Array, a: number, b: number): boolean {
    const xa = points[2 * a]!;
    const xb = points[2 * b]!;
    return xa < xb || (xa === xb && points[2 * a + 1]! < points[2 * b + 1]!);
  }

  /** Sorts the row numbers order[lo..hi] by (x, y): a quicksort, insertion sort on short ranges. */
  function sortRowsLex2(order: Int32Array, points: Float64Array, lo: number, hi: number): void {
    while (hi - lo > 16) {
      const mid = (lo + hi) >>> 1;
      // Median of three at order[lo]: clipped values give sorted runs, which must stay O(n log n).
      if (before(points, order[mid]!, order[lo]!)) swap(order, mid, lo);
      if (before(points, order[hi]!, order[lo]!)) swap(order, hi, lo);
      if (before(points, order[hi]!, order[mid]!)) swap(order, hi, mid);
      swap(order, lo, mid);
      const p = order[lo]!;
      let i = lo;
      let j = hi + 1;
      // Hoare partition, stopping on equal rows: many copies split evenly instead of degrading.
      for (;;) {
        do i++;
        while (i <= hi && before(points, order[i]!, p));
        do j--;
        while (before(points, p, order[j]!));
        if (i >= j) break;
        swap(order, i, j);
      }
      swap(order, lo, j);
      if (j - lo < hi - j) {
        sortRowsLex2(order, points, lo, j - 1);
        lo = j + 1;
      } else {
        sortRowsLex2(order, points, j + 1, hi);
        hi = j - 1;
      }
    }
    insertionSortLex2(order, points, lo, hi);
  }

  /** Sorts the row numbers order[lo..hi] by (x, y) by insertion: short or nearly sorted ranges. */
  function insertionSortLex2(order: Int32Array, points: Float64Array, lo: number, hi: number): void {
    for (let i = lo + 1; i <= hi; i++) {
      const v = order[i]!;
      let k = i - 1;
      while (k >= lo && before(points, v, order[k]!)) {
        order[k + 1] = order[k]!;
        k--;
      }
      order[k + 1] = v;
    }
  }

  return nonDominatedSort2d;
}
