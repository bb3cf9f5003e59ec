import type { Configuration, Observation, OptimizerContext, Rng } from '@jahskit/core';
import { z } from 'zod';
import { OptimizerError } from '../errors/OptimizerError';
import { configurationSchema } from '../internal/configurationSchema';
import { mutateOneParameter, NEIGHBOUR_STEP } from '../internal/mutateOneParameter';
import { ProposalOptimizer, type Proposal } from '../internal/ProposalOptimizer';

export interface RegularizedEvolutionOptions {
  /** Number of most recent results kept (and of random trials that start the search). */
  readonly population: number;
  /** Members drawn (with replacement) for each tournament. */
  readonly sampleSize: number;
  /** Deprecated, without effect: a numeric parameter moves by one Gaussian step (see `mutateOneParameter`). */
  readonly numericNeighbours?: number;
}

interface Member {
  readonly id: number;
  readonly config: Configuration;
  readonly value: number;
}

const reState = (context: OptimizerContext) =>
  z.object({ population: z.array(z.object({ id: z.number().int().min(0), config: configurationSchema(context.space), value: z.number() })) });

/**
 * Regularised (aging) evolution, Real, Aggarwal, Huang & Le (AAAI 2019), in its asynchronous form:
 * whenever a worker is free it receives a mutated child of the winner of a tournament over the
 * current population; each result joins the population and the oldest member leaves.
 *
 * Trials 0 .. population-1 are prior samples (the paper's initial population). Trial t draws its
 * tournament and mutation from the stream `(seed, 'trial', t)`. Failed and diverged trials never
 * join the population: the paper has no notion of failure, and an aging population forgets them
 * anyway. If no result has arrived yet when a child is due (many workers), the trial is a prior sample.
 */
export class RegularizedEvolution extends ProposalOptimizer<ReturnType<typeof reState>> {
  static readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true } as const;
  /** Oldest first. */
  private population: Member[] = [];

  constructor(
    private readonly options: RegularizedEvolutionOptions,
    context: OptimizerContext,
  ) {
    if (options.sampleSize > options.population) {
      throw new OptimizerError('invalid-option', `sampleSize (${options.sampleSize}) must not exceed population (${options.population})`, {
        parameter: 'sampleSize',
        allowed: `1..${options.population}`,
      });
    }
    super(context, { kind: 're', state: reState(context) });
  }

  protected propose(id: number, rng: Rng): Proposal {
    if (id < this.options.population || this.population.length === 0) return { config: this.context.space.sample(rng) };
    const parent = this.tournament(rng);
    return { config: mutateOneParameter(this.context.space, parent.config, rng, NEIGHBOUR_STEP), tags: { parent: parent.id } };
  }

  tell(observations: readonly Observation[]): void {
    for (const observation of observations) {
      const value = observation.values[0];
      if (observation.status !== 'ok' || value === undefined) continue;
      this.population.push({ id: observation.trial.id, config: observation.trial.config, value });
      if (this.population.length > this.options.population) this.population.shift();
    }
  }

  protected saveState(): z.input<ReturnType<typeof reState>> {
    return { population: this.population };
  }

  protected restoreState(saved: z.output<ReturnType<typeof reState>>): void {
    this.population = saved.population;
  }

  /** The best of `sampleSize` members drawn with replacement (ties: the first drawn). */
  private tournament(rng: Rng): Member {
    let best: Member | undefined;
    for (let k = 0; k < this.options.sampleSize; k++) {
      const candidate = this.population[rng.index(this.population.length)] as Member;
      if (best === undefined || candidate.value < best.value) best = candidate;
    }
    return best as Member;
  }
}
