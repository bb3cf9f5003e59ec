import type { Configuration, Observation, OptimizerContext, Rng } from '@jahskit/core';
import { z } from 'zod';
import { configurationSchema } from '../internal/configurationSchema';
import { ProposalOptimizer, type Proposal } from '../internal/ProposalOptimizer';
import { stateError } from '../internal/stateError';

export interface LocalSearchOptions {
  /** Random configurations evaluated at each (re)start; the best becomes the first centre. */
  readonly initialSamples: number;
  /** Gaussian perturbations per numeric parameter in a neighbourhood (categoricals: every other choice). */
  readonly numericNeighbours: number;
}

/** A value still being evaluated. */
const PENDING = Number.NaN;
/** Transitions one proposal may make without finding anything new before it proposes a repeat. */
const MAX_IDLE_TRANSITIONS = 1000;
/** Draws a restart makes to find a configuration not evaluated before. */
const FRESH_ATTEMPTS = 20;

type Phase =
  | { readonly kind: 'start'; readonly members: string[]; readonly configs: Configuration[]; drawn: number }
  | { readonly kind: 'neighbourhood'; readonly centre: Configuration; readonly centreValue: number; readonly queue: Configuration[]; readonly members: string[]; readonly configs: Configuration[] };

const lsState = (context: OptimizerContext) => {
  const config = configurationSchema(context.space);
  return z.object({
    restarts: z.number().int().min(0),
    steps: z.number().int().min(0),
    phase: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('start'), members: z.array(z.string()), configs: z.array(config), drawn: z.number().int().min(0) }),
      z.object({ kind: z.literal('neighbourhood'), centre: config, centreValue: z.number(), queue: z.array(config), members: z.array(z.string()), configs: z.array(config) }),
    ]),
    /** [configuration key, value | 'pending' | 'failed'] */
    values: z.array(z.tuple([z.string(), z.union([z.number(), z.literal('pending'), z.literal('failed')])])),
  });
};

/**
 * Local search as in White, Nolen & Savani, "Local Search is State of the Art for Neural Architecture
 * Search Benchmarks" (arXiv:2005.02960, 2020; UAI 2021 as "Exploring the Loss Landscape in NAS"): from a starting point, evaluate its whole neighbourhood
 * (configurations differing in one parameter), move to the best neighbour if it improves, otherwise
 * restart from random configurations.
 *
 * Every evaluated configuration is remembered by its key, so a neighbourhood never
 * re-evaluates what is known; known values still count when choosing the best neighbour. With
 * several workers, neighbours are handed out as long as the current neighbourhood has unasked
 * members; once all are asked the optimizer waits (returns no trials) for the pending results
 * rather than starting a random restart: the paper's algorithm is sequential, and filling idle
 * workers with random draws would spend evaluations the method would not spend. Failed and
 * diverged trials count as the worst value (never a centre).
 */
