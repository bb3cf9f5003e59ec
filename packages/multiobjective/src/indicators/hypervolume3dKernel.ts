import { argsortLex, sortKeysWithIndex, sortRowsByColumn } from '../internal/argsortLex';
import { IntegerSet } from '../internal/IntegerSet';
import { staircaseMoveBudget } from './staircaseMoveBudget';

/**
 * Volume dominated by n x 3 points that all strictly dominate `ref` (Beume et al.'s HV3D
 * dimension sweep). Points enter in z order; the 2-D staircase of the points entered so far is
 * a sorted array (one sort, by z) up to SORTED_MAX points while its shifts stay within
 * staircaseMoveBudget, else a set of x-ranks in a bit tree, so finding a point's neighbours is
 * O(log n) and every point leaves the staircase at most once: O(n log n) overall, independent
 * of the data.
 */
export function hypervolume3dKernel(data: Float64Array, n: number, ref: ArrayLike<number>): number {
  if (n === 0) return 0;
  return n <= SORTED_MAX ? hypervolume3dSorted(data, n, ref) : hypervolume3dBitTree(data, n, ref);
}

/**
 * Up to this many points the sorted-array staircase is the faster (the bit tree sorts twice); on
 * fronts past it, its shifts (about 2 sqrt(n) per point) cost more than the bit tree's second
 * sort: kernel-only, fronts of 10k points took 1.1-1.15x the bit tree's time, 100k 1.1-1.7x.
 */
const SORTED_MAX = 4096;

/** The O(n log n) sweep for any n (the kernel's fallback; the tests' second opinion). */
export function hypervolume3dBitTree(data: Float64Array, n: number, ref: ArrayLike<number>): number {
  if (n === 0) return 0;
  const rx = ref[0]!;
  const ry = ref[1]!;
  const rz = ref[2]!;
  const byX = argsortLex(data, n, 3, [0, 1, 2]);
  const byZ = argsortLex(data, n, 3, [2, 1, 0]);
  const rankOf = new Int32Array(n);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const i = byX[r]!;
    rankOf[i] = r;
    xs[r] = data[3 * i]!;
    ys[r] = data[3 * i + 1]!;
  }
  const stair = new IntegerSet(n);
  let area = 0;
  let volume = 0;
  for (let t = 0; t < n; t++) {
    const i = byZ[t]!;
    const r = rankOf[i]!;
    const x = xs[r]!;
    const y = ys[r]!;
    const q = stair.prev(r - 1);
    if (q < 0 || ys[q]! > y) {
      let leftX = x;
      let height = q < 0 ? ry : ys[q]!;
      let s = stair.next(r + 1);
      let added = 0;
      while (s >= 0 && ys[s]! >= y) {
        added += (xs[s]! - leftX) * (height - y);
        leftX = xs[s]!;
        height = ys[s]!;
        stair.delete(s);
        s = stair.next(s + 1);
      }
      added += ((s < 0 ? rx : xs[s]!) - leftX) * (height - y);
      stair.add(r);
      area += added;
    }
    const zNext = t + 1 < n ? data[3 * byZ[t + 1]! + 2]! : rz;
    volume += area * (zNext - data[3 * i + 2]!);
  }
  return volume;
}

/** Buffers kept between calls up to this many points; larger calls allocate their own. */
const KEEP = 1 << 17;
let stairX = new Float64Array(257);
let stairY = new Float64Array(257);
let zKeys = new Float64Array(257);
let zRows = new Int32Array(257);
let gatherBuffer = new Float64Array(0);

/**
 * The volume of the rows `rows[0..m)` of an n x 3 set (reordered: the caller's buffer), every
 * one strictly dominating `ref`: the output of pruneDominated3d, which picks rows without
 * copying them. `sparse`: the rows are what is left of a set that pruning thinned out, so few
 * are likely on its front and the sorted-array staircase stays short at any size (clustered
 * points, 10k: 7.5k rows kept, 164 of them on the front).
 */
export function hypervolume3dOfRows(data: Float64Array, rows: Int32Array, m: number, ref: ArrayLike<number>, sparse: boolean): number {
  if (m === 0) return 0;
  if (m > SORTED_MAX && !sparse) return hypervolume3dBitTree(gather(data, rows, m), m, ref);
  if (m <= KEEP) growZ(m);
  const zs = m <= KEEP ? zKeys : new Float64Array(m);
  copyZ(data, rows, zs, m);
  sortKeysWithIndex(zs, rows, m);
  const volume = sweepSorted(data, rows, zs, m, ref);
  return Number.isNaN(volume) ? hypervolume3dBitTree(gather(data, rows, m), m, ref) : volume;
}

/**
 * The z of rows[0..m) into zs. A function of its own: as a loop inside hypervolume3dOfRows, V8
 * compiled it on the stack during a call on thousands of rows, without feedback for what
 * follows, and kept that code (Node 20): the calls after entered it and deoptimised after the
 * loop, 2120 times in one full run of the comparison script.
 */
