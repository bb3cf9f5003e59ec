/**
 * Volume dominated by p = (px, py, pz) and by none of the m points in (sx, sy, sz), which must be
 * sorted by z ascending; (rx, ry, rz) is the reference point. The other points are clipped to
 * p's box on the fly and swept along z over a small sorted-array staircase; the sweep stops as
 * soon as p's box is fully covered. `stair` is scratch space of length >= 2 m + 2.
 * O(m log m) typical (O(m^2) worst case when the clipped staircase grows long).
 */
export function exclusiveVolume3d(
  px: number,
  py: number,
  pz: number,
  sx: Float64Array,
  sy: Float64Array,
  sz: Float64Array,
  m: number,
  rx: number,
  ry: number,
  rz: number,
  stair: Float64Array,
  skip = -1,
): number {
  // Bounding box of the exclusive region: a point that beats p in two coordinates covers all of
  // p's box beyond its third coordinate. Only points whose clipped corner lies inside the
  // resulting box [p, u) can bite into the exclusive region, which keeps the sweep short.
  let ux = rx;
  let uy = ry;
  let uz = rz;
  for (let t = 0; t < m; t++) {
    if (t === skip) continue;
    const qx = sx[t]!;
    const qy = sy[t]!;
    const qz = sz[t]!;
    if (qx <= px) {
      if (qy <= py) {
        if (qz <= pz) return 0;
        if (qz < uz) uz = qz;
      } else if (qz <= pz && qy < uy) uy = qy;
    } else if (qy <= py && qz <= pz && qx < ux) ux = qx;
  }
  return clippedSweep3d(px, py, pz, ux, uy, uz, sx, sy, sz, 0, m, stair, skip);
}

/**
 * The sweep half of exclusiveVolume3d: volume of the box [p, u) not dominated by the points
 * (cx[c], cy[c], z <= pz) for c < nc, nor by the points from..m-1 of (sx, sy, sz) (sorted by z
 * ascending; row `skip` ignored). u must be such that no point weakly dominates p; points whose
 * corner is not strictly inside [.., u) are skipped, and the sweep stops at the first point
 * with z >= uz. The (cx, cy) list lets a caller that already scanned the points below pz pass
 * only the few that matter (the 4-D kernel did; it now has a sweep of its own, sweepBox).
 */
function clippedSweep3d(
  px: number,
  py: number,
  pz: number,
  ux: number,
  uy: number,
  uz: number,
  sx: Float64Array,
  sy: Float64Array,
  sz: Float64Array,
  from: number,
  m: number,
  stair: Float64Array,
  skip = -1,
  cx: Float64Array = sx,
  cy: Float64Array = sy,
  nc = 0,
): number {
  const full = (ux - px) * (uy - py);
  let covered = 0;
  let zCur = pz;
  let excl = 0;
  let len = 0;
  // stair[2k] = x, stair[2k + 1] = y; x ascending, y strictly descending.
  for (let t = from - nc; t < m; t++) {
    let qx: number;
    let qy: number;
    let qz: number;
    if (t < from) {
      const c = t - from + nc;
      qx = cx[c]!;
      qy = cy[c]!;
      qz = pz;
    } else {
      if (t === skip) continue;
      qz = sz[t]!;
      if (qz >= uz) break;
      qx = sx[t]!;
      qy = sy[t]!;
    }
    if (qx >= ux || qy >= uy) continue;
    if (qz > zCur) {
      excl += (full - covered) * (qz - zCur);
      zCur = qz;
    }
    let lx: number;
    let ly: number;
    let a: number;
    if (qx <= px) {
      // Clipped onto p's left edge: only the first entry can cover it.
      lx = px;
      ly = qy;
      if (len > 0 && stair[0] === px && stair[1]! <= ly) continue;
      a = 0;
    } else if (qy <= py) {
      // Clipped onto p's bottom edge: only the last entry can cover it.
      lx = qx;
      ly = py;
      if (len > 0 && stair[2 * len - 1] === py && stair[2 * len - 2]! <= lx) continue;
      a = len;
      while (a > 0 && stair[2 * a - 2]! >= lx) a--;
    } else {
      lx = qx;
      ly = qy;
      // First entry with x >= lx.
      a = 0;
      let b = len;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (stair[2 * mid]! < lx) a = mid + 1;
        else b = mid;
      }
    }
    if (a > 0 && stair[2 * a - 1]! <= ly) continue;
    if (a < len && stair[2 * a]! === lx && stair[2 * a + 1]! <= ly) continue;
    let leftX = lx;
    let height = a > 0 ? stair[2 * a - 1]! : uy;
    let e = a;
    let added = 0;
    while (e < len && stair[2 * e + 1]! >= ly) {
      added += (stair[2 * e]! - leftX) * (height - ly);
      leftX = stair[2 * e]!;
      height = stair[2 * e + 1]!;
      e++;
    }
    added += ((e < len ? stair[2 * e]! : ux) - leftX) * (height - ly);
    covered += added;
    // Replace entries [a, e) by the new one.
    const removed = e - a;
    if (removed !== 1) {
      // Move entries [e, len) to a + 1 (plain loops beat copyWithin on short staircases).
      const from = 2 * e;
      const to = 2 * (a + 1);
      const end = 2 * len;
      if (end - from > 48) stair.copyWithin(to, from, end);
      else if (to < from) for (let k = from; k < end; k++) stair[k + to - from] = stair[k]!;
      else for (let k = end - 1; k >= from; k--) stair[k + to - from] = stair[k]!;
      len += 1 - removed;
    }
    stair[2 * a] = lx;
    stair[2 * a + 1] = ly;
  }
  if (zCur < uz) excl += (full - covered) * (uz - zCur);
  return excl > 0 ? excl : 0;
}
