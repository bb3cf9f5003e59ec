import { sortRowsByColumn } from '../internal/argsortLex';

/**
 * Points the sorted-array sweep takes at most (larger calls return undefined: the kernel then
 * runs its bit-tree sweep). Its buffers are kept between calls (see
 * hypervolumeContributions3dKernels). 12 MB of address space is reserved at import; pages are committed only when touched, so after
 * a call on n points at most 92 n bytes stay committed (52 a point, 20 a staircase slot, at most
 * two slots a point).
 */
export const SMALL_MAX = 1 << 17;

/**
 * Exclusive contributions of n <= SMALL_MAX points (n x 3) that all strictly dominate `ref`: the
 * dimension sweep of hypervolumeContributions3dKernel (after Emmerich & Fonseca 2011) with
 * every structure in typed arrays kept between calls and no sort but the one by z.
 *
 * Points enter by increasing z. The 2-D staircase of the points entered so far (x ascending, y
 * strictly descending) is a sorted array with gaps, so a new point's place is one binary search
 * and its neighbours are the live entries beside it. A staircase point's exclusive area at the
 * current height is its rectangle (to its right neighbour's x and its left neighbour's y) minus
 * the quadrants of its inner points: the points it alone dominates in x and y, a second
 * staircase kept as a linked list by x. A point dominated by two staircase points can never
 * matter again and is dropped; one dominated by a point that leaves the staircase is dominated
 * by the point that evicted it, so the evicted ones become the newcomer's inner list and theirs
 * are dropped. Each point's volume is accumulated lazily as (exclusive area) x (height since it
 * last changed). Points of equal z may enter in any order (the slab between them is empty), and
 * an exact copy lands in its twin's inner list (or is dropped), which sets both to 0.
 *
 * The gaps: on a front every point enters the staircase and evicts one entry on average, but
 * zero (four in ten) or several (a quarter) as often, and a dense array shifted the entries
 * after the newcomer each time (13-20 entry moves a point at 1000 points, the long shifts
 * through copyWithin calls). Here evicted entries leave gaps, and a newcomer that evicts nothing
 * shifts the entries only up to the nearest gap on its right (or lays the staircase out again
 * with a gap before each entry when none is within GAP_SCAN slots): on fronts of 1000 points
 * half a move, 3-5 gap writes and under one slot laid out again a point. A gap holds its right live neighbour's x and its left live neighbour's y, so
 * the search never stops on one, and a live slot's neighbours' coordinates are the slots beside
 * it, gap or not. Sentinels at both ends (x = -Infinity, y = ry; x = rx, y = -Infinity) remove
 * the end tests.
 *
 * A newcomer that evicts nothing with no gap within reach costs a respread, O(staircase): the
 * worst case (every point entering at the same end) is O(n^2) moves: see
 * hypervolumeContributions3dWithin for a version that gives up.
 */
export function hypervolumeContributions3dSmall(data: Float64Array, n: number, ref: ArrayLike<number>): Float64Array {
  return hypervolumeContributions3dWithin(data, n, ref, Infinity)!;
}

export const hypervolumeContributions3dWithin = /* @__PURE__ */ hypervolumeContributions3dKernels();

/**
 * The sweep and its kept buffers, inside one function called once rather than at the top of the
 * module, for an app that bundles jahskit with esbuild: see hypervolume4dKernels in
 * hypervolume4dKernel.ts (top-level, the esbuild bundle took 1.7-1.8x the time of the built
 * package on 3-D fronts of 100 points). It returns one function, bound to one name: esbuild keeps
 * a destructuring of a call (a getter may run) even when nothing uses it, and with it the call
 * and its 12 MB of buffers, in every app's bundle of dist/index.js.
 */
