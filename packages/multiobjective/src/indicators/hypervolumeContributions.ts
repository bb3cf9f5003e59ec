import { argsortLex } from '../internal/argsortLex';
import { distinctRows } from '../internal/distinctRows';
import { undominatedRows } from '../internal/undominatedRows';
import { checkPoints, checkReference, checkShape, rowsInsideReference } from '../internal/validate';
import { WarmUp } from '../internal/WarmUp';
import { exclusiveVolume } from './exclusiveVolume';
import { exclusiveVolume4d } from './exclusiveVolume4d';
import { hypervolumeContributions3dKernel } from './hypervolumeContributions3dKernel';

/**
 * Exclusive hypervolume contribution of every row: HV(all) - HV(all but that row), minimisation.
 *
 * Dominated points, exact duplicates (each copy covers the other) and points that do not
 * strictly dominate the reference get 0. Complexity: d = 1, 2, 3 O(n log n) (3-D: a single
 * HV3D-style sweep tracking every staircase point's exclusive rectangle); d >= 4 one
 * box-minus-clipped-hypervolume computation per undominated point (WFG's exclusive volume),
 * against the other undominated points and the rows it alone dominates.
 */
export function hypervolumeContributions(points: Float64Array, d: number, reference: ArrayLike<number>): Float64Array {
  warmUp.before(points, d);
  const n = checkShape(points, d);
  let ref: Float64Array;
  try {
    ref = checkReference(reference, d);
  } catch (e) {
    // The points' errors come first, as when they were checked first.
    checkPoints(points, d);
    throw e;
  }
  // Usually every row is inside the reference: then the kernels read the input itself, and
  // their result is the answer (no copy in, no scatter out). The same scan checks the values.
  const inside = scanInside(points, n, d, ref);
  if (inside < 0) checkPoints(points, d);
  if (inside === 1) return contributionsInside(points, n, d, ref);
  const out = new Float64Array(n);
  const index = new Int32Array(n);
  const kept = rowsInsideReference(points, n, d, ref, index);
  const m = kept.n;
  if (m === 0) return out;
  const local = contributionsInside(kept.data, m, d, ref);
  for (let i = 0; i < m; i++) out[index[i]!] = local[i]!;
  return out;
}

/**
 * See WarmUp: the first call on a large set, in 2-D and 3-D, runs this one on small sets first.
 * From 4-D on the warm-up gained nothing (a 4-D front of 100 after fronts of 10,000: 3,502k
 * instructions without, 3,535k with) and, interpreted, took 20-140 ms.
 */
const warmUp = /* @__PURE__ */ new WarmUp(hypervolumeContributions, 3);

function contributionsInside(data: Float64Array, m: number, d: number, ref: Float64Array): Float64Array {
  if (d === 2) return onDistinctRows(data, m, 2, ref, contributions2d);
  if (d === 3) return onDistinctRows(data, m, 3, ref, hypervolumeContributions3dKernel);
  return contributionsNd(data, m, d, ref);
}

/**
 * d = 1 and d >= 4: each point's exclusive volume (WFG) against only the rows that can bite
 * into it: the other undominated points and its own inner rows (undominatedRows). On random
 * points that is a few dozen rows, where the per-row scans would otherwise pass over all n.
 */
function contributionsNd(data: Float64Array, m: number, d: number, ref: Float64Array): Float64Array {
  const out = new Float64Array(m);
  const { k, kept, rows, copied, inners, innerRows, innerOwner } = undominatedRows(data, m, d);
  // Inner rows grouped by owner: those of kept row t are byOwner[start[t], start[t + 1]).
  const start = new Int32Array(k + 2);
  for (let s = 0; s < inners; s++) start[innerOwner[s]! + 2]!++;
  let most = 0;
  for (let t = 0; t < k; t++) {
    if (start[t + 2]! > most) most = start[t + 2]!;
    start[t + 2]! += start[t + 1]!;
  }
  const byOwner = new Int32Array(inners);
  for (let s = 0; s < inners; s++) byOwner[start[innerOwner[s]! + 1]!++] = innerRows[s]!;
  // The kept rows, then the current point's inner rows after them.
  const rest = new Float64Array((k + most) * d);
  rest.set(kept.subarray(0, k * d));
  for (let t = 0; t < k; t++) {
    if (copied[t] === 1) continue;
    let l = k;
    for (let s = start[t]!; s < start[t + 1]!; s++, l++) {
      const o = byOwner[s]! * d;
      for (let j = 0; j < d; j++) rest[l * d + j] = data[o + j]!;
    }
    out[rows[t]!] = d === 4 ? exclusiveVolume4d(rest, t, l, ref) : exclusiveVolume(rest, t * d, rest, l, d, ref, t);
  }
  return out;
}

/**
 * 1 when every row strictly dominates the reference, 0 when some row does not, -1 when a value
 * is not finite (x - x is NaN only then).
 */
function scanInside(points: Float64Array, n: number, d: number, ref: Float64Array): number {
  if (d !== 3) {
    for (let i = 0; i < n * d; i++) if (points[i]! - points[i]! !== 0) return -1;
    for (let o = 0; o < n * d; o += d) {
      for (let j = 0; j < d; j++) if (!(points[o + j]! < ref[j]!)) return 0;
    }
    return 1;
  }
  const r0 = ref[0]!;
  const r1 = ref[1]!;
  const r2 = ref[2]!;
  let check = 0;
  let outside = 0;
  for (let o = 0; o < 3 * n; o += 3) {
    const x = points[o]!;
    const y = points[o + 1]!;
    const z = points[o + 2]!;
    check += x - x + (y - y) + (z - z);
    // Non-short-circuit |: no branch per coordinate.
    outside |= (!(x < r0) as unknown as number) | (!(y < r1) as unknown as number) | (!(z < r2) as unknown as number);
  }
  return check !== 0 ? -1 : outside === 0 ? 1 : 0;
}

/**
 * With many exact copies (distinctRows), the kernel runs on one row per point: a row with a copy
 * contributes 0 (the copy covers it) and copies change no other row's contribution.
 */
function onDistinctRows(
  data: Float64Array,
  m: number,
  d: number,
  ref: Float64Array,
  kernel: (data: Float64Array, n: number, ref: Float64Array) => Float64Array,
): Float64Array {
  const distinct = distinctRows(data, m, d);
  if (distinct === undefined) return kernel(data, m, ref);
  const k = distinct.n;
  const local = kernel(distinct.data, k, ref);
  const copies = new Int32Array(k);
  const of = distinct.of;
  for (let i = 0; i < m; i++) copies[of[i]!]!++;
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) if (copies[of[i]!] === 1) out[i] = local[of[i]!]!;
  return out;
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
