import { optimizerContextFor, Rng, validateOptions, type Benchmark, type Optimizer } from '@jahskit/core';
import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { categorical, ConfigurationSpace, equalsCondition, float, integer, ordinal } from '@jahskit/spaces';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RandomSearch } from '../rs/RandomSearch';
import { deDescriptor } from './deModule';
import { UnitVectorCodec } from './UnitVectorCodec';
import { expectBeatsRandomSearch } from '../internal/testing/expectBeatsRandomSearch';
import { bestObjectiveScore } from '../internal/testing/bestObjectiveScore';

const branin = async (): Promise<Benchmark> => createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
const make = (benchmark: Benchmark, seed: number, options: unknown = {}): Optimizer =>
  deDescriptor.create(validateOptions(deDescriptor.options, options, 'de'), { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed });

describeOptimizerConformance({ descriptor: deDescriptor, benchmark: branin, evaluations: 30, options: { population: 8 } });

const mixed = new ConfigurationSpace({
  name: 'mixed',
  parameters: [categorical('op', ['conv', 'pool', 'skip']), float('lr', 1e-4, 1, { log: true }), integer('depth', 1, 9), ordinal('w', [4, 8, 16])],
  conditions: [equalsCondition('lr', 'op', 'conv')],
});

describe('de', () => {
  test('golden trace', async () => {
    const benchmark = await branin();
    await expectGoldenTrace({ benchmark, optimizer: make(benchmark, 1, { population: 10 }), seed: 1, evaluations: 30, file: new URL('./__golden__/de.json', import.meta.url).pathname });
  });

  test('options are typed errors naming the option', () => {
    expect(() => validateOptions(deDescriptor.options, { population: 1 }, 'de')).toThrow(/population/);
    expect(() => validateOptions(deDescriptor.options, { crossoverRate: 2 }, 'de')).toThrow(/crossoverRate/);
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

  test('beats random search on branin (best of 120 evaluations, 2 workers)', async () => {
    const benchmark = await branin();
    await expectBeatsRandomSearch({
      create: (seed) => make(benchmark, seed, { population: 10 }),
      randomSearch: (seed) => new RandomSearch(optimizerContextFor(benchmark, seed)),
      score: bestObjectiveScore(benchmark, { evaluations: 120 }, 2),
      better: 'lower',
    });
  });
});
