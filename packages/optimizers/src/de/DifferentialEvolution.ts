import { totalViolation, type Configuration, type Observation, type OptimizerContext, type Rng } from '@jahskit/core';
import { z } from 'zod';
import { configurationSchema } from '../internal/configurationSchema';
import { ProposalOptimizer, type Proposal, type SavedEnvelope } from '../internal/ProposalOptimizer';
import { compareStanding, standingOfValue } from '../internal/standing';
import { stateError } from '../internal/stateError';
import { mutateAndCross, pickThree, UnitVectorCodec } from './UnitVectorCodec';

export interface DeOptions {
  readonly population: number;
  readonly mutationFactor: number;
  readonly crossoverRate: number;
}

interface Member {
  config: Configuration;
  vector: number[];
  /** null until evaluated; Infinity when failed. */
  value: number | null;
  /** Total violation of the study's constraints (0 when feasible or unconstrained). */
  violation: number;
}

/** A value in a saved state: a number, 'inf' for a failed trial, null before the result. */
const savedValue = z.union([z.number(), z.literal('inf'), z.null()]);

const deState = (context: OptimizerContext, options: DeOptions) => {
  const vector = z.array(z.number()).length(context.space.parameters.length);
  const slot = z
    .number()
    .int()
    .min(0)
    .max(options.population - 1);
  return z.object({
    /** [configuration, vector, value, total violation (absent: 0)] */
    members: z.array(z.tuple([configurationSchema(context.space), vector, savedValue, z.number().min(0).optional()])).max(options.population),
    pending: z.array(z.tuple([z.number().int().min(0), slot, vector])),
  });
};

/**
 * Differential evolution (Storn & Price 1997), rand/1/bin on the [0, 1]^d encoding of DEHB so that
 * mixed, categorical and conditional spaces work. Asynchronous: the first `population` trials are
 * prior draws; afterwards each free worker gets a child of the next target (round robin), with
 * parents drawn from the evaluated members, and the child replaces its target when it is at least as
 * good. Failed trials count as +Infinity (never accepted). With constraints, "at least as good" follows
 * Deb's rules (`standingOf`): feasible by value, then infeasible by total violation, then failed.
 * Trial t draws from `(seed, 'trial', t)`.
 */
export class DifferentialEvolution extends ProposalOptimizer<ReturnType<typeof deState>> {
  static readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true } as const;
  private readonly codec: UnitVectorCodec;
  private members: Member[] = [];
  /** Trial id -> [target slot, vector] of the trials not yet told. */
  private pending = new Map<number, [number, number[]]>();

  constructor(
    private readonly options: DeOptions,
    context: OptimizerContext,
  ) {
    super(context, { kind: 'de', state: deState(context, options) });
    this.codec = new UnitVectorCodec(context.space);
  }

  protected propose(id: number, rng: Rng): Proposal {
    const { population } = this.options;
    let config: Configuration;
    let vector: number[];
    let slot: number;
    if (id < population) {
      config = this.context.space.sample(rng);
      vector = this.codec.encode(config, rng);
      slot = id;
      this.members.push({ config, vector, value: null, violation: 0 });
    } else {
      slot = (id - population) % population;
      [config, vector] = this.child(slot, rng);
    }
    this.pending.set(id, [slot, vector]);
    return { config, tags: { target: slot } };
  }

  private child(slot: number, rng: Rng): [Configuration, number[]] {
    const evaluated = this.members.map((m, i) => (m.value !== null && Number.isFinite(m.value) ? i : -1)).filter((i) => i >= 0);
    const target = this.members[slot] as Member;
    if (evaluated.length >= 3) {
      const [a, b, c] = pickThree(evaluated.length, evaluated.indexOf(slot), rng);
      const pick = (k: number): number[] => (this.members[evaluated[k] as number] as Member).vector;
      const vector = mutateAndCross(target.vector, pick(a), pick(b), pick(c), this.options.mutationFactor, this.options.crossoverRate, rng);
      try {
        return [this.codec.decode(vector), vector];
      } catch {
        // A forbidden child: fall through to a prior draw for this slot.
      }
    }
    const config = this.context.space.sample(rng);
    return [config, this.codec.encode(config, rng)];
  }

  tell(observations: readonly Observation[]): void {
    for (const o of observations) {
      const entry = this.pending.get(o.trial.id);
      if (entry === undefined) continue;
      this.pending.delete(o.trial.id);
      const [slot, vector] = entry;
      const child: Member = {
        config: o.trial.config,
        vector,
        value: o.status === 'ok' ? (o.values[0] as number) : Number.POSITIVE_INFINITY,
        violation: totalViolation(o.constraints),
      };
      const member = this.members[slot] as Member;
      if (member.value === null || compareStanding(standingOfValue(child), standingOfValue(member)) <= 0) this.members[slot] = child;
    }
  }

  protected saveState(): z.input<ReturnType<typeof deState>> {
    const v = (x: number | null): z.input<typeof savedValue> => (x === null ? null : Number.isFinite(x) ? x : 'inf');
    return {
      members: this.members.map((m) =>
        m.violation > 0 ? ([m.config, m.vector, v(m.value), m.violation] as const) : ([m.config, m.vector, v(m.value)] as const),
      ),
      pending: [...this.pending].map(([id, [slot, vector]]) => [id, slot, vector] as const),
    };
  }

  protected restoreState(saved: z.output<ReturnType<typeof deState>> & SavedEnvelope): void {
    // Trial t < population created member t.
    if (saved.members.length !== Math.min(saved.next, this.options.population)) {
      throw stateError(
        'de',
        'state.members',
        `expected ${Math.min(saved.next, this.options.population)} members after ${saved.next} trials, got ${saved.members.length}`,
      );
    }
    if (saved.pending.some(([id, slot]) => slot >= saved.members.length || id >= saved.next)) {
      throw stateError('de', 'state.pending', 'a pending trial that was never asked, or that targets a missing member');
    }
    this.members = saved.members.map(([config, vector, value, violation]) => ({
      config,
      vector,
      value: value === 'inf' ? Number.POSITIVE_INFINITY : value,
      violation: violation ?? 0,
    }));
    this.pending = new Map(saved.pending.map(([id, slot, vector]) => [id, [slot, vector]]));
  }
}
