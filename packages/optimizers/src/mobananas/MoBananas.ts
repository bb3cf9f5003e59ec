import type { Configuration, OptimizerContext, ParameterSpec, Rng } from '@jahskit/core';
import { z } from 'zod';
import { hypervolumeImprovement, nonDominatedFilter } from '@jahskit/multiobjective';
import { decodeRepaired } from '../internal/mo/decodeRepaired';
import { referencePoint } from '../internal/mo/referencePoint';
import { MoOptimizerBase, type Proposal } from '../internal/mo/MoOptimizerBase';
import type { SavedEnvelope } from '../internal/ProposalOptimizer';
import { stateError } from '../internal/stateError';

/** The number of results the ensembles were last trained on (0: not yet): a restore retrains on that prefix. */
const mobananasState = z.object({ trainedAt: z.number().int().min(0) });
import type { ArchiveEntry } from '../internal/mo/ParetoArchive';
import { paretoKeep } from '../internal/mo/paretoOrder';
import { rankAndCrowding, selectByRankAndCrowding } from '../internal/mo/rankAndCrowding';
import { OneHotEncoder } from '../internal/gp/OneHotEncoder';
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
 */
export class MoBananas extends MoOptimizerBase<typeof mobananasState> {
  private readonly encoder: OneHotEncoder;
  /** One ensemble per objective (the shared `internal/nn` ensemble has a single output). */
  private model: MlpEnsemble[] | undefined;
  private trainedAt = 0;
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
    const chosen = selectByRankAndCrowding(this.archive.points(), this.d, this.options.parents);
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

  protected override onResults(_added: readonly ArchiveEntry[]): void {
    const n = this.archive.size;
    if (n >= Math.max(2, this.options.startupTrials) && (this.model === undefined || n - this.trainedAt >= this.options.retrainEvery)) this.train(n);
  }

  /** Fits the ensemble on the first `n` results; deterministic in `n`, so restore can redo it. */
  private train(n: number): void {
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
      return MlpEnsemble.fit(x, used.length, this.encoder.width, target, rng.stream('objective', j), { members, hidden: [hidden, hidden], steps, learningRate });
    });
    this.trainedAt = n;
  }

  protected override saveExtra(): z.input<typeof mobananasState> {
    return { trainedAt: this.trainedAt };
  }

  protected override restoreExtra(saved: z.output<typeof mobananasState> & SavedEnvelope): void {
    if (saved.trainedAt > this.archive.size) throw stateError('mobananas', 'state.trainedAt', `${saved.trainedAt} results, but the archive holds ${this.archive.size}`);
    this.model = undefined;
    this.trainedAt = 0;
    if (saved.trainedAt > 0) this.train(saved.trainedAt);
  }
}
