import type { Configuration, Observation, OptimizerContext, Rng, Trial } from '@jahskit/core';
import { z } from 'zod';
import { OptimizerError } from '../errors/OptimizerError';
import { ConstraintModels, type FeasibilityModel } from '../internal/acquisition/ConstraintModels';
import type { GpboOptions } from '../gpbo/Gpbo';
import { freshSample } from '../internal/acquisition/freshSample';
import { ObservationHistory } from '../internal/acquisition/ObservationHistory';
import { configurationSchema } from '../internal/configurationSchema';
import { GaussianProcess } from '../internal/gp/GaussianProcess';
import { gpHyperparametersSchema } from '../internal/gp/GpHyperparameters';
import { RefittedGp } from '../internal/gp/RefittedGp';
import { OneHotEncoder } from '../internal/gp/OneHotEncoder';
import { ProposalOptimizer, type Proposal } from '../internal/ProposalOptimizer';
import { stateError } from '../internal/stateError';
import { coolingExponent } from './coolingExponent';
import { costEffectivePick } from './costEffectivePick';
import { predictedPool } from '../internal/acquisition/predictedPool';
import { requireNonEmptyPool } from '../internal/acquisition/requireNonEmptyPool';
import { historyModel } from '../internal/acquisition/historyModel';
import { maximiseConstrainedEi } from '../internal/acquisition/maximiseConstrainedEi';
import { gpModelStateShape } from '../internal/acquisition/gpModelStateShape';

export interface CostAwareGpboOptions extends GpboOptions {
  /** 'eipu': EI per predicted second; 'cooled': EI / cost^alpha with alpha falling from 1 to 0 over the budget. */
  readonly acquisition: 'eipu' | 'cooled';
  /** 'cooled' and a cost-effective design: the budget in evaluation seconds, summed over workers (null: use `budgetEvaluations`). */
  readonly budgetSeconds: number | null;
  /** 'cooled' and a cost-effective design: the budget in evaluations (null: use `budgetSeconds`). */
  readonly budgetEvaluations: number | null;
  /** 'prior': `initialTrials` prior samples; 'cost-effective': spread per predicted second, until a share of the budget is spent (CArBO). */
  readonly initialDesign: 'prior' | 'cost-effective';
  /** 'cost-effective' only: the share of the budget the initial design spends (null: 1/8). */
  readonly initialBudgetFraction: number | null;
}

/** The initial design's share of the budget when `initialBudgetFraction` is not given. */
const DEFAULT_INITIAL_BUDGET_FRACTION = 1 / 8;

/** The cost of one told trial, in seconds: what the cost model learns from. */
interface Cost {
  readonly id: number;
  readonly config: Configuration;
  readonly seconds: number;
}

const caboState = (context: OptimizerContext) =>
  z.object({
    ...gpModelStateShape(context.space),
    costs: z.array(z.object({ id: z.number().int().min(0), config: configurationSchema(context.space), seconds: z.number().min(0) })),
    costHyperparameters: gpHyperparametersSchema.nullable(),
    costFittedAt: z.number().int().min(0),
    /** What had been spent (seconds or evaluations, as the budget is given) when the model took over. */
    coolingStart: z.number().min(0).nullable(),
  });

/** A candidate the acquisition chose, with what the model predicted for it. */
interface Pick {
  readonly config: Configuration;
  readonly row: Float64Array;
  readonly mean: number;
  readonly ei: number;
  /** The probability of feasibility, with constraints. */
  readonly feasibility: number | undefined;
  /** The predicted cost, when there is a cost model. */
  readonly seconds: number | undefined;
  readonly alpha: number;
}

/**
 * Cost-aware GP-BO: the machinery of `gpbo` (Matérn-5/2 ARD GP on the objective, EI over a pool of
 * incumbent mutations and prior samples, kriging believer for pending trials) plus a second GP on the
 * log of the observed evaluation cost (simulated seconds), so that the acquisition weighs what a
 * candidate is expected to cost:
 * - 'eipu': EI(x) / c(x), expected improvement per second (Snoek, Larochelle & Adams 2012, section 3.2);
 * - 'cooled': EI(x) / c(x)^alpha, alpha = 1 after the initial design falling to 0 as the budget is
 *   spent (cost cooling of CArBO, Lee et al. 2020), so that cheap regions are explored first and the
 *   end of the run is plain EI.
 * c(x) = exp(posterior mean of the log-cost GP), the median of the predicted cost. Failed trials cost
 * time too: they enter the cost model, not the objective model. Until some trial has a positive cost
 * the acquisition is plain EI. Trial t draws from the stream `(seed, 'trial', t)`.
 *
 * Constraints: as `gpbo`, constrained EI (one GP per constraint; EI over the best feasible value times
 * the probability of feasibility, or that probability alone until a trial is feasible), then weighed
 * by the cost in the same way.
 */
