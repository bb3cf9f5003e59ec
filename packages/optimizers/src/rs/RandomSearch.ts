import { Rng, type Configuration, type JsonValue, type Observation, type Optimizer, type OptimizerContext, type Trial } from '@jahskit/core';
import { readState } from '../internal/readState';

/**
 * Random search (Bergstra & Bengio 2012): each trial is an independent draw from the space's prior,
 * evaluated at the highest fidelity. Trial t is drawn from its own stream `(seed, t)`, so the
 * configurations do not depend on the number of workers or on the order of results.
 */
export class RandomSearch implements Optimizer {
  readonly capabilities = { objectives: 'any', multiFidelity: false, asynchronous: true } as const;
  private readonly root: Rng;
  private readonly fidelity: Configuration;
  private next = 0;

  constructor(private readonly context: OptimizerContext) {
    this.root = Rng.seeded(context.seed);
    this.fidelity = context.fidelitySpace.defaultConfiguration();
  }

  ask(n: number): Trial[] {
    const trials: Trial[] = [];
    for (let i = 0; i < n; i++) {
      const id = this.next++;
      trials.push({ id, config: this.context.space.sample(this.root.stream(id)), fidelity: this.fidelity });
    }
    return trials;
  }

  tell(_observations: readonly Observation[]): void {
    // Random search learns nothing from results.
  }

  state(): JsonValue {
    return { kind: 'rs', next: this.next };
  }

  restore(state: JsonValue): void {
    this.next = readState<{ next: number }>(state, 'rs').next;
  }
}
