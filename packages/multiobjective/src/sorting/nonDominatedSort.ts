import { argsortByKey } from '../internal/argsortLex';
import { distinctRows } from '../internal/distinctRows';
import { checkPoints, checkRanksInto, checkShape } from '../internal/validate';
import { WarmUp } from '../internal/WarmUp';
import { nonDominatedSort2d } from './nonDominatedSort2d';
import { nonDominatedSort3d } from './nonDominatedSort3d';
import { BITSET_MAX_N, nonDominatedSortBitset } from './nonDominatedSortBitset';
import { nonDominatedSortGeneral } from './nonDominatedSortGeneral';

/**
 * Pareto front rank of every row of an n x d set (minimisation), 0 = non-dominated.
 *
 * Ties: a point equal to another in every objective does not dominate it, so duplicates share a
 * rank. Complexity: d = 1 and d = 2 O(n log n); d = 3 O(n log^2 n) typical; d >= 4 and
 * n <= 20 000 dominance bitsets, O(d n^2 / 64) word operations and n^2 / 16 bytes (25 MB at the
 * limit); larger sets ENS-BS, O(d n^2) worst case and far less on random data. Empty input gives an empty array.
 *
 * `into`, an Int32Array of length n, receives the ranks and is returned, instead of a new array:
 * a loop that sorts a population every generation then allocates nothing (a new Int32Array of
 * 1000 ranks, off V8's heap, was 8 % of a 2-D sort of 1000 points, and its collection more). It is
 * written only when the sort succeeds.
 * Throws MultiObjectiveError for NaN/Infinity, a length that is not a multiple of d, or an `into`
 * that is not an Int32Array of length n or shares memory with `points`.
 */
export function nonDominatedSort(points: Float64Array, d: number, into?: Int32Array): Int32Array {
  warmUp.before(points, d);
  // The 2-D sort checks the values itself, in its first pass over the rows; any other shape
  // problem goes to checkPoints below for its error.
  if (d === 2 && points instanceof Float64Array && points.length % 2 === 0) {
    if (into !== undefined) checkRanksInto(into, points.length / 2, points);
    return nonDominatedSort2d(points, points.length / 2, into);
  }
  if (into === undefined) return sortChecked(points, d);
  checkRanksInto(into, checkShape(points, d), points);
  into.set(sortChecked(points, d));
  return into;
}

/** nonDominatedSort of any d into a new array (d = 2 only when its shape is wrong, for the error). */
function sortChecked(points: Float64Array, d: number): Int32Array {
  if (d === 1) return denseRank1d(points, checkPoints(points, d));
  const n = checkShape(points, d);
  // Equal points share a rank: with many copies, rank one row per distinct point (in 2-D the
  // lexicographic sort already puts copies side by side).
  const distinct = distinctRows(points, n, d);
  if (distinct === undefined) {
    // The 3-D sort checks the values in its sweep.
    if (d !== 3) checkPoints(points, d);
    return sortDistinct(points, n, d);
  }
  // Only the distinct rows need their values checked: a non-finite value is never equal to a
  // finite one, so some distinct row holds it (NaN, equal to nothing, keeps its own row). With
  // ten copies of each point the full check was an eighth of the sort. A bad value goes to
  // checkPoints for the error, which names its row in the input.
  if (!allFinite(distinct.data, distinct.n * d)) checkPoints(points, d);
  const ranks = sortDistinct(distinct.data, distinct.n, d);
  const of = distinct.of;
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[i] = ranks[of[i]!]!;
  return rank;
}

/**
 * See WarmUp: the first call on a large set, in 2-D and 3-D, runs this one on small sets first.
 * The bitset sort (4-D and up) gained nothing (a 4-D front of 100 after fronts of 10,000: 177.8k
 * instructions without, 181.2k with); 5-D and 6-D never met the trap. Through a wrapper: WarmUp passes
 * a reference point third, where this entry takes `into`.
 */
const warmUp = /* @__PURE__ */ new WarmUp((points, d) => nonDominatedSort(points, d), 3);

function allFinite(values: Float64Array, length: number): boolean {
  for (let i = 0; i < length; i++) {
    const v = values[i]!;
    if (v - v !== 0) return false;
  }
  return true;
}

function sortDistinct(points: Float64Array, n: number, d: number): Int32Array {
  if (d === 3) return nonDominatedSort3d(points, n);
  // The bitset sort needs n^2 / 16 bytes; past that budget ENS-BS needs only O(n d).
  if (n <= BITSET_MAX_N) return nonDominatedSortBitset(points, n, d);
  return nonDominatedSortGeneral(points, n, d);
}

function denseRank1d(points: Float64Array, n: number): Int32Array {
  const rank = new Int32Array(n);
  const order = argsortByKey(points, n);
  let r = -1;
  let last = NaN;
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    if (points[i] !== last) {
      r++;
      last = points[i]!;
    }
    rank[i] = r;
  }
  return rank;
}