export class CostAwareGpbo extends ProposalOptimizer<ReturnType<typeof caboState>> {
  static readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true, costAware: true } as const;
  private readonly encoder: OneHotEncoder;
  private readonly history: ObservationHistory;
  /** Counts ok results. */
  private readonly objectiveGp: RefittedGp;
  private costs: Cost[] = [];
  /** Counts told trials. */
  private readonly costGp: RefittedGp;
  private coolingStart: number | undefined;
  /** The models of the current `ask`: the objective's is conditioned on the batch's earlier picks. */
  private batch: { objective: GaussianProcess; logCost: GaussianProcess | undefined; feasibility: FeasibilityModel | undefined } | undefined;
  private readonly constraintModels: ConstraintModels;

  constructor(
    private readonly options: CostAwareGpboOptions,
    context: OptimizerContext,
  ) {
    requireNonEmptyPool(['randomCandidates', options.randomCandidates], ['mutationCandidates', options.mutationCandidates]);
    validateBudgets(options);
    super(context, { kind: 'cabo', state: caboState(context) });
    this.encoder = new OneHotEncoder(context.space);
    this.history = new ObservationHistory(context.space);
    this.objectiveGp = new RefittedGp(this.encoder, options.refitEvery);
    this.costGp = new RefittedGp(this.encoder, options.refitEvery);
    this.constraintModels = new ConstraintModels(this.encoder, context.constraints?.length ?? 0, options.refitEvery);
  }

  override ask(n: number): Trial[] {
    this.batch = undefined;
    try {
      return super.ask(n);
    } finally {
      this.batch = undefined;
    }
  }

  protected propose(id: number, rng: Rng): Proposal {
    let proposal: Proposal | undefined;
    if (id >= this.options.initialTrials && this.history.informative >= 2 && this.encoder.width > 0 && !this.designing()) {
      this.coolingStart ??= this.spent();
      const batch = (this.batch ??= {
        objective: this.objectiveModel(),
        logCost: this.costModel(),
        feasibility: this.constraintModels.fit(this.history, this.options.maxTrainingPoints),
      });
      const pick = this.maximise(batch.objective, batch.logCost, batch.feasibility, rng);
      if (pick !== undefined) {
        proposal = {
          config: pick.config,
          tags: {
            ei: pick.ei,
            alpha: pick.alpha,
            ...(pick.seconds !== undefined ? { predictedSeconds: pick.seconds } : {}),
            ...(pick.feasibility !== undefined ? { feasibility: pick.feasibility } : {}),
          },
        };
        batch.objective = batch.objective.condition(pick.row, pick.mean);
      }
    }
    proposal ??= {
      config: this.options.initialDesign === 'cost-effective' ? this.costEffectiveSample(rng) : freshSample(this.context.space, rng, this.history),
    };
    this.history.addPending(id, proposal.config);
    return proposal;
  }

  tell(observations: readonly Observation[]): void {
    this.history.tell(observations);
    for (const o of observations) this.costs.push({ id: o.trial.id, config: o.trial.config, seconds: o.cost });
  }

  protected saveState(): z.input<ReturnType<typeof caboState>> {
    const cost = this.costGp.state();
    return {
      history: this.history.state(),
      ...this.objectiveGp.state(),
      costs: this.costs.map((c) => ({ id: c.id, config: c.config, seconds: c.seconds })),
      costHyperparameters: cost.hyperparameters,
      costFittedAt: cost.fittedAt,
      coolingStart: this.coolingStart ?? null,
      ...(this.constraintModels.count > 0 ? { constraintModels: this.constraintModels.state() } : {}),
    };
  }

  protected restoreState(saved: z.output<ReturnType<typeof caboState>>): void {
    const width = this.encoder.groupCount;
    for (const [field, h] of [
      ['hyperparameters', saved.hyperparameters],
      ['costHyperparameters', saved.costHyperparameters],
    ] as const) {
      if (h !== null && h.logLengthScales.length !== width)
        throw stateError('cabo', `state.${field}.logLengthScales`, `has ${h.logLengthScales.length} length scales, the space needs ${width}`);
    }
    // Checks the saved models against the study's constraints before anything else changes.
    this.constraintModels.restore('cabo', saved.constraintModels);
    this.history.restore(saved.history);
    this.objectiveGp.restore(saved.hyperparameters, saved.fittedAt);
    this.costs = saved.costs.map((c) => ({ id: c.id, config: { ...c.config }, seconds: c.seconds }));
    this.costGp.restore(saved.costHyperparameters, saved.costFittedAt);
    this.coolingStart = saved.coolingStart ?? undefined;
  }

  /** What the cooling schedule counts: seconds of told trials, or told trials. */
  private spent(): number {
    if (this.options.budgetEvaluations !== null) return this.costs.length;
    let total = 0;
    for (const c of this.costs) total += c.seconds;
    return total;
  }

  /** The budget the cooling schedule and the cost-effective design count in (seconds or trials). */
  private budget(): number {
    return (this.options.budgetSeconds ?? this.options.budgetEvaluations) as number;
  }

  /** Whether the cost-effective initial design has budget left to spend. */
  private designing(): boolean {
    if (this.options.initialDesign !== 'cost-effective') return false;
    return this.spent() < (this.options.initialBudgetFraction ?? DEFAULT_INITIAL_BUDGET_FRACTION) * this.budget();
  }

  /**
   * A point of the cost-effective initial design: of `randomCandidates` prior samples, the one farthest
   * from the told and pending configurations per predicted second ({@link costEffectivePick}).
   */
  private costEffectiveSample(rng: Rng): Configuration {
    const candidates = Array.from({ length: Math.max(1, this.options.randomCandidates) }, () => freshSample(this.context.space, rng, this.history));
    const seen = [...this.costs.map((c) => c.config), ...this.history.pending.map((p) => p.config)];
    const rows = this.encoder.encodeAll(candidates);
    const logCost = this.costModel()?.predict(rows, candidates.length).mean;
    const at = costEffectivePick(rows, candidates.length, this.encoder.width, this.encoder.encodeAll(seen), seen.length, logCost);
    return candidates[at]!;
  }

  /** The cost exponent of this proposal: 1 per second for 'eipu', the cooled exponent otherwise. */
  private alpha(): number {
    if (this.options.acquisition === 'eipu') return 1;
    return coolingExponent(this.budget(), this.spent(), this.coolingStart ?? 0);
  }

  /** The objective GP on the training set, conditioned on the pending trials at their predicted means. */
  private objectiveModel(): GaussianProcess {
    return historyModel(this.objectiveGp, this.encoder, this.history, this.options.maxTrainingPoints);
  }

  /**
   * The GP on log seconds of the most recent told trials, or undefined while no trial has cost
   * anything (then every candidate costs the same). A zero cost is read as the cheapest positive one
   * seen: the log needs a floor, and "as cheap as anything seen" is all a zero says.
   */
  private costModel(): GaussianProcess | undefined {
    let floor = Infinity;
    for (const c of this.costs) if (c.seconds > 0 && c.seconds < floor) floor = c.seconds;
    if (floor === Infinity || this.costs.length < 2) return undefined;
    const training = this.costs.slice(-this.options.maxTrainingPoints);
    return this.costGp.fit(
      training.map((c) => c.config),
      training.map((c) => Math.log(Math.max(c.seconds, floor))),
      this.costs.length,
    );
  }

  private maximise(model: GaussianProcess, logCost: GaussianProcess | undefined, feasibility: FeasibilityModel | undefined, rng: Rng): Pick | undefined {
    const pool = predictedPool(this.context.space, this.history, rng, this.options, this.encoder, model);
    if (pool === undefined) return undefined;
    const costMean = logCost?.predict(pool.rows, pool.count).mean;
    const feasible = feasibility?.(pool.rows, pool.count);
    const alpha = this.alpha();
    const best = this.history.bestFeasibleValue();
    // Dividing by exp(alpha * log c) keeps the score finite where c itself would overflow.
    const weight = costMean === undefined ? undefined : (c: number) => Math.exp(-alpha * (costMean[c] as number));
    const pick = maximiseConstrainedEi({ ...pool, best, scale: model.yScale, xi: this.options.xi, feasible, weight });
    if (pick === undefined) return undefined;
    const { at, ei } = pick;
    const seconds = costMean === undefined ? undefined : Math.exp(costMean[at] as number);
    return {
      ...pool.pick(at),
      ei,
      feasibility: feasible?.[at],
      seconds: seconds !== undefined && Number.isFinite(seconds) ? seconds : undefined,
      alpha,
    };
  }
}

