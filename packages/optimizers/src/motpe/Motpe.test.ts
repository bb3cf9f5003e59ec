import { validateOptions } from '@jahskit/core';
import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { motpeSplit } from '../internal/mo/proposeMotpe';
import { makeOptimizer, randomSearch, runHypervolume, syntheticMo } from '../internal/mo/moFixtures';
import { motpeDescriptor } from './motpeModule';
import { expectBeatsRandomSearch } from '../internal/testing/expectBeatsRandomSearch';

const zdt1 = syntheticMo('zdt1');

describeOptimizerConformance({ descriptor: motpeDescriptor, benchmark: zdt1, options: { startupTrials: 6 }, evaluations: 16 });
describeOptimizerConformance({ descriptor: motpeDescriptor, benchmark: syntheticMo('dtlz2-3'), options: { startupTrials: 5 }, evaluations: 12 });

describe('motpe', () => {
  test('golden trace', async () => {
    const benchmark = await zdt1();
    await expectGoldenTrace({ benchmark, optimizer: makeOptimizer(motpeDescriptor, benchmark, 1), seed: 1, evaluations: 30, file: new URL('./__golden__/motpe.json', import.meta.url).pathname });
  });

  test('options are validated with typed errors naming the option', () => {
    expect(() => validateOptions(motpeDescriptor.options, { gamma: 1.5 }, 'motpe')).toThrow(/gamma/);
    expect(() => validateOptions(motpeDescriptor.options, { candidates: 0 }, 'motpe')).toThrow(/candidates/);
    expect(() => validateOptions(motpeDescriptor.options, { bogus: 1 }, 'motpe')).toThrow(/bogus/);
  });

  test('the good set is the first front when it fits, thinned by hypervolume when it does not', () => {
    // Front: (0,3) (1,1) (3,0); dominated: (2,2) (4,4).
    const points = Float64Array.from([0, 3, 2, 2, 1, 1, 4, 4, 3, 0]);
    expect([...motpeSplit(points, 2, 3).good]).toEqual([0, 2, 4]);
    expect([...motpeSplit(points, 2, 3).bad]).toEqual([1, 3]);
    expect(motpeSplit(points, 2, 2).good.length).toBe(2);
    const { weights } = motpeSplit(points, 2, 3);
    expect(Math.max(...weights)).toBe(1);
  });

  test('beats random search on ZDT1 (hypervolume, 80 evaluations)', async () => {
    const benchmark = await syntheticMo('zdt1', 1)();
    await expectBeatsRandomSearch({
      create: (seed) => makeOptimizer(motpeDescriptor, benchmark, seed),
      randomSearch: (seed) => randomSearch(benchmark, seed),
      score: (make, seed) => runHypervolume(benchmark, make(seed), seed, 80, [11, 11]),
      better: 'higher',
    });
  });
});
