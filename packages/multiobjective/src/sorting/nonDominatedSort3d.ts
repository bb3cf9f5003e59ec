import { argsortLexInto } from '../internal/argsortLex';
import { checkPoints } from '../internal/validate';

/** Rows of scratch kept between calls; larger calls allocate their own. */
export const SORT_3D_KEPT_ROWS = 1 << 16;

export const nonDominatedSort3d = /* @__PURE__ */ nonDominatedSort3dKernel();

/**
 * The sort and its kept buffers inside one function called once, not at the top of the module:
 * an app's esbuild bundle makes every top-level `const` a `var`, and V8 (Node 20) then no longer
 * folds a kept buffer's address and length into the loops (see hypervolume4dKernels in
 * indicators/hypervolume4dKernel.ts).
 */
function nonDominatedSort3dKernel() {
  /**
   * Front ranks (0-based) of an n x 3 set. Points are visited in lexicographic order, so a point's
   * dominators have all been ranked; front k dominates it iff the 2-D (y, z) staircase of front k
   * dominates its projection, an O(log) binary search. Fronts are nested (a point dominated by
   * front k + 1 is dominated by front k), so the rank itself is a binary search over fronts:
   * O(n log^2 n) queries plus staircase updates (shifts within the front's array, cheap because
   * they are memory moves and staircases stay short on realistic data).
   *
   * Checks the values itself, in the sweep: a row is either read there or equal to the row before
   * it, which was (NaN is equal to nothing). A non-finite value goes to checkPoints for its error.
   */
  function nonDominatedSort3d(points: Float64Array, n: number): Int32Array {
    const rank = new Int32Array(n);
    if (n === 0) return rank;
    const big = n > KEEP;
    const order = big ? new Int32Array(n) : ORDER;
    const sizes = big ? new Int32Array(n) : SIZES;
    // Staircases are kept between calls too: a set of 1000 uniform points opens dozens of fronts.
    const stairs = big ? [] : keptStairs;
    argsortLexInto(points, n, 3, XYZ, order);
    let fronts = 0;
    let prev = -1;
    for (let t = 0; t < n; t++) {
      const i = order[t]!;
      const o = 3 * i;
      const x = points[o]!;
      const y = points[o + 1]!;
      const z = points[o + 2]!;
      if (prev >= 0) {
        const po = 3 * prev;
        if (points[po] === x && points[po + 1] === y && points[po + 2] === z) {
          rank[i] = rank[prev]!;
          continue;
        }
      }
      prev = i;
      // A separate pass over the values was a tenth of the sort of a 1000-point front.
      if (x - x + (y - y) + (z - z) !== 0) checkPoints(points, 3);
      let lo = 0;
      let hi = fronts;
      // Where the point goes in the staircase of the last front found not to dominate it: the
      // rank's front whenever it is an existing one.
      let at = 0;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const slot = staircaseSlot(stairs[mid]!, sizes[mid]!, y, z);
        if (slot < 0) lo = mid + 1;
        else {
          hi = mid;
          at = slot;
        }
      }
      rank[i] = lo;
      if (lo === fronts) {
        if (stairs.length === fronts) stairs.push(new Float64Array(32));
        sizes[fronts++] = 0;
      }
      let s = stairs[lo]!;
      const size = sizes[lo]!;
      if (2 * size + 2 > s.length) {
        const grown = new Float64Array(2 * s.length);
        grown.set(s.subarray(0, 2 * size));
        stairs[lo] = s = grown;
      }
      sizes[lo] = addToStaircase(s, size, at, y, z);
    }
    // A chain of n single-point fronts would otherwise keep n buffers alive.
    if (stairs.length > KEEP_FRONTS) stairs.length = KEEP_FRONTS;
    return rank;
  }

  // An Int32Array like the columns argsortLex makes for the other kernels: a plain array here made
  // the comparisons in argsortLexInto polymorphic, and the 3-D and 4-D sorts after it 20-60% slower.
  const XYZ = Int32Array.of(0, 1, 2);
  const KEEP = SORT_3D_KEPT_ROWS;
  // Fixed constants, not buffers grown in `let`s: 3-5% off the sort of 1000-10k points (Node 20).
  // 512 kB of address space, committed as touched: 8 bytes a row of the largest call up to KEEP.
  const ORDER = new Int32Array(KEEP);
  const SIZES = new Int32Array(KEEP);
  const keptStairs: Float64Array[] = [];
  const KEEP_FRONTS = 1024;

  /**
   * A staircase of `size` entries (y, z) interleaved in `s`: y strictly ascending, z strictly
   * descending. -1 when it dominates (y, z), else the number of entries with y <= the point's:
   * the last of those has the smallest z among the entries that could dominate it.
   */
  function staircaseSlot(s: Float64Array, size: number, y: number, z: number): number {
    let a = 0;
    let b = size;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (s[2 * mid]! <= y) a = mid + 1;
      else b = mid;
    }
    return a > 0 && s[2 * a - 1]! <= z ? -1 : a;
  }

  /**
   * Adds a point the staircase does not dominate at `slot` (from staircaseSlot; room for one more
   * entry is the caller's), drops the entries it covers, returns the new size.
   */
  function addToStaircase(s: Float64Array, size: number, slot: number, y: number, z: number): number {
    // An entry with the same y has a larger z (it does not dominate the point): covered.
    const a = slot > 0 && s[2 * slot - 2] === y ? slot - 1 : slot;
    let e = a;
    while (e < size && s[2 * e + 1]! >= z) e++;
    if (e === a) {
      shift(s, 2 * a, 2 * size, 2 * a + 2);
      size++;
    } else if (e > a + 1) {
      shift(s, 2 * e, 2 * size, 2 * a + 2);
      size -= e - a - 1;
    }
    s[2 * a] = y;
    s[2 * a + 1] = z;
    return size;
  }

  /**
   * s.copyWithin(to, from, end), by hand for short ranges: the builtin's call costs more there.
   * Past 16 values (8 entries) the builtin wins: a 1000-point front's staircase holds about 40
   * entries and moves about 20 per insertion, which by hand (the limit was 64) was a sixth of its sort.
   */
  function shift(s: Float64Array, from: number, end: number, to: number): void {
    if (end - from > 16) s.copyWithin(to, from, end);
    else if (to > from) for (let k = end - 1; k >= from; k--) s[k + to - from] = s[k]!;
    else for (let k = from; k < end; k++) s[k + to - from] = s[k]!;
  }

  return nonDominatedSort3d;
}
