import type { Configuration, OptimizerContext, Rng } from '@jahskit/core';
import { nonDominatedFilter, normalCdf, prepareEhvi } from '@jahskit/multiobjective';
import { neighbourhoodPool } from '../internal/neighbourhoodPool';
import type { Proposal } from '../internal/mo/MoOptimizerBase';
import { GpMoOptimizerBase } from '../internal/mo/GpMoOptimizerBase';
import type { GpMoSettings } from '../internal/mo/gpMoOptions';
import { paretoKeep } from '../internal/mo/paretoOrder';
import { referencePoint } from '../internal/mo/referencePoint';
import { packRows } from '../internal/mo/packRows';

/** Each GP keeps the results of non-dominated sorting + hypervolume; the mutations are of the Pareto-front members. */
export interface MsEhviOptions extends GpMoSettings {
  readonly logWarp: boolean;
  readonly clipTargets: boolean;
  readonly referenceMargin: number;
}

/**
 * MS-EHVI (Guerrero-Viu et al. 2021): expected hypervolume improvement with a Gaussian process only
 * for the objectives the benchmark marks expensive (`cheap === false`); cheap objectives (parameter
 * count, FLOPs) are computed exactly for every candidate via `context.cheapObjectives` (negated when
 * maximised, since optimizers minimise) and enter EHVI with zero variance. Without `cheapObjectives`
 * every objective is modelled. The candidate maximising EHVI (exact in 2-D and 3-D, from
 * `@jahskit/multiobjective`) among prior draws and one-parameter mutations dealt evenly over the
 * Pareto-front members is proposed. The reference point is the worst value + `referenceMargin` of the
 * range, per objective, over the observations and, for exact objectives, the candidates. A modelled
 * objective's training values are clipped at their upper Tukey fence (`clipTargets`) and, when all
 * observed values are positive, modelled as log(value) (`logWarp`; EHVI is taken in that space): an
 * error objective spans 8% to 90%, and on the raw scale the GP spends its fit on the tail. Above `maxModelPoints` results, each GP is
 * fitted on the results kept by non-dominated sorting plus greedy hypervolume subset selection.
 *
 * With constraints (Gelbart, Snoek & Adams 2014; BoTorch's and Optuna's constrained EHVI), a GP per
 * constraint models its value, trained on the results (feasible or not) and on the trials a study
 * rejected for a broken constraint; EHVI is taken over the feasible results' front only and weighted
 * by the probability of feasibility, prod_k P(c_k(x) <= 0). Until a feasible result exists, the
 * candidate most likely to be feasible is proposed (local moves around the least violating result).
 */
export class MsEhvi extends GpMoOptimizerBase {
  /** Per objective: true when computed exactly instead of modelled. */
  private readonly exact: boolean[];

  constructor(
    private readonly options: MsEhviOptions,
    context: OptimizerContext,
  ) {
    super('msehvi', context, options.refitEvery);
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
    const feasibility = this.feasibilityModel(n, used);
    const front = this.feasibleFront(points);
    const frontConfigs =
      front.length > 0 || feasibility === undefined ? front.map((i) => this.archive.entries[i]!.config) : [this.archive.entries[this.leastViolating()]!.config];
    const candidates = neighbourhoodPool(space, rng, frontConfigs, this.options.mutationCandidates, this.options.randomCandidates, (key) =>
      this.asked.has(key),
    );
    if (candidates.length === 0) return { config: space.sample(rng) };
    const c = candidates.length;
    const mu = new Float64Array(c * d);
    const sigma = new Float64Array(c * d);
    const candidateFeatures = this.encoder.encodeAll(candidates);
    const warped: boolean[] = new Array<boolean>(d).fill(false);
    for (let j = 0; j < d; j++) {
      const objective = this.context.objectives[j]!;
      if (this.exact[j] === true) {
        const sign = objective.direction === 'maximize' ? -1 : 1;
        candidates.forEach((config, k) => {
          mu[k * d + j] = sign * (this.context.cheapObjectives!(config)[objective.name] as number);
        });
        continue;
      }
      const logged = this.options.logWarp && positive(points, d, j);
      warped[j] = logged;
      const raw = used.map((i) => points[i * d + j] as number);
      const targets = this.options.clipTargets ? clipAtUpperFence(raw) : raw;
      const gp = this.gps.fit(`objective-${j}`, n, features, used.length, this.encoder.width, logged ? targets.map(Math.log) : targets, this.encoder.groups);
      const { mean, variance } = gp.predict(candidateFeatures, c);
      for (let k = 0; k < c; k++) {
        mu[k * d + j] = mean[k] as number;
        sigma[k * d + j] = Math.sqrt(Math.max(0, variance[k] as number));
      }
    }
    const frontPoints = this.archive.pointsOf(front);
    // Exactly computed objectives enter the reference with the candidates' values: from the
    // observations alone (the first prior draws happened to be small networks), everything larger
    // would lie beyond the reference and never be proposed, so the front could not extend there.
    const extended = new Float64Array((n + c) * d);
    extended.set(points);
    for (let k = 0; k < c; k++)
      for (let j = 0; j < d; j++) extended[(n + k) * d + j] = this.exact[j] === true ? (mu[k * d + j] as number) : (points[j] as number);
    const reference = referencePoint(extended, d, this.options.referenceMargin);
    // A log-warped objective's EHVI is taken in log space: front and reference are warped with it,
    // which keeps dominance and weighs relative (not absolute) improvements.
    for (let j = 0; j < d; j++) {
      if (!warped[j]) continue;
      for (let i = 0; i < front.length; i++) frontPoints[i * d + j] = Math.log(frontPoints[i * d + j] as number);
      reference[j] = Math.log(reference[j] as number);
    }
    if (feasibility === undefined) {
      const ehvi = prepareEhvi(frontPoints, d, reference).ehviBatch(mu, sigma);
      let chosen = 0;
      for (let k = 1; k < c; k++) if ((ehvi[k] as number) > (ehvi[chosen] as number)) chosen = k;
      return { config: candidates[chosen] as Configuration };
    }
    const pof = feasibility(candidateFeatures, c);
    const score =
      front.length > 0
        ? prepareEhvi(frontPoints, d, reference)
            .ehviBatch(mu, sigma)
            .map((e, k) => e * (pof[k] as number))
        : new Float64Array(c);
    let chosen = 0;
    for (let k = 1; k < c; k++) if ((score[k] as number) > (score[chosen] as number)) chosen = k;
    // No feasible result yet, or no candidate expected to improve: the one most likely feasible.
    if (!((score[chosen] as number) > 0)) for (let k = 1; k < c; k++) if ((pof[k] as number) > (pof[chosen] as number)) chosen = k;
    return { config: candidates[chosen] as Configuration };
  }

