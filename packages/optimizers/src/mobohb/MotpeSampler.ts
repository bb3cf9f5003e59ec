import { Rng, type Configuration, type JsonValue, type SearchSpace } from '@jahskit/core';
import type { z } from 'zod';
import { ObservationRows } from '../internal/kde/ObservationRows';
import { UnitCodec } from '../internal/kde/UnitCodec';
import type { ConfigSampler } from '../internal/multifidelity/ConfigSampler';
import { violationsOf, type ValueBook, type ViolationBook } from '../internal/mo/MoBracketOptimizer';
import { configKey } from '../internal/configKey';
import { proposeMotpe } from '../internal/mo/proposeMotpe';
import { sampledRungsSchema, type SampledRungs } from '../internal/mo/sampledRungsSchema';
import { trialStream } from '../internal/trialStream';
import { goodCount } from '../tpe/TreeParzenEstimator';

export interface MotpeSamplerOptions {
  readonly randomFraction: number;
  readonly minPoints: number | null;
  readonly candidates: number;
  readonly gamma: 'auto' | number;
  readonly priorWeight: number;
}

/**
 * MO-BOHB's sampler: as BOHB's, the model is fitted on the highest budget (ladder rung) that has
 * enough results, and a fraction of the configurations are prior draws; the model itself is MOTPE
 * (good/bad split by non-dominated sorting plus greedy hypervolume subset selection, Parzen
 * estimators weighted by hypervolume contribution; with constraints, Optuna's constrained split).
 * Trial t draws from `(seed, 'trial', t)`.
 */
export class MotpeSampler implements ConfigSampler {
  private readonly root: Rng;
  private readonly codec: UnitCodec;
  private rungs: { ids: number[]; rows: ObservationRows }[] = [];
  private readonly minPoints: number;

  constructor(
    readonly space: SearchSpace,
    seed: number,
    private readonly d: number,
    private readonly book: ValueBook,
    private readonly violations: ViolationBook,
    private readonly options: MotpeSamplerOptions,
  ) {
    this.root = Rng.seeded(seed);
    this.codec = new UnitCodec(space);
    this.minPoints = options.minPoints ?? space.parameters.length + 2;
    this.stateSchema = sampledRungsSchema(space);
  }

  readonly stateSchema: z.ZodType<SampledRungs>;

  /** Keys of every configuration handed out: the model skips them, prior draws are redrawn. */
  private sampled = new Set<string>();

  sample(id: number): Configuration {
    const rng = trialStream(this.root, id);
    let config = this.draw(rng);
    for (let attempt = 1; attempt < 10 && this.sampled.has(configKey(this.space, config)); attempt++) config = this.space.sample(rng);
    this.sampled.add(configKey(this.space, config));
    return config;
  }

  private draw(rng: Rng): Configuration {
    if (rng.uniform() < this.options.randomFraction) return this.space.sample(rng);
    for (let r = this.rungs.length - 1; r >= 0; r--) {
      const rung = this.rungs[r];
      if (rung === undefined || rung.ids.length < this.minPoints) continue;
      const points = new Float64Array(rung.ids.length * this.d);
      rung.ids.forEach((k, i) => points.set(this.book.get(k) as readonly number[], i * this.d));
      const nGood = goodCount(this.options.gamma, rung.ids.length);
      const exclude = (c: Configuration): boolean => this.sampled.has(configKey(this.space, c));
      return (
        proposeMotpe(this.codec, rung.rows.rows, points, this.d, nGood, rng, this.options, exclude, violationsOf(this.violations, rung.ids)) ??
        this.space.sample(rng)
      );
    }
    return this.space.sample(rng);
  }

  observe(id: number, config: Configuration, rung: number, value: number | undefined): void {
    if (value === undefined || !this.book.has(id)) return;
    while (this.rungs.length <= rung) this.rungs.push({ ids: [], rows: new ObservationRows(this.codec) });
    const target = this.rungs[rung]!;
    target.ids.push(id);
    target.rows.add(id, config, 0);
  }

  state(): JsonValue {
    const saved: SampledRungs = { sampled: [...this.sampled], rungs: this.rungs.map((r) => r.ids.map((id, i) => [id, r.rows.configs[i] as Configuration])) };
    return saved as unknown as JsonValue;
  }

  restore(saved: SampledRungs): void {
    this.rungs = [];
    this.sampled = new Set(saved.sampled);
    saved.rungs.forEach((rungSaved) => {
      const rows = new ObservationRows(this.codec);
      const ids: number[] = [];
      for (const [id, config] of rungSaved) {
        ids.push(id);
        rows.add(id, config, 0);
      }
      this.rungs.push({ ids, rows });
    });
  }
}
