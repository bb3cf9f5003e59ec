import { normalQuantile } from '../acquisition/normal';
import { MultiObjectiveError } from '../errors/MultiObjectiveError';
import { checkPoints, checkPositiveInteger, checkReference, rowsInsideReference } from '../internal/validate';
import { SeededRandom } from '../random/SeededRandom';
import { nonDominatedFilter } from '../sorting/nonDominatedFilter';

export interface MonteCarloOptions {
  /** Number of uniform samples (default 100 000). */
  readonly samples?: number;
  /** PRNG seed; the same seed gives the same estimate (default 0). */
  readonly seed?: number;
  /** Two-sided confidence level of the interval, in (0, 1) (default 0.95). */
  readonly confidence?: number;
}

export interface MonteCarloEstimate {
  readonly estimate: number;
  readonly standardError: number;
  /** Wilson score interval of the dominated fraction, scaled to volume. */
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  readonly samples: number;
}

/**
 * Monte Carlo hypervolume for many objectives: samples the box between the componentwise
 * minimum of the points and the reference uniformly and counts the samples some point
 * dominates. Cost O(samples x h x d) for h non-dominated points, independent of the
 * exponential terms of exact methods. Returns the estimate, its standard error and a Wilson
 * interval at the requested confidence. Deterministic for a given seed. An empty set, or no
 * point strictly dominating the reference, gives an exact 0 with a zero-width interval.
 */
export function hypervolumeMonteCarlo(points: Float64Array, d: number, reference: ArrayLike<number>, options: MonteCarloOptions = {}): MonteCarloEstimate {
  const n = checkPoints(points, d);
  const ref = checkReference(reference, d);
  const samples = options.samples ?? 100_000;
  checkPositiveInteger(samples, 'options.samples');
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw new MultiObjectiveError('invalid-argument', `options.confidence must be in (0, 1), got ${confidence}`);
  }
  const rng = new SeededRandom(options.seed ?? 0);
  const inside = rowsInsideReference(points, n, d, ref);
  if (inside.n === 0) return { estimate: 0, standardError: 0, lower: 0, upper: 0, confidence, samples };
  const keep = nonDominatedFilter(inside.data, d);
  const h = keep.length;
  const front = new Float64Array(h * d);
  const lo = new Float64Array(d).fill(Infinity);
  for (let t = 0; t < h; t++) {
    for (let j = 0; j < d; j++) {
      const v = inside.data[keep[t]! * d + j]!;
      front[t * d + j] = v;
      if (v < lo[j]!) lo[j] = v;
    }
  }
  let boxVolume = 1;
  for (let j = 0; j < d; j++) boxVolume *= ref[j]! - lo[j]!;
  const z = new Float64Array(d);
  let hits = 0;
  for (let s = 0; s < samples; s++) {
    for (let j = 0; j < d; j++) z[j] = lo[j]! + (ref[j]! - lo[j]!) * rng.nextFloat();
    for (let t = 0; t < h; t++) {
      const o = t * d;
      let j = 0;
      while (j < d && front[o + j]! <= z[j]!) j++;
      if (j === d) {
        hits++;
        break;
      }
    }
  }
  const p = hits / samples;
  const zq = normalQuantile(0.5 + confidence / 2);
  const denom = 1 + (zq * zq) / samples;
  const centre = (p + (zq * zq) / (2 * samples)) / denom;
  const half = (zq / denom) * Math.sqrt((p * (1 - p)) / samples + (zq * zq) / (4 * samples * samples));
  return {
    estimate: p * boxVolume,
    standardError: Math.sqrt((p * (1 - p)) / samples) * boxVolume,
    lower: Math.max(0, centre - half) * boxVolume,
    upper: Math.min(1, centre + half) * boxVolume,
    confidence,
    samples,
  };
}
