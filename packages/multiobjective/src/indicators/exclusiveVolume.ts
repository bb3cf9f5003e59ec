import { appendNonDominated } from '../internal/appendNonDominated';
import { hypervolumeNdKernel } from './hypervolumeNdKernel';

/**
 * Volume dominated by the point at `p[po .. po + d)` and by none of the rows of `data` (rows
 * inside the reference; row `skip` is ignored): the point's box minus the hypervolume of the
 * other rows clipped to that box.
 *
 * The box is first shrunk as in WFG's bounding step: a row worse than p in exactly one
 * objective j covers all of p's box beyond its value there, so the exclusive region lies in
 * [p, u) with u_j the least such value. Only rows whose clipped corner falls strictly inside
 * [p, u) can bite into it (on a front that is a handful, not all n), and for d >= 4 those are
 * reduced to their non-dominated subset before the hypervolume, which keeps the recursion cheap.
 */
export function exclusiveVolume(p: Float64Array, po: number, data: Float64Array, n: number, d: number, ref: Float64Array, skip = -1): number {
  if (upper.length < d) upper = new Float64Array(d);
  const u = upper.subarray(0, d);
  for (let j = 0; j < d; j++) {
    u[j] = ref[j]!;
    if (!(ref[j]! - p[po + j]! > 0)) return 0;
  }
  // Rows are visited from the one that covered the previous point: where most points are
  // dominated, a few rows cover most of them, and the scan then stops at once.
  const start = coverHint < n ? coverHint : 0;
  for (let k = 0; k < n; k++) {
    const s = start + k < n ? start + k : start + k - n;
    if (s === skip) continue;
    const o = s * d;
    let worse = -1;
    let count = 0;
    for (let j = 0; j < d; j++) {
      if (data[o + j]! > p[po + j]!) {
        worse = j;
        if (++count > 1) break;
      }
    }
    // Another row weakly dominates p: nothing is exclusive.
    if (count === 0) {
      coverHint = s;
      return 0;
    }
    if (count === 1 && data[o + worse]! < u[worse]!) u[worse] = data[o + worse]!;
  }
  let box = 1;
  for (let j = 0; j < d; j++) box *= u[j]! - p[po + j]!;
  if (clippedRows.length < n * d) clippedRows = new Float64Array(Math.max(n * d, 2 * clippedRows.length));
  const clipped = clippedRows;
  let l = 0;
  for (let s = 0; s < n; s++) {
    if (s === skip) continue;
    const o = s * d;
    const c = l * d;
    let inside = true;
    for (let j = 0; j < d; j++) {
      const a = data[o + j]!;
      // max(a, p_j) < u_j iff a < u_j, as p_j < u_j.
      if (!(a < u[j]!)) {
        inside = false;
        break;
      }
      const b = p[po + j]!;
      clipped[c + j] = a > b ? a : b;
    }
    if (!inside) continue;
    if (d >= 4) l = appendNonDominated(clipped, l, d);
    else l++;
  }
  if (l === 0) return box;
  let rest: number;
  if (d === 1) {
    let best = u[0]!;
    for (let s = 0; s < l; s++) if (clipped[s]! < best) best = clipped[s]!;
    rest = u[0]! - best;
  } else {
    rest = hypervolumeNdKernel(clipped.subarray(0, l * d), l, d, u);
  }
  const v = box - rest;
  return v > 0 ? v : 0;
}

/**
 * Buffers kept between calls. The kernels called above never come back here, so one call never
 * sees another's use of them.
 */
let upper = new Float64Array(8);
let coverHint = 0;
let clippedRows = new Float64Array(256);
