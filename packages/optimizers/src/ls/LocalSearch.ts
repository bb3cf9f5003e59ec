import { Rng, type Configuration, type JsonValue, type Observation, type Optimizer, type OptimizerContext, type Trial } from '@jahskit/core';
import { configKey } from '../internal/configKey';
import { readState } from '../internal/readState';

export interface LocalSearchOptions {
  /** Random configurations evaluated at each (re)start; the best becomes the first centre. */
  readonly initialSamples: number;
  /** Gaussian perturbations per numeric parameter in a neighbourhood (categoricals: every other choice). */
  readonly numericNeighbours: number;
}

/** A value still being evaluated. */
const PENDING = Number.NaN;
/** Transitions one `ask` may make without proposing anything before it proposes a repeat. */
const MAX_IDLE_TRANSITIONS = 1000;
/** Draws a restart makes to find a configuration not evaluated before. */
const FRESH_ATTEMPTS = 20;

type Phase =
  | { readonly kind: 'start'; readonly members: string[]; readonly configs: Configuration[]; drawn: number }
  | { readonly kind: 'neighbourhood'; readonly centre: Configuration; readonly centreValue: number; readonly queue: Configuration[]; readonly members: string[]; readonly configs: Configuration[] };

interface SavedState {
  readonly kind: 'ls';
  readonly next: number;
  readonly restarts: number;
  readonly steps: number;
  readonly phase: JsonValue;
  /** [configuration key, value | 'pending' | 'failed'] */
  readonly values: [string, number | 'pending' | 'failed'][];
}

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
export class LocalSearch implements Optimizer {
  readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true } as const;
  private readonly root: Rng;
  private readonly fidelity: Configuration;
  private next = 0;
  private restarts = 0;
  private steps = 0;
  private values = new Map<string, number>();
  private phase: Phase;

  constructor(
    private readonly options: LocalSearchOptions,
    private readonly context: OptimizerContext,
  ) {
    this.root = Rng.seeded(context.seed);
    this.fidelity = context.fidelitySpace.defaultConfiguration();
    this.phase = this.newStart();
  }

  ask(n: number): Trial[] {
    const trials: Trial[] = [];
    let idle = 0;
    while (trials.length < n) {
      const config = this.proposal();
      if (config === 'wait') break;
      if (config === undefined) {
        // Nothing new to propose yet; move on (restart or step) and try again.
        if (++idle > MAX_IDLE_TRANSITIONS) {
          // Every reachable configuration is known (a tiny space): propose a repeat so the study goes on.
          trials.push(this.trial(this.context.space.sample(this.root.stream('repeat', this.next))));
        }
        continue;
      }
      idle = 0;
      trials.push(this.trial(config));
    }
    return trials;
  }

  tell(observations: readonly Observation[]): void {
    for (const observation of observations) {
      const value = observation.values[0];
      const ok = observation.status === 'ok' && value !== undefined;
      this.values.set(this.key(observation.trial.config), ok ? value : Number.POSITIVE_INFINITY);
    }
  }

  state(): JsonValue {
    const values: SavedState['values'] = [];
    for (const [key, value] of this.values) values.push([key, Number.isNaN(value) ? 'pending' : value === Number.POSITIVE_INFINITY ? 'failed' : value]);
    const phase = this.phase.kind === 'start'
      ? { kind: 'start', members: this.phase.members, configs: this.phase.configs, drawn: this.phase.drawn }
      : { kind: 'neighbourhood', centre: this.phase.centre, centreValue: this.phase.centreValue, queue: this.phase.queue, members: this.phase.members, configs: this.phase.configs };
    const saved: SavedState = { kind: 'ls', next: this.next, restarts: this.restarts, steps: this.steps, phase: phase as unknown as JsonValue, values };
    return JSON.parse(JSON.stringify(saved)) as JsonValue;
  }

  restore(state: JsonValue): void {
    const saved = readState<SavedState>(state, 'ls');
    this.next = saved.next;
    this.restarts = saved.restarts;
    this.steps = saved.steps;
    this.values = new Map(saved.values.map(([key, v]) => [key, v === 'pending' ? PENDING : v === 'failed' ? Number.POSITIVE_INFINITY : v]));
    this.phase = JSON.parse(JSON.stringify(saved.phase)) as Phase;
  }

  private key(config: Configuration): string {
    return configKey(this.context.space, config);
  }

  private trial(config: Configuration): Trial {
    this.values.set(this.key(config), PENDING);
    return { id: this.next++, config, fidelity: this.fidelity };
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
