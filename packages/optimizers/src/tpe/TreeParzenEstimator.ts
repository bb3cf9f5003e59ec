import type { Configuration, Observation, OptimizerContext, ParamValue, Rng, SearchSpace } from '@jahskit/core';
import { logPriorDensity, withoutPriors } from '@jahskit/spaces';
import { z } from 'zod';
import { configurationSchema } from '../internal/configurationSchema';
import { imputeRow } from '../internal/kde/MultivariateKde';
import { ObservationRows } from '../internal/kde/ObservationRows';
import { proposeByDensityRatio } from '../internal/kde/proposeByDensityRatio';
import { UnitCodec } from '../internal/kde/UnitCodec';
import { ProposalOptimizer, type Proposal } from '../internal/ProposalOptimizer';
import type { ConfigDistribution } from '../priorband/ConfigDistribution';
import { priorOf, type PriorConfidence } from '../priorband/PriorBand';

export interface TpeOptions {
  readonly startupTrials: number;
  readonly candidates: number;
  /** 'auto': min(ceil(0.1 n), 25) good observations (Optuna's rule); a number: that fraction of n. */
  readonly gamma: 'auto' | number;
  readonly priorWeight: number;
  readonly multivariate: boolean;
  readonly bandwidthFactor: number;
  readonly minBandwidth: number;
  /** Never propose a configuration that was already asked (see the class comment). */
  readonly avoidDuplicates: boolean;
  /**
   * true: use the space's priors; a (partial) configuration: a belief centred on it, as PriorBand's.
   * Start-up draws come from the prior, and piBO weights l(x)/g(x) with it (see the class comment).
   */
  readonly prior?: boolean | Readonly<Record<string, ParamValue>>;
  /** Width of a prior centred on a configuration (PriorBand's `priorConfidence`); default 'medium'. */
  readonly priorConfidence?: PriorConfidence;
}

/** piBO's beta: the prior's log density enters the score with weight PRIOR_BETA / n after n observations. */
const PRIOR_BETA = 10;

/** [trial id, configuration, value (null: a failed trial that broke a constraint), constraint values (when the study has constraints)]. */
const tpeState = (context: OptimizerContext) =>
  z.object({
    observations: z.array(z.tuple([z.number().int().min(0), configurationSchema(context.space), z.number().nullable(), z.array(z.number()).optional()])),
  });

/** Prior draws tried for an unseen configuration when every density-ratio candidate was seen. */
const FRESH_ATTEMPTS = 32;

/** The number of "good" observations among n. */
export function goodCount(gamma: 'auto' | number, n: number): number {
  const raw = gamma === 'auto' ? Math.min(Math.ceil(0.1 * n), 25) : Math.ceil(gamma * n);
  return Math.min(n - 1, Math.max(1, raw));
}

/**
 * Tree-structured Parzen Estimator (Bergstra, Bardenet, Bengio & Kégl 2011). After
 * `startupTrials` prior draws, observations are split into the best gamma(n) and the rest; l(x) and
 * g(x) are fitted on each, `candidates` configurations are drawn from l and the one maximising
 * l(x)/g(x) is proposed, at the highest fidelity. Failed and diverged trials are ignored (they tell
 * nothing about where the good region is). Trial t draws from the stream `(seed, 'trial', t)`.
 *
 * Constraints (Optuna's constrained TPE, c-TPE): observations are ranked by `standingOf`, feasible
 * ones by value, then infeasible ones by total violation, and the best gamma(n) of that order are
 * "good": infeasible trials are in g(x), unless fewer than gamma(n) trials are feasible, when the
 * least violating fill l(x). A trial the study rejected for breaking a cheap constraint (failed, with
 * its constraint values) counts as infeasible.
 *
 * With `avoidDuplicates` (the default), a configuration already asked is never proposed again: on a
 * discrete space with deterministic evaluations (tabular NAS benchmarks) TPE otherwise feeds its own
 * best point back into l(x) and spends most of its budget re-evaluating it (measured on NAS-Bench-201:
 * about 18 distinct cells in 200 trials). When every candidate was seen, prior draws are tried; when those
 * are seen too (a nearly exhausted space), the best candidate is proposed anyway.
 *
 * Priors (`prior: true`, default false): start-up and fallback draws follow the space's priors (normal /
 * beta parameters, categorical weights) instead of being uniform, and each candidate's score
 * log l(x) - log g(x) gets (beta / n) log pi(x), n the number of observations and beta = {@link PRIOR_BETA}
 * (piBO, Hvarfner et al. 2022): the prior steers early proposals and fades as data accumulates. With
 * `prior: false` the space is sampled as `withoutPriors` gives it (a space without priors: as before).
 * A configuration as `prior` is a user's belief centred on it (PriorBand's centred prior, width
 * `priorConfidence`): its draws and its log density take the place of the space's priors.
 */
