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
 * d = 5: sweepLastObjective with the dimension fixed at 4 below, so every coordinate lives in a
 * local (no per-coordinate loops or typed-array reloads), and allocation-free: buffers persist
 * across calls (the 4-D kernel it calls never calls back here). At most HV5D_KEPT_MAX rows.
 */
function hypervolume5d(data: Float64Array, n: number, ref: Float64Array): number {
  // The kept buffers in locals: V8 folds a module constant's address into the loops, but a
  // bundler may make the constant a top-level `var` (esbuild does, in an app that bundles us), read again
  // at every access unless copied (5-D fronts of 100 points 1.3x slower so).
  const last = last5;
  const order = order5;
  const live = live5;
  const clipped = clipped5;
  const u = u5;
  const cand = cand5;
  const drop = drop5;
  const byW = byW5;
  const rank = rank5;
  const liveRank = liveRank5;
  const slotOfRank = slotOfRank5;
  const aboveBits = aboveBits5;
  const aboveW = aboveW5;
  const aboveAt = aboveAt5;
  // Ranks by the 4th objective, once per call: each box's clipped points then come out in that
  // order through a bit set over the ranks, in time linear in their number, where sorting them
  // box by box (by insertion) took a tenth of the time on 5-D fronts of 100-500 points. Small
  // sets (the limit sets of the contributions among them) have small boxes, which an insertion
  // sort orders for less than the sort of the ranks costs.
  const ranked = n >= RANKED_MIN;
  if (ranked) {
    sortRowsByColumn(data, n, 5, 3, last, order);
    for (let r = 0; r < n; r++) rank[order[r]!] = r;
  }
  sortRowsByColumn(data, n, 5, 4, last, order);
  const r0 = ref[0]!;
  const r1 = ref[1]!;
  const r2 = ref[2]!;
  const r3 = ref[3]!;
  let m = 0;
  let hvLower = 0;
  let volume = 0;
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    const p0 = data[i * 5]!;
    const p1 = data[i * 5 + 1]!;
    const p2 = data[i * 5 + 2]!;
    const p3 = data[i * 5 + 3]!;
    let u0 = r0;
    let u1 = r1;
    let u2 = r2;
    let u3 = r3;
    // Bounding box [p, u): a live point worse than p in exactly one coordinate caps it there.
    // The live points are in the order they came, so the latest (nearest in the 5th objective,
    // where most caps are) are looked at first and the box shrinks early.
    // The same scan notes the live points p covers: if p stays, they leave.
    let covered = false;
    let nc = 0;
    let nd = 0;
    for (let o = 4 * m - 4; o >= 0; o -= 4) {
      const q0 = live[o]!;
      const q1 = live[o + 1]!;
      const q2 = live[o + 2]!;
      const q3 = live[o + 3]!;
      const better =
        ((q0 <= p0) as unknown as number) + ((q1 <= p1) as unknown as number) + ((q2 <= p2) as unknown as number) + ((q3 <= p3) as unknown as number);
      if (better === 3) {
        if (q0 > p0) u0 = Math.min(u0, q0);
        else if (q1 > p1) u1 = Math.min(u1, q1);
        else if (q2 > p2) u2 = Math.min(u2, q2);
        else u3 = Math.min(u3, q3);
      } else if (better === 4) {
        covered = true;
        break;
      }
      // p weakly covers q (ties included: limit sets clipped to a box share many values).
      drop[nd] = o;
      nd += ((q0 >= p0) as unknown as number) & ((q1 >= p1) as unknown as number) & ((q2 >= p2) as unknown as number) & ((q3 >= p3) as unknown as number);
      // Candidate for the clip pass while inside the box so far (filtered again there).
      cand[nc] = o;
      nc += ((q0 < u0) as unknown as number) & ((q1 < u1) as unknown as number) & ((q2 < u2) as unknown as number) & ((q3 < u3) as unknown as number);
    }
    let c = 0;
    if (!covered) {
      // Clip to [p, u) and keep the clipped corners inside the box. Those at or below p in the
      // 4th objective (all clipped to p3) go to the front of byW, the others are marked by rank.
      let inBox = 0;
      let floors = 0;
      let lo = n;
      let hi = -1;
      let na = 0;
      for (let a = 0; a < nc; a++) {
        const o = cand[a]!;
        const q0 = live[o]!;
        const q1 = live[o + 1]!;
        const q2 = live[o + 2]!;
        const q3 = live[o + 3]!;
        // max(q_j, p_j) < u_j iff q_j < u_j, as p_j < u_j.
        const inside =
          ((q0 < u0) as unknown as number) & ((q1 < u1) as unknown as number) & ((q2 < u2) as unknown as number) & ((q3 < u3) as unknown as number);
        if (inside === 0) continue;
        const v0 = q0 > p0 ? q0 : p0;
        const v1 = q1 > p1 ? q1 : p1;
        const v2 = q2 > p2 ? q2 : p2;
        const v3 = q3 > p3 ? q3 : p3;
        const b = 4 * inBox;
        clipped[b] = v0;
        clipped[b + 1] = v1;
        clipped[b + 2] = v2;
        clipped[b + 3] = v3;
        const above = (q3 > p3) as unknown as number;
        byW[floors] = inBox;
        floors += 1 - above;
        if (ranked) {
          const r = liveRank[o >> 2]!;
          slotOfRank[r] = inBox;
          aboveBits[r >> 5] = aboveBits[r >> 5]! | (above << (r & 31));
          lo = r < lo ? r : lo;
          hi = r > hi ? r : hi;
        } else if (q3 > p3) {
          // The run [0, na) is increasing in the 4th coordinate; the new one moves down past
          // larger ones.
          let j = na++;
          while (j > 0 && aboveW[j - 1]! > v3) {
            aboveW[j] = aboveW[j - 1]!;
            aboveAt[j] = aboveAt[j - 1]!;
            j--;
          }
          aboveW[j] = v3;
          aboveAt[j] = inBox;
        }
        inBox++;
      }
      const box = (u0 - p0) * (u1 - p1) * (u2 - p2) * (u3 - p3);
      u[0] = u0;
      u[1] = u1;
      u[2] = u2;
      u[3] = u3;
      for (let a = 0; a < na; a++) byW[floors + a] = aboveAt[a]!;
      for (let word = lo >> 5, a = floors; word <= hi >> 5; word++) {
        let bits = aboveBits[word]!;
        aboveBits[word] = 0;
        while (bits !== 0) {
          const lowest = bits & -bits;
          byW[a++] = slotOfRank[(word << 5) + 31 - Math.clz32(lowest)]!;
          bits ^= lowest;
        }
      }
      // The clipped points go to the 4-D kernel as they are, by their 4th coordinate,
      // dominated ones included (it finds them covered when they come): filtering them first
      // (by coordinate sum, for boxes past 128 points) made 5-D fronts of 500-5000 points
      // 10-20% slower.
      c = inBox === 0 ? box : box - hypervolume4dKernelOrdered(clipped, byW, inBox, u);
    }
    if (c > 0) {
      hvLower += c;
      // Drop the live points p covers (noted by the bounding scan, which saves a second scan of
      // the live set) and append p.
      if (nd > 0) {
        // drop[] is in decreasing order: close the gaps from the lowest up.
        let to = drop[nd - 1]!;
        for (let x = nd - 1; x >= 0; x--) {
          const end = x > 0 ? drop[x - 1]! : 4 * m;
          for (let from = drop[x]! + 4; from < end; from += 4) {
            live[to] = live[from]!;
            live[to + 1] = live[from + 1]!;
            live[to + 2] = live[from + 2]!;
            live[to + 3] = live[from + 3]!;
            liveRank[to >> 2] = liveRank[from >> 2]!;
            to += 4;
          }
        }
        m -= nd;
      }
      const o = 4 * m;
      live[o] = p0;
      live[o + 1] = p1;
      live[o + 2] = p2;
      live[o + 3] = p3;
      liveRank[m++] = rank[i]!;
    }
    const next = t + 1 < n ? last[t + 1]! : ref[4]!;
    volume += hvLower * (next - last[t]!);
  }
  return volume;
}

