import { Rng, type Configuration, type JsonValue, type SearchSpace } from '@jahskit/core';
import { z } from 'zod';
import { configurationSchema } from '../configurationSchema';
import type { ConfigSampler } from '../multifidelity/ConfigSampler';
import { trialStream } from '../trialStream';
import { imputeRow } from './MultivariateKde';
import { ObservationRows } from './ObservationRows';
import { proposeByDensityRatio } from './proposeByDensityRatio';
import { UnitCodec } from './UnitCodec';

export interface KdeSamplerOptions {
  readonly randomFraction: number;
  readonly topNPercent: number;
  readonly numSamples: number;
  readonly bandwidthFactor: number;
  readonly minBandwidth: number;
  /** Observations per model, at least; null: d + 1 as in the paper. */
  readonly minPointsInModel: number | null;
}

/**
 * BOHB's model-based sampler (Falkner, Klein & Hutter 2018): one store of observations per budget;
 * a fraction of draws comes from the prior, the rest from the multivariate KDE TPE step fitted on
 * the highest budget with at least N_min + 2 observations, N_min = d + 1: l(x) on the best
 * max(N_min, q n) and g(x) on the worst max(N_min, n - n_l) (q = topNPercent / 100). Failed trials
 * are left out of the models. Trial t draws from the stream `(seed, 'trial', t)`.
 */
export class KdeSampler implements ConfigSampler {
  private readonly root: Rng;
  private readonly codec: UnitCodec;
  private stores = new Map<number, ObservationRows>();
  private log: [number, Configuration, number, number][] = [];

  constructor(
    readonly space: SearchSpace,
    seed: number,
    private readonly options: KdeSamplerOptions,
  ) {
    this.root = Rng.seeded(seed);
    this.codec = new UnitCodec(space);
    this.stateSchema = z.array(z.tuple([z.number().int().min(0), configurationSchema(space), z.number().int().min(0), z.number()]));
  }

  /** The observations in the order told: [trial id, configuration, ladder rung, value]. */
  readonly stateSchema: z.ZodType<[number, Configuration, number, number][]>;

  private get minPoints(): number {
    return this.options.minPointsInModel ?? this.codec.dimensions + 1;
  }

  sample(id: number): Configuration {
    const rng = trialStream(this.root, id);
    if (rng.uniform() < this.options.randomFraction) return this.space.sample(rng);
    let best: ObservationRows | undefined;
    let bestRung = -1;
    for (const [rung, store] of this.stores) if (store.size >= this.minPoints + 2 && rung > bestRung) [best, bestRung] = [store, rung];
    if (best === undefined) return this.space.sample(rng);
    const n = best.size;
    const nGood = Math.max(this.minPoints, Math.floor((this.options.topNPercent / 100) * n));
    const nBad = Math.max(this.minPoints, n - nGood);
    const proposal = proposeByDensityRatio(best, Math.min(nGood, n), Math.min(nBad, n), rng, {
      multivariate: true,
      candidates: this.options.numSamples,
      priorWeight: 1,
      bandwidthFactor: this.options.bandwidthFactor,
      minBandwidth: this.options.minBandwidth,
    });
    return proposal ?? this.space.sample(rng);
  }

  observe(id: number, config: Configuration, rung: number, value: number | undefined): void {
    if (value === undefined) return;
    this.log.push([id, config, rung, value]);
    let store = this.stores.get(rung);
    if (store === undefined) {
      store = new ObservationRows(this.codec, (rows, offset, trial) => imputeRow(this.codec, rows, offset, this.root.stream('impute', trial)));
      this.stores.set(rung, store);
    }
    store.add(id, config, value);
  }

  state(): JsonValue {
    return this.log as unknown as JsonValue;
  }

  restore(saved: [number, Configuration, number, number][]): void {
    this.stores = new Map();
    this.log = [];
    for (const [id, config, rung, value] of saved) this.observe(id, config, rung, value);
  }
}
