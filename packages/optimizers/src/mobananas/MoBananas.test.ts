import { validateOptions } from '@jahskit/core';
import { describeOptimizerConformance } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { syntheticMo } from '../internal/mo/moFixtures';
import { driveHalfFront, feasibleTrials, halfFrontContext } from '../internal/mo/constrainedMoFixtures';
import { mobananasDescriptor } from './mobananasModule';
import { expectCellTaskBeatsRandomSearch } from '../internal/testing/expectCellTaskBeatsRandomSearch';
import { expectConstrainedRestore } from '../internal/testing/expectConstrainedRestore';
import { expectMoGoldenTrace } from '../internal/testing/expectMoGoldenTrace';
import { expectOptionErrors } from '../internal/testing/expectOptionErrors';

const zdt1 = syntheticMo('zdt1');
const small = { startupTrials: 5, steps: 30, retrainEvery: 3 };

describeOptimizerConformance({ descriptor: mobananasDescriptor, benchmark: zdt1, options: small, evaluations: 14 });
describeOptimizerConformance({ descriptor: mobananasDescriptor, benchmark: syntheticMo('dtlz2-3'), options: small, evaluations: 10, numRuns: 2 });

describe('mobananas', () => {
  test('golden trace', () => expectMoGoldenTrace(mobananasDescriptor, small, import.meta.url));

  test('options are validated with typed errors naming the option', () => {
    expectOptionErrors(mobananasDescriptor, { startupTrials: 1 }, { members: 0 }, { bogus: 1 });
  });

  describe('with constraints: hypervolume gain over the feasible front, weighted by the probability of feasibility', () => {
    const make = (seed: number) => () =>
      mobananasDescriptor.create(
        validateOptions(mobananasDescriptor.options, { startupTrials: 8, steps: 100, retrainEvery: 3 }, 'mobananas'),
        halfFrontContext(seed),
      );

    // Of the 20 proposals after the first 10: 7 to 10 feasible if the constraint is ignored (seeds 1-4), 14 to 19 with it.
    test('proposals keep to the feasible half of the front', () => {
      expect(feasibleTrials(driveHalfFront(make(1)(), 30), 10)).toBeGreaterThanOrEqual(14);
    });

    // Trials rejected before training (failed, constraint value known) train the constraint ensemble: 16 to 18 feasible.
    test('learns the constraint from rejected trials too', () => {
      expect(feasibleTrials(driveHalfFront(make(1)(), 30, { rejectInfeasible: true }), 10)).toBeGreaterThanOrEqual(14);
    });

    test('state round trip, and a state saved before constraints restores', () => {
      const optimizer = make(3)();
      driveHalfFront(optimizer, 22, { rejectInfeasible: true });
      expect(optimizer.state()).toMatchObject({ trainedRejected: expect.any(Number) });
      expect(expectConstrainedRestore(make(3), optimizer, 22, 4, { rejectInfeasible: true }).ask(1)).toHaveLength(1);
    });
  });

  test('beats random search on a NAS-like cell task (error vs size; hypervolume, 60 evaluations)', async () => {
    await expectCellTaskBeatsRandomSearch(mobananasDescriptor, { steps: 40, members: 2, retrainEvery: 10 }, 60);
  });
});
