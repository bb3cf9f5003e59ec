import { sortRowsByColumn } from '../internal/argsortLex';

/**
 * Points the sorted-array sweep takes at most (larger calls return undefined: the kernel then
 * runs its bit-tree sweep). Its buffers, 60 bytes a point, are module constants, not `let`s,
 * object fields or arguments: V8 (Node 20) then folds their addresses and lengths into the
 * compiled loops. 7.9 MB of address space is reserved at import; pages are committed only when
 * touched, so after a call on n points about 60 n bytes stay committed.
 */
export const SMALL_MAX = 1 << 17;
/** The z values sorted, and their rows. */
const zs = new Float64Array(SMALL_MAX);
const byZ = new Int32Array(SMALL_MAX);
/** Staircase entries interleaved as (x, y, row): one move shifts all three. */
const st = new Float64Array(3 * (SMALL_MAX + 1));
/** Per row: its exclusive area now, and the height up to which it is accumulated. */
const area = new Float64Array(SMALL_MAX);
const since = new Float64Array(SMALL_MAX);
/** Per row: the first member of its inner list and, per member, the next (-1 ends). */
const head = new Int32Array(SMALL_MAX);
const next = new Int32Array(SMALL_MAX);
/** rx, ry: the doubles refresh needs, in a typed array (V8 boxes doubles passed to calls). */
const env = new Float64Array(2);

/**
 * Exclusive contributions of n <= SMALL_MAX points (n x 3) that all strictly dominate `ref`: the
 * dimension sweep of hypervolumeContributions3dKernel (after Emmerich & Fonseca 2011) with
 * every structure in typed arrays kept between calls and no sort but the one by z.
 *
 * Points enter by increasing z. The 2-D staircase of the points entered so far (x ascending, y
 * strictly descending) is a sorted array, so a new point's place is one binary search and its
 * neighbours are the entries beside it. A staircase point's exclusive area at the current
 * height is its rectangle (to its right neighbour's x and its left neighbour's y) minus the
 * quadrants of its inner points: the points it alone dominates in x and y, a second staircase
 * kept as a linked list by x. A point dominated by two staircase points can never matter again
 * and is dropped; one dominated by a point that leaves the staircase is dominated by the point
 * that evicted it, so the evicted ones become the newcomer's inner list and theirs are dropped.
 * Each point's volume is accumulated lazily as (exclusive area) x (height since it last
 * changed). Points of equal z may enter in any order (the slab between them is empty), and an
 * exact copy lands in its twin's inner list (or is dropped), which sets both to 0.
 *
 * Inserting into the staircase shifts the entries after it, O(staircase) each, so the worst case
 * (every point on one 2-D front at one height) is O(n^2) moves: see
 * hypervolumeContributions3dWithin for a version that gives up.
 */
export function hypervolumeContributions3dSmall(data: Float64Array, n: number, ref: ArrayLike<number>): Float64Array {
  return hypervolumeContributions3dWithin(data, n, ref, Infinity)!;
}

