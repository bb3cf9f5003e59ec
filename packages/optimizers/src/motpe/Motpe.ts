import type { Observation, OptimizerContext, Rng } from '@jahskit/core';
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
 * group, the least violating filling the good group while too few results are feasible (`motpeSplit`);
 * trials a study rejected for a broken constraint (failed, no values) join the bad group too.
 */
export class Motpe extends MoOptimizerBase {
  private readonly codec: UnitCodec;
  private rows: ObservationRows;
  /** Rows of the trials rejected for a broken constraint (the archive's `rejected`): bad, whatever gamma says. */
  private rejectedRows: ObservationRows;

  constructor(
    private readonly options: MotpeOptions,
    context: OptimizerContext,
  ) {
    super('motpe', context);
    this.codec = new UnitCodec(context.space);
    this.rows = new ObservationRows(this.codec);
    this.rejectedRows = new ObservationRows(this.codec);
  }

  protected propose(_id: number, rng: Rng): Proposal {
    const n = this.archive.size;
    if (n < Math.max(2, this.options.startupTrials)) return { config: this.context.space.sample(rng) };
    const r = this.rejectedRows.size;
    const nGood = goodCount(this.options.gamma, n + r);
    const config = proposeMotpe(
      this.codec,
      this.allRows(n, r),
      this.archive.points(),
      this.d,
      nGood,
      rng,
      this.options,
      (c) => this.asked.has(this.key(c)),
      this.archive.violations(),
      r,
    );
    return { config: config ?? this.context.space.sample(rng) };
  }

  /** The results' rows followed by the rejected trials' rows. */
  private allRows(n: number, r: number): Float64Array {
    if (r === 0) return this.rows.rows;
    const dims = this.codec.dimensions;
    const all = new Float64Array((n + r) * dims);
    all.set(this.rows.rows.subarray(0, n * dims));
    all.set(this.rejectedRows.rows.subarray(0, r * dims), n * dims);
    return all;
  }

  override tell(observations: readonly Observation[]): void {
    super.tell(observations);
    for (const e of this.archive.rejected.slice(this.rejectedRows.size)) this.rejectedRows.add(e.id, e.config, 0);
  }

  protected override onResults(added: readonly ArchiveEntry[]): void {
    // The row store's sort key is unused here (the split is Pareto-based): every key is 0.
    for (const e of added) this.rows.add(e.id, e.config, 0);
  }

  protected override restoreExtra(): void {
    this.rows = new ObservationRows(this.codec);
    for (const e of this.archive.entries) this.rows.add(e.id, e.config, 0);
    this.rejectedRows = new ObservationRows(this.codec);
    for (const e of this.archive.rejected) this.rejectedRows.add(e.id, e.config, 0);
  }
}
