import type { Configuration, Rng, SearchSpace } from '@jahskit/core';
import type { GaussianProcess } from '../gp/GaussianProcess';
import type { OneHotEncoder } from '../gp/OneHotEncoder';
import type { GpEiSettings } from './gpEiOptions';
import { incumbentPool } from './incumbentPool';
import type { ObservationHistory } from './ObservationHistory';

/** An acquisition pool with the GP's prediction for each candidate: what expected improvement is maximised over. */
export interface PredictedPool {
  readonly candidates: readonly Configuration[];
  /** The candidates' encodings, `count` rows of the encoder's width. */
  readonly rows: Float64Array;
  readonly count: number;
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  /** Candidate `at` with its encoding (a copy: it outlives the pool, in the kriging believer) and predicted mean. */
  pick(at: number): { readonly config: Configuration; readonly row: Float64Array; readonly mean: number };
}

/**
 * The {@link incumbentPool} of the GP + EI optimizers (GP-BO, CABO), encoded and predicted by `model`;
 * undefined when the pool is empty (everything near the incumbents has been asked).
 */
export function predictedPool(
  space: SearchSpace,
  history: ObservationHistory,
  rng: Rng,
  settings: GpEiSettings,
  encoder: OneHotEncoder,
  model: GaussianProcess,
): PredictedPool | undefined {
  const candidates = incumbentPool(space, history, rng, settings.incumbents, settings.mutationCandidates, settings.randomCandidates);
  if (candidates.length === 0) return undefined;
  const width = encoder.width;
  const rows = encoder.encodeAll(candidates);
  const count = candidates.length;
  const { mean, variance } = model.predict(rows, count);
  return {
    candidates,
    rows,
    count,
    mean,
    variance,
    pick: (at) => ({ config: candidates[at]!, row: rows.slice(at * width, at * width + width), mean: mean[at] as number }),
  };
}
