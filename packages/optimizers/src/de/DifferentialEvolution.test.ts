import { Rng, type Benchmark, type Observation, type Optimizer, type Trial } from '@jahskit/core';
import { describeOptimizerConformance } from '@jahskit/core/testing';
import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { categorical, ConfigurationSpace, equalsCondition, float, integer, ordinal } from '@jahskit/spaces';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { deDescriptor } from './deModule';
import { UnitVectorCodec } from './UnitVectorCodec';
import { makeOptimizer } from '../internal/testing/makeOptimizer';
import { expectPluginGoldenTrace } from '../internal/testing/expectPluginGoldenTrace';
import { expectBestBeatsRandomSearch } from '../internal/testing/expectBestBeatsRandomSearch';
import { expectOptionErrors } from '../internal/testing/expectOptionErrors';

const branin = async (): Promise<Benchmark> => createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
const make = (benchmark: Benchmark, seed: number, options: unknown = {}): Optimizer => makeOptimizer(deDescriptor, benchmark, seed, options);

describeOptimizerConformance({ descriptor: deDescriptor, benchmark: branin, evaluations: 30, options: { population: 8 } });

const mixed = new ConfigurationSpace({
  name: 'mixed',
  parameters: [categorical('op', ['conv', 'pool', 'skip']), float('lr', 1e-4, 1, { log: true }), integer('depth', 1, 9), ordinal('w', [4, 8, 16])],
  conditions: [equalsCondition('lr', 'op', 'conv')],
});

describe('de', () => {
  test('golden trace', async () => expectPluginGoldenTrace(deDescriptor, await branin(), { population: 10 }, import.meta.url));

  test('options are typed errors naming the option', () => {
    expectOptionErrors(deDescriptor, { population: 1 }, { crossoverRate: 2 });
  });

  test('any vector of the unit cube decodes to a legal configuration of a mixed conditional space', () => {
    const codec = new UnitVectorCodec(mixed);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), (u) => {
        const config = codec.decode(u);
        expect(mixed.validate(config)).toEqual(config);
        // Choices sit at their bin centres, so encode then decode is the identity.
        expect(codec.decode(codec.encode(config, Rng.seeded(1)))).toEqual(config);
      }),
    );
  });

  test('constraints: a child replaces its target only when it stands at least as well (Deb): feasible by value, then infeasible by violation', async () => {
    const benchmark = await branin();
    const optimizer = make(benchmark, 2, { population: 4 });
    const result = (trial: Trial, value: number, violation: number): Observation => ({
      trial,
      status: 'ok',
      values: [value],
      metrics: {},
      cost: 1,
      constraints: [violation],
    });
    const first = optimizer.ask(4);
    optimizer.tell([result(first[0]!, 10, 0), result(first[1]!, 10, 2), result(first[2]!, 10, 2), result(first[3]!, 10, 0)]);
    const children = optimizer.ask(4);
    expect(children.map((t) => t.tags!['target'])).toEqual([0, 1, 2, 3]);
    // Slot 0: better value but infeasible, kept out. Slot 1: feasible though worse, in. Slot 2: less infeasible, in. Slot 3: failed, out.
    optimizer.tell([
      result(children[0]!, -100, 1),
      result(children[1]!, 50, 0),
      result(children[2]!, -100, 1),
      { ...result(children[3]!, 0, 0), status: 'failed', values: [] },
    ]);
    const members = (JSON.parse(JSON.stringify(optimizer.state())) as { members: [Trial['config'], number[], number | 'inf', number?][] }).members;
    expect(members.map((m) => m[0])).toEqual([first[0]!.config, children[1]!.config, children[2]!.config, first[3]!.config]);
    expect(members.map((m) => m[3])).toEqual([undefined, undefined, 1, undefined]);
    const resumed = make(benchmark, 2, { population: 4 });
    resumed.restore(optimizer.state());
    expect(resumed.state()).toEqual(optimizer.state());
  });

  test('beats random search on branin (best of 120 evaluations, 2 workers)', async () => {
    const benchmark = await branin();
    await expectBestBeatsRandomSearch((seed) => make(benchmark, seed, { population: 10 }), benchmark, { evaluations: 120 }, { workers: 2 });
  });
});