function hypervolumeContributions3dKernels() {
  /**
   * Staircase slots at most: the sentinels, and a respread (two slots a live entry) followed by
   * one appended slot per later point stay within 2 n + 2.
   */
  const SLOTS = 2 * SMALL_MAX + 4;
  /** The z values sorted, and their rows. */
  const zsKept = new Float64Array(SMALL_MAX);
  const byZKept = new Int32Array(SMALL_MAX);
  /** Staircase slots: (x, y) interleaved, and the row of each (-1 for a gap or a sentinel). */
  const stKept = new Float64Array(2 * SLOTS);
  const rowKept = new Int32Array(SLOTS);
  /** Per row: its exclusive area now, and the height up to which it is accumulated. */
  const areaKept = new Float64Array(SMALL_MAX);
  const sinceKept = new Float64Array(SMALL_MAX);
  /** Per row: the first member of its inner list and, per member, the next (-1 ends). */
  const headKept = new Int32Array(SMALL_MAX);
  const nextKept = new Int32Array(SMALL_MAX);
  /** rx, rz and the move budget, for the sweep (V8 boxes doubles passed to calls). */
  const envKept = new Float64Array(3);
  /**
   * Per row, its x and y, written when it enters the staircase or an inner list: the inner-list
   * walks read them there rather than from the caller's array, whose map and bounds every access
   * checks (fronts of 1000 points 0.92-0.94x the time; a copy of every row first cost dominated
   * sets 3-5 %).
   */
  const xsKept = new Float64Array(SMALL_MAX);
  const ysKept = new Float64Array(SMALL_MAX);

  /**
   * Slots a newcomer that needs room looks through for a gap before the staircase is laid out
   * again with a gap before every entry (4, 8 and 16 measured alike on fronts of 1000 points).
   */
  const GAP_SCAN = 8;

  /**
   * hypervolumeContributions3dSmall, or undefined once it has moved or written more than `budget`
   * staircase slots.
   */
  function hypervolumeContributions3dWithin(data: Float64Array, n: number, ref: ArrayLike<number>, budget: number): Float64Array | undefined {
    if (n > SMALL_MAX) return undefined;
    const out = new Float64Array(n);
    if (n === 0) return out;
    const st = stKept;
    const row = rowKept;
    envKept[0] = ref[0]!;
    envKept[1] = ref[2]!;
    envKept[2] = budget;
    sortRowsByColumn(data, n, 3, 2, zsKept, byZKept);
    // The sentinels: slot 0 left of and above every point, slot 1 (the right end) at rx, below.
    st[0] = -Infinity;
    st[1] = ref[1]!;
    row[0] = -1;
    st[2] = ref[0]!;
    st[3] = -Infinity;
    row[1] = -1;
    return sweep(data, n, out) ? out : undefined;
  }

  /**
   * The sweep over the rows sorted by z into zsKept and byZKept, the sentinels in place; false
   * once past the budget.
   *
   * Its own function, with nothing before its loop that collects type feedback (loads of the
   * kept buffers, constants): V8 (Node 20) allocates a function's feedback lazily, so on a first
   * call that spends its time in one long loop, code before the loop ran without it. Compiled
   * while that call ran, the function deoptimised on its next entry, and from then on every call
   * went through the loop's on-stack-replacement code, where the kept buffers are values of the
   * interpreter frame, checked and reloaded at every access: 75-80 us at 1000 fronts against
   * 55-59 us, in 9 of 10 processes whose first call was on 1000 points (none since). The buffers
   * are read through locals, from when they were module constants: the same sweep naming them at
   * each use then kept map checks on many accesses and took 1.19x the time on fronts of 1000
   * points.
   */
  function sweep(data: Float64Array, n: number, out: Float64Array): boolean {
    const xs = xsKept;
    const ys = ysKept;
    const st = stKept;
    const row = rowKept;
    const zs = zsKept;
    const byZ = byZKept;
    const area = areaKept;
    const since = sinceKept;
    const head = headKept;
    const next = nextKept;
    // rx, rz and the budget, read where used.
    const env = envKept;
    let moves = 0;
    // The right sentinel's slot.
    let size = 1;
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
      // q: the last slot with x <= the point's, a live entry or the left sentinel.
      let lo = 1;
      let hi = size;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (st[2 * mid]! <= x) lo = mid + 1;
        else hi = mid;
      }
      let q = lo - 1;
      if (st[2 * q + 1]! <= y) {
        // Dominated in x and y by q (its dominators are a run of entries ending at q; the slot
        // before q holds the y of the live one before it): it matters only if q is the only one,
        // as an inner point of q.
        if (st[2 * q - 1]! <= y) continue;
        const owner = row[q]!;
        if (!insertInner(owner, i, x, y)) continue;
        xs[i] = x;
        ys[i] = y;
        out[owner] = out[owner]! + area[owner]! * (z - since[owner]!);
        since[owner] = z;
        refresh(q);
        continue;
      }
      // The point enters at slot a; an entry of equal x (and larger y) is dominated by it.
      let a = st[2 * q] === x ? q : q + 1;
      // e: the slot of its right live neighbour (or the right sentinel), once it is in.
      let e: number;
      if (st[2 * a + 1]! < y) {
        // Slot a holds an entry it does not dominate (or the right sentinel): it evicts nothing
        // and needs room, from the first gap on the right if one is near.
        let h = a;
        while (row[h]! >= 0 && h - a < GAP_SCAN) h++;
        if (row[h]! >= 0) {
          moves += size;
          if (moves > env[2]!) return false;
          size = respread(size);
          lo = 1;
          hi = size;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (st[2 * mid]! <= x) lo = mid + 1;
            else hi = mid;
          }
          // Each live entry now has a gap before it: q + 1 is the one before the entry that
          // was at a (not the right sentinel: that entry is still right of the point).
          q = lo - 1;
          a = q + 1;
        } else {
          if (h === size) {
            size++;
            st[2 * size] = env[0]!;
            st[2 * size + 1] = -Infinity;
            row[size] = -1;
          }
          // Slots [a, h) move right by one (a plain loop: a few slots at a time).
          moves += h - a;
          for (let k = h; k > a; k--) {
            st[2 * k] = st[2 * k - 2]!;
            st[2 * k + 1] = st[2 * k - 1]!;
            row[k] = row[k - 1]!;
          }
        }
        e = a + 1;
        st[2 * a] = x;
        st[2 * a + 1] = y;
        row[a] = i;
        xs[i] = x;
        ys[i] = y;
        since[i] = z;
        head[i] = -1;
        // With nothing evicted its inner list is empty: its area is its rectangle.
        area[i] = (st[2 * e]! - x) * (st[2 * a - 1]! - y);
      } else {
        // Slots [a, e) have y >= the point's: the entries it dominates, which leave, closing their
        // volume, and become its inner points (in x order already; their own inner points, now
        // covered twice, are dropped), and the gaps between them.
        e = a;
        let tail = -1;
        head[i] = -1;
        while (st[2 * e + 1]! >= y) {
          const s = row[e]!;
          if (s >= 0) {
            out[s] = out[s]! + area[s]! * (z - since[s]!);
            if (tail < 0) head[i] = s;
            else next[tail] = s;
            tail = s;
          }
          e++;
        }
        // The point takes slot a; the others become gaps between it and slot e.
        const right = st[2 * e]!;
        moves += e - a - 1;
        if (moves > env[2]!) return false;
        for (let k = a + 1; k < e; k++) {
          st[2 * k] = right;
          st[2 * k + 1] = y;
          row[k] = -1;
        }
        st[2 * a] = x;
        st[2 * a + 1] = y;
        row[a] = i;
        xs[i] = x;
        ys[i] = y;
        since[i] = z;
        if (tail >= 0) {
          next[tail] = -1;
          refresh(a);
        } else area[i] = (right - x) * (st[2 * a - 1]! - y);
        if (a === q) {
          // It replaced q: its left live neighbour is further left.
          q--;
          while (q > 0 && row[q]! < 0) q--;
        }
      }
      // Its neighbours' rectangles shrink.
      if (q > 0) {
        const l = row[q]!;
        out[l] = out[l]! + area[l]! * (z - since[l]!);
        since[l] = z;
        refresh(q);
      }
      if (e < size) {
        const r = row[e]!;
        out[r] = out[r]! + area[r]! * (z - since[r]!);
        since[r] = z;
        refresh(e);
      }
    }
    for (let k = 1; k < size; k++) {
      const s = row[k]!;
      if (s >= 0) out[s] = out[s]! + area[s]! * (env[1]! - since[s]!);
    }
    return true;
  }

  /**
   * Lays the staircase (slots 1 to size - 1, the right sentinel at size) out again with a gap
   * before every live entry: live entry j at slot 2j, its gap at 2j - 1. Returns the right
   * sentinel's new slot.
   */
  function respread(size: number): number {
    const st = stKept;
    const row = rowKept;
    const rx = envKept[0]!;
    let live = 0;
    for (let k = 1; k < size; k++) {
      const s = row[k]!;
      if (s < 0) continue;
      live++;
      st[2 * live] = st[2 * k]!;
      st[2 * live + 1] = st[2 * k + 1]!;
      row[live] = s;
    }
    const end = 2 * live + 1;
    st[2 * end] = rx;
    st[2 * end + 1] = -Infinity;
    row[end] = -1;
    // From the right: entry j moves to 2j >= j, past every entry not yet moved.
    for (let j = live; j >= 1; j--) {
      const x = st[2 * j]!;
      st[4 * j + 1] = st[2 * j + 1]!;
      st[4 * j] = x;
      row[2 * j] = row[j]!;
      st[4 * j - 2] = x;
      st[4 * j - 1] = st[2 * j - 1]!;
      row[2 * j - 1] = -1;
    }
    return end;
  }

  /**
   * Puts row i, dominated in x and y by staircase point `owner` alone, into owner's inner list
   * (x ascending, y strictly descending), dropping the members it dominates. Returns false when
   * a member already dominates it (nothing changes). Members left outside owner's rectangle
   * (dominated twice since) cannot dominate it: it would then be dominated twice too.
   */
  function insertInner(owner: number, i: number, x: number, y: number): boolean {
    const xs = xsKept;
    const ys = ysKept;
    const head = headKept;
    const next = nextKept;
    let prev = -1;
    let u = head[owner]!;
    while (u >= 0 && xs[u]! < x) {
      prev = u;
      u = next[u]!;
    }
    if (prev >= 0 && ys[prev]! <= y) return false;
    if (u >= 0 && xs[u] === x && ys[u]! <= y) return false;
    while (u >= 0 && ys[u]! >= y) u = next[u]!;
    if (prev < 0) head[owner] = i;
    else next[prev] = i;
    next[i] = u;
    return true;
  }

  /**
   * Recomputes the exclusive area of the live entry at slot k from its neighbours (the slot
   * before it holds its left neighbour's y, the slot after it its right neighbour's x) and its
   * inner list, unlinking the inner points now outside its rectangle (a neighbour dominates them
   * too).
   */
  function refresh(k: number): void {
    const xs = xsKept;
    const ys = ysKept;
    const st = stKept;
    const head = headKept;
    const next = nextKept;
    const id = rowKept[k]!;
    const x = st[2 * k]!;
    const y = st[2 * k + 1]!;
    const top = st[2 * k - 1]!;
    const right = st[2 * k + 2]!;
    let a = (right - x) * (top - y);
    // Inner points by x ascending, y descending: those at or above top lead, those at or right
    // of `right` trail.
    let u = head[id]!;
    while (u >= 0 && ys[u]! >= top) u = next[u]!;
    if (u >= 0 && xs[u]! >= right) u = -1;
    head[id] = u;
    while (u >= 0) {
      let v = next[u]!;
      if (v >= 0 && xs[v]! >= right) {
        next[u] = -1;
        v = -1;
      }
      a -= ((v >= 0 ? xs[v]! : right) - xs[u]!) * (top - ys[u]!);
      u = v;
    }
    areaKept[id] = a > 0 ? a : 0;
  }

  return hypervolumeContributions3dWithin;
}