/**
 * A budget is read by the cooled acquisition and by the cost-effective design, and only then allowed:
 * exactly one of seconds and evaluations when it is read, none when it would be silently ignored.
 */
function validateBudgets(options: CostAwareGpboOptions): void {
  const budgets = (options.budgetSeconds !== null ? 1 : 0) + (options.budgetEvaluations !== null ? 1 : 0);
  const readers = [
    ...(options.acquisition === 'cooled' ? ['acquisition "cooled"'] : []),
    ...(options.initialDesign === 'cost-effective' ? ['initialDesign "cost-effective"'] : []),
  ];
  if (readers.length > 0 && budgets !== 1) {
    throw new OptimizerError(
      'invalid-option',
      `${readers.join(' and ')} needs the budget: exactly one of budgetSeconds and budgetEvaluations, got ${budgets === 0 ? 'neither' : 'both'}`,
      {
        parameter: 'budgetSeconds',
        allowed: 'one of budgetSeconds (> 0) or budgetEvaluations (>= 1)',
      },
    );
  }
  if (readers.length === 0 && budgets > 0) {
    // A budget nothing reads would be silently ignored: the run would not be what was asked for.
    throw new OptimizerError(
      'invalid-option',
      'budgetSeconds and budgetEvaluations are read by acquisition "cooled" and initialDesign "cost-effective" only; drop them or set one of those',
      {
        parameter: options.budgetSeconds !== null ? 'budgetSeconds' : 'budgetEvaluations',
        allowed: 'null with acquisition "eipu" and initialDesign "prior"',
      },
    );
  }
  if (options.initialDesign === 'prior' && options.initialBudgetFraction !== null) {
    throw new OptimizerError('invalid-option', 'initialBudgetFraction is read by initialDesign "cost-effective" only', {
      parameter: 'initialBudgetFraction',
      allowed: 'null with initialDesign "prior"',
    });
  }
}
