/** Rows bucketSortColumn sorts at most. */
export const BUCKET_SORT_MAX = 256;

export const { bucketSortColumn, bucketSortInRange } = /* @__PURE__ */ bucketSortColumnKernel();

/**
 * The sort and its kept buffers inside one function called once, not at the top of the module:
 * an app's esbuild bundle makes every top-level `const` a `var`, and V8 (Node 20) then no longer
 * folds a kept buffer's address and length into the loops (see hypervolume4dKernels in
 * indicators/hypervolume4dKernel.ts).
 */
function bucketSortColumnKernel() {
  /**
   * sortRowsByColumn's path for small sets (2 to BUCKET_SORT_MAX rows): the rows 0..n-1 of a
   * row-major `data` of `d` columns ordered by column `column` ascending, the column into `key` and
   * the row numbers into `index`, equal keys by row number; false, with the outputs to be ignored,
   * when it declines (see below) and the radix sort should run.
   *
   * One bucket pass: n buckets over [min, max] (the key scaled
   * linearly), filled in row order, then an insertion pass that orders each bucket's few keys
   * (stable, so equal keys stay in row order). At 100 keys about 0.6 us against 1.1-1.5 us for
   * the radix sort behind sortRowsByColumn, whose two counting passes and fixed set-up are what a
   * hypervolume of 100 points pays for. Keys bunched in a few buckets would make the insertion
   * pass quadratic: past a bound on its moves, computed from the bucket counts, it declines (a
   * counter in the insertion loop made the whole sort 1.4x slower at 100 keys).
   */
  function bucketSortColumn(data: Float64Array, n: number, d: number, column: number, key: Float64Array, index: Int32Array): boolean {
    let lo = Infinity;
    let hi = -Infinity;
    for (let o = column, end = d * n; o < end; o += d) {
      const v = data[o]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return bucketSortInRange(data, n, d, column, lo, hi, key, index);
  }

  /**
   * bucketSortColumn when the column's least and greatest values, lo and hi, are known: a caller
   * whose own pass over the rows reads the column (the 4-D hypervolume's check of the values)
   * spares the sort its first pass. Each row's bucket is kept from the counting pass for the
   * scatter (on 4-D fronts of 100 points, with the range given, 0.97x the instructions of a whole
   * 4-D hypervolume call).
   */
  function bucketSortInRange(data: Float64Array, n: number, d: number, column: number, lo: number, hi: number, key: Float64Array, index: Int32Array): boolean {
    // The kept buffers in locals, read from the closure once per call: read at every use, they
    // cost the bitset sort larger code with more checks in its loops (see nonDominatedSortBitset).
    const bucket = bucketKept;
    const start = startKept;
    // (n - 0.5) / (hi - lo) keeps every scaled key below n. A range that overflows or underflows
    // (or a NaN key) gives a scale that is not finite: every key in one bucket, so the radix sort.
    const scale = (n - 0.5) / (hi - lo);
    if (!(scale < Infinity)) return false;
    for (let s = 0; s <= n; s++) start[s] = 0;
    for (let i = 0, o = column; i < n; i++, o += d) {
      const b = ((data[o]! - lo) * scale) | 0;
      bucket[i] = b;
      start[b]!++;
    }
    let sum = 0;
    // The insertion pass moves at most sum c (c - 1) / 2 entries for buckets of c keys.
    let worst = 0;
    for (let s = 0; s < n; s++) {
      const c = start[s]!;
      start[s] = sum;
      sum += c;
      worst += c * c;
    }
    if (worst > MOVES_MAX * n) return false;
    for (let i = 0, o = column; i < n; i++, o += d) {
      const at = start[bucket[i]!]!++;
      key[at] = data[o]!;
      index[at] = i;
    }
    // A key moves down only past strictly larger ones (stable); each bucket holds few keys.
    for (let t = 1; t < n; t++) {
      const v = key[t]!;
      if (!(key[t - 1]! > v)) continue;
      const i = index[t]!;
      let j = t - 1;
      do {
        key[j + 1] = key[j]!;
        index[j + 1] = index[j]!;
        j--;
      } while (j >= 0 && key[j]! > v);
      key[j + 1] = v;
      index[j + 1] = i;
    }
    return true;
  }

  /**
   * The bound on the insertion pass's moves, per key, past which the radix sort runs instead:
   * keys spread about evenly give sum c^2 of about 2 n, 10 copies of each point about 10 n (copies
   * are never moved past each other, but the bound cannot tell).
   */
  const MOVES_MAX = 32;

  /** Each row's bucket, and per bucket its first slot (then its next free one). */
  const bucketKept = new Int32Array(BUCKET_SORT_MAX);
  const startKept = new Int32Array(BUCKET_SORT_MAX + 1);

  return { bucketSortColumn, bucketSortInRange };
}
