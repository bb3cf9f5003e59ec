import { BUCKET_SORT_MAX, bucketSortColumn } from './bucketSortColumn';
import { digitStarts } from './digitStarts';
import { keyRange } from './keyRange';
import { orderTiesByIndex, quicksortPairs } from './quicksortPairs';
import { PAIRS_MAX, sortColumnPairs, sortPairsByKey } from './sortPairsByKey';
/**
 * Row indices of an n x d row-major set, sorted lexicographically by the columns in `cols`
 * (first column has priority; by default every column in order), ties between equal rows broken
 * by row index so the order is total and deterministic. A hand-written quicksort on Int32Array
 * with the primary key in a contiguous Float64Array is several times faster than Array#sort
 * with a comparator.
 */
export function argsortLex(data: Float64Array, n: number, d: number, cols: ArrayLike<number> = allColumns(d)): Int32Array {
  const idx = new Int32Array(n);
  argsortLexInto(data, n, d, cols, idx);
  return idx;
}

function allColumns(d: number): Int32Array {
  const cols = new Int32Array(d);
  for (let j = 0; j < d; j++) cols[j] = j;
  return cols;
}

/**
 * argsortLex writing the order into `out[0..n)`: with the caller's buffer and the keys in a
 * buffer kept here (up to SCRATCH_MAX rows), it allocates nothing, which at 100 rows is a
 * good part of the cost.
 */
export function argsortLexInto(data: Float64Array, n: number, d: number, cols: ArrayLike<number>, out: Int32Array): void {
  const c0 = cols[0]!;
  // Ordered by the primary key and then the row: runs of equal keys, if any, still need the
  // remaining columns.
  const ties = n >= SCALED_MIN ? sortColumnPairs(data, n, d, c0, null, out) : -1;
  if (ties === 0 || (ties > 0 && cols.length === 1)) return;
  const key = keyBuffer(n);
  copyColumn(data, n, d, c0, key);
  if (ties > 0) return fixTies(out, key, data, d, cols, n);
  if (n > PAIRS_MAX && scaledRadixArgsort(key, n, data, d, cols, out)) return;
  if (n < RADIX_MIN) keyQuicksort(key, n, out);
  else out.set(radixArgsort(key, n));
  // Both passes order by the primary key only (the radix pass stably); runs of equal primary
  // keys still need the remaining columns and then the row index.
  fixTies(out, key, data, d, cols, n);
}

/**
 * key[i] = data[i d + column] for i < n, -0 as 0 (so the radix pass agrees with === on ties). A
 * function of its own (see keyRange): inline, argsortLexInto deoptimised after it on most calls
 * (503 times in one run of the comparison script, none in three traced runs since).
 */
function copyColumn(data: Float64Array, n: number, d: number, column: number, key: Float64Array): void {
  for (let i = 0; i < n; i++) key[i] = data[i * d + column]! + 0;
}

let keyScratch = new Float64Array(256);
let keyScratch2 = new Float64Array(256);
function keyBuffer(n: number): Float64Array {
  if (n <= keyScratch.length) return keyScratch;
  if (n > SCRATCH_MAX) return new Float64Array(n);
  keyScratch = new Float64Array(Math.min(SCRATCH_MAX, 2 * n));
  return keyScratch;
}

function fixTies(idx: Int32Array, key: Float64Array, data: Float64Array, d: number, cols: ArrayLike<number>, n: number): void {
  let start = 0;
  for (let t = 1; t <= n; t++) {
    if (t === n || key[idx[t]!] !== key[idx[start]!]) {
      if (t - start > 1) sortRange(idx, key, data, d, cols, start, t - 1);
      start = t;
    }
  }
}

