import type { Observation, OptimizerContext, Rng, SearchSpace } from '@jahskit/core';
import { withoutPriors } from '@jahskit/spaces';
import { z } from 'zod';
import { ProposalOptimizer, type Proposal } from '../internal/ProposalOptimizer';

const NO_STATE = z.object({});

export interface RandomSearchOptions {
  /**
   * Draw from the space's priors (normal / beta parameters, categorical weights) instead of uniformly
   * over its bounds and choices (default false). A space without priors is sampled the same either way.
   */
  readonly prior?: boolean;
}

/**
 * Random search (Bergstra & Bengio 2012): each trial is an independent draw, uniform over the space
 * (`withoutPriors`) or from its priors with `prior: true`, evaluated at the highest fidelity. Trial t
 * is drawn from its own stream `(seed, 'trial', t)`, so the configurations do not depend on the number
 * of workers or on the order of results.
 */
export class RandomSearch extends ProposalOptimizer<typeof NO_STATE> {
  static readonly capabilities = { objectives: 'any', multiFidelity: false, asynchronous: true } as const;

  private readonly sampler: SearchSpace;

  constructor(context: OptimizerContext, options: RandomSearchOptions = {}) {
    super(context, { kind: 'rs', state: NO_STATE });
    this.sampler = options.prior === true ? context.space : withoutPriors(context.space);
  }

  protected propose(_id: number, rng: Rng): Proposal {
    return { config: this.sampler.sample(rng) };
  }

  tell(_observations: readonly Observation[]): void {
    // Random search learns nothing from results.
  }

  protected saveState(): Record<string, never> {
    return {};
  }

  protected restoreState(): void {}
}
