import type { Configuration, Observation, OptimizerContext, Rng } from '@jahskit/core';
import { z } from 'zod';
import { ObservationHistory, observationHistorySchema } from '../internal/acquisition/ObservationHistory';
import { OneHotEncoder } from '../internal/gp/OneHotEncoder';
import { MlpEnsemble } from '../internal/nn/MlpEnsemble';
import { Nb201PathEncoder } from '../internal/nn/Nb201PathEncoder';
import { ProposalOptimizer, type Proposal } from '../internal/ProposalOptimizer';
import { standingTargets } from './standingTargets';
import { incumbentPool } from '../internal/acquisition/incumbentPool';
import { requireNonEmptyPool } from '../internal/acquisition/requireNonEmptyPool';

export interface BananasOptions {
  /** Prior samples before the ensemble is used. */
  readonly initialTrials: number;
  /** 'onehot' (default); 'path': the BANANAS path encoding on NAS-Bench-201 cell spaces (one-hot elsewhere). */
  readonly encoding: 'onehot' | 'path';
  readonly members: number;
  readonly hiddenLayers: number;
  readonly hiddenUnits: number;
  /** Adam updates per member and fit (mini-batches of 32). */
  readonly trainingSteps: number;
  readonly learningRate: number;
  /** The ensemble is re-trained after this many new results (or 10% of the results, if more). */
  readonly retrainEvery: number;
  readonly maxTrainingPoints: number;
  /** Mutations of the incumbents in each acquisition pool. */
  readonly candidates: number;
  /** Prior samples added to each acquisition pool. */
  readonly randomCandidates: number;
  /** How many of the best results are mutated. */
  readonly incumbents: number;
}

const bananasState = (context: OptimizerContext) =>
  z.object({
    history: observationHistorySchema(context.space),
    fittedAt: z.number().int().min(0),
    /** With constraints only: the cheap-constraint rejections the ensemble was trained on. */
    rejectedAt: z.number().int().min(0).optional(),
  });

interface Encoder {
  readonly width: number;
  encodeAll(configs: readonly Configuration[]): Float64Array;
}

/**
 * BANANAS (White, Neiswanger & Savani, AAAI 2021): an ensemble of feed-forward networks predicts
 * the objective from the path encoding (or a one-hot encoding), independent Thompson sampling scores
 * candidates, and the candidates are mutations of the best configurations found so far.
 *
 * The ensemble is trained when `retrainEvery` new results have arrived (the paper trains once per
 * iteration of 10 evaluations) and is otherwise reused; each fit starts from fresh weights with the
 * stream `(seed, 'fit', results)`, so a restored optimizer re-trains the same ensemble from its
 * history instead of saving weights. Trial t draws its pool and samples from `(seed, 'trial', t)`;
 * a batch ask(n) takes the n best-scored distinct candidates of one pool.
 *
 * Constraints: the ensemble learns the standing order (feasible values, then infeasible trials above
 * them by violation; see `standingTargets` for why this and not a separate feasibility predictor),
 * including trials a cheap constraint rejected before training; incumbents are ranked feasible first.
 */
