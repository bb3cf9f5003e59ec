import { argsortByKey, sortRowsByColumn } from '../internal/argsortLex';
import { hypervolume2dKernel } from './hypervolume2dKernel';
import { hypervolume3dKernel } from './hypervolume3dKernel';
import { hypervolume4dKernel, hypervolume4dKernelOrdered } from './hypervolume4dKernel';
import { rowWeaklyDominates } from '../internal/rowWeaklyDominates';

/**
 * Hypervolume of n x d points (d >= 2) that all strictly dominate `ref`.
 *
 * d = 2, 3: the O(n log n) sweeps. d = 4: hypervolume4dKernel, an HV4D-style sweep along the
 * 4th objective, O(n^2) in practice. d = 5: the same sweep along
 * the 5th objective, where each new point's exclusive 4-volume is its box minus the 4-D
 * hypervolume of the other points clipped to its box (WFG's bounding trick; the 4-D sweep
 * skips the dominated clipped points itself), specialised for 4 coordinates, branch-light and
 * allocation-free. d >= 6: the same, generic in d, recursing down to d = 5.
 */
export function hypervolumeNdKernel(data: Float64Array, n: number, d: number, ref: Float64Array): number {
  if (n === 0) return 0;
  if (d === 2) return hypervolume2dKernel(data, n, ref[0]!, ref[1]!);
  if (d === 3) return hypervolume3dKernel(data, n, ref);
  if (d === 4) return hypervolume4dKernel(data, n, ref);
  if (d === 5 && n <= HV5D_KEPT_MAX) return hypervolume5d(data, n, ref);
  return sweepLastObjective(data, n, d, ref);
}

/**
 * Rows hypervolume5d's kept buffers hold: 92 bytes each, 3.0 MB of address space in all. Larger
 * sets take the generic sweep.
 */
export const HV5D_KEPT_MAX = 1 << 15;

const hypervolume5d = /* @__PURE__ */ hypervolume5dKernel();

/**
 * hypervolume5d and its kept buffers, inside one function called once rather than at the top of
 * the module, for an app that bundles jahskit with esbuild: see hypervolume4dKernels (the esbuild
 * bundle took 1.2x the sources' time on 5-D fronts of 100 points with these buffers top-level,
 * once the 4-D kernel's had moved in).
 */
