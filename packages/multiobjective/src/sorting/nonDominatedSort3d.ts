import { argsortLex } from '../internal/argsortLex';

/**
 * Front ranks (0-based) of an n x 3 set. Points are visited in lexicographic order, so a point's
 * dominators have all been ranked; front k dominates it iff the 2-D (y, z) staircase of front k
 * dominates its projection, an O(log) binary search. Fronts are nested (a point dominated by
 * front k + 1 is dominated by front k), so the rank itself is a binary search over fronts:
 * O(n log^2 n) queries plus staircase updates (array splices, cheap because staircases stay short
 * on realistic data).
 */
export function nonDominatedSort3d(points: Float64Array, n: number): Int32Array {
  const rank = new Int32Array(n);
  if (n === 0) return rank;
  const order = argsortLex(points, n, 3);
  const ys: number[][] = [];
  const zs: number[][] = [];
  let prev = -1;
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    const o = 3 * i;
    const x = points[o]!;
    const y = points[o + 1]!;
    const z = points[o + 2]!;
    if (prev >= 0) {
      const po = 3 * prev;
      if (points[po] === x && points[po + 1] === y && points[po + 2] === z) {
        rank[i] = rank[prev]!;
        continue;
      }
    }
    prev = i;
    let lo = 0;
    let hi = ys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (staircaseDominates(ys[mid]!, zs[mid]!, y, z)) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
    if (lo === ys.length) {
      ys.push([y]);
      zs.push([z]);
      continue;
    }
    const sy = ys[lo]!;
    const sz = zs[lo]!;
    // Staircase: y ascending, z strictly descending. Drop the entries the new point covers.
    let a = 0;
    let b = sy.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (sy[mid]! < y) a = mid + 1;
      else b = mid;
    }
    let e = a;
    while (e < sy.length && sz[e]! >= z) e++;
    if (e === a) {
      sy.splice(a, 0, y);
      sz.splice(a, 0, z);
    } else {
      sy[a] = y;
      sz[a] = z;
      if (e > a + 1) {
        sy.splice(a + 1, e - a - 1);
        sz.splice(a + 1, e - a - 1);
      }
    }
  }
  return rank;
}

function staircaseDominates(sy: number[], sz: number[], y: number, z: number): boolean {
  // Last entry with sy <= y has the smallest z among those that could dominate.
  let a = 0;
  let b = sy.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (sy[mid]! <= y) a = mid + 1;
    else b = mid;
  }
  return a > 0 && sz[a - 1]! <= z;
}
