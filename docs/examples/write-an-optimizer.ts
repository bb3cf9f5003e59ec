import {
  definePlugin,
  Rng,
  type Configuration,
  type JsonValue,
  type Observation,
  type Optimizer,
  type OptimizerContext,
  type OptimizerDescriptor,
  type Trial,
  totalViolation,
} from '@jahskit/core';
import { z } from 'zod';

export interface HillClimberOptions {
  readonly explore: number;
}

/**
 * The best result so far; `violation` is how much it breaks the study's constraints (0: none). A type,
 * not an interface, so that it is a JsonValue as it is for the state.
 */
type Incumbent = { readonly config: Configuration; readonly value: number; readonly violation: number };

/**
 * A complete optimizer plugin in one file: with probability `explore` sample the prior, otherwise try a
 * neighbour of the best configuration so far. Core's Study checks proposals and results, so the class
 * contains only the decision of what to try next.
 */
export class HillClimber implements Optimizer {
  readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true } as const;
  private readonly root: Rng;
  private next = 0;
  private best: Incumbent | undefined;

  constructor(
    private readonly options: HillClimberOptions,
    private readonly context: OptimizerContext,
  ) {
    this.root = Rng.seeded(context.seed);
  }

  ask(n: number): Trial[] {
    return Array.from({ length: n }, () => {
      const id = this.next++;
      // One stream per trial: the choice for trial `id` does not depend on how many workers ask.
      const rng = this.root.stream('trial', id);
      const { space, fidelitySpace } = this.context;
      const neighbours = this.best === undefined || rng.bernoulli(this.options.explore) ? [] : space.neighbours(this.best.config, rng, 4);
      const config = neighbours.length > 0 ? rng.pick(neighbours) : space.sample(rng);
      return { id, config, fidelity: fidelitySpace.defaultConfiguration() };
    });
  }

  tell(observations: readonly Observation[]): void {
    for (const { status, values, trial, constraints } of observations) {
      // Values are already minimised by core; failed trials carry no values. With constraints, the
      // trial that breaks them less is better whatever its value (Deb's rules; 0 when there are none).
      if (status !== 'ok') continue;
      const seen: Incumbent = { config: trial.config, value: values[0]!, violation: totalViolation(constraints) };
      const best = this.best;
      if (best === undefined || seen.violation < best.violation || (seen.violation === best.violation && seen.value < best.value)) this.best = seen;
    }
  }

  state(): JsonValue {
    return { next: this.next, best: this.best ?? null };
  }

  restore(state: JsonValue): void {
    const saved = state as { next: number; best: Incumbent | null };
    this.next = saved.next;
    this.best = saved.best ?? undefined;
  }
}

export const hillClimberDescriptor: OptimizerDescriptor<HillClimberOptions> = {
  id: 'hill-climber',
  summary: 'neighbours of the incumbent, with some random exploration',
  capabilities: { objectives: 'single', multiFidelity: false, asynchronous: true },
  options: z.object({ explore: z.number().min(0).max(1).default(0.2).describe('probability of a random draw') }).strict(),
  create: (options, context) => new HillClimber(options, context),
};

/** Loading this module into a container is what makes the plugin exist. */
export const hillClimberModule = definePlugin({ optimizers: [hillClimberDescriptor] });