/** The same, or undefined once it has moved more than `budget` staircase entries. */
export function hypervolumeContributions3dWithin(data: Float64Array, n: number, ref: ArrayLike<number>, budget: number): Float64Array | undefined {
  if (n > SMALL_MAX) return undefined;
  const out = new Float64Array(n);
  if (n === 0) return out;
  let moves = 0;
  const rz = ref[2]!;
  env[0] = ref[0]!;
  env[1] = ref[1]!;
  sortRowsByColumn(data, n, 3, 2, zs, byZ);
  let size = 0;
  // Exact copies are usually adjacent in z order. The first copy of a row joins its inner list
  // (or is dropped with it), zeroing it; any further copy then changes nothing and is skipped
  // before the search. The previous row's x and y, and whether it was such a first copy:
  let px = NaN;
  let py = NaN;
  let copyRun = false;
  for (let t = 0; t < n; t++) {
    const i = byZ[t]!;
    const x = data[3 * i]!;
    const y = data[3 * i + 1]!;
    const z = zs[t]!;
    if (x === px && y === py && z === zs[t - 1]) {
      if (copyRun) continue;
      copyRun = true;
    } else {
      copyRun = false;
      px = x;
      py = y;
    }
    // q: the last staircase entry with x <= the point's.
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (st[3 * mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    const q = lo - 1;
    if (q >= 0 && st[3 * q + 1]! <= y) {
      // Dominated in x and y by q (its dominators are a run of entries ending at q): it
      // matters only if q is the only one, as an inner point of q.
      if (q > 0 && st[3 * q - 2]! <= y) continue;
      const owner = st[3 * q + 2]!;
      if (!insertInner(data, owner, i, x, y)) continue;
      out[owner] = out[owner]! + area[owner]! * (z - since[owner]!);
      since[owner] = z;
      refresh(data, q, size);
      continue;
    }
    // The point enters at a; an entry of equal x (and larger y) is dominated by it.
    const a = q >= 0 && st[3 * q] === x ? q : q + 1;
    // Entries [a, e) are dominated by it and leave, closing their volume; they become its inner
    // points (in x order already) and their own inner points, now covered twice, are dropped.
    let e = a;
    let tail = -1;
    head[i] = -1;
    while (e < size && st[3 * e + 1]! >= y) {
      const s = st[3 * e + 2]!;
      out[s] = out[s]! + area[s]! * (z - since[s]!);
      if (tail < 0) head[i] = s;
      else next[tail] = s;
      tail = s;
      e++;
    }
    if (tail >= 0) next[tail] = -1;
    const removed = e - a;
    if (removed !== 1) {
      moves += size - e;
      if (moves > budget) return undefined;
      // Entries [e, size) move to a + 1 (a plain loop beats copyWithin on short runs).
      const shift = 1 - removed;
      if (size - e > 16) st.copyWithin(3 * (a + 1), 3 * e, 3 * size);
      else if (shift > 0) {
        for (let k = 3 * size - 3; k >= 3 * e; k -= 3) {
          st[k + 3] = st[k]!;
          st[k + 4] = st[k + 1]!;
          st[k + 5] = st[k + 2]!;
        }
      } else {
        for (let k = 3 * e, to = 3 * (a + 1); k < 3 * size; k += 3, to += 3) {
          st[to] = st[k]!;
          st[to + 1] = st[k + 1]!;
          st[to + 2] = st[k + 2]!;
        }
      }
      size += shift;
    }
    st[3 * a] = x;
    st[3 * a + 1] = y;
    st[3 * a + 2] = i;
    since[i] = z;
    // With nothing evicted its inner list is empty: its area is its rectangle.
    if (tail >= 0) refresh(data, a, size);
    else area[i] = ((a + 1 < size ? st[3 * a + 3]! : env[0]!) - x) * ((a > 0 ? st[3 * a - 2]! : env[1]!) - y);
    // Its neighbours' rectangles shrink.
    if (a > 0) {
      const l = st[3 * a - 1]!;
      out[l] = out[l]! + area[l]! * (z - since[l]!);
      since[l] = z;
      refresh(data, a - 1, size);
    }
    if (a + 1 < size) {
      const r = st[3 * a + 5]!;
      out[r] = out[r]! + area[r]! * (z - since[r]!);
      since[r] = z;
      refresh(data, a + 1, size);
    }
  }
  for (let k = 0; k < size; k++) {
    const s = st[3 * k + 2]!;
    out[s] = out[s]! + area[s]! * (rz - since[s]!);
  }
  return out;
}

/**
 * Puts row i, dominated in x and y by staircase point `owner` alone, into owner's inner list
 * (x ascending, y strictly descending), dropping the members it dominates. Returns false when
 * a member already dominates it (nothing changes). Members left outside owner's rectangle
 * (dominated twice since) cannot dominate it: it would then be dominated twice too.
 */
function insertInner(data: Float64Array, owner: number, i: number, x: number, y: number): boolean {
  let prev = -1;
  let u = head[owner]!;
  while (u >= 0 && data[3 * u]! < x) {
    prev = u;
    u = next[u]!;
  }
  if (prev >= 0 && data[3 * prev + 1]! <= y) return false;
  if (u >= 0 && data[3 * u] === x && data[3 * u + 1]! <= y) return false;
  while (u >= 0 && data[3 * u + 1]! >= y) u = next[u]!;
  if (prev < 0) head[owner] = i;
  else next[prev] = i;
  next[i] = u;
  return true;
}

/**
 * Recomputes the exclusive area of the staircase entry at index k from its neighbours and its
 * inner list, unlinking the inner points now outside its rectangle (a neighbour dominates them
 * too). Doubles stay in typed arrays (env = [rx, ry]): V8 boxes doubles passed to calls.
 */
function refresh(data: Float64Array, k: number, size: number): void {
  const id = st[3 * k + 2]!;
  const x = st[3 * k]!;
  const y = st[3 * k + 1]!;
  const top = k > 0 ? st[3 * k - 2]! : env[1]!;
  const right = k + 1 < size ? st[3 * k + 3]! : env[0]!;
  let a = (right - x) * (top - y);
  // Inner points by x ascending, y descending: those at or above top lead, those at or right
  // of `right` trail.
  let u = head[id]!;
  while (u >= 0 && data[3 * u + 1]! >= top) u = next[u]!;
  if (u >= 0 && data[3 * u]! >= right) u = -1;
  head[id] = u;
  while (u >= 0) {
    let v = next[u]!;
    if (v >= 0 && data[3 * v]! >= right) {
      next[u] = -1;
      v = -1;
    }
    a -= ((v >= 0 ? data[3 * v]! : right) - data[3 * u]!) * (top - data[3 * u + 1]!);
    u = v;
  }
  area[id] = a > 0 ? a : 0;
}
