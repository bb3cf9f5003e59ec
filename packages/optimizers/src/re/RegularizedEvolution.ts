import { Rng, type Configuration, type JsonValue, type Observation, type Optimizer, type OptimizerContext, type Trial } from '@jahskit/core';
import { OptimizerError } from '../errors/OptimizerError';
import { mutateOneParameter, NEIGHBOUR_STEP } from '../internal/mutateOneParameter';
import { readState } from '../internal/readState';

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

interface SavedState {
  readonly kind: 're';
  readonly next: number;
  readonly population: Member[];
}

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
export class RegularizedEvolution implements Optimizer {
  readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true } as const;
  private readonly root: Rng;
  private readonly fidelity: Configuration;
  private next = 0;
  /** Oldest first. */
  private population: Member[] = [];

  constructor(
    private readonly options: RegularizedEvolutionOptions,
    private readonly context: OptimizerContext,
  ) {
    if (options.sampleSize > options.population) {
      throw new OptimizerError('invalid-option', `sampleSize (${options.sampleSize}) must not exceed population (${options.population})`, {
        parameter: 'sampleSize',
        allowed: `1..${options.population}`,
      });
    }
    this.root = Rng.seeded(context.seed);
    this.fidelity = context.fidelitySpace.defaultConfiguration();
  }

  ask(n: number): Trial[] {
    const trials: Trial[] = [];
    for (let i = 0; i < n; i++) {
      const id = this.next++;
      const rng = this.root.stream('trial', id);
      if (id < this.options.population || this.population.length === 0) {
        trials.push({ id, config: this.context.space.sample(rng), fidelity: this.fidelity });
        continue;
      }
      const parent = this.tournament(rng);
      const config = mutateOneParameter(this.context.space, parent.config, rng, NEIGHBOUR_STEP);
      trials.push({ id, config, fidelity: this.fidelity, tags: { parent: parent.id } });
    }
    return trials;
  }

  tell(observations: readonly Observation[]): void {
    for (const observation of observations) {
      const value = observation.values[0];
      if (observation.status !== 'ok' || value === undefined) continue;
      this.population.push({ id: observation.trial.id, config: observation.trial.config, value });
      if (this.population.length > this.options.population) this.population.shift();
    }
  }

  state(): JsonValue {
    const saved: SavedState = { kind: 're', next: this.next, population: this.population };
    return JSON.parse(JSON.stringify(saved)) as JsonValue;
  }

  restore(state: JsonValue): void {
    const saved = readState<SavedState>(state, 're');
    this.next = saved.next;
    this.population = saved.population.map((m) => ({ id: m.id, config: { ...m.config }, value: m.value }));
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
