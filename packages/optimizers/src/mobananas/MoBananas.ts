import type { Configuration, Observation, OptimizerContext, ParameterSpec, Rng } from '@jahskit/core';
import { z } from 'zod';
import { hypervolumeImprovement, nonDominatedFilter, normalCdf } from '@jahskit/multiobjective';
import { decodeRepaired } from '../internal/mo/decodeRepaired';
import { referencePoint } from '../internal/mo/referencePoint';
import { MoOptimizerBase, type Proposal } from '../internal/mo/MoOptimizerBase';
import type { SavedEnvelope } from '../internal/ProposalOptimizer';
import { stateError } from '../internal/stateError';

/**
 * The number of results the ensembles were last trained on (0: not yet), and of rejected trials (absent
 * in states saved before constraints: 0): a restore retrains on those prefixes.
 */
const mobananasState = z.object({ trainedAt: z.number().int().min(0), trainedRejected: z.number().int().min(0).optional() });
import { paretoKeep } from '../internal/mo/paretoOrder';
import { rankAndCrowding, selectByRankAndCrowding } from '../internal/mo/rankAndCrowding';
import { OneHotEncoder } from '../internal/gp/OneHotEncoder';
import { packRows } from '../internal/mo/packRows';
import { MlpEnsemble } from '../internal/nn/MlpEnsemble';

export interface MoBananasOptions {
  readonly startupTrials: number;
  readonly parents: number;
  readonly mutationsPerParent: number;
  readonly mutationScale: number;
  readonly randomCandidates: number;
  readonly members: number;
  readonly hidden: number;
  readonly steps: number;
  readonly learningRate: number;
  readonly retrainEvery: number;
  readonly maxModelPoints: number;
  readonly logWarp: boolean;
}

/**
 * MO-BANANAS (Guerrero-Viu et al. 2021, after BANANAS by White, Neiswanger & Savani 2021): an
 * ensemble of MLPs per objective (the shared `internal/nn` deep ensemble) predicts every candidate; candidates are Gaussian
 * mutations (in the [0, 1] encoding, then rounded to legal values) of the `parents` best results by
 * non-dominated sorting and crowding distance, plus `randomCandidates` prior draws; the proposal is chosen by independent Thompson
 * sampling: one draw per objective from N(ensemble mean, ensemble sd); among the candidates
 * non-dominated in the drawn values, the one whose draw adds the most hypervolume to the observed
 * front is proposed (crowding distance breaks ties). The ensemble is retrained
 * every `retrainEvery` results, on at most `maxModelPoints` (kept by non-dominated sorting plus
 * hypervolume). An objective whose observed values are all positive is learned as log(value)
 * (`logWarp`; draws are mapped back): an error objective spans 8% to 90%, and on the raw scale the
 * networks spend their fit on the broken cells' tail rather than on the differences near the front.
 * The successive-halving early stopping of the paper's variant is not implemented.
 *
 * With constraints, parents are chosen by constrained domination, the hypervolume gain is measured
 * against the feasible results' front, and it is weighted by the probability of feasibility. That
 * probability comes from one more ensemble per constraint (trained with the objectives' on the same
 * results plus the trials rejected for a broken constraint), read as a Gaussian, prod_k
 * Phi(-mean_k / sd_k): the ensemble's spread is BANANAS's own measure of uncertainty, so feasibility
 * is judged by the same kind of model as the objectives, and the expected gain, not one draw of the
 * constraint, is what a feasible-or-not outcome discounts. Until a feasible result exists, the
 * candidate most likely to be feasible is proposed.
 */
export class MoBananas extends MoOptimizerBase<typeof mobananasState> {
  private readonly encoder: OneHotEncoder;
  /** One ensemble per objective (the shared `internal/nn` ensemble has a single output). */
  private model: MlpEnsemble[] | undefined;
  private trainedAt = 0;
  private trainedRejected = 0;
  /** One ensemble per constraint; undefined without constraints. */
  private constraintModel: MlpEnsemble[] | undefined;
  /** Per objective: the ensemble was trained on log(value) (see `logWarp`). */
  private logged: boolean[] = [];

  constructor(
    private readonly options: MoBananasOptions,
    context: OptimizerContext,
  ) {
    super('mobananas', context, mobananasState);
    this.encoder = new OneHotEncoder(context.space);
  }

