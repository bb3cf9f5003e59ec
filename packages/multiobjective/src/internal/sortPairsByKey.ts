import { digitStarts } from './digitStarts';

/** Pairs sorted by sortPairsByKey at most (larger calls return -1): 460 kB of buffers. */
export const PAIRS_MAX = 1 << 14;

// Module constants, not `let`s or arguments: V8 then folds the buffers' addresses and lengths
// into the compiled loops, which measured about a quarter faster at 1000-10k pairs (Node 20).
const keys = new Float64Array(PAIRS_MAX);
const items = new Int32Array(PAIRS_MAX);
const passDigits = new Uint32Array(PAIRS_MAX);
const passKeys = new Float64Array(PAIRS_MAX);
const passItems = new Int32Array(PAIRS_MAX);
const hist = new Int32Array(2 << 11);

/** Bits of the scaled keys at most (two passes of 11): few collisions up to 10^5 keys. */
const SCALED_MAX_BITS = 22;

/**
 * Sorts the pairs (keyIn[i], itemIn[i]), i < n <= PAIRS_MAX, by key and then by item, writing the
 * items in that order into itemOut and, unless null, the keys into keyOut (either may be its
 * input). -0 counts as 0 and is written as 0. Returns 0 when the keys are all distinct, a
 * positive number when some are equal (callers with further columns to compare look only then),
 * or -1, with nothing written, when the keys do not spread: all equal, or crowded enough that
 * another sort is cheaper. Keys must be finite.
 *
 * Each key is mapped to floor((key - min) * (2^B - 1) / (max - min)), an integer of B bits that
 * never decreases when the key grows, with B about log2(n) + 6 so that few keys share a value.
 * Two stable counting passes of B/2 bits move the pairs themselves (nothing is read through a
 * permutation afterwards), and one insertion pass puts right the few adjacent pairs that
 * shared a scaled value out of order.
 */
export function sortPairsByKey(keyIn: Float64Array, itemIn: Int32Array, n: number, keyOut: Float64Array | null, itemOut: Int32Array): number {
  if (n > PAIRS_MAX) return -1;
  keys.set(keyIn.subarray(0, n));
  items.set(itemIn.subarray(0, n));
  return sortKept(n, keyOut, itemOut);
}

/**
 * sortPairsByKey of the pairs (data[d i + column], i), i < n: the rows of a row-major set ordered
 * by one column, then by row number. Reading the column straight into the kept buffers saves the
 * caller's copy (a tenth of the sort at 1000 rows).
 */
export function sortColumnPairs(data: Float64Array, n: number, d: number, column: number, keyOut: Float64Array | null, itemOut: Int32Array): number {
  if (n > PAIRS_MAX) return -1;
  for (let i = 0; i < n; i++) {
    keys[i] = data[d * i + column]!;
    items[i] = i;
  }
  return sortKept(n, keyOut, itemOut);
}

/** Sorts the n pairs in the kept buffers and copies them out (see sortPairsByKey). */
function sortKept(n: number, keyOut: Float64Array | null, itemOut: Int32Array): number {
  if (!radixPasses(n)) return -1;
  const ties = repair(n);
  if (ties < 0) return -1;
  if (keyOut !== null) keyOut.set(keys.subarray(0, n));
  itemOut.set(items.subarray(0, n));
  return ties;
}

/** The two counting passes over the kept pairs; false, with them unsorted, if the keys do not spread. */
function radixPasses(n: number): boolean {
  let min = keys[0]!;
  let max = min;
  for (let i = 1; i < n; i++) {
    const v = keys[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const half = Math.min(SCALED_MAX_BITS >> 1, Math.max(4, Math.ceil((Math.log2(n) + 6) / 2)));
  const buckets = 1 << half;
  const mask = buckets - 1;
  const scale = (buckets * buckets - 1) / (max - min);
  if (!(scale > 0 && scale < Infinity)) return false;
  hist.fill(0, 0, 2 * buckets);
  for (let i = 0; i < n; i++) {
    const k = ((keys[i]! - min) * scale) >>> 0;
    hist[k & mask]!++;
    hist[buckets + (k >>> half)]!++;
  }
  digitStarts(hist, buckets);
  for (let i = 0; i < n; i++) {
    // "+ 0": -0 and 0 share a scaled value already; this makes them equal keys as well.
    const v = keys[i]! + 0;
    const k = ((v - min) * scale) >>> 0;
    const p = hist[k & mask]!++;
    passDigits[p] = k;
    passKeys[p] = v;
    passItems[p] = items[i]!;
  }
  for (let t = 0; t < n; t++) {
    const p = hist[buckets + (passDigits[t]! >>> half)]!++;
    keys[p] = passKeys[t]!;
    items[p] = passItems[t]!;
  }
  return true;
}

/**
 * Insertion of each pair that is below its left neighbour (distinct keys that shared a scaled
 * value), and runs of equal keys whose items are out of order sorted by item; 0 if no two keys
 * are equal, a positive count otherwise, or -1 once the insertions have moved more than n / 4
 * pairs (keys the scale did not spread).
 */
function repair(n: number): number {
  let budget = n >> 2;
  let ties = 0;
  let prev = keys[0]!;
  for (let t = 1; t < n; t++) {
    const v = keys[t]!;
    if (v > prev) {
      prev = v;
      continue;
    }
    if (v === prev) {
      ties++;
      if (items[t]! < items[t - 1]!) t = sortItemsOfRun(t, n) - 1;
      continue;
    }
    const p = insert(t);
    if ((p > 0 && keys[p - 1] === v) || keys[p + 1] === v) ties++;
    budget -= t - p;
    if (budget < 0) return -1;
    prev = keys[t]!;
  }
  return ties;
}

/** Moves the pair at t left to its place among the sorted pairs before it, and returns that place. */
function insert(t: number): number {
  const v = keys[t]!;
  const x = items[t]!;
  let j = t - 1;
  while (j >= 0 && (keys[j]! > v || (keys[j] === v && items[j]! > x))) {
    keys[j + 1] = keys[j]!;
    items[j + 1] = items[j]!;
    j--;
  }
  keys[j + 1] = v;
  items[j + 1] = x;
  return j + 1;
}

/**
 * Sorts by item the run of keys equal to keys[t] around t (the pairs before t are in order);
 * returns the end of the run. Insertion for short runs, the native sort for long ones (values
 * clipped to a bound make runs of thousands).
 */
function sortItemsOfRun(t: number, n: number): number {
  const v = keys[t]!;
  let start = t - 1;
  while (start > 0 && keys[start - 1] === v) start--;
  let end = t + 1;
  while (end < n && keys[end] === v) end++;
  if (end - start > 16) {
    items.subarray(start, end).sort();
    return end;
  }
  for (let s = start + 1; s < end; s++) {
    const x = items[s]!;
    let j = s - 1;
    while (j >= start && items[j]! > x) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = x;
  }
  return end;
}
