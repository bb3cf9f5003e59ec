import { validateOptions, type OptimizerContext } from '@jahskit/core';
import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { makeOptimizer, runCellTask, syntheticMo } from '../internal/mo/moFixtures';
import { RandomSearch } from '../rs/RandomSearch';
import { mobananasDescriptor } from './mobananasModule';
import { expectBeatsRandomSearch } from '../internal/testing/expectBeatsRandomSearch';

const zdt1 = syntheticMo('zdt1');
const small = { startupTrials: 5, steps: 30, retrainEvery: 3 };

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

  test('beats random search on a NAS-like cell task (error vs size; hypervolume, 60 evaluations)', async () => {
    await expectBeatsRandomSearch({
      create: (context: OptimizerContext) => mobananasDescriptor.create(validateOptions(mobananasDescriptor.options, { steps: 40, members: 2, retrainEvery: 10 }, 'mobananas'), context),
      randomSearch: (context: OptimizerContext) => new RandomSearch(context),
      score: (make, seed) => runCellTask(make, seed, 60),
      better: 'higher',
    });
  });
});
