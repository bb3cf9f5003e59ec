import { digitStarts } from './digitStarts';
import { keyRange } from './keyRange';
import { orderTiesByIndex, quicksortPairs } from './quicksortPairs';

/** Pairs sorted by sortPairsByKey at most (larger calls return -1): 460 kB of buffers. */
export const PAIRS_MAX = 1 << 14;

export const { sortPairsByKey, sortColumnPairs } = /* @__PURE__ */ sortPairsByKeyKernel();

/**
 * The sort and its kept buffers inside one function called once, not at the top of the module:
 * an app's esbuild bundle makes every top-level `const` a `var`, and V8 (Node 20) then no longer
 * folds a kept buffer's address and length into the loops (see hypervolume4dKernels in
 * indicators/hypervolume4dKernel.ts).
 */
function sortPairsByKeyKernel() {
  // Constants bound once, not `let`s or arguments: V8 then folds the buffers' addresses and lengths
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
   * or -1, with nothing written, when all keys are equal (nothing to scale). Keys must be finite.
   *
   * Each key is mapped to floor((key - min) * (2^B - 1) / (max - min)), an integer of B bits that
   * never decreases when the key grows, with B about log2(n) + 6 so that few keys share a value.
   * Two stable counting passes of B/2 bits move the pairs themselves (nothing is read through a
   * permutation afterwards), and one pass sorts the runs of pairs that shared a scaled value and
   * came out of order (see repair).
   */
  function sortPairsByKey(keyIn: Float64Array, itemIn: Int32Array, n: number, keyOut: Float64Array | null, itemOut: Int32Array): number {
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
  function sortColumnPairs(data: Float64Array, n: number, d: number, column: number, keyOut: Float64Array | null, itemOut: Int32Array): number {
    if (n > PAIRS_MAX) return -1;
    loadColumn(data, n, d, column);
    return sortKept(n, keyOut, itemOut);
  }

  /**
   * The copy loop of sortColumnPairs, a function of its own (see keyRange): with it inline,
   * sortColumnPairs deoptimised after it on most calls, about 2000 times in one run of the
   * comparison script, with 3-D hypervolumes of 1000 points 1.13-1.16x moocore's time in such
   * processes against 0.87-0.90x.
   */
  function loadColumn(data: Float64Array, n: number, d: number, column: number): void {
    for (let i = 0; i < n; i++) {
      keys[i] = data[d * i + column]!;
      items[i] = i;
    }
  }

  /** Sorts the n pairs in the kept buffers and copies them out (see sortPairsByKey). */
  function sortKept(n: number, keyOut: Float64Array | null, itemOut: Int32Array): number {
    keyRange(keys, n, rangeKept);
    const min = rangeKept[0]!;
    const max = rangeKept[1]!;
    const half = Math.min(SCALED_MAX_BITS >> 1, Math.max(4, Math.ceil((Math.log2(n) + 6) / 2)));
    const scale = ((1 << half) * (1 << half) - 1) / (max - min);
    if (!(scale > 0 && scale < Infinity)) return -1;
    radixPasses(n, min, scale, half);
    const ties = repair(n, min, scale);
    if (keyOut !== null) keyOut.set(keys.subarray(0, n));
    itemOut.set(items.subarray(0, n));
    return ties;
  }

  /** keyRange's result for sortKept: min and max. */
  const rangeKept = new Float64Array(2);

  /** The two counting passes over the kept pairs, by their scaled keys. */
  function radixPasses(n: number, min: number, scale: number, half: number): void {
    const buckets = 1 << half;
    const mask = buckets - 1;
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
  }

  /**
   * Puts right the pairs that shared a scaled value out of order, and runs of equal keys whose items
   * are out of order; returns 0 if no two keys are equal, a positive count otherwise. A pair below
   * its left neighbour has the whole run of its scaled value sorted (quicksortPairs): usually two or
   * three pairs, but keys crowded in a small part of their range (a concave front's x near 1: a
   * tenth of 1000 keys within 5e-5 of it) make runs of dozens, where moving each pair into place
   * cost quadratic time.
   */
  function repair(n: number, min: number, scale: number): number {
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
      const scaled = ((v - min) * scale) >>> 0;
      let start = t - 1;
      while (start > 0 && ((keys[start - 1]! - min) * scale) >>> 0 === scaled) start--;
      let end = t + 1;
      while (end < n && ((keys[end]! - min) * scale) >>> 0 === scaled) end++;
      quicksortPairs(keys, items, start, end - 1);
      orderTiesByIndex(keys, items, start, end);
      for (let s = start + 1; s < end; s++) if (keys[s] === keys[s - 1]) ties++;
      t = end - 1;
      prev = keys[t]!;
    }
    return ties;
  }

  /** Orders by item the run of keys equal to keys[t] around t; returns the end of the run. */
  function sortItemsOfRun(t: number, n: number): number {
    const v = keys[t]!;
    let start = t - 1;
    while (start > 0 && keys[start - 1] === v) start--;
    let end = t + 1;
    while (end < n && keys[end] === v) end++;
    orderTiesByIndex(keys, items, start, end);
    return end;
  }

  return { sortPairsByKey, sortColumnPairs };
}