/** Indices sorting `key` ascending, ties by index. */
export function argsortByKey(key: Float64Array, n: number): Int32Array {
  const idx = new Int32Array(n);
  if (n >= SCALED_MIN && n <= PAIRS_MAX) {
    for (let i = 0; i < n; i++) idx[i] = i;
    if (sortPairsByKey(key, idx, n, null, idx) >= 0) return idx;
  }
  const k = keyBuffer(n);
  for (let i = 0; i < n; i++) k[i] = key[i]! + 0;
  if (n > PAIRS_MAX && scaledRadixArgsort(k, n, k, 1, EMPTY_COLS, idx)) return idx;
  if (n >= RADIX_MIN) return radixArgsort(k, n);
  keyQuicksort(k, n, idx);
  fixTies(idx, k, k, 1, EMPTY_COLS, n);
  return idx;
}

/**
 * From this many keys on, the scaled radix sort (two short passes) beats the quicksort on pairs:
 * measured 3x faster at 1000 keys and 4x at 10k.
 */
const SCALED_MIN = 64;

/** Bits of the scaled keys at most (two passes of 11): few collisions up to 10^5 keys. */
const SCALED_MAX_BITS = 22;

/** Scratch of the scaled radix sort, kept between calls up to this many keys. */
const SCRATCH_MAX = 1 << 16;
let scratchKeys = new Uint32Array(1024);
let scratchKeys2 = new Uint32Array(1024);
let scratchIdx = new Int32Array(1024);
const scaledHist = new Int32Array(2 << 11);
/** keyRange's result for scaledRadixArgsort: min and max. */
const scaledRange = new Float64Array(2);

/**
 * Writes the indices in the full lexicographic order (key, then `cols` after the first, then
 * index) into `out` and returns true, or returns false when the keys do not spread (a range
 * that overflows, or more than a quarter of the keys sharing a bucket with a different key):
 * the caller then sorts another way.
 *
 * Each key is mapped to floor((key - min) * (2^B - 1) / (max - min)), an integer of B bits that
 * never decreases when the key grows (subtraction and multiplication by a positive constant
 * round monotonically), with B about log2(n) + 6 so that few keys share a value. Two stable
 * counting passes of B/2 bits over (scaled key, index) pairs order the keys by their scaled
 * value; rows sharing one (adjacent, and rare) are then ordered exactly. The pairs move together
 * so that no pass reads through an index, and the histograms have 2^(B/2) counters, not 2^11.
 */
function scaledRadixArgsort(key: Float64Array, n: number, data: Float64Array, d: number, cols: ArrayLike<number>, out: Int32Array): boolean {
  keyRange(key, n, scaledRange);
  const min = scaledRange[0]!;
  const max = scaledRange[1]!;
  const half = Math.min(SCALED_MAX_BITS >> 1, Math.max(4, Math.ceil((Math.log2(n) + 6) / 2)));
  const buckets = 1 << half;
  const scale = (buckets * buckets - 1) / (max - min);
  if (!(scale > 0 && scale < Infinity)) return false;
  if (n > scratchKeys.length) {
    const size = n <= SCRATCH_MAX ? Math.max(n, 2 * scratchKeys.length) : n;
    const a = new Uint32Array(size);
    const b = new Uint32Array(size);
    const c = new Int32Array(size);
    if (size > SCRATCH_MAX) return scaledPasses(key, n, data, d, cols, min, scale, half, a, b, c, out);
    scratchKeys = a;
    scratchKeys2 = b;
    scratchIdx = c;
  }
  return scaledPasses(key, n, data, d, cols, min, scale, half, scratchKeys, scratchKeys2, scratchIdx, out);
}