/** From this many rows on, hypervolume5d orders its boxes through ranks (see there). */
const RANKED_MIN = 64;

/**
 * Rows hypervolume5d's kept buffers hold: 112 bytes each, 3.7 MB of address space in all. Larger
 * sets take the generic sweep.
 */
export const HV5D_KEPT_MAX = 1 << 15;

// hypervolume5d's buffers, kept between calls in module constants of a fixed size, not in a
// growing scratch object: V8 then folds their addresses and lengths into the compiled loops.
// Only the pages a call touches are committed: after a call on n rows about 112 n bytes stay so.
/** The 5th objective sorted, and the rows in that order. */
const last5 = new Float64Array(HV5D_KEPT_MAX);
const order5 = new Int32Array(HV5D_KEPT_MAX);
/** The live points' first four coordinates, and the clipped ones of a box, 4 per row. */
const live5 = new Float64Array(4 * HV5D_KEPT_MAX);
const clipped5 = new Float64Array(4 * HV5D_KEPT_MAX);
/** A box's upper corner. */
const u5 = new Float64Array(4);
/** Offsets into live5 of the box's candidates and of the points the newcomer covers. */
const cand5 = new Int32Array(HV5D_KEPT_MAX);
const drop5 = new Int32Array(HV5D_KEPT_MAX);
/** A box's clipped points by their 4th objective (indices into `clipped5`). */
const byW5 = new Int32Array(HV5D_KEPT_MAX);
/** Each row's rank by the 4th objective; the live points' ranks. */
const rank5 = new Int32Array(HV5D_KEPT_MAX);
const liveRank5 = new Int32Array(HV5D_KEPT_MAX);
/** Per rank, the clipped index of its point in the current box; bits set for those above p3. */
const slotOfRank5 = new Int32Array(HV5D_KEPT_MAX);
const aboveBits5 = new Int32Array((HV5D_KEPT_MAX >> 5) + 1);
/** Below RANKED_MIN rows, a box's points above p3 by insertion: their 4th coordinate and index. */
const aboveW5 = new Float64Array(HV5D_KEPT_MAX);
const aboveAt5 = new Int32Array(HV5D_KEPT_MAX);

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
