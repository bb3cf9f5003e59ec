import { argsortLex } from '../internal/argsortLex';
import { staircaseSweep2d } from '../indicators/staircaseSweep2d';
import { checkPoints, checkReference } from '../internal/validate';
import { nonDominatedSort } from '../sorting/nonDominatedSort';
import { checkSubsetSize } from './checkSubsetSize';
import { MultiObjectiveError } from '../errors/MultiObjectiveError';

/**
 * Optimal hypervolume subset of size k for two objectives (minimisation).
 *
 * On the distinct non-dominated points sorted by x (so y decreases), a subset's hypervolume is
 * the sum over its points of (r0 - x_i) (y_prev - y_i), where y_prev is the previously chosen
 * point's y (r1 for the first). The dynamic programme g_j(i) = (r0 - x_i)(-y_i) +
 * max_{l < i} [g_{j-1}(l) + (r0 - x_i) y_l] is a maximum over lines of slope y_l evaluated at
 * t = r0 - x_i; slopes decrease and queries decrease along i, so a monotone convex-hull deque
 * answers each layer in O(m): O(n log n + k m) overall, m the number of distinct
 * non-dominated points inside the reference.
 *
 * When k >= m every such point is taken once and the remaining slots are filled by the other
 * rows in order of front rank then index (any superset is optimal). Returns row indices,
 * ascending.
 */
export function hsspExact2d(points: Float64Array, reference: ArrayLike<number>, k: number): Int32Array {
  if (!(points instanceof Float64Array)) {
    throw new MultiObjectiveError('invalid-points', 'points must be a Float64Array (row-major n x 2)');
  }
  const n = checkPoints(points, 2);
  const ref = checkReference(reference, 2);
  checkSubsetSize(k, n);
  const r0 = ref[0]!;
  const r1 = ref[1]!;
  // Distinct non-dominated points inside the reference, x ascending / y descending: the rows the
  // hypervolume sweep adds area for.
  const cand: number[] = [];
  staircaseSweep2d(points, argsortLex(points, n, 2), n, r0, r1, cand);
  const m = cand.length;
  const chosen = new Uint8Array(n);
  if (k >= m) {
    for (const i of cand) chosen[i] = 1;
    let taken = m;
    if (taken < k) {
      const ranks = nonDominatedSort(points, 2);
      const rest: number[] = [];
      for (let i = 0; i < n; i++) if (!chosen[i]) rest.push(i);
      rest.sort((a, b) => ranks[a]! - ranks[b]! || a - b);
      for (let t = 0; taken < k; t++, taken++) chosen[rest[t]!] = 1;
    }
  } else if (k > 0) {
    for (const i of selectExact(points, cand, k, r0, r1)) chosen[i] = 1;
  }
  const out = new Int32Array(k);
  for (let i = 0, c = 0; i < n; i++) if (chosen[i]) out[c++] = i;
  return out;
}

function selectExact(points: Float64Array, cand: number[], k: number, r0: number, r1: number): number[] {
  const m = cand.length;
  const t = new Float64Array(m);
  const ys = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    t[i] = r0 - points[2 * cand[i]!]!;
    ys[i] = points[2 * cand[i]! + 1]!;
  }
  let prev = new Float64Array(m);
  let cur = new Float64Array(m);
  for (let i = 0; i < m; i++) prev[i] = t[i]! * (r1 - ys[i]!);
  const parent = new Int32Array(k * m).fill(-1);
  const hull = new Int32Array(m);
  for (let j = 1; j < k; j++) {
    let head = 0;
    let tail = 0;
    const base = j * m;
    for (let i = 0; i < m; i++) {
      if (i >= j) {
        const q = t[i]!;
        while (tail - head >= 2 && lineAt(prev, ys, hull[head + 1]!, q) >= lineAt(prev, ys, hull[head]!, q)) head++;
        const l = hull[head]!;
        cur[i] = lineAt(prev, ys, l, q) - q * ys[i]!;
        parent[base + i] = l;
      } else {
        cur[i] = -Infinity;
      }
      // Line from layer j - 1 at i becomes available to later points.
      if (i >= j - 1) {
        while (tail - head >= 2 && useless(prev, ys, hull[tail - 2]!, hull[tail - 1]!, i)) tail--;
        hull[tail++] = i;
        if (head >= tail) head = tail - 1;
      }
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  let end = k - 1;
  for (let i = k; i < m; i++) if (prev[i]! > prev[end]!) end = i;
  const picked: number[] = [];
  for (let j = k - 1, i = end; j >= 0; j--) {
    picked.push(cand[i]!);
    i = parent[j * m + i]!;
  }
  return picked;
}

function lineAt(b: Float64Array, slope: Float64Array, l: number, t: number): number {
  return b[l]! + slope[l]! * t;
}

/** Middle line l2 never attains the maximum (slopes strictly decrease from l1 to l3). */
function useless(b: Float64Array, s: Float64Array, l1: number, l2: number, l3: number): boolean {
  return (b[l3]! - b[l1]!) * (s[l1]! - s[l2]!) >= (b[l2]! - b[l1]!) * (s[l1]! - s[l3]!);
}