function scaledPasses(
  key: Float64Array,
  n: number,
  data: Float64Array,
  d: number,
  cols: ArrayLike<number>,
  min: number,
  scale: number,
  half: number,
  k1: Uint32Array,
  k2: Uint32Array,
  tmp: Int32Array,
  idx: Int32Array,
): boolean {
  // Each pass a function of its own (see keyRange): these sorts start at 16k keys, long enough
  // for V8 to compile a pass on the stack in the first call, and with the passes inline most
  // later calls deoptimised after each of them (1708 deoptimisations in one run of the
  // comparison script, three in each of 568 calls; none in three traced runs since).
  scaledCounts(key, n, min, scale, half, k1);
  scatterByLow(n, half, k1, k2, tmp);
  scatterByHigh(n, half, k2, k1, tmp, idx);
  // Rows sharing a scaled key are adjacent; only they need the exact comparison. Rows of equal
  // keys (duplicates, clipped values) need it whatever the sort; distinct keys sharing a bucket
  // mean the scale did not spread them, and past a quarter of the rows another sort is cheaper.
  let crowded = 0;
  let start = 0;
  for (let t = 1; t <= n; t++) {
    if (t === n || k1[t] !== k1[start]) {
      if (t - start > 1) {
        // The passes are stable, so a run of equal keys is already in index order: with no
        // further column to compare (argsortByKey) it needs nothing. Clipped points bring
        // many such runs.
        let same = cols.length === 1;
        for (let u = start + 1; same && u < t; u++) same = key[idx[u]!] === key[idx[start]!];
        if (!same) {
          sortRange(idx, key, data, d, cols, start, t - 1);
          if (key[idx[start]!] !== key[idx[t - 1]!]) {
            crowded += t - start;
            if (crowded * 4 > n) return false;
          }
        }
      }
      start = t;
    }
  }
  return true;
}

/** The scaled keys of key[0, n) into k1, and both digits' counts turned into starts in scaledHist. */
function scaledCounts(key: Float64Array, n: number, min: number, scale: number, half: number, k1: Uint32Array): void {
  const buckets = 1 << half;
  const mask = buckets - 1;
  const hist = scaledHist;
  hist.fill(0, 0, 2 * buckets);
  for (let i = 0; i < n; i++) {
    const k = ((key[i]! - min) * scale) >>> 0;
    k1[i] = k;
    hist[k & mask]!++;
    hist[buckets + (k >>> half)]!++;
  }
  digitStarts(hist, buckets);
}

/** The first counting pass: (k1[i], i) by the low digit into (k2, tmp). */
function scatterByLow(n: number, half: number, k1: Uint32Array, k2: Uint32Array, tmp: Int32Array): void {
  const mask = (1 << half) - 1;
  const hist = scaledHist;
  for (let i = 0; i < n; i++) {
    const k = k1[i]!;
    const p = hist[k & mask]!++;
    k2[p] = k;
    tmp[p] = i;
  }
}

/** The second counting pass: (k2[t], tmp[t]) by the high digit into (k1, idx). */
function scatterByHigh(n: number, half: number, k2: Uint32Array, k1: Uint32Array, tmp: Int32Array, idx: Int32Array): void {
  const buckets = 1 << half;
  const hist = scaledHist;
  for (let t = 0; t < n; t++) {
    const k = k2[t]!;
    const p = hist[buckets + (k >>> half)]!++;
    k1[p] = k;
    idx[p] = tmp[t]!;
  }
}

/**
 * Below this many keys the radix sort's histograms (12k counters to clear and sum) cost more
 * than a comparison sort: measured 5x slower at 300 keys and 2x at 3000, 2x faster at 10k.
 */
const RADIX_MIN = 4096;

/**
 * Indices ordered by `key` (not stably: the caller fixes runs of equal keys). Quicksort on a
 * copy of the keys moved alongside the indices, so comparisons read contiguous doubles instead
 * of key[idx[i]].
 */
function keyQuicksort(key: Float64Array, n: number, idx: Int32Array): void {
  if (keyScratch2.length < n) keyScratch2 = new Float64Array(Math.max(n, 2 * keyScratch2.length));
  const k = keyScratch2;
  for (let i = 0; i < n; i++) {
    k[i] = key[i]!;
    idx[i] = i;
  }
  if (n > 1) quicksortPairs(k, idx, 0, n - 1);
}