  protected propose(_id: number, rng: Rng): Proposal {
    const space = this.context.space;
    if (this.model === undefined || this.archive.size < Math.max(2, this.options.startupTrials)) return { config: space.sample(rng) };
    const chosen = selectByRankAndCrowding(this.archive.points(), this.d, this.options.parents, this.archive.violations());
    const candidates: Configuration[] = [];
    const seen = new Set<string>();
    for (const p of chosen) {
      for (let k = 0; k < this.options.mutationsPerParent; k++) {
        const child = this.gaussianMutation(this.archive.entries[p]!.config, rng);
        const key = this.key(child);
        if (seen.has(key) || this.asked.has(key)) continue;
        seen.add(key);
        candidates.push(child);
      }
    }
    for (let k = 0; k < this.options.randomCandidates; k++) {
      const draw = space.sample(rng);
      const key = this.key(draw);
      if (seen.has(key) || this.asked.has(key)) continue;
      seen.add(key);
      candidates.push(draw);
    }
    if (candidates.length === 0) return { config: space.sample(rng) };
    const c = candidates.length;
    const features = this.encoder.encodeAll(candidates);
    const draws = new Float64Array(c * this.d);
    this.model.forEach((ensemble, j) => {
      const { mean, sd } = ensemble.predictMeanSd(features, c);
      for (let k = 0; k < c; k++) {
        const draw = rng.normal(mean[k] as number, Math.max(1e-9, sd[k] as number));
        draws[k * this.d + j] = this.logged[j] === true ? Math.exp(draw) : draw;
      }
    });
    if (this.constraintModel !== undefined) return { config: candidates[this.constrainedChoice(features, draws, c)] as Configuration };
    // Among the candidates non-dominated in the drawn values, the one whose draw adds the most
    // hypervolume to the observed front; crowding distance decides when none adds any. (Crowding alone
    // always picks the two extremes of the drawn front, which are rarely the useful ones.)
    const { rank, crowding } = rankAndCrowding(draws, this.d);
    const points = this.archive.points();
    const front = this.archive.pointsOf(nonDominatedFilter(points, this.d));
    const reference = referencePoint(points, this.d);
    let best = -1;
    let bestGain = 0;
    for (let k = 0; k < c; k++) {
      if (rank[k] !== 0) continue;
      const gain = hypervolumeImprovement(front, this.d, draws.subarray(k * this.d, (k + 1) * this.d), reference);
      if (best < 0 || gain > bestGain || (gain === bestGain && (crowding[k] as number) > (crowding[best] as number))) {
        best = k;
        bestGain = gain;
      }
    }
    return { config: candidates[best] as Configuration };
  }

  /**
   * The candidate whose drawn values add the most hypervolume to the feasible front, times its
   * probability of feasibility; ties (no gain anywhere, or no feasible result yet) go to the most
   * likely feasible, then to the larger crowding distance in the drawn values.
   */
  private constrainedChoice(features: Float64Array, draws: Float64Array, c: number): number {
    const pof = new Float64Array(c).fill(1);
    for (const ensemble of this.constraintModel!) {
      const { mean, sd } = ensemble.predictMeanSd(features, c);
      for (let k = 0; k < c; k++) pof[k] = (pof[k] as number) * normalCdf(-(mean[k] as number) / Math.max(1e-9, sd[k] as number));
    }
    const { crowding } = rankAndCrowding(draws, this.d);
    const points = this.archive.points();
    const feasible = this.archive.feasible();
    const front =
      feasible.length === 0
        ? new Float64Array(0)
        : packRows(
            points,
            this.d,
            Array.from(nonDominatedFilter(packRows(points, this.d, feasible), this.d), (i) => feasible[i] as number),
          );
    const reference = referencePoint(points, this.d);
    let best = 0;
    let bestScore = -1;
    for (let k = 0; k < c; k++) {
      const gain = front.length === 0 ? 0 : hypervolumeImprovement(front, this.d, draws.subarray(k * this.d, (k + 1) * this.d), reference);
      const score = gain * (pof[k] as number);
      const better =
        score > bestScore ||
        (score === bestScore && ((pof[k] as number) > (pof[best] as number) || (pof[k] === pof[best] && (crowding[k] as number) > (crowding[best] as number))));
      if (better) {
        best = k;
        bestScore = score;
      }
    }
    return best;
  }

