import { distinctRows } from '../internal/distinctRows';
import { pruneDominated } from '../internal/pruneDominated';
import { pruneDominated3d } from '../internal/pruneDominated3d';
import { checkPoints, checkReference, checkShape } from '../internal/validate';
import { WarmUp } from '../internal/WarmUp';
import { hypervolume2dKernel } from './hypervolume2dKernel';
import { hypervolume3dOfRows } from './hypervolume3dKernel';
import { hypervolume4dKernel, hypervolume4dInside } from './hypervolume4dKernel';
import { hypervolumeNdKernel } from './hypervolumeNdKernel';

/**
 * Exact hypervolume (Lebesgue measure of the region dominated by the points and bounded by
 * `reference`, minimisation) of an n x d row-major point set.
 *
 * Points that do not strictly dominate the reference contribute nothing, so an empty set or a
 * set that never dominates the reference gives 0; dominated points and duplicates do not
 * change the value. Complexity: d = 1, 2, 3 O(n log n); d = 4 about O(n^2); d >= 5 a
 * dimension sweep with WFG-style bounding, exponential in d in the worst case (use
 * hypervolumeMonteCarlo for many objectives). Throws MultiObjectiveError for non-finite values
 * or a reference of the wrong length.
 */
export function hypervolume(points: Float64Array, d: number, reference: ArrayLike<number>): number {
  warmUp.before(points, d);
  if (d === 3) return hypervolume3d(points, reference);
  if (d === 4) return hypervolume4d(points, reference);
  const n = checkPoints(points, d);
  const ref = checkReference(reference, d);
  if (d === 5 && n <= INSIDE_MAX_5D && everyRowInside5(points, n, ref)) return n === 0 ? 0 : hypervolumeNdKernel(points, n, 5, ref);
  if (d >= 5) {
    // Dominated rows cannot change the volume; dropping most of them while copying the rows
    // inside the reference (on random points most rows are dominated) is cheaper than carrying
    // them through the sorts and sweeps.
    // Copies cannot change the volume either; with many of them, one row per point is cheaper.
    const distinct = distinctRows(points, n, d);
    const kept = distinct === undefined ? pruneDominated(points, n, d, ref) : pruneDominated(distinct.data, distinct.n, d, ref);
    return kept.n === 0 ? 0 : hypervolumeNdKernel(kept.data, kept.n, d, ref);
  }
  // d = 2 skips the rows outside the reference itself, without a copy of the rest.
  if (d === 2) return hypervolume2dKernel(points, n, ref[0]!, ref[1]!);
  let best = ref[0]!;
  for (let i = 0; i < n; i++) if (points[i]! < best) best = points[i]!;
  return ref[0]! - best;
}

/**
 * See WarmUp: the first call on a large set, up to 5-D, runs this one on small sets first. The 5-D
 * level met the trap too (a 5-D front of 100 after 5-D sets of 1000: 1,794k instructions, 1,446k
 * with the warm-up); from 6-D on a call is long and the warm-up, interpreted, took 70 ms.
 */
const warmUp = /* @__PURE__ */ new WarmUp(hypervolume, 5);

/**
 * d = 3, the common case: the values are checked by the pruning scan, which reads them anyway,
 * and the sweep reads the rows it keeps where they are (pruneDominated3d: no copy). When the
 * pivots dropped at least an eighth of the rows, the set is not one front, and the sorted-array
 * sweep takes the rest at any size (it drops the dominated rows itself): clustered points at 10k
 * keep 7.5k rows after one pivot, which the bit tree took 2-3 times as long to sweep.
 */
function hypervolume3d(points: Float64Array, reference: ArrayLike<number>): number {
  const n = checkShape(points, 3);
  const ref = checkReferenceAfterShape(points, reference, 3);
  const distinct = distinctRows(points, n, 3);
  const source = distinct === undefined ? points : distinct.data;
  const rows = distinct === undefined ? n : distinct.n;
  const kept = pruneDominated3d(source, rows, ref);
  // A value that is not finite: checkPoints throws the error naming it.
  if (kept.n < 0) checkPoints(points, 3);
  return hypervolume3dOfRows(source, kept.rows, kept.n, ref, 8 * kept.n <= 7 * rows);
}