/**
 * Sorts `key[0..n)` ascending in place, moving `index` alongside; equal keys end ordered by
 * index, so the order is the same as argsortByKey's. For callers that keep both in buffers of
 * their own (no allocation).
 */
export function sortKeysWithIndex(key: Float64Array, index: Int32Array, n: number): void {
  if (n < 2) return;
  if (n >= PERMUTE_MIN && (n <= PAIRS_MAX ? sortPairsByKey(key, index, n, key, index) >= 0 : permuteByScaledRadix(key, index, n))) return;
  quicksortPairs(key, index, 0, n - 1);
  orderTiesByIndex(key, index, 0, n);
}

/**
 * The rows 0..n-1 of a row-major `data` of `d` columns ordered by column `column` ascending: writes
 * the column into `key` and the row numbers into `index`, both sorted (see sortKeysWithIndex). The
 * sweep kernels' first step, into buffers they keep between calls.
 */
export function sortRowsByColumn(data: Float64Array, n: number, d: number, column: number, key: Float64Array, index: Int32Array): void {
  if (n >= 2 && n <= BUCKET_SORT_MAX && bucketSortColumn(data, n, d, column, key, index)) return;
  if (n >= PERMUTE_MIN && sortColumnPairs(data, n, d, column, key, index) >= 0) return;
  for (let i = 0; i < n; i++) {
    key[i] = data[d * i + column]!;
    index[i] = i;
  }
  sortKeysWithIndex(key, index, n);
}

/**
 * sortKeysWithIndex past PAIRS_MAX keys, by the scaled radix sort: its order (stable on equal
 * keys) applied to both arrays through kept buffers, then runs of equal keys ordered by index
 * value. The quicksort on pairs took 70 ns a key at 8k keys, the radix passes about a fifth of
 * it. False, with nothing changed, when the keys do not spread.
 */
function permuteByScaledRadix(key: Float64Array, index: Int32Array, n: number): boolean {
  // Buffers kept up to SCRATCH_MAX keys; past that, allocated for the call.
  if (permScratch.length < n && n <= SCRATCH_MAX) {
    const size = Math.min(SCRATCH_MAX, Math.max(n, 2 * permScratch.length));
    permScratch = new Int32Array(size);
    permIndex = new Int32Array(size);
    permKeys = new Float64Array(size);
  }
  const big = n > SCRATCH_MAX;
  const perm = big ? new Int32Array(n) : permScratch;
  const ix = big ? new Int32Array(n) : permIndex;
  // -0 and 0 must share a bucket, as for argsortByKey (its key buffer adds 0).
  const k = big ? new Float64Array(n) : permKeys;
  for (let i = 0; i < n; i++) k[i] = key[i]! + 0;
  if (!scaledRadixArgsort(k, n, k, 1, EMPTY_COLS, perm)) return false;
  for (let t = 0; t < n; t++) {
    const s = perm[t]!;
    ix[t] = index[s]!;
    key[t] = k[s]!;
  }
  index.set(ix.subarray(0, n));
  orderTiesByIndex(key, index, 0, n);
  return true;
}
/**
 * Below this many keys the quicksort on pairs wins: sortPairsByKey measured 1.3x slower at 32
 * keys, even at 50, 0.75x at 100 and 0.65x at 200.
 */
const PERMUTE_MIN = 64;
let permScratch = new Int32Array(0);
let permIndex = new Int32Array(0);
let permKeys = new Float64Array(0);

/**
 * Indices sorting `key` ascending, ties by index. A stable LSD radix sort on the high 32 bits of
 * each key only (the IEEE bits mapped to unsigned integers of the same order: flip all bits of
 * negatives, the sign bit of the rest), 11 bits a pass, skipping passes in which every key has
 * the same digit (the sign and exponent bits, typically): two passes for keys of one sign and
 * similar magnitude, instead of six over all 64 bits. Keys equal in their high word (20
 * mantissa bits: rare, and adjacent after the passes) are then ordered exactly by the full key
 * and the index. O(n) plus the sort of those runs.
 */