function copyZ(data: Float64Array, rows: Int32Array, zs: Float64Array, m: number): void {
  for (let t = 0; t < m; t++) zs[t] = data[3 * rows[t]! + 2]!;
}

/** The rows side by side, for the bit tree (it sorts lexicographically over whole rows). */
function gather(data: Float64Array, rows: Int32Array, m: number): Float64Array {
  const gathered = m <= KEEP ? grownGather(3 * m) : new Float64Array(3 * m);
  for (let t = 0; t < m; t++) {
    const o = 3 * rows[t]!;
    gathered[3 * t] = data[o]!;
    gathered[3 * t + 1] = data[o + 1]!;
    gathered[3 * t + 2] = data[o + 2]!;
  }
  return gathered;
}

/**
 * The sweep with the points in z order only (points of equal z may come in any order: the slab
 * between them is empty and the staircase after both is their union). The staircase is
 * strictly increasing in x and strictly decreasing in y, so a point's left neighbour, the last
 * entry lexicographically <= (x, y), is one binary search on x.
 */
function hypervolume3dSorted(data: Float64Array, n: number, ref: ArrayLike<number>): number {
  const big = n > KEEP;
  if (!big) growZ(n);
  const keys = big ? new Float64Array(n) : zKeys;
  const rows = big ? new Int32Array(n) : zRows;
  // The z values sorted with their row numbers alongside: the order of equal z does not
  // matter, so no tie-breaking pass.
  sortRowsByColumn(data, n, 3, 2, keys, rows);
  const volume = sweepSorted(data, rows, keys, n, ref);
  return Number.isNaN(volume) ? hypervolume3dBitTree(data, n, ref) : volume;
}

/** Both kept z buffers hold at least n <= KEEP entries (the row path uses only the keys). */
function growZ(n: number): void {
  if (zKeys.length < n) zKeys = new Float64Array(Math.min(KEEP, 2 * n));
  if (zRows.length < n) zRows = new Int32Array(Math.min(KEEP, 2 * n));
}

function grownGather(size: number): Float64Array {
  if (gatherBuffer.length < size) gatherBuffer = new Float64Array(Math.min(3 * KEEP, 2 * size));
  return gatherBuffer;
}

/**
 * The sweep over rows byZ[0..n) of data, zs their z values, both in z order; NaN when it
 * moved more staircase entries than staircaseMoveBudget allows.
 */
function sweepSorted(data: Float64Array, byZ: Int32Array, zs: Float64Array, n: number, ref: ArrayLike<number>): number {
  const rx = ref[0]!;
  const ry = ref[1]!;
  const rz = ref[2]!;
  if (stairX.length < n + 1 && n < KEEP) {
    stairX = new Float64Array(Math.min(KEEP, 2 * n + 1));
    stairY = new Float64Array(stairX.length);
  }
  const sx = n < KEEP ? stairX : new Float64Array(n + 1);
  const sy = n < KEEP ? stairY : new Float64Array(n + 1);
  const budget = staircaseMoveBudget(n);
  let moves = 0;
  let size = 0;
  let area = 0;
  let volume = 0;
  for (let t = 0; t < n; t++) {
    const i = byZ[t]!;
    const x = data[3 * i]!;
    const y = data[3 * i + 1]!;
    // q: last entry with sx <= x; an entry of equal x and larger y is dominated by the point.
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sx[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    let q = lo - 1;
    if (q >= 0 && sx[q] === x && sy[q]! > y) q--;
    if (q < 0 || sy[q]! > y) {
      let leftX = x;
      let height = q < 0 ? ry : sy[q]!;
      let e = q + 1;
      let added = 0;
      while (e < size && sy[e]! >= y) {
        added += (sx[e]! - leftX) * (height - y);
        leftX = sx[e]!;
        height = sy[e]!;
        e++;
      }
      added += ((e < size ? sx[e]! : rx) - leftX) * (height - y);
      area += added;
      // Entries [q + 1, e) leave; the point enters at q + 1.
      const removed = e - q - 1;
      if (removed !== 1) {
        moves += size - e;
        if (moves > budget) return NaN;
        // A loop for short moves: copyWithin's call costs more than moving a few entries.
        if (size - e > 24) {
          sx.copyWithin(q + 2, e, size);
          sy.copyWithin(q + 2, e, size);
        } else if (removed === 0) {
          for (let k = size; k > q + 1; k--) {
            sx[k] = sx[k - 1]!;
            sy[k] = sy[k - 1]!;
          }
        } else {
          for (let k = e, to = q + 2; k < size; k++, to++) {
            sx[to] = sx[k]!;
            sy[to] = sy[k]!;
          }
        }
        size += 1 - removed;
      }
      sx[q + 1] = x;
      sy[q + 1] = y;
    }
    const zNext = t + 1 < n ? zs[t + 1]! : rz;
    volume += area * (zNext - zs[t]!);
  }
  return volume;
}