export class LocalSearch extends ProposalOptimizer<ReturnType<typeof lsState>> {
  static readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true } as const;
  private restarts = 0;
  private steps = 0;
  private values = new Map<string, number>();
  private phase: Phase;

  constructor(
    private readonly options: LocalSearchOptions,
    context: OptimizerContext,
  ) {
    super(context, { kind: 'ls', state: lsState(context) });
    this.phase = this.newStart();
  }

  /** The next configuration of the current phase; none while the phase waits for pending results. */
  protected propose(_id: number, rng: Rng): Proposal | Proposal[] {
    for (let idle = 0; idle <= MAX_IDLE_TRANSITIONS; idle++) {
      const config = this.proposal();
      if (config === 'wait') return [];
      // Nothing new to propose yet: the phase moved on (restart or step), try again.
      if (config !== undefined) return { config: this.pend(config) };
    }
    // Every reachable configuration is known (a tiny space): propose a repeat so the study goes on.
    return { config: this.pend(this.context.space.sample(rng)) };
  }

  tell(observations: readonly Observation[]): void {
    for (const observation of observations) {
      const value = observation.values[0];
      const ok = observation.status === 'ok' && value !== undefined;
      this.values.set(this.key(observation.trial.config), ok ? value : Number.POSITIVE_INFINITY);
    }
  }

  protected saveState(): z.input<ReturnType<typeof lsState>> {
    const values: [string, number | 'pending' | 'failed'][] = [];
    for (const [key, value] of this.values) values.push([key, Number.isNaN(value) ? 'pending' : value === Number.POSITIVE_INFINITY ? 'failed' : value]);
    return { restarts: this.restarts, steps: this.steps, phase: this.phase, values };
  }

  protected restoreState(saved: z.output<ReturnType<typeof lsState>>): void {
    if (saved.phase.members.length !== saved.phase.configs.length) {
      throw stateError('ls', 'state.phase.members', `${saved.phase.members.length} keys for ${saved.phase.configs.length} configurations`);
    }
    this.restarts = saved.restarts;
    this.steps = saved.steps;
    this.values = new Map(saved.values.map(([key, v]) => [key, v === 'pending' ? PENDING : v === 'failed' ? Number.POSITIVE_INFINITY : v]));
    this.phase = saved.phase;
  }

  /** Marks `config` as being evaluated. */
  private pend(config: Configuration): Configuration {
    this.values.set(this.key(config), PENDING);
    return config;
  }

  /**
   * The next configuration to evaluate in the current phase; `undefined` after a transition that
   * proposed nothing (call again); 'wait' while the phase needs pending results.
   */
  private proposal(): Configuration | undefined | 'wait' {
    const phase = this.phase;
    if (phase.kind === 'start') {
      while (phase.drawn < this.options.initialSamples) {
        const config = this.freshSample(this.restarts, phase.drawn++);
        const key = this.key(config);
        if (phase.members.includes(key)) continue;
        phase.members.push(key);
        phase.configs.push(config);
        if (!this.values.has(key)) return config;
      }
      const best = this.best(phase.members);
      if (best === 'wait') return 'wait';
      this.phase = best === undefined || best.value === Number.POSITIVE_INFINITY ? this.newStart() : this.newNeighbourhood(phase.configs[best.index] as Configuration, best.value);
      return undefined;
    }
    for (let config = phase.queue.shift(); config !== undefined; config = phase.queue.shift()) {
      if (!this.values.has(this.key(config))) return config;
    }
    const best = this.best(phase.members);
    if (best === 'wait') return 'wait';
    if (best !== undefined && best.value < phase.centreValue) {
      this.phase = this.newNeighbourhood(phase.configs[best.index] as Configuration, best.value);
    } else {
      this.phase = this.newStart();
    }
    return undefined;
  }

  /** Index and value of the lowest known value among `members`; 'wait' while any is pending. */
  private best(members: readonly string[]): { index: number; value: number } | 'wait' | undefined {
    let best: { index: number; value: number } | undefined;
    for (let i = 0; i < members.length; i++) {
      const value = this.values.get(members[i] as string);
      if (value === undefined || Number.isNaN(value)) return 'wait';
      if (best === undefined || value < best.value) best = { index: i, value };
    }
    return best;
  }

  private newStart(): Phase {
    this.restarts++;
    return { kind: 'start', members: [], configs: [], drawn: 0 };
  }

  private newNeighbourhood(centre: Configuration, centreValue: number): Phase {
    const rng = this.root.stream('neighbourhood', this.steps++);
    const neighbours = this.context.space.neighbours(centre, rng, this.options.numericNeighbours);
    rng.shuffle(neighbours);
    return { kind: 'neighbourhood', centre, centreValue, queue: [...neighbours], members: neighbours.map((c) => this.key(c)), configs: neighbours };
  }

  /** A prior sample not evaluated before, if one turns up within a few draws. */
  private freshSample(restart: number, index: number): Configuration {
    const rng = this.root.stream('start', restart, index);
    let config = this.context.space.sample(rng);
    for (let attempt = 1; attempt < FRESH_ATTEMPTS && this.values.has(this.key(config)); attempt++) config = this.context.space.sample(rng);
    return config;
  }
}
