import type { Configuration, Observation, OptimizerContext, Rng, Trial } from '@jahskit/core';
import { z } from 'zod';
import { ConstraintModels, type FeasibilityModel } from '../internal/acquisition/ConstraintModels';
import { freshSample } from '../internal/acquisition/freshSample';
import { ObservationHistory } from '../internal/acquisition/ObservationHistory';
import { GaussianProcess } from '../internal/gp/GaussianProcess';
import { RefittedGp } from '../internal/gp/RefittedGp';
import { OneHotEncoder } from '../internal/gp/OneHotEncoder';
import { ProposalOptimizer, type Proposal } from '../internal/ProposalOptimizer';
import { predictedPool } from '../internal/acquisition/predictedPool';
import { requireNonEmptyPool } from '../internal/acquisition/requireNonEmptyPool';
import { historyModel } from '../internal/acquisition/historyModel';
import { maximiseConstrainedEi } from '../internal/acquisition/maximiseConstrainedEi';
import { gpModelStateShape } from '../internal/acquisition/gpModelStateShape';
import type { GpEiSettings } from '../internal/acquisition/gpEiOptions';

/** The points of the model are the results; the initial trials are prior samples. */
export type GpboOptions = GpEiSettings;

const gpboState = (context: OptimizerContext) => z.object(gpModelStateShape(context.space));

/**
 * Gaussian-process Bayesian optimisation with expected improvement, after Snoek, Larochelle & Adams
 * (NeurIPS 2012): Matérn-5/2 ARD kernel, hyperparameters by maximum marginal likelihood (instead of
 * the paper's slice-sampled integration), EI maximised over a pool of incumbent mutations and prior
 * samples (instead of gradient ascent, which does not apply to categorical cells), and pending trials
 * fantasised at the posterior mean (kriging believer; the paper integrates over them by Monte Carlo).
 *
 * Constraints: constrained EI (Gardner et al. 2014, as Optuna's BoTorch sampler): one GP per constraint
 * (`ConstraintModels`); the acquisition is EI over the best feasible value times the probability that
 * every constraint holds, or that probability alone while no trial is feasible. Incumbents to mutate
 * are ranked feasible first.
 *
 * Trial t draws its randomness from the stream `(seed, 'trial', t)`.
 */
export class Gpbo extends ProposalOptimizer<ReturnType<typeof gpboState>> {
  static readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true } as const;
  private readonly encoder: OneHotEncoder;
  private readonly history: ObservationHistory;
  /** Counts ok results. */
  private readonly gp: RefittedGp;
  /** The model of the current `ask`, conditioned on the batch's earlier picks (kriging believer). */
  private batchModel: GaussianProcess | undefined;
  private readonly constraintModels: ConstraintModels;
  /** The probability of feasibility of the current `ask` (undefined without constraints). */
  private batchFeasibility: FeasibilityModel | undefined;

  constructor(
    private readonly options: GpboOptions,
    context: OptimizerContext,
  ) {
    requireNonEmptyPool(['randomCandidates', options.randomCandidates], ['mutationCandidates', options.mutationCandidates]);
    super(context, { kind: 'gpbo', state: gpboState(context) });
    this.encoder = new OneHotEncoder(context.space);
    this.history = new ObservationHistory(context.space);
    this.gp = new RefittedGp(this.encoder, options.refitEvery);
    this.constraintModels = new ConstraintModels(this.encoder, context.constraints?.length ?? 0, options.refitEvery);
  }

  override ask(n: number): Trial[] {
    this.batchModel = undefined;
    this.batchFeasibility = undefined;
    try {
      return super.ask(n);
    } finally {
      this.batchModel = undefined;
      this.batchFeasibility = undefined;
    }
  }

  protected propose(id: number, rng: Rng): Proposal {
    let proposal: Proposal | undefined;
    if (id >= this.options.initialTrials && this.history.informative >= 2 && this.encoder.width > 0) {
      const model = (this.batchModel ??= this.model());
      this.batchFeasibility ??= this.constraintModels.fit(this.history, this.options.maxTrainingPoints);
      const pick = this.maximiseEi(model, this.batchFeasibility, rng);
      if (pick !== undefined) {
        proposal = { config: pick.config, tags: { ei: pick.ei, ...(pick.feasibility !== undefined ? { feasibility: pick.feasibility } : {}) } };
        // Kriging believer: the next pick sees this one as observed at its predicted mean.
        this.batchModel = model.condition(pick.row, pick.mean);
      }
    }
    proposal ??= { config: freshSample(this.context.space, rng, this.history) };
    this.history.addPending(id, proposal.config);
    return proposal;
  }

  tell(observations: readonly Observation[]): void {
    this.history.tell(observations);
  }

  protected saveState(): z.input<ReturnType<typeof gpboState>> {
    return {
      history: this.history.state(),
      ...this.gp.state(),
      ...(this.constraintModels.count > 0 ? { constraintModels: this.constraintModels.state() } : {}),
    };
  }

  protected restoreState(saved: z.output<ReturnType<typeof gpboState>>): void {
    // First: it checks the saved models against the study's constraints before anything changes.
    this.constraintModels.restore('gpbo', saved.constraintModels);
    this.history.restore(saved.history);
    this.gp.restore(saved.hyperparameters, saved.fittedAt);
  }

  /** The GP on the training set, conditioned on the pending trials at their predicted means. */
  private model(): GaussianProcess {
    return historyModel(this.gp, this.encoder, this.history, this.options.maxTrainingPoints);
  }

  private maximiseEi(
    model: GaussianProcess,
    feasibility: FeasibilityModel | undefined,
    rng: Rng,
  ): { config: Configuration; row: Float64Array; mean: number; ei: number; feasibility: number | undefined } | undefined {
    const pool = predictedPool(this.context.space, this.history, rng, this.options, this.encoder, model);
    if (pool === undefined) return undefined;
    const feasible = feasibility?.(pool.rows, pool.count);
    const best = this.history.bestFeasibleValue();
    const pick = maximiseConstrainedEi({ ...pool, best, scale: model.yScale, xi: this.options.xi, feasible });
    if (pick === undefined) return undefined;
    return { ...pool.pick(pick.at), ei: pick.ei, feasibility: feasible?.[pick.at] };
  }
}