/**
 * d = 4: as for d = 3, the pruning scan checks the values (a pass of its own was a tenth of the
 * time on 1000 mostly dominated points). Dominated rows are dropped as for d >= 5; copies only
 * in large sets: the kernel finds a copy covered by its twin next to it in z, which below a few
 * thousand rows costs less than hashing every row (10 copies of each point: 0.9x the time at
 * 100 rows, 0.97x at 1000, 1.0x at 3000, 1.03x at 5000) and spares sets without copies the
 * sample that looks for them (a twentieth of 1000 mostly dominated points).
 */
function hypervolume4d(points: Float64Array, reference: ArrayLike<number>): number {
  const n = checkShape(points, 4);
  const ref = reference4(points, reference);
  if (n <= INSIDE_MAX_4D) {
    const v = hypervolume4dInside(points, n, ref);
    // A value that is not finite: checkPoints throws the error naming it.
    if (v !== v) checkPoints(points, 4);
    if (v >= 0) return v;
  }
  const distinct = n >= DISTINCT_MIN_4D ? distinctRows(points, n, 4) : undefined;
  const kept = distinct === undefined ? pruneDominated(points, n, 4, ref) : pruneDominated(distinct.data, distinct.n, 4, ref);
  if (kept.n > 0) return hypervolume4dKernel(kept.data, kept.n, ref);
  // Nothing kept, or a value that is not finite (n < 0): checkPoints throws the error naming it.
  checkPoints(points, 4);
  return 0;
}

const DISTINCT_MIN_4D = 4096;

/**
 * Up to this many rows, a set whose rows all lie inside the reference skips the pruning (see
 * hypervolume4dInside): at 100 points 0.8-0.9x the time on fronts, clustered and uniform sets.
 */
const INSIDE_MAX_4D = 128;

const reference4 = /* @__PURE__ */ reference4Kept();

/**
 * checkReferenceAfterShape for d = 4 into a kept buffer: a fresh Float64Array on every call was
 * about a hundredth of a 4-D hypervolume of 100 points, in the allocation and the collector. The
 * buffer is read only during the call (no kernel calls back into this one), and it lives in a
 * function called once for an app's esbuild bundle (see hypervolume4dKernels in
 * hypervolume4dKernel.ts).
 */
function reference4Kept(): (points: Float64Array, reference: ArrayLike<number>) => Float64Array {
  const kept = new Float64Array(4);
  return (points, reference) => checkReferenceAfterShape(points, reference, 4, kept);
}

/** checkReference for the kernels that check the points' values later: their errors come first. */
function checkReferenceAfterShape(points: Float64Array, reference: ArrayLike<number>, d: number, into?: Float64Array): Float64Array {
  try {
    return checkReference(reference, d, 'reference', into);
  } catch (e) {
    checkPoints(points, d);
    throw e;
  }
}

/**
 * Up to this many rows, a 5-D set whose rows all lie inside the reference goes to the kernel as
 * it is: its sweep finds a dominated row or a copy covered by the live points (copies come one
 * after the other), and the copy sample and the pruning cost more than that at 100 rows.
 */
const INSIDE_MAX_5D = 128;

/** Whether every row of an n x 5 set (values checked) strictly dominates `ref`. */
function everyRowInside5(points: Float64Array, n: number, ref: Float64Array): boolean {
  const r0 = ref[0]!;
  const r1 = ref[1]!;
  const r2 = ref[2]!;
  const r3 = ref[3]!;
  const r4 = ref[4]!;
  let outside = 0;
  for (let o = 0, end = 5 * n; o < end; o += 5) {
    outside |=
      (!(points[o]! < r0) as unknown as number) |
      (!(points[o + 1]! < r1) as unknown as number) |
      (!(points[o + 2]! < r2) as unknown as number) |
      (!(points[o + 3]! < r3) as unknown as number) |
      (!(points[o + 4]! < r4) as unknown as number);
  }
  return outside === 0;
}
