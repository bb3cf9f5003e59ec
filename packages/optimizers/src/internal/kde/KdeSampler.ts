import { Rng, totalViolation, type Configuration, type JsonValue, type SearchSpace } from '@jahskit/core';
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
 *
 * Constraints: the stores rank observations by `standingOf` (feasible by value, then infeasible by
 * total violation), so "best" and "worst" follow Deb's rules as in constrained TPE, and a trial that
 * failed because it broke a constraint (a study's cheap-constraint check) enters the store among the
 * worst. The scheduler's `observe` carries only a value: the optimizer hands the constraint values
 * over first (`noteConstraints`).
 */
export class KdeSampler implements ConfigSampler {
  private readonly root: Rng;
  private readonly codec: UnitCodec;
  private stores = new Map<number, ObservationRows>();
  private log: SavedKdeObservation[] = [];
  /** Constraint values of the trials being told, until the scheduler observes them. */
  private readonly told = new Map<number, readonly number[]>();

  constructor(
    readonly space: SearchSpace,
    seed: number,
    private readonly options: KdeSamplerOptions,
  ) {
    this.root = Rng.seeded(seed);
    this.codec = new UnitCodec(space);
    this.stateSchema = z.array(
      z.tuple([z.number().int().min(0), configurationSchema(space), z.number().int().min(0), z.number().nullable(), z.array(z.number()).optional()]),
    );
  }

  /** The observations in the order told (see {@link SavedKdeObservation}). */
  readonly stateSchema: z.ZodType<SavedKdeObservation[]>;

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

  /** The constraint values of trial `id`, about to be observed (nothing to do without constraints). */
  noteConstraints(id: number, constraints: readonly number[]): void {
    if (constraints.length > 0) this.told.set(id, constraints);
  }

  /** Drops the constraint values noted and not observed (trials the scheduler did not take). */
  forgetConstraints(): void {
    this.told.clear();
  }

  observe(id: number, config: Configuration, rung: number, value: number | undefined): void {
    const constraints = this.told.get(id) ?? [];
    this.told.delete(id);
    // A failure says nothing about where good configurations are, unless it broke a constraint.
    if (value === undefined && !(totalViolation(constraints) > 0)) return;
    this.log.push(constraints.length > 0 ? [id, config, rung, value ?? null, [...constraints]] : [id, config, rung, value ?? null]);
    this.add(id, config, rung, value ?? Number.NaN, constraints);
  }

  private add(id: number, config: Configuration, rung: number, value: number, constraints: readonly number[]): void {
    let store = this.stores.get(rung);
    if (store === undefined) {
      store = new ObservationRows(this.codec, (rows, offset, trial) => imputeRow(this.codec, rows, offset, this.root.stream('impute', trial)));
      this.stores.set(rung, store);
    }
    store.add(id, config, value, constraints);
  }

  state(): JsonValue {
    return this.log as unknown as JsonValue;
  }

  restore(saved: SavedKdeObservation[]): void {
    this.stores = new Map();
    this.log = saved.map((entry) => [...entry] as SavedKdeObservation);
    this.told.clear();
    for (const [id, config, rung, value, constraints] of saved) this.add(id, config, rung, value ?? Number.NaN, constraints ?? []);
  }
}

/**
 * [trial id, configuration, ladder rung, value (null: failed, kept for breaking a constraint),
 * constraint values (only when the study has constraints: older states restore as unconstrained)].
 */
export type SavedKdeObservation = [number, Configuration, number, number | null, number[]?];
