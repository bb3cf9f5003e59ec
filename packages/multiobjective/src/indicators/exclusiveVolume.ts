import { appendNonDominated } from '../internal/appendNonDominated';
import { hypervolumeNdKernel } from './hypervolumeNdKernel';

/**
 * Volume dominated by the point at `p[po .. po + d)` and by none of the rows of `data` (rows
 * inside the reference; row `skip` is ignored): the point's box minus the hypervolume of the
 * other rows clipped to that box. For d >= 4 the clipped rows are first reduced to their
 * non-dominated subset, which is what keeps WFG-style recursion cheap.
 */
export function exclusiveVolume(p: Float64Array, po: number, data: Float64Array, n: number, d: number, ref: Float64Array, skip = -1): number {
  let box = 1;
  for (let j = 0; j < d; j++) box *= ref[j]! - p[po + j]!;
  if (!(box > 0)) return 0;
  const clipped = new Float64Array(n * d);
  let l = 0;
  for (let s = 0; s < n; s++) {
    if (s === skip) continue;
    const o = s * d;
    const c = l * d;
    let equalsP = true;
    for (let j = 0; j < d; j++) {
      const a = data[o + j]!;
      const b = p[po + j]!;
      const v = a > b ? a : b;
      clipped[c + j] = v;
      if (v !== b) equalsP = false;
    }
    // Another row weakly dominates p: nothing is exclusive.
    if (equalsP) return 0;
    if (d >= 4) l = appendNonDominated(clipped, l, d);
    else l++;
  }
  if (l === 0) return box;
  let rest: number;
  if (d === 1) {
    let best = ref[0]!;
    for (let s = 0; s < l; s++) if (clipped[s]! < best) best = clipped[s]!;
    rest = ref[0]! - best;
  } else {
    rest = hypervolumeNdKernel(clipped.subarray(0, l * d), l, d, ref);
  }
  const v = box - rest;
  return v > 0 ? v : 0;
}
