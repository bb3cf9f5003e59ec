import type { Configuration, Rng } from '@jahskit/core';
import { ObservationRows } from '../internal/kde/ObservationRows';
import { UnitCodec } from '../internal/kde/UnitCodec';
import { violationsOf } from '../internal/mo/MoBracketOptimizer';
import { configKey } from '../internal/configKey';
import { proposeMotpe } from '../internal/mo/proposeMotpe';
import { MoRungSampler, type RungSamplerFrame } from '../internal/mo/MoRungSampler';
import type { SampledRungs } from '../internal/mo/sampledRungsSchema';
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
export class MotpeSampler extends MoRungSampler {
  private readonly codec: UnitCodec;
  private rungs: { ids: number[]; rows: ObservationRows }[] = [];
  private readonly minPoints: number;

  constructor(
    frame: RungSamplerFrame,
    private readonly options: MotpeSamplerOptions,
  ) {
    super(frame);
    this.codec = new UnitCodec(frame.space);
    this.minPoints = options.minPoints ?? frame.space.parameters.length + 2;
  }

  /** The model skips the configurations handed out, so a repeat is a prior draw's: it is redrawn from the prior. */
  protected override redraw(rng: Rng): Configuration {
    return this.space.sample(rng);
  }

  protected draw(rng: Rng): Configuration {
    if (rng.uniform() < this.options.randomFraction) return this.space.sample(rng);
    for (let r = this.rungs.length - 1; r >= 0; r--) {
      const rung = this.rungs[r];
      if (rung === undefined || rung.ids.length < this.minPoints) continue;
      const points = this.pointsOf(rung.ids);
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

  protected savedRungs(): SampledRungs['rungs'] {
    return this.rungs.map((r) => r.ids.map((id, i) => [id, r.rows.configs[i] as Configuration]));
  }

  protected restoreRungs(rungs: SampledRungs['rungs']): void {
    this.rungs = [];
    rungs.forEach((rungSaved) => {
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