function hypervolume5dKernel() {
  // hypervolume5d's buffers, kept between calls in constants of a fixed size, not in a
  // growing scratch object: V8 then folds their addresses and lengths into the compiled loops.
  // Only the pages a call touches are committed: after a call on n rows about 92 n bytes stay so.
  /** The 5th objective sorted, and the rows in that order. */
  const last5 = new Float64Array(HV5D_KEPT_MAX);
  const order5 = new Int32Array(HV5D_KEPT_MAX);
  /**
   * The live points' first four coordinates, a column each, by ascending 4th coordinate. Columns,
   * not rows of four: a point's four loads then share one index, which V8 bounds-checks once
   * (5-D fronts of 100 points: 1,450k -> 1,358k instructions a call, bit-identical values).
   */
  const live0 = new Float64Array(HV5D_KEPT_MAX);
  const live1 = new Float64Array(HV5D_KEPT_MAX);
  const live2 = new Float64Array(HV5D_KEPT_MAX);
  const live3 = new Float64Array(HV5D_KEPT_MAX);
  /**
   * Places (in the live columns) of the live points the newcomer covers, and of its floor's
   * candidates, those beating it in z (candZ5) apart.
   */
  const drop5 = new Int32Array(HV5D_KEPT_MAX);
  const cand5 = new Int32Array(HV5D_KEPT_MAX);
  const candZ5 = new Int32Array(HV5D_KEPT_MAX);
  /** A box's clipped points, 4 per row, in the order the 4-D sweep visits them; its upper corner. */
  const clipped5 = new Float64Array(4 * HV5D_KEPT_MAX);
  const u5 = new Float64Array(4);
  /** 0, 1, 2, ...: the clipped points' order for hypervolume4dKernelOrdered, filled up to byWFilled. */
  const byW5 = new Int32Array(HV5D_KEPT_MAX);
  let byWFilled = 0;

  /**
   * d = 5: sweepLastObjective with the dimension fixed at 4 below, so every coordinate lives in a
   * local (no per-coordinate loops or typed-array reloads), and allocation-free: buffers persist
   * across calls (the 4-D kernel it calls never calls back here). At most HV5D_KEPT_MAX rows.
   *
   * The live points are kept by their 4th objective. A newcomer's floor (the live points at or
   * below it there) is one run of them and holds every cap of its box in the other three
   * coordinates; the points above it are the next run, up to the first one that caps the box in
   * the 4th, past which nothing matters. So each box's clipped points come out in the order the 4-D
   * sweep visits them (no ranks, bit set or sort per box, as before), and the live points past that
   * cap are never read: 0.85x the time on fronts of 100 points, 0.87-0.93x at 500.
   */
  function hypervolume5d(data: Float64Array, n: number, ref: Float64Array): number {
    // The kept buffers in locals, read from the closure once per call: read at every use, they
    // cost the bitset sort larger code with more checks in its loops (see nonDominatedSortBitset).
    const last = last5;
    const order = order5;
    const l0 = live0;
    const l1 = live1;
    const l2 = live2;
    const l3 = live3;
    const drop = drop5;
    const cand = cand5;
    const candZ = candZ5;
    const clipped = clipped5;
    const byW = byW5;
    const upper = u5;
    for (; byWFilled < n; byWFilled++) byW[byWFilled] = byWFilled;
    sortRowsByColumn(data, n, 5, 4, last, order);
    const r0 = ref[0]!;
    const r1 = ref[1]!;
    const r2 = ref[2]!;
    const r3 = ref[3]!;
    let m = 0;
    let hvLower = 0;
    let volume = 0;
    // The last live point that covered a newcomer: it, or a live point covering it, still covers
    // whatever it covers (sets with dominated points and copies skip their scan).
    let k0 = Infinity;
    let k1 = Infinity;
    let k2 = Infinity;
    let k3 = Infinity;
    for (let t = 0; t < n; t++) {
      const i = order[t]!;
      const p0 = data[i * 5]!;
      const p1 = data[i * 5 + 1]!;
      const p2 = data[i * 5 + 2]!;
      const p3 = data[i * 5 + 3]!;
      let c = 0;
      if (((k0 <= p0) as unknown as number) & ((k1 <= p1) as unknown as number) & ((k2 <= p2) as unknown as number) & ((k3 <= p3) as unknown as number)) {
        const next = t + 1 < n ? last[t + 1]! : ref[4]!;
        volume += hvLower * (next - last[t]!);
        continue;
      }
      let u0 = r0;
      let u1 = r1;
      let u2 = r2;
      let u3 = r3;
      // The floor of p's box [p, u): a live point worse than p in exactly one of the other three
      // coordinates caps the box there, one worse in two or more is a candidate (clipped once all
      // caps are known). Nearest p in the 4th first, as the 4-D sweep scans the points below a
      // newcomer, and only points inside the box found so far: one outside it can neither cap
      // it further nor lie in the final box (on the 5-D fronts of 100 points 0.95-0.99x the time,
      // the ratio of the medians of six processes each).
      let covered = false;
      let nd = 0;
      let nc = 0;
      let nz = 0;
      let below = 0;
      let at = 0;
      // at: the floor's end, the first live point above p in the 4th.
      let hi = m;
      while (at < hi) {
        const mid = (at + hi) >>> 1;
        if (l3[mid]! <= p3) at = mid + 1;
        else hi = mid;
      }
      for (let s = at - 1; s >= 0; s--) {
        const q0 = l0[s]!;
        const q1 = l1[s]!;
        const q2 = l2[s]!;
        if (!(((q0 < u0) as unknown as number) & ((q1 < u1) as unknown as number) & ((q2 < u2) as unknown as number))) continue;
        const better = ((q0 <= p0) as unknown as number) + ((q1 <= p1) as unknown as number) + ((q2 <= p2) as unknown as number);
        if (better === 2) {
          // Inside the box, so below u in that coordinate too.
          if (q0 > p0) u0 = q0;
          else if (q1 > p1) u1 = q1;
          else u2 = q2;
          continue;
        }
        if (better === 3) {
          covered = true;
          k0 = q0;
          k1 = q1;
          k2 = q2;
          k3 = l3[s]!;
          break;
        }
        // Candidates beating p in z (clipped to z = p2, the floor's lowest) apart: they come first
        // to seedFloor, whose insertion sort by z then moves about a third fewer rows. An integer
        // (| 0): with the boolean itself added, V8 kept nz as a double, converted at each use.
        const zClipped = ((q2 <= p2) as unknown as number) | 0;
        candZ[nz] = s;
        nz += zClipped;
        cand[nc] = s;
        nc += zClipped ^ 1;
      }
      if (!covered) {
        // p goes in after the floor's points strictly below it in the 4th. Of the floor, p covers
        // only points at its own 4th coordinate (the floor's tail, empty on fronts), so they are
        // found here rather than tested point by point in the scan (ties included: limit sets
        // clipped to a box share many values).
        below = at;
        while (below > 0 && l3[below - 1]! === p3) below--;
        for (let s = below; s < at; s++) {
          drop[nd] = s;
          nd += ((l0[s]! >= p0) as unknown as number) & ((l1[s]! >= p1) as unknown as number) & ((l2[s]! >= p2) as unknown as number);
        }
        // The floor's candidates inside the final box (max(q_j, p_j) < u_j iff q_j < u_j, as
        // p_j < u_j), clipped, then the points above p: the first one no worse than p in the other
        // coordinates caps the box in the 4th, and none after it matters (none is inside the box,
        // and p covers none: the cap would cover it, and live points do not cover each other).
        // The floor goes to the 4-D sweep nearest p in the 4th first (the order of the scan): in
        // the order of the live points its sweep took 1.1-1.2x the time (fronts of 100 points), and
        // seedFloor's insertion sort by z moves 1.4x the rows. Floors of 2-48 rows now seed the
        // sweep instead (their order matters only to that sort); larger ones still come row
        // by row (clipped inside the scan, in forward order, fronts of 500 points took 1.12-1.24x
        // the time, those of 100 1.02-1.09x).
        let k = 0;
        for (let a = 0; a < nz; a++) {
          const s = candZ[a]!;
          const q0 = l0[s]!;
          const q1 = l1[s]!;
          const b = 4 * k;
          clipped[b] = q0;
          clipped[b + 1] = q1;
          clipped[b + 2] = p2;
          clipped[b + 3] = p3;
          k += ((q0 < u0) as unknown as number) & ((q1 < u1) as unknown as number);
        }
        for (let a = 0; a < nc; a++) {
          const s = cand[a]!;
          const q0 = l0[s]!;
          const q1 = l1[s]!;
          const q2 = l2[s]!;
          const b = 4 * k;
          clipped[b] = q0 > p0 ? q0 : p0;
          clipped[b + 1] = q1 > p1 ? q1 : p1;
          clipped[b + 2] = q2;
          clipped[b + 3] = p3;
          k += ((q0 < u0) as unknown as number) & ((q1 < u1) as unknown as number) & ((q2 < u2) as unknown as number);
        }
        // All at w = p3 after clipping: the 4-D kernel seeds its sweep from them (seedFloor).
        const floor = k;
        // Above the floor, a point beating p in two of x, y and z covers, from its w on, all of the
        // box beyond it in the third: later points past it there are left out (v, the box's upper
        // corner lowered so), where the 4-D sweep would have found them covered one by one.
        let v0 = u0;
        let v1 = u1;
        let v2 = u2;
        for (; at < m; at++) {
          const q0 = l0[at]!;
          const q1 = l1[at]!;
          const q2 = l2[at]!;
          const b0 = (q0 <= p0) as unknown as number;
          const b1 = (q1 <= p1) as unknown as number;
          const b2 = (q2 <= p2) as unknown as number;
          if (b0 & b1 & b2) {
            u3 = l3[at]!;
            break;
          }
          drop[nd] = at;
          nd += ((q0 >= p0) as unknown as number) & ((q1 >= p1) as unknown as number) & ((q2 >= p2) as unknown as number);
          // Outside the box as lowered so far (about half the points above p on the 5-D fronts):
          // nothing of it left to cover, and nothing to lower, as v stays above p (a point beating p
          // in two coordinates can only be outside in the third, at or past v there already).
          if (!(((q0 < v0) as unknown as number) & ((q1 < v1) as unknown as number) & ((q2 < v2) as unknown as number))) continue;
          const b = 4 * k;
          clipped[b] = b0 ? p0 : q0;
          clipped[b + 1] = b1 ? p1 : q1;
          clipped[b + 2] = b2 ? p2 : q2;
          clipped[b + 3] = l3[at]!;
          k++;
          // Inside the box, such a point lowers v to itself in its third coordinate.
          if (b0 + b1 + b2 === 2) {
            if (q0 > p0) v0 = q0;
            else if (q1 > p1) v1 = q1;
            else v2 = q2;
          }
        }
        const box = (u0 - p0) * (u1 - p1) * (u2 - p2) * (u3 - p3);
        if (k === 0) c = box;
        else {
          upper[0] = u0;
          upper[1] = u1;
          upper[2] = u2;
          upper[3] = u3;
          // Dominated clipped points included: the 4-D sweep finds them covered as they come
          // (filtering them first made fronts of 500-5000 points 10-20% slower).
          c = box - hypervolume4dKernelOrdered(clipped, byW, k, upper, floor);
        }
      }
      if (c > 0) {
        hvLower += c;
        // p goes in at `below` (after the points with a smaller 4th coordinate); the points it covers
        // (all at or after `below`, their drop[] ascending) leave.
        const d0 = nd > 0 ? drop[0]! : m;
        for (let s = d0 - 1; s >= below; s--) {
          l0[s + 1] = l0[s]!;
          l1[s + 1] = l1[s]!;
          l2[s + 1] = l2[s]!;
          l3[s + 1] = l3[s]!;
        }
        if (nd > 0) {
          let to = d0 + 1;
          for (let s = d0 + 1, x = 1; s < m; s++) {
            if (x < nd && drop[x] === s) {
              x++;
              continue;
            }
            l0[to] = l0[s]!;
            l1[to] = l1[s]!;
            l2[to] = l2[s]!;
            l3[to] = l3[s]!;
            to++;
          }
        }
        l0[below] = p0;
        l1[below] = p1;
        l2[below] = p2;
        l3[below] = p3;
        m += 1 - nd;
      }
      const next = t + 1 < n ? last[t + 1]! : ref[4]!;
      volume += hvLower * (next - last[t]!);
    }
    return volume;
  }

  return hypervolume5d;
}

