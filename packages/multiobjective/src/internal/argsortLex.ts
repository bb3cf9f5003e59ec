/**
 * Row indices of an n x d row-major set, sorted lexicographically by the columns in `cols`
 * (first column has priority), ties between equal rows broken by row index so the order is
 * total and deterministic. A hand-written quicksort on Int32Array with the primary key in a
 * contiguous Float64Array is several times faster than Array#sort with a comparator.
 */
export function argsortLex(data: Float64Array, n: number, d: number, cols: ArrayLike<number>): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n < 2) return idx;
  const c0 = cols[0]!;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = data[i * d + c0]!;
  sortRange(idx, key, data, d, cols, 0, n - 1);
  return idx;
}

/** Same as argsortLex but over an explicit primary key array (e.g. an already projected column). */
export function argsortByKey(key: Float64Array, n: number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n < 2) return idx;
  sortRange(idx, key, key, 1, EMPTY_COLS, 0, n - 1);
  return idx;
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

function sortRange(
  idx: Int32Array,
  key: Float64Array,
  data: Float64Array,
  d: number,
  cols: ArrayLike<number>,
  lo: number,
  hi: number,
): void {
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

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
