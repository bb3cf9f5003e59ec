import { argsortByKey } from '../internal/argsortLex';
import { appendNonDominated } from '../internal/appendNonDominated';
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

function hypervolume4d(data: Float64Array, n: number, ref: Float64Array): number {
  const rx = ref[0]!;
  const ry = ref[1]!;
  const rz = ref[2]!;
  const rw = ref[3]!;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = data[4 * i + 3]!;
  const order = argsortByKey(w, n);
  // Live 3-D projections, sorted by z.
  const sx = new Float64Array(n);
  const sy = new Float64Array(n);
  const sz = new Float64Array(n);
  const stair = new Float64Array(2 * n + 2);
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
  const p = new Float64Array(e);
  let hvLower = 0;
  let volume = 0;
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    let box = 1;
    for (let j = 0; j < e; j++) {
      p[j] = data[i * d + j]!;
      box *= ref[j]! - p[j]!;
    }
    // Clip the live points to p's box and keep only the non-dominated clipped ones.
    let l = 0;
    let covered = false;
    for (let s = 0; s < m && !covered; s++) {
      const o = s * e;
      let equalsP = true;
      for (let j = 0; j < e; j++) {
        const v = live[o + j]! > p[j]! ? live[o + j]! : p[j]!;
        clipped[l * e + j] = v;
        if (v !== p[j]) equalsP = false;
      }
      if (equalsP) {
        covered = true;
        break;
      }
      l = appendNonDominated(clipped, l, e);
    }
    const c = covered ? 0 : box - (l === 0 ? 0 : hypervolumeNdKernel(clipped.slice(0, l * e), l, e, ref));
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
