import { swap } from './argsortLex';

export const pruneDominated3d = /* @__PURE__ */ pruneDominated3dKernel();

/**
 * pruneDominated3d and its kept buffers, inside one function called once rather than at the top
 * of the module, for an app that bundles jahskit with esbuild: see hypervolume4dKernels in
 * ../indicators/hypervolume4dKernel.ts.
 */
function pruneDominated3dKernel() {
  /**
   * pruneDominated for n x 3 sets, by row number instead of by copy: the rows that strictly
   * dominate `ref` and that the pivots (picked as pruneDominated picks them) do not weakly
   * dominate, as row numbers in `rows` (order not kept), a buffer kept between calls: the result
   * is valid until the next call. At 100 points the copy and the generic sample loops were a
   * fifth of a 3-D hypervolume. When the first pivot's score repeats in the sample (a copy's
   * would), one row per distinct point is kept (dropCopies).
   *
   * The scan reads every value anyway, so it also checks them: `n` is -1 when a value is not
   * finite (the caller then throws checkPoints' error, which names the entry).
   */
  function pruneDominated3d(points: Float64Array, n: number, ref: Float64Array): { rows: Int32Array; n: number } {
    if (rowBuffer.length < n && n <= KEEP) {
      const size = Math.min(KEEP, Math.max(n, 2 * rowBuffer.length));
      rowBuffer = new Int32Array(size);
      scoreBuffer = new Float64Array(size);
    }
    const big = n > KEEP;
    const rows = big ? new Int32Array(n) : rowBuffer;
    const score = big ? new Float64Array(n) : scoreBuffer;
    // The first pivot comes from a sample of about 4 sqrt(n) rows; from every row when the
    // sample has none inside the reference.
    const stride = Math.max(1, Math.floor(Math.sqrt(n) / 4));
    let pivot = samplePivot(points, n, ref, stride, weights);
    if (pivot < 0 && stride > 1) pivot = samplePivot(points, n, ref, 1, weights);
    if (pivot < 0) return { rows, n: finite(points, n) ? 0 : -1 };
    const m = scan(points, n, ref, pivot, rows, score);
    if (scanCheck !== 0) return { rows, n: -1 };
    // The pivot's score came up twice in the sample, as a copy's would: points likely repeat.
    // Below distinctRows' threshold nothing has removed them, and the sort and sweep after would
    // take every copy (10 copies of each of 10 points: 91 rows left instead of 10). Counting the
    // pivot's copies in the scan instead cost uniform points at 1000 rows a tenth more.
    const distinct = sampleTies > 0 ? dropCopies(points, rows, score, m) : m;
    return { rows, n: morePivots(points, rows, score, distinct, n - distinct) };
  }

  /**
   * The first pass: position 0 is the pivot; the scan drops every row it weakly dominates (itself
   * and its copies included) and every row outside the reference, and writes the others' row
   * numbers and scores (samplePivot's weights) after it. Returns their count with the pivot; sets
   * scanCheck to 0 when every value is finite (else NaN).
   *
   * A function of its own, ending at its loop: as part of pruneDominated3d, V8 compiled the loop
   * on the stack during the first call, without feedback for the test after it, and every later
   * call entered that code and deoptimised after the loop (clustered points at 10k: 205 times in
   * 205 calls).
   */
  function scan(points: Float64Array, n: number, ref: Float64Array, pivot: number, rows: Int32Array, score: Float64Array): number {
    const r0 = ref[0]!;
    const r1 = ref[1]!;
    const r2 = ref[2]!;
    const w0 = weights[0]!;
    const w1 = weights[1]!;
    const w2 = weights[2]!;
    const a = points[3 * pivot]!;
    const b = points[3 * pivot + 1]!;
    const c = points[3 * pivot + 2]!;
    rows[0] = pivot;
    score[0] = a * w0 + b * w1 + c * w2;
    let m = 1;
    // Stays 0 while every value is finite (x - x is NaN for an infinity or NaN).
    let check = 0;
    for (let i = 0; i < n; i++) {
      const x = points[3 * i]!;
      const y = points[3 * i + 1]!;
      const z = points[3 * i + 2]!;
      check += x - x + (y - y) + (z - z);
      // Non-short-circuit &: one branch instead of three coin flips.
      if (((a <= x) as unknown as number) & ((b <= y) as unknown as number) & ((c <= z) as unknown as number)) continue;
      if (!(x < r0 && y < r1 && z < r2)) continue;
      rows[m] = i;
      score[m++] = x * w0 + y * w1 + z * w2;
    }
    // Left to the caller to test: an operation here would have no feedback (see above).
    scanCheck = check;
    return m;
  }

  /**
   * Compacts rows[1, m) (and their scores) to one row per distinct point, found by hashing the
   * values (0 and -0 hash alike and compare equal); returns the new m. A dropped copy is weakly
   * dominated by its twin, as a pruned row must be. When the probes pass 4 m (values the hash
   * does not spread) it keeps the rest as they are: removing copies is only a saving. Position
   * 0, the first pivot, has no copy left.
   */
  function dropCopies(points: Float64Array, rows: Int32Array, score: Float64Array, m: number): number {
    let bits = 1;
    while (1 << bits < 2 * m) bits++;
    const size = 1 << bits;
    if (tableBuffer.length < size && size <= 2 * KEEP) tableBuffer = new Int32Array(size);
    const table = size <= 2 * KEEP ? tableBuffer : new Int32Array(size);
    table.fill(-1, 0, size);
    const mask = size - 1;
    let probes = 0;
    let k = 1;
    for (let s = 1; s < m; s++) {
      const o = 3 * rows[s]!;
      const x = points[o]!;
      const y = points[o + 1]!;
      const z = points[o + 2]!;
      // ToInt32 of scaled values: deterministic, so equal values meet; the probe limit covers
      // the values it does not spread (huge magnitudes truncate to 0).
      let h = Math.imul(((x * HASH_SCALE) | 0) ^ 0x2545f491, 0x01000193);
      h = Math.imul(h ^ ((y * HASH_SCALE) | 0), 0x01000193);
      h = Math.imul(h ^ ((z * HASH_SCALE) | 0), 0x01000193);
      let slot = (h ^ (h >>> 15)) & mask;
      for (;;) {
        const t = table[slot]!;
        if (t < 0) {
          table[slot] = k;
          rows[k] = rows[s]!;
          score[k++] = score[s]!;
          break;
        }
        const p = 3 * rows[t]!;
        if (points[p] === x && points[p + 1] === y && points[p + 2] === z) break;
        if (++probes > 4 * m) return keepRest(rows, score, m, k, s);
        slot = (slot + 1) & mask;
      }
    }
    return k;
  }

  /**
   * The best-scored row inside `ref` among every stride-th row (-1 if none), coordinates scaled
   * to [lowest value among those rows, reference]; the scales go to `w`, and to sampleTies how
   * many other sampled rows share the best score.
   */
  function samplePivot(points: Float64Array, n: number, ref: Float64Array, stride: number, w: Float64Array): number {
    const r0 = ref[0]!;
    const r1 = ref[1]!;
    const r2 = ref[2]!;
    let m0 = r0;
    let m1 = r1;
    let m2 = r2;
    const end = 3 * n;
    const step = 3 * stride;
    for (let o = 0; o < end; o += step) {
      const x = points[o]!;
      const y = points[o + 1]!;
      const z = points[o + 2]!;
      if (!(x < r0 && y < r1 && z < r2)) continue;
      if (x < m0) m0 = x;
      if (y < m1) m1 = y;
      if (z < m2) m2 = z;
    }
    const w0 = 1 / (r0 - m0);
    const w1 = 1 / (r1 - m1);
    const w2 = 1 / (r2 - m2);
    w[0] = w0;
    w[1] = w1;
    w[2] = w2;
    let pivot = -1;
    let best = Infinity;
    let ties = 0;
    for (let o = 0; o < end; o += step) {
      const x = points[o]!;
      const y = points[o + 1]!;
      const z = points[o + 2]!;
      if (!(x < r0 && y < r1 && z < r2)) continue;
      const s = x * w0 + y * w1 + z * w2;
      if (s < best) {
        best = s;
        pivot = o / 3;
        ties = 0;
      } else if (s === best) ties++;
    }
    sampleTies = ties;
    return pivot;
  }

  /**
   * The further passes: the best-scored row left becomes the next pivot and drops the rows it
   * weakly dominates, while the previous pass dropped at least an eighth of what was left.
   */
  function morePivots(points: Float64Array, rows: Int32Array, score: Float64Array, m: number, dropped: number): number {
    let next = bestAfter(score, 1, m);
    let pivots = 1;
    for (let pass = 1; pass < MAX_PASSES && next >= 0 && dropped * 8 >= m - pivots && worthAPass(points, rows, m, pivots, next); pass++) {
      swapRows(rows, score, pivots, next);
      const p = 3 * rows[pivots]!;
      const a = points[p]!;
      const b = points[p + 1]!;
      const c = points[p + 2]!;
      pivots++;
      let k = pivots;
      for (let s = pivots; s < m; s++) {
        const o = 3 * rows[s]!;
        if (((a <= points[o]!) as unknown as number) & ((b <= points[o + 1]!) as unknown as number) & ((c <= points[o + 2]!) as unknown as number)) {
          continue;
        }
        rows[k] = rows[s]!;
        score[k++] = score[s]!;
      }
      dropped = m - k;
      m = k;
      next = bestAfter(score, pivots, m);
    }
    return m;
  }

  /**
   * Whether the row at rows[next] weakly dominates at least a quarter of a sample of rows[from, m)
   * (about 64 rows). A pass costs about 4 ns a row; a row it leaves costs the sort and the sweep
   * about 20 ns. On clustered points at 10k the second pivot drops a fifth of what is left (7531 ->
   * 5993 rows) and the third a twentieth (-> 5695), passes that cost about what they save or more;
   * on uniform points the second drops two thirds (1650 -> 525).
   */
  function worthAPass(points: Float64Array, rows: Int32Array, m: number, from: number, next: number): boolean {
    const p = 3 * rows[next]!;
    const a = points[p]!;
    const b = points[p + 1]!;
    const c = points[p + 2]!;
    const step = Math.max(1, Math.floor((m - from) / 64));
    let seen = 0;
    let hits = 0;
    for (let s = from; s < m; s += step) {
      const o = 3 * rows[s]!;
      seen++;
      hits += ((a <= points[o]!) as unknown as number) & ((b <= points[o + 1]!) as unknown as number) & ((c <= points[o + 2]!) as unknown as number);
    }
    return 4 * hits >= seen;
  }

  /** Moves rows[s, m) (and their scores) to k on, returning the new count. */
  function keepRest(rows: Int32Array, score: Float64Array, m: number, k: number, s: number): number {
    for (; s < m; s++, k++) {
      rows[k] = rows[s]!;
      score[k] = score[s]!;
    }
    return k;
  }

  function bestAfter(score: Float64Array, from: number, m: number): number {
    let best = -1;
    let bestScore = Infinity;
    for (let s = from; s < m; s++) {
      if (score[s]! < bestScore) {
        bestScore = score[s]!;
        best = s;
      }
    }
    return best;
  }

  function swapRows(rows: Int32Array, score: Float64Array, a: number, b: number): void {
    swap(rows, a, b);
    const s = score[a]!;
    score[a] = score[b]!;
    score[b] = s;
  }

  function finite(points: Float64Array, n: number): boolean {
    for (let i = 0; i < 3 * n; i++) if (points[i]! - points[i]! !== 0) return false;
    return true;
  }

  const MAX_PASSES = 8;

  /** Buffers are kept up to this many rows; larger calls allocate their own. */
  const KEEP = 1 << 17;

  let rowBuffer = new Int32Array(256);
  let scoreBuffer = new Float64Array(256);
  const weights = new Float64Array(3);
  /** scan's second result. */
  let scanCheck = 0;
  /** samplePivot's second result. */
  let sampleTies = 0;
  /** dropCopies' open-addressing table (rows[] positions, -1 empty), kept up to 2 KEEP slots. */
  let tableBuffer = new Int32Array(256);
  /** Near 2^31: values in [0, 1] keep about 31 bits of their mantissa in the hash. */
  const HASH_SCALE = 2147483629.5;

  return pruneDominated3d;
}
