import { describe, expect, test } from 'vitest';
import { motpeSplit } from '../internal/mo/proposeMotpe';
import { syntheticMo } from '../internal/mo/moFixtures';
import { continueAfterRestore, driveHalfFront, feasibleTrials, halfFrontOptimizer } from '../internal/mo/constrainedMoFixtures';
import { motpeDescriptor } from './motpeModule';
import { expectHypervolumeBeatsRandomSearch } from '../internal/testing/expectHypervolumeBeatsRandomSearch';
import { expectConstrainedRestore } from '../internal/testing/expectConstrainedRestore';
import { describeMoOptimizerBasics } from '../internal/testing/describeMoOptimizerBasics';

describeMoOptimizerBasics(motpeDescriptor, import.meta.url, {
  options: { startupTrials: 6 },
  goldenOptions: {},
  evaluations: 16,
  dtlz2: { options: { startupTrials: 5 }, evaluations: 12 },
  badOptions: [{ gamma: 1.5 }, { candidates: 0 }, { bogus: 1 }],
});

describe('motpe', () => {
  test('the good set is the first front when it fits, thinned by hypervolume when it does not', () => {
    // Front: (0,3) (1,1) (3,0); dominated: (2,2) (4,4).
    const points = Float64Array.from([0, 3, 2, 2, 1, 1, 4, 4, 3, 0]);
    expect([...motpeSplit(points, 2, 3).good]).toEqual([0, 2, 4]);
    expect([...motpeSplit(points, 2, 3).bad]).toEqual([1, 3]);
    expect(motpeSplit(points, 2, 2).good.length).toBe(2);
    const { weights } = motpeSplit(points, 2, 3);
    expect(Math.max(...weights)).toBe(1);
  });

  test('with constraints: feasible rows split as usual, infeasible ones bad, the least violating filling the good group when too few are feasible', () => {
    // Front: (0,3) (1,1) (3,0); dominated: (2,2) (4,4). Rows 0 and 2 break a constraint (by 2 and 1).
    const points = Float64Array.from([0, 3, 2, 2, 1, 1, 4, 4, 3, 0]);
    const violations = [2, 0, 1, 0, 0];
    const two = motpeSplit(points, 2, 2, violations);
    expect([...two.good]).toEqual([1, 4]);
    expect([...two.bad]).toEqual([0, 2, 3]);
    const four = motpeSplit(points, 2, 4, violations);
    expect([...four.good]).toEqual([1, 2, 3, 4]);
    expect(four.weights[1]).toBe(1e-3);
    expect(Math.max(...four.weights)).toBe(1);
    const none = motpeSplit(points, 2, 2, [1, 1, 2, 3, 4]);
    expect([...none.good]).toEqual([0, 1]);
    expect([...none.weights]).toEqual([1, 1]);
    // All feasible: the unconstrained split.
    expect(motpeSplit(points, 2, 3, [0, 0, 0, 0, 0])).toEqual(motpeSplit(points, 2, 3));
  });

  test('with constraints, proposals concentrate on the feasible half of the front', () => {
    const make = () => halfFrontOptimizer(motpeDescriptor, { startupTrials: 10 }, 3);
    const trials = driveHalfFront(make(), 70);
    // Ignoring the constraint, 5 of these 40 are feasible (5 to 18 over seeds 1-8); with it, 24 to 30.
    expect(feasibleTrials(trials, 30)).toBeGreaterThanOrEqual(20);
    const optimizer = make();
    driveHalfFront(optimizer, 15);
    expect(expectConstrainedRestore(make, optimizer, 15, 10, { batch: 2 }).ask(2)).toHaveLength(2);
  });

  test('trials rejected for a broken constraint join the bad group', () => {
    const make = () => halfFrontOptimizer(motpeDescriptor, { startupTrials: 10 }, 3);
    const trials = driveHalfFront(make(), 70, { rejectInfeasible: true });
    // Ignoring rejected trials (only feasible results to split, the front pulls towards x1 = 0), none of
    // these 40 is feasible; with them in g(x), 27.
    expect(feasibleTrials(trials, 30)).toBeGreaterThanOrEqual(22);
    const { original, resumed } = continueAfterRestore(make, 15, 10, { rejectInfeasible: true });
    expect(resumed).toEqual(original);
  });

  test('beats random search on ZDT1 (hypervolume, 80 evaluations)', async () => {
    const benchmark = await syntheticMo('zdt1', 1)();
    await expectHypervolumeBeatsRandomSearch(motpeDescriptor, benchmark, {}, 80, [11, 11]);
  });
});
