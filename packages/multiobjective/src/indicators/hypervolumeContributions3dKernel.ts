import { argsortLexInto } from '../internal/argsortLex';
import { IntegerSet } from '../internal/IntegerSet';
import { hypervolumeContributions3dWithin } from './hypervolumeContributions3dSmall';
import { staircaseMoveBudget } from './staircaseMoveBudget';

/**
 * Exclusive contributions of n x 3 points that all strictly dominate `ref`.
 *
 * An HV3D sweep along z with a second level, in the spirit of Guerreiro & Fonseca's HVC3D. At
 * any height the region dominated by staircase point p alone is its rectangle (from its x to its
 * right neighbour's x, from its y to its left neighbour's y) minus the quadrants of the points
 * that p, and no other staircase point, dominates in projection; those points form a small
 * second staircase per p. Points dominated by two or more staircase points can never matter
 * again and are dropped. Each point's exclusive volume is accumulated lazily as (current
 * exclusive area) x (height travelled since that area last changed).
 *
 * The main staircase is a sorted array with gaps (hypervolumeContributions3dSmall: one sort, by z,
 * up to SMALL_MAX points) while its moves stay within staircaseMoveBudget, else a bit tree over x-ranks: O(n log n) for the
 * main staircase plus the size of the second staircases touched at each insertion (small in
 * practice; O(n^2) only in contrived cases). Exact duplicates get 0.
 */
export function hypervolumeContributions3dKernel(data: Float64Array, n: number, ref: ArrayLike<number>): Float64Array {
  if (n === 0) return new Float64Array(0);
  return hypervolumeContributions3dWithin(data, n, ref, staircaseMoveBudget(n)) ?? hypervolumeContributions3dTree(data, n, ref);
}

/** The bit-tree sweep for any n (the kernel's fallback past the move budget; the tests' second opinion). */
export function hypervolumeContributions3dTree(data: Float64Array, n: number, ref: ArrayLike<number>): Float64Array {
  if (n === 0) return new Float64Array(0);
  ensureScratch(n);
  // x-rank order (x, y, z, index) and sweep order (z, y, x, index) agree on ties in (x, y), so an
  // earlier, lower point always sits to the left of a later copy.
  const byX = byXS;
  argsortLexInto(data, n, 3, X_ORDER, byX);
  // Exact copies are adjacent in x-rank order.
  let copies = 0;
  for (let r = 1; r < n; r++) if (sameRow(data, byX[r - 1]!, byX[r]!)) copies++;
  if (copies > 0) return withoutCopies(data, n, ref, byX, n - copies);
  return sweep(data, n, ref, byX);
}

/**
 * A row with a copy contributes 0 (the copy covers it), and a copy changes no other row's
 * contribution (the union stays the same): the sweep runs on one row per distinct point, so its
 * cost follows the number of distinct points, and the rows that had copies get 0.
 */
function withoutCopies(data: Float64Array, n: number, ref: ArrayLike<number>, byX: Int32Array, m: number): Float64Array {
  const distinct = new Float64Array(3 * m);
  const firstRow = new Int32Array(m);
  const single = new Uint8Array(m);
  let k = -1;
  for (let r = 0; r < n; r++) {
    const i = byX[r]!;
    if (r > 0 && sameRow(data, byX[r - 1]!, i)) {
      single[k] = 0;
      continue;
    }
    k++;
    distinct[3 * k] = data[3 * i]!;
    distinct[3 * k + 1] = data[3 * i + 1]!;
    distinct[3 * k + 2] = data[3 * i + 2]!;
    firstRow[k] = i;
    single[k] = 1;
  }
  // byX has been read: the distinct rows' order can take its place.
  argsortLexInto(distinct, m, 3, X_ORDER, byX);
  const local = sweep(distinct, m, ref, byX);
  const out = new Float64Array(n);
  for (let t = 0; t < m; t++) if (single[t] === 1) out[firstRow[t]!] = local[t]!;
  return out;
}

function sameRow(data: Float64Array, a: number, b: number): boolean {
  return data[3 * a] === data[3 * b] && data[3 * a + 1] === data[3 * b + 1] && data[3 * a + 2] === data[3 * b + 2];
}

const X_ORDER = [0, 1, 2];
const Z_ORDER = [2, 1, 0];

/** Scratch of the sweep, kept between calls up to SCRATCH_KEEP points. */
const SCRATCH_KEEP = 1 << 16;
let scratchSize = 0;
let byXS = new Int32Array(0);
let byZS = new Int32Array(0);
let rankOfS = new Int32Array(0);
let xsS = new Float64Array(0);
let ysS = new Float64Array(0);
let areaS = new Float64Array(0);
let sinceS = new Float64Array(0);
let accS = new Float64Array(0);
let leftS = new Int32Array(0);
let rightS = new Int32Array(0);
let stairS = new IntegerSet(1);
/** Second staircases by x-rank; only staircase members have one, cleared when they leave. */
let innerS: (number[] | undefined)[] = [];

function ensureScratch(n: number): void {
  if (n <= scratchSize) return;
  const size = n > SCRATCH_KEEP ? n : Math.min(SCRATCH_KEEP, Math.max(n, 2 * scratchSize));
  byXS = new Int32Array(size);
  byZS = new Int32Array(size);
  rankOfS = new Int32Array(size);
  xsS = new Float64Array(size);
  ysS = new Float64Array(size);
  areaS = new Float64Array(size);
  sinceS = new Float64Array(size);
  accS = new Float64Array(size);
  leftS = new Int32Array(size);
  rightS = new Int32Array(size);
  stairS = new IntegerSet(size);
  innerS = new Array<number[] | undefined>(size).fill(undefined);
  // Past the size kept, the next smaller call starts afresh.
  scratchSize = size > SCRATCH_KEEP ? 0 : size;
}

