import type { Observation, OptimizerContext, Rng } from '@jahskit/core';
import { z } from 'zod';
import { ProposalOptimizer, type Proposal } from '../internal/ProposalOptimizer';

const NO_STATE = z.object({});

/**
 * Random search (Bergstra & Bengio 2012): each trial is an independent draw from the space's prior,
 * evaluated at the highest fidelity. Trial t is drawn from its own stream `(seed, 'trial', t)`, so the
 * configurations do not depend on the number of workers or on the order of results.
 */
export class RandomSearch extends ProposalOptimizer<typeof NO_STATE> {
  static readonly capabilities = { objectives: 'any', multiFidelity: false, asynchronous: true } as const;

  constructor(context: OptimizerContext) {
    super(context, { kind: 'rs', state: NO_STATE });
  }

  protected propose(_id: number, rng: Rng): Proposal {
    return { config: this.context.space.sample(rng) };
  }

  tell(_observations: readonly Observation[]): void {
    // Random search learns nothing from results.
  }

  protected saveState(): Record<string, never> {
    return {};
  }

  protected restoreState(): void {}
}
