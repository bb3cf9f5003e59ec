import type { Configuration, Observation, OptimizerContext, Rng } from '@jahskit/core';
import { z } from 'zod';
import { configurationSchema } from '../internal/configurationSchema';
import { ProposalOptimizer, type Proposal } from '../internal/ProposalOptimizer';
import { compareStanding, standingOf, type Standing } from '../internal/standing';
import { stateError } from '../internal/stateError';

export interface LocalSearchOptions {
  /** Random configurations evaluated at each (re)start; the best becomes the first centre. */
  readonly initialSamples: number;
  /** Gaussian perturbations per numeric parameter in a neighbourhood (categoricals: every other choice). */
  readonly numericNeighbours: number;
}

/** A configuration still being evaluated. */
const PENDING = null;
/** Transitions one proposal may make without finding anything new before it proposes a repeat. */
const MAX_IDLE_TRANSITIONS = 1000;
/** Draws a restart makes to find a configuration not evaluated before. */
const FRESH_ATTEMPTS = 20;

type Phase =
  | { readonly kind: 'start'; readonly members: string[]; readonly configs: Configuration[]; drawn: number }
  | {
      readonly kind: 'neighbourhood';
      readonly centre: Configuration;
      /** The centre's standing: `centreValue` is its key, `centreTier` its tier when infeasible (absent: feasible). */
      readonly centreValue: number;
      readonly centreTier?: 1;
      readonly queue: Configuration[];
      readonly members: string[];
      readonly configs: Configuration[];
    };

/** A known result in a saved state: a feasible value, 'failed', or the tier and total violation of an infeasible or failed one (constraints). */
const savedResult = z.union([
  z.number(),
  z.literal('pending'),
  z.literal('failed'),
  z.object({ tier: z.union([z.literal(1), z.literal(2)]), violation: z.number().min(0) }),
]);

const lsState = (context: OptimizerContext) => {
  const config = configurationSchema(context.space);
  return z.object({
    restarts: z.number().int().min(0),
    steps: z.number().int().min(0),
    phase: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('start'), members: z.array(z.string()), configs: z.array(config), drawn: z.number().int().min(0) }),
      z.object({
        kind: z.literal('neighbourhood'),
        centre: config,
        centreValue: z.number(),
        centreTier: z.literal(1).optional(),
        queue: z.array(config),
        members: z.array(z.string()),
        configs: z.array(config),
      }),
    ]),
    /** [configuration key, value | 'pending' | 'failed' | {tier, violation}] */
    values: z.array(z.tuple([z.string(), savedResult])),
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
 * diverged trials count as the worst value (never a centre). With constraints, "best" and "improves"
 * follow Deb's rules (`standingOf`): feasible by value, then infeasible by total violation, so that
 * from an infeasible start the search walks towards feasibility.
 */
export class LocalSearch extends ProposalOptimizer<ReturnType<typeof lsState>> {
  static readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true } as const;
  private restarts = 0;
  private steps = 0;
  /** The standing of every configuration evaluated or being evaluated (PENDING), by key. */
  private values = new Map<string, Standing | typeof PENDING>();
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
      const standing = standingOf(observation);
      // An ok result without a value (a malformed observation) counts as failed, as before.
      this.values.set(this.key(observation.trial.config), observation.values[0] === undefined ? { tier: 2, key: standing.key } : standing);
    }
  }

  protected saveState(): z.input<ReturnType<typeof lsState>> {
    const values: [string, z.input<typeof savedResult>][] = [];
    for (const [key, s] of this.values) {
      values.push([key, s === PENDING ? 'pending' : s.tier === 0 ? s.key : s.tier === 2 && s.key === 0 ? 'failed' : { tier: s.tier, violation: s.key }]);
    }
    return { restarts: this.restarts, steps: this.steps, phase: this.phase, values };
  }

  protected restoreState(saved: z.output<ReturnType<typeof lsState>>): void {
    if (saved.phase.members.length !== saved.phase.configs.length) {
      throw stateError('ls', 'state.phase.members', `${saved.phase.members.length} keys for ${saved.phase.configs.length} configurations`);
    }
    this.restarts = saved.restarts;
    this.steps = saved.steps;
    this.values = new Map(
      saved.values.map(([key, v]) => [
        key,
        v === 'pending' ? PENDING : v === 'failed' ? { tier: 2, key: 0 } : typeof v === 'number' ? { tier: 0, key: v } : { tier: v.tier, key: v.violation },
      ]),
    );
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
      this.phase =
        best === undefined || best.standing.tier === 2 ? this.newStart() : this.newNeighbourhood(phase.configs[best.index] as Configuration, best.standing);
      return undefined;
    }
    for (let config = phase.queue.shift(); config !== undefined; config = phase.queue.shift()) {
      if (!this.values.has(this.key(config))) return config;
    }
    const best = this.best(phase.members);
    if (best === 'wait') return 'wait';
    if (best !== undefined && compareStanding(best.standing, { tier: phase.centreTier ?? 0, key: phase.centreValue }) < 0) {
      this.phase = this.newNeighbourhood(phase.configs[best.index] as Configuration, best.standing);
    } else {
      this.phase = this.newStart();
    }
    return undefined;
  }

  /** Index and standing of the best known result among `members` (ties: the first); 'wait' while any is pending. */
  private best(members: readonly string[]): { index: number; standing: Standing } | 'wait' | undefined {
    let best: { index: number; standing: Standing } | undefined;
    for (let i = 0; i < members.length; i++) {
      const standing = this.values.get(members[i] as string);
      if (standing === undefined || standing === PENDING) return 'wait';
      if (best === undefined || compareStanding(standing, best.standing) < 0) best = { index: i, standing };
    }
    return best;
  }

  private newStart(): Phase {
    this.restarts++;
    return { kind: 'start', members: [], configs: [], drawn: 0 };
  }

  private newNeighbourhood(centre: Configuration, standing: Standing): Phase {
    const rng = this.root.stream('neighbourhood', this.steps++);
    const neighbours = this.context.space.neighbours(centre, rng, this.options.numericNeighbours);
    rng.shuffle(neighbours);
    return {
      kind: 'neighbourhood',
      centre,
      centreValue: standing.key,
      ...(standing.tier === 1 ? { centreTier: 1 as const } : {}),
      queue: [...neighbours],
      members: neighbours.map((c) => this.key(c)),
      configs: neighbours,
    };
  }

  /** A prior sample not evaluated before, if one turns up within a few draws. */
  private freshSample(restart: number, index: number): Configuration {
    const rng = this.root.stream('start', restart, index);
    let config = this.context.space.sample(rng);
    for (let attempt = 1; attempt < FRESH_ATTEMPTS && this.values.has(this.key(config)); attempt++) config = this.context.space.sample(rng);
    return config;
  }
}
