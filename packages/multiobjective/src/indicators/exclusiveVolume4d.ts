import { hypervolume4dKernel } from './hypervolume4dKernel';

export const exclusiveVolume4d = /* @__PURE__ */ exclusiveVolume4dKernel();

/**
 * exclusiveVolume4d and its kept buffers, inside one function called once rather than at the
 * top of the module, for an app that bundles jahskit with esbuild: see hypervolume4dKernels in
 * hypervolume4dKernel.ts.
 */
function exclusiveVolume4dKernel() {
  /**
   * Volume dominated by row t of the n x 4 rows in `data` (all inside `ref`) and by no other row:
   * exclusiveVolume's box minus clipped hypervolume, for 4 objectives with every coordinate in a
   * local, in one scan.
   *
   * A row worse than p in exactly one objective caps p's box there (WFG's bounding step) and
   * then lies beyond the cap, so it never bites into the box; only rows worse in two or more
   * objectives are clipped to p as the scan meets them, and those the final box excludes are
   * dropped after it. The dominated ones among them are left to the 4-D sweep, which finds each
   * covered as it comes about as cheaply as a pairwise filter here would (that filter was a third
   * of the time on fronts of 100 points).
   */
  function exclusiveVolume4d(data: Float64Array, t: number, n: number, ref: Float64Array): number {
    if (clipped.length < 4 * n) clipped = new Float64Array(Math.max(4 * n, 2 * clipped.length));
    const c = clipped;
    const p0 = data[4 * t]!;
    const p1 = data[4 * t + 1]!;
    const p2 = data[4 * t + 2]!;
    const p3 = data[4 * t + 3]!;
    let u0 = ref[0]!;
    let u1 = ref[1]!;
    let u2 = ref[2]!;
    let u3 = ref[3]!;
    let l = 0;
    for (let s = 0; s < n; s++) {
      if (s === t) continue;
      const q0 = data[4 * s]!;
      const q1 = data[4 * s + 1]!;
      const q2 = data[4 * s + 2]!;
      const q3 = data[4 * s + 3]!;
      const w0 = q0 > p0;
      const w1 = q1 > p1;
      const w2 = q2 > p2;
      const w3 = q3 > p3;
      const worse = (w0 as unknown as number) + (w1 as unknown as number) + (w2 as unknown as number) + (w3 as unknown as number);
      if (worse >= 2) {
        c[4 * l] = w0 ? q0 : p0;
        c[4 * l + 1] = w1 ? q1 : p1;
        c[4 * l + 2] = w2 ? q2 : p2;
        c[4 * l + 3] = w3 ? q3 : p3;
        l++;
      } else if (worse === 1) {
        if (w0) {
          if (q0 < u0) u0 = q0;
        } else if (w1) {
          if (q1 < u1) u1 = q1;
        } else if (w2) {
          if (q2 < u2) u2 = q2;
        } else if (q3 < u3) u3 = q3;
      } else return 0;
    }
    // The clipped corners that fall inside the final box [p, u).
    let k = 0;
    for (let s = 0; s < l; s++) {
      const a0 = c[4 * s]!;
      const a1 = c[4 * s + 1]!;
      const a2 = c[4 * s + 2]!;
      const a3 = c[4 * s + 3]!;
      if (a0 < u0 && a1 < u1 && a2 < u2 && a3 < u3) {
        c[4 * k] = a0;
        c[4 * k + 1] = a1;
        c[4 * k + 2] = a2;
        c[4 * k + 3] = a3;
        k++;
      }
    }
    const box = (u0 - p0) * (u1 - p1) * (u2 - p2) * (u3 - p3);
    if (k === 0) return box;
    upper[0] = u0;
    upper[1] = u1;
    upper[2] = u2;
    upper[3] = u3;
    const v = box - hypervolume4dKernel(c, k, upper);
    return v > 0 ? v : 0;
  }

  /**
   * Buffers kept between calls: the clipped rows (grown to the largest n seen) and the box's upper
   * corner, in a typed array so that its doubles reach the kernel unboxed.
   */
  let clipped = new Float64Array(256);
  const upper = new Float64Array(4);

  return exclusiveVolume4d;
}
