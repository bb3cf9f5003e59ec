import type { Configuration, Rng } from '@jahskit/core';
import { MultivariateKde } from './MultivariateKde';
import type { ObservationRows } from './ObservationRows';
import { ParzenEstimator } from './ParzenEstimator';

export interface DensityRatioOptions {
  /** BOHB's product-kernel KDE instead of TPE's independent Parzen estimators. */
  readonly multivariate: boolean;
  /** Candidates drawn from l(x); the one maximising l(x) / g(x) is proposed. */
  readonly candidates: number;
  /** Univariate only: weight of the prior component. */
  readonly priorWeight: number;
  /** Multivariate only: bandwidths are widened by this factor when sampling. */
  readonly bandwidthFactor: number;
  /** Multivariate only: lower bound of the bandwidths. */
  readonly minBandwidth: number;
  /** Candidates for which this returns true are never proposed (e.g. configurations already asked). */
  readonly exclude?: (config: Configuration) => boolean;
  /** Added to a legal candidate's log l - log g (e.g. a weighted log prior density, piBO). */
  readonly bonus?: (config: Configuration) => number;
}

/**
 * The TPE step shared by TPE and BOHB: fit l(x) on the `nGood` best rows and g(x) on the `nBad`
 * worst, draw candidates from l, return the legal candidate with the highest log l - log g.
 * Undefined when no candidate is a legal, non-excluded configuration (the caller falls back to the prior).
 */
export function proposeByDensityRatio(store: ObservationRows, nGood: number, nBad: number, rng: Rng, options: DensityRatioOptions): Configuration | undefined {
  const { codec } = store;
  const d = codec.dimensions;
  const good = store.sorted.subarray(0, nGood);
  const bad = store.sorted.subarray(store.size - nBad, store.size);
  const n = options.candidates;
  let candidates: Float64Array;
  let score: Float64Array;
  const configs: (Configuration | undefined)[] = new Array(n);
  if (options.multivariate) {
    const l = MultivariateKde.fitRows(codec, store.rows, good, { minBandwidth: options.minBandwidth });
    const g = MultivariateKde.fitRows(codec, store.rows, bad, { minBandwidth: options.minBandwidth });
    candidates = l.sampleRows(rng, n, options.bandwidthFactor);
    for (let i = 0; i < n; i++) configs[i] = legal(codec.space, () => codec.decode(candidates, i * d));
    score = l.logDensityRows(candidates, n);
    const gScore = g.logDensityRows(candidates, n);
    for (let i = 0; i < n; i++) score[i] = (score[i] as number) - (gScore[i] as number);
  } else {
    const l = ParzenEstimator.fitRows(codec, store.rows, good, undefined, { priorWeight: options.priorWeight });
    const g = ParzenEstimator.fitRows(codec, store.rows, bad, undefined, { priorWeight: options.priorWeight });
    const drawn = l.sampleRows(rng, n);
    // Re-encode the decoded candidates so parameters that ended up inactive are NaN and not scored.
    candidates = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const config = legal(codec.space, () => codec.decode(drawn, i * d));
      configs[i] = config;
      if (config !== undefined) codec.encodeInto(config, candidates, i * d);
    }
    score = l.logDensityRows(candidates, n);
    const gScore = g.logDensityRows(candidates, n);
    for (let i = 0; i < n; i++) score[i] = (score[i] as number) - (gScore[i] as number);
  }
  if (options.bonus !== undefined)
    for (let i = 0; i < n; i++) if (configs[i] !== undefined) score[i] = (score[i] as number) + options.bonus(configs[i] as Configuration);
  let best = -1;
  for (let i = 0; i < n; i++) {
    if (configs[i] === undefined || options.exclude?.(configs[i] as Configuration)) continue;
    if (best < 0 || (score[i] as number) > (score[best] as number)) best = i;
  }
  return best < 0 ? undefined : configs[best];
}

function legal(space: { validate(config: unknown): Configuration }, make: () => Configuration): Configuration | undefined {
  try {
    return space.validate(make());
  } catch {
    // Forbidden combinations (or a decoder refusal) just drop the candidate.
    return undefined;
  }
}
