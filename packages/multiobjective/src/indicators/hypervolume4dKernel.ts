import { sortRowsByColumn } from '../internal/argsortLex';
import { BUCKET_SORT_MAX, bucketSortInRange } from '../internal/bucketSortColumn';
import { hypervolumeGenericSweep } from './hypervolumeNdKernel';

/** Rows the sweep's kept buffers hold: 76 bytes each, 5 MB of address space in all. */
export const HV4D_KEPT_MAX = 1 << 16;

// One binding for the factory's result, and the kernels as functions calling into it: esbuild keeps
// a destructuring of a call (a getter may run) even when nothing uses it, and with it this module's
// code and buffers in every app bundle of dist/index.js; a pure call bound to one name it drops.
const kernels = /* @__PURE__ */ hypervolume4dKernels();

/** The hypervolume of n x 4 points that all strictly dominate `ref` (see hypervolume4dKernels). */
export function hypervolume4dKernel(data: Float64Array, n: number, ref: ArrayLike<number>): number {
  return kernels.hypervolume4dKernel(data, n, ref);
}

/** hypervolume4dKernel of a set read where it is, checked by one pass (see hypervolume4dKernels). */
export function hypervolume4dInside(points: Float64Array, n: number, ref: ArrayLike<number>): number {
  return kernels.hypervolume4dInside(points, n, ref);
}

/** hypervolume4dKernel of rows visited in a given order by w (see hypervolume4dKernels). */
export function hypervolume4dKernelOrdered(data: Float64Array, orderIn: Int32Array, n: number, ref: ArrayLike<number>, floor = 0): number {
  return kernels.hypervolume4dKernelOrdered(data, orderIn, n, ref, floor);
}

/**
 * The kernels and their kept buffers, inside one function called once rather than at the top of
 * the module: an app that bundles jahskit with esbuild (or Vite's dependency pre-bundling) gets
 * every top-level `const` of ours as a `var` (esbuild's FAQ, "top-level var"), and V8 (Node 20)
 * folds a kept buffer's address and length into the compiled loops only when it is bound once: a
 * top-level `const`, or any never reassigned binding of a function that runs once. Top-level, the
 * esbuild bundle took 1.7x the time of the sources on 4-D fronts of 100 points and 1.5x on 5-D
 * ones (copying the buffers into locals did not help: each access still reloads them); in here,
 * what esbuild makes of the file (`const`, or `let` when minifying) keeps the sources' speed.
 */
