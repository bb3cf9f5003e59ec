import { validateOptions, type OptimizerContext } from '@jahskit/core';
import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { makeOptimizer, runCellTask, syntheticMo } from '../internal/mo/moFixtures';
import { continueAfterRestore, driveHalfFront, feasibleTrials, halfFrontContext, withoutConstraintFields } from '../internal/mo/constrainedMoFixtures';
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

  describe('with constraints: hypervolume gain over the feasible front, weighted by the probability of feasibility', () => {
    const make = (seed: number) => () => mobananasDescriptor.create(validateOptions(mobananasDescriptor.options, { startupTrials: 8, steps: 100, retrainEvery: 3 }, 'mobananas'), halfFrontContext(seed));

    // Of the 20 proposals after the first 10: 7 to 10 feasible if the constraint is ignored (seeds 1-4), 14 to 19 with it.
    test('proposals keep to the feasible half of the front', () => {
      expect(feasibleTrials(driveHalfFront(make(1)(), 30), 10)).toBeGreaterThanOrEqual(14);
    });

    // Trials rejected before training (failed, constraint value known) train the constraint ensemble: 16 to 18 feasible.
    test('learns the constraint from rejected trials too', () => {
      expect(feasibleTrials(driveHalfFront(make(1)(), 30, { rejectInfeasible: true }), 10)).toBeGreaterThanOrEqual(14);
    });

    test('state round trip, and a state saved before constraints restores', () => {
      const { original, resumed } = continueAfterRestore(make(3), 22, 4, { rejectInfeasible: true });
      expect(resumed).toEqual(original);
      const optimizer = make(3)();
      driveHalfFront(optimizer, 22, { rejectInfeasible: true });
      expect(optimizer.state()).toMatchObject({ trainedRejected: expect.any(Number) });
      const restored = make(3)();
      restored.restore(withoutConstraintFields(optimizer.state()));
      expect(restored.ask(1)).toHaveLength(1);
    });
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
