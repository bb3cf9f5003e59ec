import { describe, expect, test } from 'vitest';
import { halfFrontOptimizer } from '../internal/mo/constrainedMoFixtures';
import { mobananasDescriptor } from './mobananasModule';
import { expectCellTaskBeatsRandomSearch } from '../internal/testing/expectCellTaskBeatsRandomSearch';
import { describeConstrainedMoModel } from '../internal/testing/describeConstrainedMoModel';
import { describeMoOptimizerBasics } from '../internal/testing/describeMoOptimizerBasics';

describeMoOptimizerBasics(mobananasDescriptor, import.meta.url, {
  options: { startupTrials: 5, steps: 30, retrainEvery: 3 },
  modelBased: true,
  badOptions: [{ startupTrials: 1 }, { members: 0 }, { bogus: 1 }],
});

describe('mobananas', () => {
  describeConstrainedMoModel('hypervolume gain over the feasible front', {
    make: (seed) => halfFrontOptimizer(mobananasDescriptor, { startupTrials: 8, steps: 100, retrainEvery: 3 }, seed),
    // 7 to 10 feasible if the constraint is ignored (seeds 1-4), 14 to 19 with it; 16 to 18 when rejected trials train the constraint ensemble.
    proposals: { seed: 1, feasible: 14, feasibleWhenRejected: 14 },
    state: { trials: 22, replay: 4, expectConstraintModel: (state) => expect(state).toMatchObject({ trainedRejected: expect.any(Number) }) },
  });

  test('beats random search on a NAS-like cell task (error vs size; hypervolume, 60 evaluations)', async () => {
    await expectCellTaskBeatsRandomSearch(mobananasDescriptor, { steps: 40, members: 2, retrainEvery: 10 }, 60);
  });
});