/** The sweep over rows without exact copies, byX their (x, y, z, index) order. */
function sweep(data: Float64Array, n: number, ref: ArrayLike<number>, byX: Int32Array): Float64Array {
  const out = new Float64Array(n);
  const rx = ref[0]!;
  const ry = ref[1]!;
  const rz = ref[2]!;
  const byZ = byZS;
  argsortLexInto(data, n, 3, Z_ORDER, byZ);
  const rankOf = rankOfS;
  const xs = xsS;
  const ys = ysS;
  for (let r = 0; r < n; r++) {
    const i = byX[r]!;
    rankOf[i] = r;
    xs[r] = data[3 * i]!;
    ys[r] = data[3 * i + 1]!;
  }
  // area, since, left and right are written when a point joins the staircase, before any read.
  const area = areaS;
  const since = sinceS;
  const acc = accS;
  acc.fill(0, 0, n);
  // Second staircase of each main-staircase point: ranks, x ascending / y descending.
  const inner = innerS;
  // The main staircase as a set of x-ranks (to place a new point) and as a doubly linked list
  // (its members' neighbours in O(1): each update asks for them several times).
  const stair = stairS;
  const left = leftS;
  const right = rightS;
  let head = -1;
  const c: Sweep = { xs, ys, inner, left, right, rx, ry };

  for (let t = 0; t < n; t++) {
    const i = byZ[t]!;
    const r = rankOf[i]!;
    const x = xs[r]!;
    const y = ys[r]!;
    const z = data[3 * i + 2]!;
    const q = stair.prev(r - 1);
    if (q >= 0 && ys[q]! <= y) {
      // Dominated in projection (so in 3-D). It matters only if q is its sole dominator.
      const qq = left[q]!;
      if (qq >= 0 && ys[qq]! <= y) continue;
      let list = inner[q];
      if (list === undefined) inner[q] = list = [];
      // Position in q's second staircase; skip if a member weakly dominates it.
      let a = 0;
      let b = list.length;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (xs[list[mid]!]! <= x) a = mid + 1;
        else b = mid;
      }
      if (a > 0 && ys[list[a - 1]!]! <= y) continue;
      let e = a;
      while (e < list.length && ys[list[e]!]! >= y) e++;
      if (e === a && a === list.length) list.push(r);
      else list.splice(a, e - a, r);
      acc[q] = acc[q]! + area[q]! * (z - since[q]!);
      since[q] = z;
      area[q] = exclusiveArea(c, q);
      continue;
    }
    // q's successor on the staircase is the first member after r (r is not a member).
    let s = q >= 0 ? right[q]! : head;
    let evicted: number[] | undefined;
    while (s >= 0 && ys[s]! >= y) {
      acc[s] = acc[s]! + area[s]! * (z - since[s]!);
      since[s] = z;
      area[s] = 0;
      inner[s] = undefined;
      if (evicted === undefined) evicted = [s];
      else evicted.push(s);
      stair.delete(s);
      s = right[s]!;
    }
    stair.add(r);
    left[r] = q;
    right[r] = s;
    if (q >= 0) right[q] = r;
    else head = r;
    if (s >= 0) left[s] = r;
    // The evicted points are now dominated by the new point alone: its second staircase.
    inner[r] = evicted;
    since[r] = z;
    area[r] = exclusiveArea(c, r);
    if (q >= 0) {
      acc[q] = acc[q]! + area[q]! * (z - since[q]!);
      since[q] = z;
      area[q] = exclusiveArea(c, q);
    }
    if (s >= 0) {
      acc[s] = acc[s]! + area[s]! * (z - since[s]!);
      since[s] = z;
      area[s] = exclusiveArea(c, s);
    }
  }
  for (let r = head; r >= 0; r = right[r]!) {
    acc[r] = acc[r]! + area[r]! * (rz - since[r]!);
    // Leaves the set and the second staircases empty for the next call.
    stair.delete(r);
    inner[r] = undefined;
  }
  for (let r = 0; r < n; r++) out[byX[r]!] = acc[r]!;
  return out;
}

interface Sweep {
  xs: Float64Array;
  ys: Float64Array;
  inner: (number[] | undefined)[];
  left: Int32Array;
  right: Int32Array;
  rx: number;
  ry: number;
}

/** Exclusive area of staircase point r given its current neighbours. */
function exclusiveArea(c: Sweep, r: number): number {
  const { xs, ys } = c;
  const l = c.left[r]!;
  const s = c.right[r]!;
  const top = l >= 0 ? ys[l]! : c.ry;
  const right = s >= 0 ? xs[s]! : c.rx;
  let a = (right - xs[r]!) * (top - ys[r]!);
  const list = c.inner[r];
  if (list !== undefined) {
    // Drop inner points that left the rectangle (a new neighbour now dominates them too).
    let k = 0;
    for (let t = 0; t < list.length; t++) {
      const u = list[t]!;
      if (xs[u]! < right && ys[u]! < top) list[k++] = u;
    }
    if (k < list.length) list.length = k;
    for (let t = 0; t < k; t++) {
      const u = list[t]!;
      const nextX = t + 1 < k ? xs[list[t + 1]!]! : right;
      a -= (nextX - xs[u]!) * (top - ys[u]!);
    }
  }
  return a > 0 ? a : 0;
}