function radixArgsort(key: Float64Array, n: number): Int32Array {
  const bits = new Uint32Array(key.buffer, key.byteOffset, 2 * n);
  const hi = new Uint32Array(n);
  const hist = new Int32Array(3 * 2048);
  for (let i = 0; i < n; i++) {
    const b = bits[2 * i + 1]!;
    const h = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
    hi[i] = h;
    hist[h & 2047]!++;
    hist[2048 + ((h >>> 11) & 2047)]!++;
    hist[4096 + (h >>> 22)]!++;
  }
  let src = new Int32Array(n);
  let dst = new Int32Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  for (let pass = 0; pass < 3; pass++) {
    const base = pass * 2048;
    const shift = pass * 11;
    if (hist[base + ((hi[0]! >>> shift) & 2047)] === n) continue;
    let sum = 0;
    for (let b = 0; b < 2048; b++) {
      const c = hist[base + b]!;
      hist[base + b] = sum;
      sum += c;
    }
    for (let t = 0; t < n; t++) {
      const i = src[t]!;
      const b = base + ((hi[i]! >>> shift) & 2047);
      dst[hist[b]!] = i;
      hist[b]!++;
    }
    const tmp = src;
    src = dst;
    dst = tmp;
  }
  let start = 0;
  for (let t = 1; t <= n; t++) {
    if (t === n || hi[src[t]!] !== hi[src[start]!]) {
      if (t - start > 1) sortRange(src, key, key, 1, EMPTY_COLS, start, t - 1);
      start = t;
    }
  }
  return src;
}

const EMPTY_COLS: ArrayLike<number> = [0];

/** a < b in the lexicographic order (ties on the primary key go to the remaining columns). */
function less(a: number, b: number, key: Float64Array, data: Float64Array, d: number, cols: ArrayLike<number>): boolean {
  const ka = key[a]!;
  const kb = key[b]!;
  if (ka !== kb) return ka < kb;
  for (let c = 1; c < cols.length; c++) {
    const j = cols[c]!;
    const va = data[a * d + j]!;
    const vb = data[b * d + j]!;
    if (va !== vb) return va < vb;
  }
  return a < b;
}

function sortRange(idx: Int32Array, key: Float64Array, data: Float64Array, d: number, cols: ArrayLike<number>, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    // Median of three moved to idx[lo] as the pivot: guards against sorted and reversed inputs.
    if (less(idx[mid]!, idx[lo]!, key, data, d, cols)) swap(idx, mid, lo);
    if (less(idx[hi]!, idx[lo]!, key, data, d, cols)) swap(idx, hi, lo);
    if (less(idx[hi]!, idx[mid]!, key, data, d, cols)) swap(idx, hi, mid);
    swap(idx, lo, mid);
    const p = idx[lo]!;
    const kp = key[p]!;
    let i = lo;
    let j = hi + 1;
    for (;;) {
      do i++;
      while (i <= hi && (key[idx[i]!]! < kp || (key[idx[i]!] === kp && less(idx[i]!, p, key, data, d, cols))));
      do j--;
      while (key[idx[j]!]! > kp || (key[idx[j]!] === kp && less(p, idx[j]!, key, data, d, cols)));
      if (i >= j) break;
      swap(idx, i, j);
    }
    swap(idx, lo, j);
    // Recurse into the smaller half so the stack stays O(log n).
    if (j - lo < hi - j) {
      sortRange(idx, key, data, d, cols, lo, j - 1);
      lo = j + 1;
    } else {
      sortRange(idx, key, data, d, cols, j + 1, hi);
      hi = j - 1;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const v = idx[i]!;
    let k = i - 1;
    while (k >= lo && less(v, idx[k]!, key, data, d, cols)) {
      idx[k + 1] = idx[k]!;
      k--;
    }
    idx[k + 1] = v;
  }
}

/** Exchanges two entries of an index array (the quicksorts' step; small enough for V8 to inline). */
export function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