  /** The non-dominated feasible results (all results' front when none breaks a constraint). */
  private feasibleFront(points: Float64Array): number[] {
    if (!this.archive.hasInfeasible) return Array.from(nonDominatedFilter(points, this.d));
    const feasible = this.archive.feasible();
    return Array.from(nonDominatedFilter(packRows(points, this.d, feasible), this.d), (i) => feasible[i] as number);
  }

  private leastViolating(): number {
    let best = 0;
    for (let i = 1; i < this.archive.size; i++) if (this.archive.violationAt(i) < this.archive.violationAt(best)) best = i;
    return best;
  }

  /**
   * The probability of feasibility of candidate rows, from one GP per constraint fitted on the `used`
   * results that have constraint values and on the rejected trials (the most recent `maxModelPoints`);
   * undefined without constraints (or before any constraint value is known).
   */
  private feasibilityModel(n: number, used: readonly number[]): ((rows: Float64Array, count: number) => Float64Array) | undefined {
    const m = this.context.constraints?.length ?? 0;
    if (m === 0) return undefined;
    const withValues = used.filter((i) => this.archive.entries[i]!.constraints?.length === m);
    const rejected = this.archive.rejected.slice(-this.options.maxModelPoints);
    const sources = [...withValues.map((i) => this.archive.entries[i]!), ...rejected];
    if (sources.length === 0) return undefined;
    const features = this.encoder.encodeAll(sources.map((e) => e.config));
    const results = n + this.archive.rejected.length;
    const gps = Array.from({ length: m }, (_, k) =>
      this.gps.fit(
        `constraint-${k}`,
        results,
        features,
        sources.length,
        this.encoder.width,
        sources.map((e) => e.constraints![k] as number),
        this.encoder.groups,
      ),
    );
    return (rows, count) => {
      const pof = new Float64Array(count).fill(1);
      for (const gp of gps) {
        const { mean, variance } = gp.predict(rows, count);
        for (let i = 0; i < count; i++) pof[i] = (pof[i] as number) * normalCdf(-(mean[i] as number) / Math.sqrt(Math.max(1e-18, variance[i] as number)));
      }
      return pof;
    };
  }
}

/** True when every observed value of objective `j` is positive (so it can be log-warped). */
function positive(points: Float64Array, d: number, j: number): boolean {
  for (let i = j; i < points.length; i += d) if (!((points[i] as number) > 0)) return false;
  return true;
}

/**
 * Values above the upper Tukey fence (third quartile + 1.5 x interquartile range) set to it: the GP
 * then learns "bad" there instead of spending its variance on how bad (90% vs 30% error of a broken
 * cell), which otherwise keeps EHVI probing such cells for a lucky outcome.
 */
function clipAtUpperFence(values: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number): number => {
    const x = q * (sorted.length - 1);
    const i = Math.floor(x);
    return (sorted[i] as number) + (x - i) * ((sorted[Math.min(sorted.length - 1, i + 1)] as number) - (sorted[i] as number));
  };
  const fence = at(0.75) + 1.5 * (at(0.75) - at(0.25));
  return values.map((v) => Math.min(v, fence));
}
