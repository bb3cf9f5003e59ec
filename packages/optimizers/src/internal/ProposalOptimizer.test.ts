import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { Rng, type OptimizerContext } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { OptimizerError } from '../errors/OptimizerError';
import { RandomSearch } from '../rs/RandomSearch';
import { ProposalOptimizer, type Proposal } from './ProposalOptimizer';

const benchmark = createSyntheticBenchmark({ instance: 'branin', maxEpoch: 27, noise: 0, secondsPerEpoch: 1 });
const context: OptimizerContext = { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed: 9 };

/** Proposes a prior draw and counts its tells; remembers asked configurations. */
class Counter extends ProposalOptimizer<typeof COUNTER_STATE> {
  static readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: false } as const;
  told = 0;
  constructor() {
    super(context, { kind: 'counter', state: COUNTER_STATE, attempts: 3 });
  }
  protected propose(_id: number, rng: ReturnType<typeof Rng.seeded>): Proposal {
    return { config: this.context.space.sample(rng) };
  }
  tell(observations: readonly unknown[]): void {
    this.told += observations.length;
  }
  protected saveState() {
    return { told: this.told };
  }
  protected restoreState(saved: { told: number }): void {
    this.told = saved.told;
  }
}
const COUNTER_STATE = z.object({ told: z.number().int().min(0) });

describe('ProposalOptimizer', () => {
  test("trial t draws from the stream (seed, 'trial', t), whatever the batches", () => {
    const one = new RandomSearch(context);
    const batched = new RandomSearch(context);
    const singles = Array.from({ length: 6 }, () => one.ask(1)[0]!);
    const batches = [...batched.ask(2), ...batched.ask(4)];
    expect(batches).toEqual(singles);
    singles.forEach((trial, t) => {
      expect(trial.id).toBe(t);
      expect(trial.config).toEqual(benchmark.space.sample(Rng.seeded(9).stream('trial', t)));
      expect(trial.fidelity).toEqual(benchmark.fidelitySpace.defaultConfiguration());
    });
  });

  test('the capabilities are the static ones of the class', () => {
    expect(new Counter().capabilities).toBe(Counter.capabilities);
    expect(new RandomSearch(context).capabilities).toBe(RandomSearch.capabilities);
  });

  test('the state carries kind, version, the trial counter, the asked keys and the subclass fields', () => {
    const counter = new Counter();
    const trials = counter.ask(3);
    counter.tell(trials);
    const state = counter.state() as Record<string, unknown>;
    expect(state).toMatchObject({ kind: 'counter', version: 1, next: 3, told: 3 });
    expect(state['asked']).toHaveLength(3);
    const resumed = new Counter();
    resumed.restore(JSON.parse(JSON.stringify(state)));
    expect(resumed.ask(2)).toEqual(counter.ask(2));
    expect(resumed.told).toBe(3);
  });

  test.each([
    [{ kind: 'other', version: 1, next: 0, asked: [], told: 0 }, 'state.kind'],
    [{ kind: 'counter', next: 0, asked: [], told: 0 }, 'state.version'],
    [{ kind: 'counter', version: 2, next: 0, asked: [], told: 0 }, 'state.version'],
    [{ kind: 'counter', version: 1, next: -1, asked: [], told: 0 }, 'state.next'],
    [{ kind: 'counter', version: 1, next: 2, asked: ['a', 3], told: 0 }, 'state.asked[1]'],
    [{ kind: 'counter', version: 1, next: 2, asked: [], told: 'many' }, 'state.told'],
    [[1, 2], 'state'],
  ])('a damaged state %j is an invalid-state error naming %s, and changes nothing', (state, field) => {
    const counter = new Counter();
    counter.ask(2);
    const before = counter.state();
    let error: unknown;
    try {
      counter.restore(state as never);
    } catch (e) {
      error = e;
    }
    expect(OptimizerError.is(error) && error.kind === 'invalid-state').toBe(true);
    expect((error as OptimizerError).parameter).toBe(field);
    expect((error as OptimizerError).message).toContain(field);
    expect(counter.state()).toEqual(before);
  });
});
