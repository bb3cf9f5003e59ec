import { argsortLex } from '../internal/argsortLex';
import { checkPoints, checkReference, rowsInsideReference } from '../internal/validate';
import { exclusiveVolume } from './exclusiveVolume';
import { hypervolumeContributions3dKernel } from './hypervolumeContributions3dKernel';

/**
 * Exclusive hypervolume contribution of every row: HV(all) - HV(all but that row), minimisation.
 *
 * Dominated points, exact duplicates (each copy covers the other) and points that do not
 * strictly dominate the reference get 0. Complexity: d = 1, 2, 3 O(n log n) (3-D: a single
 * HV3D-style sweep tracking every staircase point's exclusive rectangle); d >= 4 one
 * box-minus-clipped-hypervolume computation per point (WFG's exclusive volume).
 */
export function hypervolumeContributions(points: Float64Array, d: number, reference: ArrayLike<number>): Float64Array {
  const n = checkPoints(points, d);
  const ref = checkReference(reference, d);
  // Usually every row is inside the reference: then the kernels read the input itself, and
  // their result is the answer (no copy in, no scatter out).
  if (allInside(points, n, d, ref)) return contributionsInside(points, n, d, ref);
  const out = new Float64Array(n);
  const index = new Int32Array(n);
  const inside = rowsInsideReference(points, n, d, ref, index);
  const m = inside.n;
  if (m === 0) return out;
  const local = contributionsInside(inside.data, m, d, ref);
  for (let i = 0; i < m; i++) out[index[i]!] = local[i]!;
  return out;
}

function contributionsInside(data: Float64Array, m: number, d: number, ref: Float64Array): Float64Array {
  if (d === 2) return contributions2d(data, m, ref);
  if (d === 3) return hypervolumeContributions3dKernel(data, m, ref);
  const local = new Float64Array(m);
  for (let i = 0; i < m; i++) local[i] = exclusiveVolume(data, i * d, data, m, d, ref, i);
  return local;
}

function allInside(points: Float64Array, n: number, d: number, ref: Float64Array): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) if (!(points[i * d + j]! < ref[j]!)) return false;
  }
  return true;
}

function contributions2d(data: Float64Array, n: number, ref: Float64Array): Float64Array {
  const out = new Float64Array(n);
  const order = argsortLex(data, n, 2, [0, 1]);
  // Staircase points in x order; a dominated point matters only if exactly one staircase point
  // dominates it (it then lies inside that point's exclusive rectangle and bites into it). Those
  // come right after their staircase point in the sorted order, so each staircase point's inner
  // points are one run of a flat list: innerRows[innerStart[s], innerStart[s + 1]).
  const stair = new Int32Array(n);
  const innerStart = new Int32Array(n + 1);
  const innerRows = new Int32Array(n);
  let stairs = 0;
  let inners = 0;
  let best = Infinity;
  let secondBest = Infinity;
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    const y = data[2 * i + 1]!;
    if (y < best) {
      innerStart[stairs] = inners;
      stair[stairs++] = i;
      secondBest = best;
      best = y;
    } else if (y < secondBest) {
      innerRows[inners++] = i;
    }
  }
  innerStart[stairs] = inners;
  let top = ref[1]!;
  for (let s = 0; s < stairs; s++) {
    const i = stair[s]!;
    const x = data[2 * i]!;
    const y = data[2 * i + 1]!;
    const right = s + 1 < stairs ? data[2 * stair[s + 1]!]! : ref[0]!;
    let area = (right - x) * (top - y);
    // Inner points come in lexicographic order: their union is a staircase sweep.
    let low = top;
    for (let k = innerStart[s]!, end = innerStart[s + 1]!; k < end; k++) {
      const u = innerRows[k]!;
      const uy = data[2 * u + 1]!;
      if (uy < low) {
        area -= (right - data[2 * u]!) * (low - uy);
        low = uy;
      }
    }
    out[i] = area > 0 ? area : 0;
    top = y;
  }
  return out;
}
