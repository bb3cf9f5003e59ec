import { argsortLex } from '../internal/argsortLex';
import { IntegerSet } from '../internal/IntegerSet';

/**
 * Volume dominated by n x 3 points that all strictly dominate `ref` (Beume et al.'s HV3D
 * dimension sweep). Points enter in z order; the 2-D staircase of the points entered so far is
 * kept as a set of x-ranks in a bit tree, so finding a point's neighbours is O(log n) and every
 * point leaves the staircase at most once: O(n log n) overall, independent of the data.
 */
export function hypervolume3dKernel(data: Float64Array, n: number, ref: ArrayLike<number>): number {
  if (n === 0) return 0;
  const rx = ref[0]!;
  const ry = ref[1]!;
  const rz = ref[2]!;
  const byX = argsortLex(data, n, 3, [0, 1, 2]);
  const byZ = argsortLex(data, n, 3, [2, 1, 0]);
  const rankOf = new Int32Array(n);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const i = byX[r]!;
    rankOf[i] = r;
    xs[r] = data[3 * i]!;
    ys[r] = data[3 * i + 1]!;
  }
  const stair = new IntegerSet(n);
  let area = 0;
  let volume = 0;
  for (let t = 0; t < n; t++) {
    const i = byZ[t]!;
    const r = rankOf[i]!;
    const x = xs[r]!;
    const y = ys[r]!;
    const q = stair.prev(r - 1);
    if (q < 0 || ys[q]! > y) {
      let leftX = x;
      let height = q < 0 ? ry : ys[q]!;
      let s = stair.next(r + 1);
      let added = 0;
      while (s >= 0 && ys[s]! >= y) {
        added += (xs[s]! - leftX) * (height - y);
        leftX = xs[s]!;
        height = ys[s]!;
        stair.delete(s);
        s = stair.next(s + 1);
      }
      added += ((s < 0 ? rx : xs[s]!) - leftX) * (height - y);
      stair.add(r);
      area += added;
    }
    const zNext = t + 1 < n ? data[3 * byZ[t + 1]! + 2]! : rz;
    volume += area * (zNext - data[3 * i + 2]!);
  }
  return volume;
}

