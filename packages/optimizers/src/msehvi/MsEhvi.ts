import type { Configuration, JsonValue, OptimizerContext, Rng } from '@jahskit/core';
import { nonDominatedFilter, prepareEhvi } from '@jahskit/multiobjective';
import { candidatePool } from '../internal/mo/candidatePool';
import { MoOptimizerBase, type Proposal } from '../internal/mo/MoOptimizerBase';
import { paretoKeep } from '../internal/mo/paretoOrder';
import { quantileReferencePoint } from '../internal/mo/referencePoint';
import { OneHotEncoder } from '../internal/gp/OneHotEncoder';
import { GpSchedule } from '../internal/mo/GpSchedule';

export interface MsEhviOptions {
  readonly startupTrials: number;
  readonly maxModelPoints: number;
  readonly refitEvery: number;
  readonly randomCandidates: number;
  readonly mutationCandidates: number;
  readonly referenceMargin: number;
  readonly referenceQuantile: number;
}

/**
 * MS-EHVI (Guerrero-Viu et al. 2021): expected hypervolume improvement with a Gaussian process only
 * for the objectives the benchmark marks expensive (`cheap === false`); cheap objectives (parameter
 * count, FLOPs) are computed exactly for every candidate via `context.cheapObjectives` (negated when
 * maximised, since optimizers minimise) and enter EHVI with zero variance. Without `cheapObjectives`
 * every objective is modelled. The candidate maximising EHVI (exact in 2-D and 3-D, from
 * `@jahskit/multiobjective`) among prior draws and one-parameter mutations of Pareto-front members is
 * proposed. The reference point is, per objective, the `referenceQuantile` of the observed values
 * (1: the worst) + `referenceMargin` x (that value - the best). Above
 * `maxModelPoints` results, each GP is fitted on the results kept by non-dominated sorting plus greedy
 * hypervolume subset selection.
 */
export class MsEhvi extends MoOptimizerBase {
  private readonly encoder: OneHotEncoder;
  private gps: GpSchedule;
  /** Per objective: true when computed exactly instead of modelled. */
  private readonly exact: boolean[];

  constructor(
    private readonly options: MsEhviOptions,
    context: OptimizerContext,
  ) {
    super('msehvi', context);
    this.encoder = new OneHotEncoder(context.space);
    this.gps = new GpSchedule(options.refitEvery);
    this.exact = context.objectives.map((o) => o.cheap && context.cheapObjectives !== undefined);
  }

  protected propose(_id: number, rng: Rng): Proposal {
    const space = this.context.space;
    const n = this.archive.size;
    const d = this.d;
    if (n < Math.max(2, this.options.startupTrials)) return { config: space.sample(rng) };
    const points = this.archive.points();
    const used = paretoKeep(points, d, this.options.maxModelPoints);
    const configs = used.map((i) => this.archive.entries[i]!.config);
    const features = this.encoder.encodeAll(configs);
    const front = Array.from(nonDominatedFilter(points, d));
    const frontConfigs = front.map((i) => this.archive.entries[i]!.config);
    const candidates = candidatePool(space, rng, this.options.randomCandidates, this.options.mutationCandidates, frontConfigs, (key) => this.asked.has(key));
    if (candidates.length === 0) return { config: space.sample(rng) };
    const c = candidates.length;
    const mu = new Float64Array(c * d);
    const sigma = new Float64Array(c * d);
    const candidateFeatures = this.encoder.encodeAll(candidates);
    for (let j = 0; j < d; j++) {
      const objective = this.context.objectives[j]!;
      if (this.exact[j] === true) {
        const sign = objective.direction === 'maximize' ? -1 : 1;
        candidates.forEach((config, k) => {
          mu[k * d + j] = sign * (this.context.cheapObjectives!(config)[objective.name] as number);
        });
        continue;
      }
      const gp = this.gps.fit(`objective-${j}`, n, features, used.length, this.encoder.width, used.map((i) => points[i * d + j] as number), this.encoder.groups);
      const { mean, variance } = gp.predict(candidateFeatures, c);
      for (let k = 0; k < c; k++) {
        mu[k * d + j] = mean[k] as number;
        sigma[k * d + j] = Math.sqrt(Math.max(0, variance[k] as number));
      }
    }
    const frontPoints = this.archive.pointsOf(front);
    const ehvi = prepareEhvi(frontPoints, d, quantileReferencePoint(points, d, this.options.referenceQuantile, this.options.referenceMargin)).ehviBatch(mu, sigma);
    let chosen = 0;
    for (let k = 1; k < c; k++) if ((ehvi[k] as number) > (ehvi[chosen] as number)) chosen = k;
    return { config: candidates[chosen] as Configuration };
  }

  protected override saveExtra(): Record<string, JsonValue> {
    return { gps: this.gps.toJson() };
  }

  protected override restoreExtra(saved: Record<string, JsonValue>): void {
    this.gps.restore(saved['gps']);
  }
}
