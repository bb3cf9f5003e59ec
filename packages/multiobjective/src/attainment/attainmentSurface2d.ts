import { MultiObjectiveError } from '../errors/MultiObjectiveError';
import { checkPoints } from '../internal/validate';

/**
 * The k%-attainment surface of several runs of a two-objective minimisation (the empirical
 * attainment function of Grunert da Fonseca, Fonseca and Hall, 2001): the boundary of the region of
 * points that at least `k` of the runs attain, a point being attained by a run when one of the run's
 * points weakly dominates it. k = 1 gives the best of all runs, k = the number of runs the worst;
 * ceil(runs / 2) is the median surface.
 *
 * Returned as the surface's corners (row-major x, y), x ascending and y descending: a point is
 * attained by at least k runs exactly when a corner weakly dominates it. Empty when fewer than k
 * runs have a point.
 *
 * A sweep along x keeps each run's best y so far; the surface at x is the k-th smallest of those,
 * so it costs O(N log N + N m) for N points and m runs.
 */
export function attainmentSurface2d(runs: readonly Float64Array[], k: number): Float64Array {
  const m = runs.length;
  if (!Number.isInteger(k) || k < 1 || k > m) {
    throw new MultiObjectiveError('invalid-argument', `k must be an integer from 1 to the number of runs (${m}), got ${k}`);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  const owner: number[] = [];
  runs.forEach((points, r) => {
    const n = checkPoints(points, 2, `runs[${r}]`);
    for (let i = 0; i < n; i++) {
      xs.push(points[2 * i]!);
      ys.push(points[2 * i + 1]!);
      owner.push(r);
    }
  });
  const order = Array.from(xs.keys()).sort((a, b) => xs[a]! - xs[b]!);
  const best = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  // The runs' best y values in ascending order, so the k-th smallest is read in O(1) and kept by insertion.
  const sorted = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  const corners: number[] = [];
  let previous = Number.POSITIVE_INFINITY;
  for (let i = 0; i < order.length;) {
    const x = xs[order[i]!]!;
    // Every point at this x first: the surface is evaluated once all of them count.
    for (; i < order.length && xs[order[i]!] === x; i++) {
      const p = order[i]!;
      const r = owner[p]!;
      const y = ys[p]!;
      if (y < best[r]!) {
        replaceSorted(sorted, best[r]!, y);
        best[r] = y;
      }
    }
    const level = sorted[k - 1]!;
    if (level < previous) {
      corners.push(x, level);
      previous = level;
    }
  }
  return Float64Array.from(corners);
}

/** Replaces one occurrence of `from` in the ascending array by the smaller `to`, keeping it sorted. */
function replaceSorted(sorted: Float64Array, from: number, to: number): void {
  let j = sorted.length - 1;
  while (sorted[j] !== from) j--;
  for (; j > 0 && sorted[j - 1]! > to; j--) sorted[j] = sorted[j - 1]!;
  sorted[j] = to;
}