export class Bananas extends ProposalOptimizer<ReturnType<typeof bananasState>> {
  static readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true } as const;
  private readonly encoder: Encoder;
  private readonly history: ObservationHistory;
  /** Number of ok results the current ensemble was (or is to be) trained on. */
  private fittedAt = 0;
  /** Number of cheap-constraint rejections the current ensemble was (or is to be) trained on. */
  private rejectedAt = 0;
  private ensemble: MlpEnsemble | undefined;

  constructor(
    private readonly options: BananasOptions,
    context: OptimizerContext,
  ) {
    requireNonEmptyPool(['candidates', options.candidates], ['randomCandidates', options.randomCandidates]);
    super(context, { kind: 'bananas', state: bananasState(context) });
    this.encoder = options.encoding === 'path' && Nb201PathEncoder.supports(context.space) ? new Nb201PathEncoder() : new OneHotEncoder(context.space);
    this.history = new ObservationHistory(context.space);
  }

  /** The `count` best-scored distinct candidates of one pool, drawn with trial `id`'s stream, for trials id, id + 1, ... */
  protected propose(id: number, rng: Rng, count: number): Proposal[] {
    const modelled = id >= this.options.initialTrials && this.history.informative >= 2 && this.encoder.width > 0;
    const picks: Proposal[] = modelled ? this.pool(rng, count).map(({ config, sample }) => ({ config, tags: { its: sample } })) : [];
    if (picks.length === 0) picks.push({ config: this.freshSample(rng) });
    picks.forEach((pick, k) => this.history.addPending(id + k, pick.config));
    return picks;
  }

  tell(observations: readonly Observation[]): void {
    this.history.tell(observations);
  }

  protected saveState(): z.input<ReturnType<typeof bananasState>> {
    return { history: this.history.state(), fittedAt: this.fittedAt, ...(this.rejectedAt > 0 ? { rejectedAt: this.rejectedAt } : {}) };
  }

  protected restoreState(saved: z.output<ReturnType<typeof bananasState>>): void {
    this.history.restore(saved.history);
    this.fittedAt = saved.fittedAt;
    this.rejectedAt = saved.rejectedAt ?? 0;
    this.ensemble = undefined;
  }

  /** The `count` candidates with the lowest Thompson samples (fewer when the pool is smaller). */
  private pool(rng: Rng, count: number): { config: Configuration; sample: number }[] {
    const ensemble = this.model();
    const { incumbents, candidates: mutations, randomCandidates } = this.options;
    const candidates = incumbentPool(this.context.space, this.history, rng, incumbents, mutations, randomCandidates);
    if (candidates.length === 0) return [];
    const { mean, sd } = ensemble.predictMeanSd(this.encoder.encodeAll(candidates), candidates.length);
    // Independent Thompson sampling (the paper's ITS): one draw per candidate from N(mean, sd^2) of
    // the ensemble, independently across candidates.
    const scored = candidates.map((config, c) => ({ config, sample: rng.normal(mean[c] as number, sd[c] as number), c }));
    scored.sort((a, b) => a.sample - b.sample || a.c - b.c);
    return scored.slice(0, count).map(({ config, sample }) => ({ config, sample }));
  }

  private model(): MlpEnsemble {
    const okCount = this.history.ok.length;
    const rejectedCount = this.history.rejected.length;
    const interval = Math.max(this.options.retrainEvery, Math.floor(this.fittedAt / 10));
    const stale = this.fittedAt + this.rejectedAt === 0 || okCount + rejectedCount - (this.fittedAt + this.rejectedAt) >= interval;
    if (!stale && this.ensemble !== undefined) return this.ensemble;
    // Not stale but no ensemble: just restored, re-train the saved one on the same prefix of results.
    if (stale) {
      this.fittedAt = okCount;
      this.rejectedAt = rejectedCount;
    }
    const training = this.history.trainingSet(this.options.maxTrainingPoints, this.fittedAt);
    // The latest rejections, at most half as many as the results, so they cannot crowd them out.
    const rejected = this.history.rejected.slice(Math.max(0, this.rejectedAt - Math.ceil(this.options.maxTrainingPoints / 2)), this.rejectedAt);
    const x = this.encoder.encodeAll([...training.map((e) => e.config), ...rejected.map((r) => r.config)]);
    this.ensemble = MlpEnsemble.fit(
      x,
      training.length + rejected.length,
      this.encoder.width,
      standingTargets(training, rejected),
      this.root.stream('fit', this.fittedAt),
      {
        members: this.options.members,
        hidden: Array.from({ length: this.options.hiddenLayers }, () => this.options.hiddenUnits),
        steps: this.options.trainingSteps,
        learningRate: this.options.learningRate,
      },
    );
    return this.ensemble;
  }

  /** A prior sample not seen before (a few tries; a repeat is allowed in an exhausted space). */
  private freshSample(rng: Rng): Configuration {
    let config = this.context.space.sample(rng);
    for (let attempt = 0; attempt < 20 && this.history.has(config); attempt++) config = this.context.space.sample(rng);
    return config;
  }
}
