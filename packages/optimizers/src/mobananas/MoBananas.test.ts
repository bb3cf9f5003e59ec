import { validateOptions } from '@jahskit/core';
import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { makeOptimizer, randomSearch, runHypervolume, syntheticMo } from '../internal/mo/moFixtures';
import { mobananasDescriptor } from './mobananasModule';

const zdt1 = syntheticMo('zdt1');
const small = { startupTrials: 5, epochs: 30, retrainEvery: 3 };

describeOptimizerConformance({ descriptor: mobananasDescriptor, benchmark: zdt1, options: small, evaluations: 14 });
describeOptimizerConformance({ descriptor: mobananasDescriptor, benchmark: syntheticMo('dtlz2-3'), options: small, evaluations: 10, numRuns: 2 });

describe('mobananas', () => {
  test('golden trace', async () => {
    const benchmark = await zdt1();
    await expectGoldenTrace({ benchmark, optimizer: makeOptimizer(mobananasDescriptor, benchmark, 1, small), seed: 1, evaluations: 30, file: new URL('./__golden__/mobananas.json', import.meta.url).pathname });
  });

  test('options are validated with typed errors naming the option', () => {
    expect(() => validateOptions(mobananasDescriptor.options, { startupTrials: 1 }, 'mobananas')).toThrow(/startupTrials/);
    expect(() => validateOptions(mobananasDescriptor.options, { members: 0 }, 'mobananas')).toThrow(/members/);
    expect(() => validateOptions(mobananasDescriptor.options, { bogus: 1 }, 'mobananas')).toThrow(/bogus/);
  });

  test('beats random search on ZDT1 (mean hypervolume of 2 seeds, 80 evaluations)', async () => {
    const benchmark = await syntheticMo('zdt1', 1)();
    let ours = 0;
    let rs = 0;
    for (const seed of [1, 2]) {
      ours += await runHypervolume(benchmark, makeOptimizer(mobananasDescriptor, benchmark, seed, small), seed, 80, [11, 11]);
      rs += await runHypervolume(benchmark, randomSearch(benchmark, seed), seed, 80, [11, 11]);
    }
    expect(ours).toBeGreaterThan(rs);
  });
});
