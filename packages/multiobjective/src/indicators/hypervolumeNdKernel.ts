import { argsortByKey } from '../internal/argsortLex';
import { exclusiveVolume3d } from './exclusiveVolume3d';
import { hypervolume2dKernel } from './hypervolume2dKernel';
import { hypervolume3dKernel } from './hypervolume3dKernel';

/**
 * Hypervolume of n x d points (d >= 2) that all strictly dominate `ref`.
 *
 * d = 2, 3: the O(n log n) sweeps. d = 4: sweep along the 4th objective keeping the 3-D
 * projections of the points seen so far sorted by z; each new point adds its exclusive 3-D
 * volume (clipped sweep, see exclusiveVolume3d) to the running 3-D hypervolume, as in HV4D:
 * O(n^2 log n) worst case, about O(n^2) in practice. d >= 5: the same sweep along the last
 * objective, where each new point's exclusive (d-1)-volume is its box minus the hypervolume of
 * the other points clipped to its box and reduced to their non-dominated subset (WFG's
 * bounding trick), computed recursively.
 */
export function hypervolumeNdKernel(data: Float64Array, n: number, d: number, ref: Float64Array): number {
  if (n === 0) return 0;
  if (d === 2) return hypervolume2dKernel(data, n, ref[0]!, ref[1]!);
  if (d === 3) return hypervolume3dKernel(data, n, ref);
  if (d === 4) return hypervolume4d(data, n, ref);
  return sweepLastObjective(data, n, d, ref);
}

/** Scratch space of the 4-D kernel, reused across calls (it never re-enters itself). */
interface Scratch4 {
  w: Float64Array;
  sx: Float64Array;
  sy: Float64Array;
  sz: Float64Array;
  stair: Float64Array;
}
function makeScratch4(n: number): Scratch4 {
  return {
    w: new Float64Array(n),
    sx: new Float64Array(n),
    sy: new Float64Array(n),
    sz: new Float64Array(n),
    stair: new Float64Array(2 * n + 2),
  };
}
let scratch4 = makeScratch4(64);

function hypervolume4d(data: Float64Array, n: number, ref: Float64Array): number {
  const rx = ref[0]!;
  const ry = ref[1]!;
  const rz = ref[2]!;
  const rw = ref[3]!;
  if (scratch4.w.length < n) scratch4 = makeScratch4(2 * n);
  const { w, sx, sy, sz, stair } = scratch4;
  for (let i = 0; i < n; i++) w[i] = data[4 * i + 3]!;
  const order = argsortByKey(w, n);
  let m = 0;
  let hv3 = 0;
  let volume = 0;
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    const px = data[4 * i]!;
    const py = data[4 * i + 1]!;
    const pz = data[4 * i + 2]!;
    const c = exclusiveVolume3d(px, py, pz, sx, sy, sz, m, rx, ry, rz, stair);
    if (c > 0) {
      hv3 += c;
      // Drop points p covers (they can never matter again), then insert p at its z position.
      let k = 0;
      for (let s = 0; s < m; s++) {
        if (px <= sx[s]! && py <= sy[s]! && pz <= sz[s]!) continue;
        sx[k] = sx[s]!;
        sy[k] = sy[s]!;
        sz[k] = sz[s]!;
        k++;
      }
      let at = k;
      while (at > 0 && sz[at - 1]! > pz) at--;
      sx.copyWithin(at + 1, at, k);
      sy.copyWithin(at + 1, at, k);
      sz.copyWithin(at + 1, at, k);
      sx[at] = px;
      sy[at] = py;
      sz[at] = pz;
      m = k + 1;
    }
    const wNext = t + 1 < n ? w[order[t + 1]!]! : rw;
    volume += hv3 * (wNext - w[i]!);
  }
  return volume;
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
            const b = k * e;
            let j = 0;
            while (j < e && kept[b + j]! <= clipped[o + j]!) j++;
            if (j === e) {
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
    const c = covered ? 0 : box - (l === 0 ? 0 : hypervolumeNdKernel(kept.slice(0, l * e), l, e, u.slice()));
    if (c > 0) {
      hvLower += c;
      let k = 0;
      for (let s = 0; s < m; s++) {
        const o = s * e;
        let coveredByP = true;
        for (let j = 0; j < e; j++) {
          if (p[j]! > live[o + j]!) {
            coveredByP = false;
            break;
          }
        }
        if (coveredByP) continue;
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
