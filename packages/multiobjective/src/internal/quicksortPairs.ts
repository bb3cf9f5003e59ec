/**
 * Sorts k[lo..hi] (inclusive) ascending, moving idx alongside; equal keys in no particular order
 * (orderTiesByIndex puts them right). Median-of-three quicksort, insertion below 17 keys.
 */
export function quicksortPairs(k: Float64Array, idx: Int32Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const a = k[lo]!;
    const b = k[(lo + hi) >>> 1]!;
    const c = k[hi]!;
    // Median of three: sorted and reversed inputs stay O(n log n).
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    // Hoare partition: runs of equal keys split evenly instead of degrading.
    while (i <= j) {
      while (k[i]! < pivot) i++;
      while (k[j]! > pivot) j--;
      if (i <= j) {
        const tk = k[i]!;
        k[i] = k[j]!;
        k[j] = tk;
        const ti = idx[i]!;
        idx[i] = idx[j]!;
        idx[j] = ti;
        i++;
        j--;
      }
    }
    // Recurse into the smaller side so the stack stays O(log n).
    if (j - lo < hi - i) {
      quicksortPairs(k, idx, lo, j);
      lo = i;
    } else {
      quicksortPairs(k, idx, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const v = k[i]!;
    const x = idx[i]!;
    let j = i - 1;
    while (j >= lo && k[j]! > v) {
      k[j + 1] = k[j]!;
      idx[j + 1] = idx[j]!;
      j--;
    }
    k[j + 1] = v;
    idx[j + 1] = x;
  }
}

/**
 * Orders by index the runs of equal keys in key[from..to) (keys sorted): insertion for short runs,
 * the native sort for long ones (values clipped to a bound make runs of thousands, where insertion
 * was quadratic).
 */
export function orderTiesByIndex(key: Float64Array, index: Int32Array, from: number, to: number): void {
  for (let start = from, t = from + 1; t <= to; t++) {
    if (t < to && key[t] === key[start]) continue;
    if (t - start > 16) index.subarray(start, t).sort();
    else {
      for (let s = start + 1; s < t; s++) {
        const v = index[s]!;
        let j = s - 1;
        while (j >= start && index[j]! > v) {
          index[j + 1] = index[j]!;
          j--;
        }
        index[j + 1] = v;
      }
    }
    start = t;
  }
}