  /** Each active parameter moves with probability 1/(active count) (at least one moves). */
  private gaussianMutation(parent: Configuration, rng: Rng): Configuration {
    const space = this.context.space;
    const params = space.parameters;
    const vector = space.encode(parent);
    const active: number[] = [];
    for (let j = 0; j < params.length; j++) if (!Number.isNaN(vector[j] as number) && params[j]!.type !== 'constant') active.push(j);
    if (active.length === 0) return space.sample(rng);
    const forced = rng.pick(active);
    const sigma = this.options.mutationScale;
    for (const j of active) {
      if (j !== forced && !rng.bernoulli(1 / active.length)) continue;
      const spec = params[j] as ParameterSpec;
      const v = vector[j] as number;
      const k = spec.type === 'categorical' ? spec.choices.length : spec.type === 'ordinal' ? spec.sequence.length : 0;
      if (k > 0) {
        // Normalised position of the index, Gaussian step, rounded back; a no-move becomes another value.
        let x = (v + 0.5) / k + rng.normal(0, sigma);
        x = Math.min(1 - 1e-9, Math.max(0, x < 0 ? -x : x > 1 ? 2 - x : x));
        let index = Math.floor(x * k);
        if (index === v && k > 1) index = (v + 1 + rng.index(k - 1)) % k;
        vector[j] = index;
      } else {
        const x = v + rng.normal(0, sigma);
        vector[j] = Math.min(1, Math.max(0, x < 0 ? -x : x > 1 ? 2 - x : x));
      }
    }
    return decodeRepaired(space, vector, rng) ?? space.sample(rng);
  }

  /** Retrains every `retrainEvery` results, rejected trials (which train the constraint models) included. */
  override tell(observations: readonly Observation[]): void {
    super.tell(observations);
    const n = this.archive.size;
    const r = this.archive.rejected.length;
    if (
      n >= Math.max(2, this.options.startupTrials) &&
      (this.model === undefined || n + r - this.trainedAt - this.trainedRejected >= this.options.retrainEvery)
    )
      this.train(n, r);
  }

  /** Fits the ensembles on the first `n` results and `r` rejected trials; deterministic in both, so restore can redo it. */
  private train(n: number, r: number): void {
    const points = this.archive.points().subarray(0, n * this.d);
    const used = paretoKeep(points, this.d, this.options.maxModelPoints);
    const x = this.encoder.encodeAll(used.map((i) => this.archive.entries[i]!.config));
    const y = this.archive.pointsOf(used);
    const rng = this.root.stream('train', n);
    const { members, hidden, steps, learningRate } = this.options;
    this.logged = Array.from({ length: this.d }, (_, j) => this.options.logWarp && used.every((_, i) => (y[i * this.d + j] as number) > 0));
    this.model = Array.from({ length: this.d }, (_, j) => {
      const raw = Array.from(used, (_, i) => y[i * this.d + j] as number);
      const target = this.logged[j] === true ? raw.map(Math.log) : raw;
      return MlpEnsemble.fit(x, used.length, this.encoder.width, target, rng.stream('objective', j), {
        members,
        hidden: [hidden, hidden],
        steps,
        learningRate,
      });
    });
    this.constraintModel = this.trainConstraints(used, r, rng);
    this.trainedAt = n;
    this.trainedRejected = r;
  }

  /** One ensemble per constraint, on the `used` results with constraint values and the last of the first `r` rejected trials. */
  private trainConstraints(used: readonly number[], r: number, rng: Rng): MlpEnsemble[] | undefined {
    const m = this.context.constraints?.length ?? 0;
    if (m === 0) return undefined;
    const sources = [
      ...used.map((i) => this.archive.entries[i]!).filter((e) => e.constraints?.length === m),
      ...this.archive.rejected.slice(0, r).slice(-this.options.maxModelPoints),
    ];
    if (sources.length === 0) return undefined;
    const x = this.encoder.encodeAll(sources.map((e) => e.config));
    const { members, hidden, steps, learningRate } = this.options;
    return Array.from({ length: m }, (_, k) =>
      MlpEnsemble.fit(
        x,
        sources.length,
        this.encoder.width,
        sources.map((e) => e.constraints![k] as number),
        rng.stream('constraint', k),
        { members, hidden: [hidden, hidden], steps, learningRate },
      ),
    );
  }

  protected override saveExtra(): z.input<typeof mobananasState> {
    return { trainedAt: this.trainedAt, ...(this.trainedRejected > 0 ? { trainedRejected: this.trainedRejected } : {}) };
  }

  protected override restoreExtra(saved: z.output<typeof mobananasState> & SavedEnvelope): void {
    if (saved.trainedAt > this.archive.size)
      throw stateError('mobananas', 'state.trainedAt', `${saved.trainedAt} results, but the archive holds ${this.archive.size}`);
    const rejected = saved.trainedRejected ?? 0;
    if (rejected > this.archive.rejected.length)
      throw stateError('mobananas', 'state.trainedRejected', `${rejected} rejected trials, but the archive holds ${this.archive.rejected.length}`);
    this.model = undefined;
    this.constraintModel = undefined;
    this.trainedAt = 0;
    this.trainedRejected = 0;
    if (saved.trainedAt > 0) this.train(saved.trainedAt, rejected);
  }
}