/**
 * The generic sweep along the last objective for any d >= 4 (no 4-D or 5-D specialisation at
 * this level; the recursion below still uses the fast kernels). Exported so the tests can
 * check the specialised kernels against it.
 */
export function hypervolumeGenericSweep(data: Float64Array, n: number, d: number, ref: Float64Array): number {
  if (n === 0) return 0;
  return sweepLastObjective(data, n, d, ref);
}

function sweepLastObjective(data: Float64Array, n: number, d: number, ref: Float64Array): number {
  const e = d - 1;
  const last = new Float64Array(n);
  for (let i = 0; i < n; i++) last[i] = data[i * d + e]!;
  const order = argsortByKey(last, n);
  const live = new Float64Array(n * e);
  let m = 0;
  const clipped = new Float64Array(n * e);
  const kept = new Float64Array(n * e);
  const sums = new Float64Array(n);
  const p = new Float64Array(e);
  const u = new Float64Array(e);
  let hvLower = 0;
  let volume = 0;
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    for (let j = 0; j < e; j++) {
      p[j] = data[i * d + j]!;
      u[j] = ref[j]!;
    }
    // Bounding box [p, u) of p's exclusive region: a live point worse than p in exactly one
    // coordinate covers everything beyond it in that coordinate. Clipped points reaching past u
    // cannot bite into the exclusive region and are dropped before the filter (WFG bounding).
    let covered = false;
    for (let s = 0; s < m && !covered; s++) {
      const o = s * e;
      let worse = -1;
      let count = 0;
      for (let j = 0; j < e; j++) {
        if (live[o + j]! > p[j]!) {
          worse = j;
          if (++count > 1) break;
        }
      }
      if (count === 0) covered = true;
      else if (count === 1 && live[o + worse]! < u[worse]!) u[worse] = live[o + worse]!;
    }
    let box = 1;
    for (let j = 0; j < e; j++) box *= u[j]! - p[j]!;
    // Clip the remaining live points to p's box and keep only the non-dominated clipped ones.
    // Visiting them by increasing coordinate sum means a point can only be dominated by one
    // already kept, so the filter never has to evict.
    let inBox = 0;
    for (let s = 0; s < m && !covered; s++) {
      const o = s * e;
      const c = inBox * e;
      let sum = 0;
      let inside = true;
      for (let j = 0; j < e; j++) {
        const v = live[o + j]! > p[j]! ? live[o + j]! : p[j]!;
        if (v >= u[j]!) {
          inside = false;
          break;
        }
        clipped[c + j] = v;
        sum += v;
      }
      if (!inside) continue;
      sums[inBox++] = sum;
    }
    const m2 = inBox;
    let l = 0;
    if (!covered && m2 > 0) {
      const order = orderBySum(sums, m2);
      for (let t = 0; t < m2; t++) {
        const o = order[t]! * e;
        let dominator = -1;
        if (e === 4) {
          // The 5-objective case, unrolled: it is the hot loop of the whole recursion.
          const c0 = clipped[o]!;
          const c1 = clipped[o + 1]!;
          const c2 = clipped[o + 2]!;
          const c3 = clipped[o + 3]!;
          for (let k = 0, b = 0; k < l; k++, b += 4) {
            if (kept[b]! <= c0 && kept[b + 1]! <= c1 && kept[b + 2]! <= c2 && kept[b + 3]! <= c3) {
              dominator = k;
              break;
            }
          }
        } else {
          for (let k = 0; k < l; k++) {
            if (rowWeaklyDominates(kept, k * e, clipped, o, e)) {
              dominator = k;
              break;
            }
          }
        }
        if (dominator > 0) {
          // Move-to-front: a few kept points dominate most clipped ones, so look at them first.
          const b = dominator * e;
          for (let j = 0; j < e; j++) {
            const tmp = kept[j]!;
            kept[j] = kept[b + j]!;
            kept[b + j] = tmp;
          }
        }
        if (dominator >= 0) continue;
        for (let j = 0; j < e; j++) kept[l * e + j] = clipped[o + j]!;
        l++;
      }
    }
    const c = covered ? 0 : box - (l === 0 ? 0 : hypervolumeNdKernel(kept, l, e, u));
    if (c > 0) {
      hvLower += c;
      let k = 0;
      for (let s = 0; s < m; s++) {
        const o = s * e;
        if (rowWeaklyDominates(p, 0, live, o, e)) continue;
        if (k !== s) live.copyWithin(k * e, o, o + e);
        k++;
      }
      live.set(p, k * e);
      m = k + 1;
    }
    const next = t + 1 < n ? last[order[t + 1]!]! : ref[e]!;
    volume += hvLower * (next - last[i]!);
  }
  return volume;
}

/**
 * Row indices in (approximately) increasing order of `sums`. The index is stored in the low 20
 * mantissa bits so the native typed-array sort does the work; ties within 2^-32 relative may
 * swap, which only costs the filter a missed eviction (a dominated point is kept), never
 * correctness.
 */
function orderBySum(sums: Float64Array, m: number): Int32Array {
  if (m >= 1 << 20) return argsortByKey(sums, m);
  const keys = sums.subarray(0, m);
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * m);
  for (let i = 0; i < m; i++) words[2 * i] = ((words[2 * i]! & 0xfff00000) | i) >>> 0;
  keys.sort();
  const order = orderScratch.length >= m ? orderScratch : (orderScratch = new Int32Array(2 * m));
  for (let i = 0; i < m; i++) order[i] = words[2 * i]! & 0xfffff;
  return order;
}
let orderScratch = new Int32Array(256);