export class TreeParzenEstimator extends ProposalOptimizer<ReturnType<typeof tpeState>> {
  static readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true } as const;
  private readonly codec: UnitCodec;
  private readonly sampler: SearchSpace;
  /** A prior centred on the user's configuration; undefined unless `prior` is one. */
  private readonly centred: ConfigDistribution | undefined;
  private store: ObservationRows;

  constructor(
    private readonly options: TpeOptions,
    context: OptimizerContext,
  ) {
    super(context, { kind: 'tpe', state: tpeState(context), attempts: options.avoidDuplicates ? 1 : 0 });
    this.codec = new UnitCodec(context.space);
    this.sampler = options.prior === true ? context.space : withoutPriors(context.space);
    const prior = options.prior;
    this.centred = typeof prior === 'object' ? priorOf(context.space, { prior, priorConfidence: options.priorConfidence ?? 'medium' }) : undefined;
    this.store = this.newStore();
  }

  private newStore(): ObservationRows {
    // The product kernel needs complete rows: inactive entries get prior draws addressed by trial id.
    const impute = this.options.multivariate
      ? (rows: Float64Array, offset: number, id: number) => imputeRow(this.codec, rows, offset, this.root.stream('impute', id))
      : undefined;
    return new ObservationRows(this.codec, impute);
  }

  protected propose(_id: number, rng: Rng): Proposal {
    const size = this.store.size;
    if (size < Math.max(2, this.options.startupTrials)) return { config: this.fresh(rng) };
    const nGood = goodCount(this.options.gamma, size);
    const exclude = this.options.avoidDuplicates ? (config: Configuration) => this.asked.has(this.key(config)) : undefined;
    const space = this.context.space;
    const { centred } = this;
    const bonus =
      centred !== undefined
        ? (config: Configuration) => (PRIOR_BETA / size) * centred.logDensity(config)
        : this.options.prior === true
          ? (config: Configuration) => (PRIOR_BETA / size) * logPriorDensity(space, config)
          : undefined;
    return {
      config:
        proposeByDensityRatio(this.store, nGood, size - nGood, rng, { ...this.options, ...(exclude ? { exclude } : {}), ...(bonus ? { bonus } : {}) }) ??
        this.fresh(rng),
    };
  }

  /** A prior draw, unseen when `avoidDuplicates` and one can be found in a few attempts. */
  private fresh(rng: Rng): Configuration {
    const draw = this.centred ?? this.sampler;
    let config = draw.sample(rng);
    for (let i = 1; i < FRESH_ATTEMPTS && this.options.avoidDuplicates && this.asked.has(this.key(config)); i++) config = draw.sample(rng);
    return config;
  }

  tell(observations: readonly Observation[]): void {
    for (const o of observations) this.store.addObservation(o);
  }

  protected saveState(): z.input<ReturnType<typeof tpeState>> {
    const { store } = this;
    return {
      observations: store.ids.map((id, i): [number, Configuration, number | null, number[]?] => {
        const value = store.values[i] as number;
        const constraints = store.constraints[i] as readonly number[];
        const config = store.configs[i] as Configuration;
        // Without constraints the entry is what it always was (old states restore as unconstrained).
        return constraints.length > 0 ? [id, config, Number.isNaN(value) ? null : value, [...constraints]] : [id, config, Number.isNaN(value) ? null : value];
      }),
    };
  }

  protected restoreState(saved: z.output<ReturnType<typeof tpeState>>): void {
    this.store = this.newStore();
    for (const [id, config, value, constraints] of saved.observations) this.store.add(id, config, value ?? Number.NaN, constraints ?? []);
  }
}
