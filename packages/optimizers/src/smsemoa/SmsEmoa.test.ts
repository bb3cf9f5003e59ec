import { validateOptions } from '@jahskit/core';
import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { makeOptimizer, randomSearch, runHypervolume, syntheticMo } from '../internal/mo/moFixtures';
import { continueAfterRestore, driveHalfFront, halfFrontContext, halfFrontViolation, withoutConstraintFields } from '../internal/mo/constrainedMoFixtures';
import { smsemoaDescriptor } from './smsemoaModule';
import { expectBeatsRandomSearch } from '../internal/testing/expectBeatsRandomSearch';

const zdt1 = syntheticMo('zdt1');

describeOptimizerConformance({ descriptor: smsemoaDescriptor, benchmark: zdt1, options: { population: 8 } });
describeOptimizerConformance({ descriptor: smsemoaDescriptor, benchmark: syntheticMo('dtlz2-3'), options: { population: 6 }, evaluations: 20 });

describe('smsemoa', () => {
  test('golden trace', async () => {
    const benchmark = await zdt1();
    await expectGoldenTrace({ benchmark, optimizer: makeOptimizer(smsemoaDescriptor, benchmark, 1, { population: 10 }), seed: 1, evaluations: 30, file: new URL('./__golden__/smsemoa.json', import.meta.url).pathname });
  });

  test('with constraints, the reduction drops infeasible members first, so the population ends feasible where half the front is infeasible', () => {
    const make = () => smsemoaDescriptor.create(validateOptions(smsemoaDescriptor.options, { population: 8 }, 'smsemoa'), halfFrontContext(5));
    const optimizer = make();
    driveHalfFront(optimizer, 60);
    const state = optimizer.state() as { population: number[]; archive: { entries: { config: Record<string, number> }[] } };
    expect(state.population).toHaveLength(8);
    expect(state.population.every((k) => halfFrontViolation(state.archive.entries[k]!.config) <= 0)).toBe(true);
    const { original, resumed } = continueAfterRestore(make, 20, 20, { batch: 2 });
    expect(resumed).toEqual(original);
    const restored = make();
    restored.restore(withoutConstraintFields(optimizer.state()));
    expect(restored.ask(2)).toHaveLength(2);
  });

  test('options are validated with typed errors naming the option', () => {
    expect(() => validateOptions(smsemoaDescriptor.options, { population: 1 }, 'smsemoa')).toThrow(/population/);
    expect(() => validateOptions(smsemoaDescriptor.options, { crossoverProbability: 2 }, 'smsemoa')).toThrow(/crossoverProbability/);
    expect(() => validateOptions(smsemoaDescriptor.options, { bogus: 1 }, 'smsemoa')).toThrow(/bogus/);
  });

  test('refuses single-objective tasks', async () => {
    const { createSyntheticBenchmark } = await import('@jahskit/benchmarks');
    const b = createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
    expect(() => makeOptimizer(smsemoaDescriptor, b, 1)).toThrow(/two objectives/);
  });

  test('keeps the population at mu and never drops a non-dominated member for a dominated one', async () => {
    const benchmark = await syntheticMo('zdt1', 1)();
    const optimizer = makeOptimizer(smsemoaDescriptor, benchmark, 2, { population: 6 });
    await runHypervolume(benchmark, optimizer, 2, 40, [11, 11]);
    const state = optimizer.state() as { population: number[] };
    expect(state.population).toHaveLength(6);
  });

  test('beats random search on ZDT1 (hypervolume, 150 evaluations)', async () => {
    const benchmark = await syntheticMo('zdt1', 1)();
    await expectBeatsRandomSearch({
      create: (seed) => makeOptimizer(smsemoaDescriptor, benchmark, seed, { population: 20 }),
      randomSearch: (seed) => randomSearch(benchmark, seed),
      score: (make, seed) => runHypervolume(benchmark, make(seed), seed, 150, [11, 11]),
      better: 'higher',
    });
  });
});