function hypervolume4dKernels() {
  /**
   * Hypervolume of n x 4 points that all strictly dominate `ref`.
   *
   * Sweep along the 4th objective, keeping the 3-D projections of the points seen so far that no
   * other one weakly dominates (an antichain), sorted by z. Each new point p adds its exclusive
   * 3-D volume to the running 3-D hypervolume, as in HV4D (Guerreiro, Fonseca & Emmerich 2012):
   * - its bounding box [p, u): below p in z, a point beating p in x (y) alone caps uy (ux); above
   *   it, the first point beating p in both x and y caps uz (and one scan of the points below,
   *   nearest in z first, finds u and the few that lie inside the box);
   * - the points inside the box, clipped to it, swept along z over a 2-D staircase, give the part
   *   of the box that others cover;
   * - the points p covers all lie between p and the cap in z (one beyond would be covered by the
   *   cap and have left already), so only that stretch is compacted, after the sweep. A point
   *   that no live point weakly dominates has a positive exclusive volume, so p goes in whatever
   *   the rounded volume.
   * O(n^2) in the worst case, about n times the live set's size in practice.
   *
   * Doubles cross function boundaries only inside typed arrays: V8 boxes a double passed to or
   * returned from a call it does not inline, and at 100 points those boxes were a quarter of the
   * time (in the garbage collector).
   *
   * Sets of more than HV4D_KEPT_MAX rows, which the kept buffers cannot hold, go to the generic
   * sweep along the last objective (WFG over the 3-D kernel): exact, but many times slower.
   */
  function hypervolume4dKernel(data: Float64Array, n: number, ref: ArrayLike<number>): number {
    if (n === 0) return 0;
    if (n > HV4D_KEPT_MAX) return hypervolumeGenericSweep(data, n, 4, Float64Array.from(ref));
    // The order of equal w does not matter: the slab between them is empty.
    sortRowsByColumn(data, n, 4, 3, wKept, orderKept);
    return sweepW(data, n, ref, 0);
  }

  /**
   * hypervolume4dKernel of an n x 4 set read where it is (no pruning, no copy), when every row
   * strictly dominates `ref`; one pass checks that and the values. The sweep drops dominated rows
   * itself: on 100 points the pruning's sample and copy cost more than the sweep spends on them.
   * NaN when a value is NaN or -Infinity (or the values' sum overflows), -1 (the caller prunes, and
   * the pruning checks the values) when a row does not dominate `ref`, as a +Infinity does not.
   */
  function hypervolume4dInside(points: Float64Array, n: number, ref: ArrayLike<number>): number {
    const r0 = ref[0]!;
    const r1 = ref[1]!;
    const r2 = ref[2]!;
    const r3 = ref[3]!;
    // Each column's greatest value, and w's least: a row is outside `ref` when one of them is not
    // below it, +Infinity included. A NaN or -Infinity makes the sum NaN or -Infinity (as can an
    // overflow, which only sends the set the checked way). Tests of each value (v - v, !(v < r))
    // cost a 4-D front of 100 points about 1.5k more instructions (of 188k).
    let sum = 0;
    let xHi = -Infinity;
    let yHi = -Infinity;
    let zHi = -Infinity;
    let wLo = Infinity;
    let wHi = -Infinity;
    // A row's offsets by | (o is a multiple of 4; n < 2^29): V8 checks each + for overflow.
    for (let i = 0; i < n; i++) {
      const o = i << 2;
      const x = points[o]!;
      const y = points[o | 1]!;
      const z = points[o | 2]!;
      const w = points[o | 3]!;
      sum += x + y + (z + w);
      if (x > xHi) xHi = x;
      if (y > yHi) yHi = y;
      if (z > zHi) zHi = z;
      if (w < wLo) wLo = w;
      if (w > wHi) wHi = w;
    }
    if (!(sum > -Infinity)) return NaN;
    if (!(xHi < r0) || !(yHi < r1) || !(zHi < r2) || !(wHi < r3)) return -1;
    if (n === 0) return 0;
    if (n > HV4D_KEPT_MAX) return hypervolumeGenericSweep(points, n, 4, Float64Array.from(ref));
    // The pass above found w's range: the bucket sort skips its own pass for it.
    if (n > BUCKET_SORT_MAX || !bucketSortInRange(points, n, 4, 3, wLo, wHi, wKept, orderKept)) sortRowsByColumn(points, n, 4, 3, wKept, orderKept);
    return sweepW(points, n, ref, 0);
  }

  /**
   * hypervolume4dKernel of the rows `order[0..n)` of `data`, visited in that order, which must be
   * by ascending 4th objective; the rows need not be non-dominated (a dominated row is found
   * covered when it comes, or dropped when its dominator comes at the same w). The 5-D level
   * passes its clipped points so, without the dominance filter and the copy it needed before.
   *
   * `floor` > 1 tells that the first `floor` rows share the lowest w (a 5-D box's floor): they then
   * seed the sweep at once (seedFloor) instead of coming one by one.
   */
  function hypervolume4dKernelOrdered(data: Float64Array, orderIn: Int32Array, n: number, ref: ArrayLike<number>, floor = 0): number {
    if (n === 0) return 0;
    if (n > HV4D_KEPT_MAX) {
      const rows = new Float64Array(4 * n);
      for (let t = 0; t < n; t++) rows.set(data.subarray(4 * orderIn[t]!, 4 * orderIn[t]! + 4), 4 * t);
      return hypervolumeGenericSweep(rows, n, 4, Float64Array.from(ref));
    }
    // A floor seeds the sweep, which then takes the rows above it.
    const seeded = floor > 1 && floor <= SEED_MAX ? seedFloor(data, orderIn, floor, ref) : 0;
    const first = seeded > 0 ? floor : 0;
    const w = wKept;
    const order = orderKept;
    for (let t = first; t < n; t++) {
      const i = orderIn[t]!;
      order[t - first] = i;
      w[t - first] = data[4 * i + 3]!;
    }
    if (seeded === 0) return sweepW(data, n, ref, 0);
    const slab = (first < n ? w[0]! : ref[3]!) - data[4 * orderIn[0]! + 3]!;
    return seedHv3Kept[0]! * slab + sweepW(data, n - first, ref, seeded);
  }

  /**
   * The sweep along w over the rows in `order`, their w in `w` (the kept buffers below), from an
   * empty live set or, when `seeded` > 0, from the one seedFloor left (that many points, their
   * 3-D hypervolume in seedHv3Kept).
   */
  function sweepW(data: Float64Array, n: number, ref: ArrayLike<number>, seeded: number): number {
    // The kept buffers in locals, read from the closure once per call: read at every use, they
    // cost the bitset sort larger code with more checks in its loops (see nonDominatedSortBitset).
    const w = wKept;
    const order = orderKept;
    const sx = sxKept;
    const sy = syKept;
    const sz = szKept;
    const cx = cxKept;
    const cy = cyKept;
    const box = boxKept;
    const stX = stairXKept;
    const stY = stairYKept;
    const rx = ref[0]!;
    const ry = ref[1]!;
    const rz = ref[2]!;
    const rw = ref[3]!;
    let m = 0;
    let hv3 = 0;
    let volume = 0;
    // Apart, not in the initial values: the sweep starts from constants until a call comes seeded
    // (the 4-D sets never do). The seed's volume is read on every call, before the branch: read
    // only inside it, it had no type feedback after 4-D sets, so the first seeded call (a 5-D set)
    // deoptimised the sweep, which V8 then ran from its on-stack-replacement code, entered anew
    // on each call after an interpreted prologue and first point (5-D fronts of 100 points after
    // the 4-D sets: 250 us a call instead of 80). The count likewise, and as an integer (| 0): a
    // parameter is a tagged value to V8, and m, merged with it, stayed one through the whole
    // loop, untagged and checked at each use (4-D front of 100 points 186.6k -> 183.1k
    // instructions a call, 5-D 1,474k -> 1,451k); the | 0 only on the seeded path had the same
    // missing feedback (5-D fronts at 100 after the 4-D sets: 3.4-4x the time).
    const seedHv3 = seedHv3Kept[0]!;
    const seedCount = seeded | 0;
    if (seeded > 0) {
      m = seedCount;
      hv3 = seedHv3;
    }
    // The last two points that covered a newcomer in x, y and z (k the latest, j the one before).
    // Each was live then, so it or a live point covering it still covers whatever it covers: on
    // sets with dominated points a few points cover most of the rest, and this check skips their
    // scan. Two, not one: on clustered sets the newcomers alternate between clusters (4-D
    // clustered 10k, 7.5k of 7.9k rows dominated: the kernel 22% faster; 3 or 4 gained a little
    // more there and cost 2-4% on the other dominated sets).
    let kx = Infinity;
    let ky = Infinity;
    let kz = Infinity;
    let jx = Infinity;
    let jy = Infinity;
    let jz = Infinity;
    // The previous row, which is live or covered by a live point as well: copies come one after
    // the other (equal w), and the first after its twin is then skipped here too (10 copies of
    // each of 10 points: 0.9x the time).
    let prevX = Infinity;
    let prevY = Infinity;
    let prevZ = Infinity;
    for (let t = 0; t < n; t++) {
      const o = order[t]! << 2;
      const px = data[o]!;
      const py = data[o | 1]!;
      const pz = data[o | 2]!;
      const previous = ((prevX <= px) as unknown as number) & ((prevY <= py) as unknown as number) & ((prevZ <= pz) as unknown as number);
      prevX = px;
      prevY = py;
      prevZ = pz;
      if (
        (((kx <= px) as unknown as number) & ((ky <= py) as unknown as number) & ((kz <= pz) as unknown as number)) |
        (((jx <= px) as unknown as number) & ((jy <= py) as unknown as number) & ((jz <= pz) as unknown as number)) |
        previous
      ) {
        const wNext = t + 1 < n ? w[t + 1]! : rw;
        volume += hv3 * (wNext - w[t]!);
        continue;
      }
      // The live points are sorted by z: [0, lb) have z < pz, [lb, ub) z = pz, [ub, m) z > pz.
      let lb = 0;
      let hi = m;
      while (lb < hi) {
        const mid = (lb + hi) >>> 1;
        if (sz[mid]! < pz) lb = mid + 1;
        else hi = mid;
      }
      let ub = lb;
      while (ub < m && sz[ub]! === pz) ub++;
      let ux = rx;
      let uy = ry;
      let covered = 0;
      let nc = 0;
      // Nearest in z first: the points that cap the box are mostly there, and once it has shrunk
      // this one test rejects most points, predictably (in increasing z about half of them
      // passed it, so many became candidates and the branch was a coin flip; 4-D fronts of 1k-10k
      // points 1.5-2x faster).
      for (let s = ub - 1; s >= 0; s--) {
        const qx = sx[s]!;
        const qy = sy[s]!;
        // A point matters only inside the box found so far (to cover p, to cap u, or as a
        // candidate).
        if (((qx < ux) as unknown as number) & ((qy < uy) as unknown as number)) {
          if (qx <= px) {
            if (qy <= py) {
              covered = 1;
              jx = kx;
              jy = ky;
              jz = kz;
              kx = qx;
              ky = qy;
              kz = sz[s]!;
              break;
            }
            uy = qy;
          } else if (qy <= py) ux = qx;
          else {
            cx[nc] = qx;
            cy[nc] = qy;
            nc++;
          }
        }
      }
      if (covered === 0) {
        // p's exclusive 3-D volume: the box [p, u) minus what the points inside it cover, swept
        // along z over a 2-D staircase: first the floor (the candidates below p, clipped to pz),
        // then the points above p in z order, up to the cap, read where they are in the live
        // arrays. A point that beats p in x (in y) only covers a band across the box, which
        // lowers its top edge by (right edge bx) for the rest of the sweep: on 4-D fronts of 100
        // points 5.2 of the 7.9 points in a newcomer's box are such bands. Only the others
        // (quadrants inside the box) enter the staircase, which the bands trim from its ends,
        // and `free`, the area of the box's slice not yet covered, follows each point (with every
        // point in the staircase, searched and inserted, 1.05-1.1x the time on fronts of 100). stX
        // and stY hold the staircase (x ascending, y strictly descending) at [h, e) in two arrays:
        // interleaved in one, the kernel took 1.06-1.1x the time on 4-D fronts of 100 points.
        // Sentinels at h - 1 (x = -Infinity, y = by) and at e (x = bx, y = -Infinity) spare the
        // searches and walks tests of the ends. Written out here rather than called: V8 does not
        // inline a function this long, and the call passed its doubles through a typed array.
        let bx = ux;
        let by = uy;
        let h = 1;
        let e = 1;
        stX[0] = -Infinity;
        stY[0] = uy;
        stX[1] = ux;
        stY[1] = -Infinity;
        let free = (ux - px) * (uy - py);
        // The floor: quadrants all at z = pz, so no slab of volume yet. Its quadrant insertion is
        // the next loop's written out again: one loop over both (the candidates first, then the
        // live points, one index) took 1.27x the time on 4-D fronts of 100 points, and sorting
        // the floor by x to make the staircase in one pass 1.03-1.09x.
        for (let c = 0; c < nc; c++) {
          const ax = cx[c]!;
          const ay = cy[c]!;
          if (((ax >= bx) as unknown as number) | ((ay >= by) as unknown as number)) continue;
          if (h === e) {
            free -= (bx - ax) * (by - ay);
            stX[e + 1] = bx;
            stY[e + 1] = -Infinity;
            stX[e] = ax;
            stY[e] = ay;
            e++;
            continue;
          }
          let a = h;
          while (stX[a]! < ax) a++;
          let height = stY[a - 1]!;
          if (height <= ay) continue;
          if (stX[a]! === ax && stY[a]! <= ay) continue;
          let leftX = ax;
          let end = a;
          let added = 0;
          while (stY[end]! >= ay) {
            added += (stX[end]! - leftX) * (height - ay);
            leftX = stX[end]!;
            height = stY[end]!;
            end++;
          }
          added += (stX[end]! - leftX) * (height - ay);
          free -= added;
          const removed = end - a;
          if (removed !== 1) {
            if (removed > 1) {
              for (let s = end; s <= e; s++) {
                stX[s + 1 - removed] = stX[s]!;
                stY[s + 1 - removed] = stY[s]!;
              }
            } else {
              for (let s = e; s >= end; s--) {
                stX[s + 1] = stX[s]!;
                stY[s + 1] = stY[s]!;
              }
            }
            e += 1 - removed;
          }
          stX[a] = ax;
          stY[a] = ay;
        }
        let zCur = pz;
        let excl = 0;
        let uz = rz;
        let cap = m;
        // Until the cap, the first point above p that beats it in x and y. Each point is tested
        // against the box as it has shrunk so far (bands included) before its kind: on fronts of
        // 1000 points two in three of the points up to the cap lie outside it (with the test in
        // each kind's branch instead, 1.07-1.10x the old pass's time there; 1.02-1.04x now).
        for (let c = ub; c < m; c++) {
          const ax = sx[c]!;
          const ay = sy[c]!;
          if (((ax >= bx) as unknown as number) | ((ay >= by) as unknown as number)) continue;
          if (ax <= px) {
            if (ay <= py) {
              uz = sz[c]!;
              cap = c;
              break;
            }
            // The slab below this point's z, with the area free until it (az >= zCur: the points
            // come by z). Only where the area changes: a point that covers nothing new adds no slab
            // boundary (0.96x the time at 100 points, against a test of every point's z).
            const az = sz[c]!;
            excl += free * (az - zCur);
            zCur = az;
            // A band [px, bx) x [ay, by): the entries at or above ay leave, and of the strip only
            // what no entry covered (inside) was free.
            let inside = 0;
            let s = h;
            while (stY[s]! >= ay) {
              inside += (stX[s + 1]! - stX[s]!) * (by - stY[s]!);
              s++;
            }
            free -= (stX[s]! - px) * (by - ay) - inside;
            h = s;
            by = ay;
            stX[h - 1] = -Infinity;
            stY[h - 1] = ay;
          } else if (ay <= py) {
            const az = sz[c]!;
            excl += free * (az - zCur);
            zCur = az;
            // A band [ax, bx) x [py, by): the entries at or right of ax leave, as above.
            let inside = 0;
            let s = e;
            let xNext = bx;
            while (stX[s - 1]! >= ax) {
              s--;
              inside += (xNext - stX[s]!) * (by - stY[s]!);
              xNext = stX[s]!;
            }
            free -= (bx - ax) * (by - py) - (xNext - ax) * (by - stY[s - 1]!) - inside;
            e = s;
            bx = ax;
            stX[e] = ax;
            stY[e] = -Infinity;
          } else {
            // A quadrant [ax, bx) x [ay, by), unless under the staircase. Into an empty
            // staircase (most newcomers' first quadrant): no search, no walk (0.97x the time at
            // 100 points).
            if (h === e) {
              const az = sz[c]!;
              excl += free * (az - zCur);
              zCur = az;
              free -= (bx - ax) * (by - ay);
              stX[e + 1] = bx;
              stY[e + 1] = -Infinity;
              stX[e] = ax;
              stY[e] = ay;
              e++;
              continue;
            }
            let a = h;
            while (stX[a]! < ax) a++;
            let height = stY[a - 1]!;
            if (height <= ay) continue;
            if (stX[a]! === ax && stY[a]! <= ay) continue;
            let leftX = ax;
            let end = a;
            let added = 0;
            while (stY[end]! >= ay) {
              added += (stX[end]! - leftX) * (height - ay);
              leftX = stX[end]!;
              height = stY[end]!;
              end++;
            }
            added += (stX[end]! - leftX) * (height - ay);
            const az = sz[c]!;
            excl += free * (az - zCur);
            zCur = az;
            free -= added;
            // Entries [a, end) give way to the new one; the end sentinel moves with the rest.
            const removed = end - a;
            if (removed !== 1) {
              if (removed > 1) {
                for (let s = end; s <= e; s++) {
                  stX[s + 1 - removed] = stX[s]!;
                  stY[s + 1 - removed] = stY[s]!;
                }
              } else {
                for (let s = e; s >= end; s--) {
                  stX[s + 1] = stX[s]!;
                  stY[s + 1] = stY[s]!;
                }
              }
              e += 1 - removed;
            }
            stX[a] = ax;
            stY[a] = ay;
          }
        }
        excl += free * (uz - zCur);
        hv3 += excl > 0 ? excl : 0;
        // The live points: p in at ub, the points up to the cap a slot up, less those p covers
        // (they all lie there: one beyond would be covered by the cap and have left already),
        // the cap and the rest after them. Apart from the sweep: copied to a list of their own by
        // one pass that also compacted them, as before, the points above p took 1.15-1.25x the
        // time on 4-D fronts of 100 points. The slot written may be the next point's: it is read
        // first.
        let j = ub + 1;
        let qx = sx[ub]!;
        let qy = sy[ub]!;
        let qz = sz[ub]!;
        for (let s = ub; s < cap; s++) {
          const nx = sx[s + 1]!;
          const ny = sy[s + 1]!;
          const nz = sz[s + 1]!;
          sx[j] = qx;
          sy[j] = qy;
          sz[j] = qz;
          j += ((qx < px) as unknown as number) | ((qy < py) as unknown as number);
          qx = nx;
          qy = ny;
          qz = nz;
        }
        // q is now the cap (or past the live points, when there is none), read before its slot
        // may have been written; the points after it move first, as it may go where they were.
        moveRun(cap + 1, m, j + 1);
        sx[j] = qx;
        sy[j] = qy;
        sz[j] = qz;
        j += m - cap;
        sx[ub] = px;
        sy[ub] = py;
        sz[ub] = pz;
        if (lb < ub) {
          box[0] = px;
          box[1] = py;
          m = dropCoveredAtZ(j, lb, ub);
        } else m = j;
      }
      const wNext = t + 1 < n ? w[t + 1]! : rw;
      volume += hv3 * (wNext - w[t]!);
    }
    return volume;
  }

  // Kept between calls (the kernel never re-enters itself) in constants of a fixed size,
  // not in a growing scratch object: V8 then folds their addresses and lengths into the compiled
  // loops (4-D fronts of 100 points 5-8% faster). Only the pages a call touches are committed:
  // after a call on n rows about 76 n bytes stay so.
  /** The rows' w by ascending w, and the rows in that order. */
  const wKept = new Float64Array(HV4D_KEPT_MAX);
  const orderKept = new Int32Array(HV4D_KEPT_MAX);
  /** The live antichain's x, y, z by ascending z (one slot more for the newcomer). */
  const sxKept = new Float64Array(HV4D_KEPT_MAX + 1);
  const syKept = new Float64Array(HV4D_KEPT_MAX + 1);
  const szKept = new Float64Array(HV4D_KEPT_MAX + 1);
  /** The 2-D staircase of the sweep over a newcomer's box, with a sentinel at each end. */
  const stairXKept = new Float64Array(HV4D_KEPT_MAX + 2);
  const stairYKept = new Float64Array(HV4D_KEPT_MAX + 2);
  /** The candidates below the newcomer (x, y); seedFloor's rows by z, then x and y. */
  const cxKept = new Float64Array(HV4D_KEPT_MAX);
  const cyKept = new Float64Array(HV4D_KEPT_MAX);
  const czKept = new Float64Array(HV4D_KEPT_MAX);
  /** The newcomer's x and y, for dropCoveredAtZ. */
  const boxKept = new Float64Array(2);

  /**
   * Seeds sweepW from the rows order[0..floor) of `data`, which share the lowest w: the live
   * antichain (sxKept, syKept, szKept by ascending z) and its 3-D hypervolume (into seedHv3Kept)
   * by one sweep along z over a 2-D staircase, with no exclusive volume per row. Rows sorted by z,
   * then x, then y (insertion sort: at most SEED_MAX) never weakly dominate an earlier one unless
   * equal to it, so a row goes in as it comes or never. Returns the antichain's size (0 only when no
   * row lies inside `ref`: the sweep then takes every row).
   */
  function seedFloor(data: Float64Array, order: Int32Array, floor: number, ref: ArrayLike<number>): number {
    const fx = cxKept;
    const fy = cyKept;
    const fz = czKept;
    const sx = sxKept;
    const sy = syKept;
    const sz = szKept;
    const stX = stairXKept;
    const stY = stairYKept;
    for (let t = 0; t < floor; t++) {
      const o = 4 * order[t]!;
      const x = data[o]!;
      const y = data[o + 1]!;
      const z = data[o + 2]!;
      let j = t;
      for (; j > 0; j--) {
        const bz = fz[j - 1]!;
        const bx = fx[j - 1]!;
        if (bz < z || (bz === z && (bx < x || (bx === x && fy[j - 1]! <= y)))) break;
        fx[j] = bx;
        fy[j] = fy[j - 1]!;
        fz[j] = bz;
      }
      fx[j] = x;
      fy[j] = y;
      fz[j] = z;
    }
    const rx = ref[0]!;
    const ry = ref[1]!;
    let m = 0;
    let area = 0;
    let volume = 0;
    let zCur = fz[0]!;
    // The staircase as in sweepW: entries at [1, len], sentinels at 0 and len + 1.
    let len = 0;
    stX[0] = -Infinity;
    stY[0] = ry;
    stX[1] = rx;
    stY[1] = -Infinity;
    for (let t = 0; t < floor; t++) {
      const lx = fx[t]!;
      const ly = fy[t]!;
      let a = 1;
      while (stX[a]! < lx) a++;
      let height = stY[a - 1]!;
      if (height <= ly) continue;
      if (stX[a]! === lx && stY[a]! <= ly) continue;
      const z = fz[t]!;
      volume += area * (z - zCur);
      zCur = z;
      sx[m] = lx;
      sy[m] = ly;
      sz[m] = z;
      m++;
      let leftX = lx;
      let end = a;
      let added = 0;
      while (stY[end]! >= ly) {
        added += (stX[end]! - leftX) * (height - ly);
        leftX = stX[end]!;
        height = stY[end]!;
        end++;
      }
      added += (stX[end]! - leftX) * (height - ly);
      area += added;
      // Entries [a, end) give way to the new one; the end sentinel moves with the rest.
      const removed = end - a;
      if (removed !== 1) {
        const stop = len + 2;
        if (removed > 1) {
          for (let s = end; s < stop; s++) {
            stX[s + a + 1 - end] = stX[s]!;
            stY[s + a + 1 - end] = stY[s]!;
          }
        } else {
          for (let s = stop - 1; s >= end; s--) {
            stX[s + 1] = stX[s]!;
            stY[s + 1] = stY[s]!;
          }
        }
        len += 1 - removed;
      }
      stX[a] = lx;
      stY[a] = ly;
    }
    seedHv3Kept[0] = volume + area * (ref[2]! - zCur);
    return m;
  }

  /** Floors seedFloor takes (its insertion sort is quadratic); larger ones come row by row. */
  const SEED_MAX = 48;
  /** seedFloor's 3-D hypervolume (doubles cross calls in typed arrays). */
  const seedHv3Kept = new Float64Array(1);

  /**
   * Drops from [lb, ub), the live points with z = pz before p (at ub), those that p = box[0..2)
   * covers, closing the gap; m live points. Returns the new count.
   */
  function dropCoveredAtZ(m: number, lb: number, ub: number): number {
    const sx = sxKept;
    const sy = syKept;
    const sz = szKept;
    const box = boxKept;
    const px = box[0]!;
    const py = box[1]!;
    let k = lb;
    for (let s = lb; s < ub; s++) {
      const qx = sx[s]!;
      const qy = sy[s]!;
      if (((px <= qx) as unknown as number) & ((py <= qy) as unknown as number)) continue;
      sx[k] = qx;
      sy[k] = qy;
      sz[k] = sz[s]!;
      k++;
    }
    moveRun(ub, m, k);
    return m - (ub - k);
  }

  /** Moves entries [from, to) of the three arrays to start at `dest` (overlap allowed). */
  function moveRun(from: number, to: number, dest: number): void {
    const sx = sxKept;
    const sy = syKept;
    const sz = szKept;
    const len = to - from;
    if (len <= 0 || dest === from) return;
    // A plain loop beats three copyWithin calls on short runs.
    if (len > 32) {
      sx.copyWithin(dest, from, to);
      sy.copyWithin(dest, from, to);
      sz.copyWithin(dest, from, to);
    } else if (dest > from) {
      for (let s = len - 1; s >= 0; s--) {
        sx[dest + s] = sx[from + s]!;
        sy[dest + s] = sy[from + s]!;
        sz[dest + s] = sz[from + s]!;
      }
    } else {
      for (let s = 0; s < len; s++) {
        sx[dest + s] = sx[from + s]!;
        sy[dest + s] = sy[from + s]!;
        sz[dest + s] = sz[from + s]!;
      }
    }
  }

  return { hypervolume4dKernel, hypervolume4dInside, hypervolume4dKernelOrdered };
}
