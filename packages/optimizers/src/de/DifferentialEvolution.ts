import { Rng, type Configuration, type JsonValue, type Observation, type Optimizer, type OptimizerContext, type Trial } from '@jahskit/core';
import { readState } from '../internal/readState';
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
}

/**
 * Differential evolution (Storn & Price 1997), rand/1/bin on the [0, 1]^d encoding of DEHB so that
 * mixed, categorical and conditional spaces work. Asynchronous: the first `population` trials are
 * prior draws; afterwards each free worker gets a child of the next target (round robin), with
 * parents drawn from the evaluated members, and the child replaces its target when it is at least as
 * good. Failed trials count as +Infinity (never accepted). Trial t draws from `(seed, 'de', t)`.
 */
export class DifferentialEvolution implements Optimizer {
  readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true } as const;
  private readonly root: Rng;
  private readonly codec: UnitVectorCodec;
  private readonly fidelity: Configuration;
  private members: Member[] = [];
  /** Trial id -> [target slot, vector] of the trials not yet told. */
  private pending = new Map<number, [number, number[]]>();
  private next = 0;

  constructor(
    private readonly options: DeOptions,
    private readonly context: OptimizerContext,
  ) {
    this.root = Rng.seeded(context.seed);
    this.codec = new UnitVectorCodec(context.space);
    this.fidelity = context.fidelitySpace.defaultConfiguration();
  }

  ask(n: number): Trial[] {
    const trials: Trial[] = [];
    for (let i = 0; i < n; i++) {
      const id = this.next++;
      const rng = this.root.stream('de', id);
      const { population } = this.options;
      let config: Configuration;
      let vector: number[];
      let slot: number;
      if (id < population) {
        config = this.context.space.sample(rng);
        vector = this.codec.encode(config, rng);
        slot = id;
        this.members.push({ config, vector, value: null });
      } else {
        slot = (id - population) % population;
        [config, vector] = this.child(slot, rng);
      }
      this.pending.set(id, [slot, vector]);
      trials.push({ id, config, fidelity: this.fidelity, tags: { target: slot } });
    }
    return trials;
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
      const value = o.status === 'ok' ? (o.values[0] as number) : Number.POSITIVE_INFINITY;
      const member = this.members[slot] as Member;
      if (value <= (member.value ?? Number.POSITIVE_INFINITY) || member.value === null) {
        this.members[slot] = { config: o.trial.config, vector, value: value === Number.POSITIVE_INFINITY && member.value !== null ? member.value : value };
      }
    }
  }

  state(): JsonValue {
    const v = (x: number | null): JsonValue => (x === null ? null : Number.isFinite(x) ? x : 'inf');
    return {
      kind: 'de',
      next: this.next,
      members: this.members.map((m) => [m.config, m.vector, v(m.value)]),
      pending: [...this.pending].map(([id, [slot, vector]]) => [id, slot, vector]),
    } as unknown as JsonValue;
  }

  restore(state: JsonValue): void {
    const saved = readState<{ next: number; members: [Configuration, number[], number | 'inf' | null][]; pending: [number, number, number[]][] }>(state, 'de');
    this.next = saved.next;
    this.members = saved.members.map(([config, vector, value]) => ({ config, vector, value: value === 'inf' ? Number.POSITIVE_INFINITY : value }));
    this.pending = new Map(saved.pending.map(([id, slot, vector]) => [id, [slot, vector]]));
  }
}
