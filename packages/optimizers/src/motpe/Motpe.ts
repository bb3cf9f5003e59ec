import type { OptimizerContext, Rng } from '@jahskit/core';
import { ObservationRows } from '../internal/kde/ObservationRows';
import { UnitCodec } from '../internal/kde/UnitCodec';
import type { ArchiveEntry } from '../internal/mo/ParetoArchive';
import { MoOptimizerBase, type Proposal } from '../internal/mo/MoOptimizerBase';
import { proposeMotpe } from '../internal/mo/proposeMotpe';
import { goodCount } from '../tpe/TreeParzenEstimator';

export interface MotpeOptions {
  readonly startupTrials: number;
  readonly candidates: number;
  readonly gamma: 'auto' | number;
  readonly priorWeight: number;
}

/**
 * Multi-objective TPE, Ozaki, Tanigaki, Watanabe & Onishi (GECCO 2020). After `startupTrials`
 * prior draws, the observations are split into gamma(n) good and n - gamma(n) bad ones by
 * non-dominated sorting with hypervolume-contribution tie-breaking inside the split front (greedy
 * hypervolume subset selection); l(x) is fitted on the good ones weighted by their hypervolume
 * contribution, g(x) on the rest, and the candidate drawn from l(x) with the highest l(x) / g(x)
 * is proposed. The Parzen estimators are TPE's (`internal/kde`). Trial t draws from `(seed, 'trial', t)`.
 * With constraints the split is Optuna's: feasible results split as above, infeasible ones to the bad
 * group, the least violating filling the good group while too few results are feasible (`motpeSplit`).
 */
export class Motpe extends MoOptimizerBase {
  private readonly codec: UnitCodec;
  private rows: ObservationRows;

  constructor(
    private readonly options: MotpeOptions,
    context: OptimizerContext,
  ) {
    super('motpe', context);
    this.codec = new UnitCodec(context.space);
    this.rows = new ObservationRows(this.codec);
  }

  protected propose(_id: number, rng: Rng): Proposal {
    const n = this.archive.size;
    if (n < Math.max(2, this.options.startupTrials)) return { config: this.context.space.sample(rng) };
    const nGood = goodCount(this.options.gamma, n);
    const space = this.context.space;
    const config = proposeMotpe(this.codec, this.rows.rows, this.archive.points(), this.d, nGood, rng, this.options, (c) => this.asked.has(this.key(c)), this.archive.violations());
    return { config: config ?? this.context.space.sample(rng) };
  }

  protected override onResults(added: readonly ArchiveEntry[]): void {
    // The row store's sort key is unused here (the split is Pareto-based): every key is 0.
    for (const e of added) this.rows.add(e.id, e.config, 0);
  }

  protected override restoreExtra(): void {
    this.rows = new ObservationRows(this.codec);
    for (const e of this.archive.entries) this.rows.add(e.id, e.config, 0);
  }
}
