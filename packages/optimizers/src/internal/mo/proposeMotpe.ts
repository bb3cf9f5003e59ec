import type { Configuration, Rng } from '@jahskit/core';
import { hsspGreedyDecremental, hypervolumeContributions } from '@jahskit/multiobjective';
import { ParzenEstimator } from '../kde/ParzenEstimator';
import type { UnitCodec } from '../kde/UnitCodec';
import { packRows } from './packRows';
import { referencePoint } from './referencePoint';

export interface MotpeStepOptions {
  /** Candidates drawn from l(x); the legal one with the highest log l(x) - log g(x) wins. */
  readonly candidates: number;
  /** Weight of the prior component of each Parzen estimator. */
  readonly priorWeight: number;
}

/**
 * The good/bad split of MOTPE: the `nGood` observations kept by greedy hypervolume subset
 * selection — whole non-dominated fronts from the best down, the front that does not fit thinned
 * by dropping its least hypervolume contributor repeatedly (`hsspGreedyDecremental`). The reference
 * point is the observed worst + 10% of the range. Returns the good rows (ascending) and the weight
 * of each in l(x): its exclusive hypervolume contribution within the good set, divided by the
 * largest, floored at 1e-3 so that no good point is silently ignored (uniform if all are zero).
 *
 * With `violations` (total violation per row, 0 when feasible) the split is Optuna's MOTPE with
 * constraints: the feasible rows are split as above (reference point from them alone); infeasible
 * rows go to the bad group, except that when fewer than `nGood` rows are feasible the least
 * violating infeasible ones fill the good group. Those weigh the 1e-3 floor in l(x) (uniform when no
 * good row is feasible): they only say where the search should go until feasible results arrive.
 */
export function motpeSplit(
  points: Float64Array,
  d: number,
  nGood: number,
  violations?: ArrayLike<number>,
): { good: Int32Array; bad: Int32Array; weights: Float64Array } {
  const n = points.length / d;
  const feasible: number[] = [];
  const infeasible: number[] = [];
  for (let i = 0; i < n; i++) ((violations?.[i] ?? 0) > 0 ? infeasible : feasible).push(i);
  const feasiblePoints = infeasible.length === 0 ? points : packRows(points, d, feasible);
  const ref = referencePoint(feasiblePoints, d);
  const kept = feasible.length > 0 ? hsspGreedyDecremental(feasiblePoints, d, ref, Math.min(nGood, feasible.length)) : new Int32Array(0);
  const goodFeasible = infeasible.length === 0 ? kept : Int32Array.from(kept, (i) => feasible[i] as number);
  infeasible.sort((a, b) => (violations![a] as number) - (violations![b] as number) || a - b);
  const filling = infeasible.slice(0, Math.max(0, nGood - goodFeasible.length));
  const isGood = new Uint8Array(n);
  for (const i of goodFeasible) isGood[i] = 1;
  for (const i of filling) isGood[i] = 2;
  const good = new Int32Array(goodFeasible.length + filling.length);
  const bad = new Int32Array(n - good.length);
  let g = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    if (isGood[i] === 0) bad[b++] = i;
    else good[g++] = i;
  }
  const contributions = goodFeasible.length > 0 ? hypervolumeContributions(packRows(points, d, goodFeasible), d, ref) : new Float64Array(0);
  let max = 0;
  for (const c of contributions) max = Math.max(max, c);
  const contributionOf = new Map<number, number>();
  goodFeasible.forEach((row, i) => contributionOf.set(row, contributions[i] as number));
  const weights = new Float64Array(good.length);
  for (let i = 0; i < good.length; i++) {
    const c = contributionOf.get(good[i] as number);
    weights[i] = c === undefined ? (goodFeasible.length > 0 ? 1e-3 : 1) : max > 0 ? Math.max(1e-3, c / max) : 1;
  }
  return { good, bad, weights };
}

/**
 * One MOTPE proposal (Ozaki, Tanigaki, Watanabe & Onishi, GECCO 2020): l(x) is TPE's univariate
 * Parzen estimator fitted on the good rows (weighted by hypervolume contribution), g(x) on the
 * others; candidates are drawn from l and the legal one maximising l(x) / g(x) is returned.
 * `rows` are UnitCodec rows of the observations, `points` their minimised objective vectors.
 * Candidates for which `exclude` holds (already evaluated) are skipped. Undefined when no candidate
 * is left (the caller falls back to the prior). `violations`: see {@link motpeSplit}. `rejected`: the
 * last rows of `rows`, after those of `points`, are trials a study rejected for a broken constraint
 * (failed, no objective values); they join the bad group, as Optuna's constrained TPE ranks them.
 */
export function proposeMotpe(
  codec: UnitCodec,
  rows: Float64Array,
  points: Float64Array,
  d: number,
  nGood: number,
  rng: Rng,
  options: MotpeStepOptions,
  exclude?: (config: Configuration) => boolean,
  violations?: ArrayLike<number>,
  rejected = 0,
): Configuration | undefined {
  const split = motpeSplit(points, d, nGood, violations);
  const { good, weights } = split;
  const results = points.length / d;
  const bad =
    rejected === 0
      ? split.bad
      : Int32Array.from({ length: split.bad.length + rejected }, (_, i) => (i < split.bad.length ? (split.bad[i] as number) : results + i - split.bad.length));
  const l = ParzenEstimator.fitRows(codec, rows, good, weights, { priorWeight: options.priorWeight });
  const g = ParzenEstimator.fitRows(codec, rows, bad, undefined, { priorWeight: options.priorWeight });
  const n = options.candidates;
  const dims = codec.dimensions;
  const drawn = l.sampleRows(rng, n);
  // Re-encode the decoded candidates so that parameters that ended up inactive are NaN, not scored.
  const candidates = new Float64Array(n * dims);
  const configs: (Configuration | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    try {
      const config = codec.space.validate(codec.decode(drawn, i * dims));
      if (exclude?.(config) === true) {
        configs[i] = undefined;
        continue;
      }
      configs[i] = config;
      codec.encodeInto(config, candidates, i * dims);
    } catch {
      configs[i] = undefined;
    }
  }
  const score = l.logDensityRows(candidates, n);
  const gScore = g.logDensityRows(candidates, n);
  let best = -1;
  for (let i = 0; i < n; i++) {
    if (configs[i] === undefined) continue;
    const s = (score[i] as number) - (gScore[i] as number);
    score[i] = s;
    if (best < 0 || s > (score[best] as number)) best = i;
  }
  return best < 0 ? undefined : configs[best];
}
