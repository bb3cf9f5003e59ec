import { describe, expect, test } from 'vitest';
import { syntheticMo } from '../internal/mo/moFixtures';
import { driveHalfFront, feasibleTrials, halfFrontOptimizer } from '../internal/mo/constrainedMoFixtures';
import { shemoaDescriptor } from './shemoaModule';
import { expectHypervolumeBeatsRandomSearch } from '../internal/testing/expectHypervolumeBeatsRandomSearch';
import { expectConstrainedRestore } from '../internal/testing/expectConstrainedRestore';
import { describeMoOptimizerBasics } from '../internal/testing/describeMoOptimizerBasics';

describeMoOptimizerBasics(shemoaDescriptor, import.meta.url, {
  options: { population: 6 },
  badOptions: [{ eta: 1 }, { tournamentSize: 0 }, { bogus: 1 }, { tournamentSize: 4, population: 3 }],
});

describe('shemoa', () => {
  test('with constraints, populations and tournaments prefer feasible members, so new configurations avoid the infeasible half of the front', () => {
    const make = () => halfFrontOptimizer(shemoaDescriptor, { population: 8 }, 3, { fidelity: true });
    const fresh = driveHalfFront(make(), 200, { batch: 4 }).filter((t) => t.continues === undefined);
    // Of the 70 new configurations after the first 40: 0 to 35 are feasible if the constraint is
    // ignored (seeds 1-6), 68 to 72 with it.
    expect(feasibleTrials(fresh, 40)).toBeGreaterThanOrEqual(60);
    const optimizer = make();
    driveHalfFront(optimizer, 45, { batch: 5 });
    expect(expectConstrainedRestore(make, optimizer, 45, 40, { batch: 5 }).ask(2).length).toBeGreaterThan(0);
  });

  // At 3000 s three of 8 seeds have no point inside the reference box yet (p = 0.44); at 9000 s p = 0.014.
  test('beats random search on DTLZ2 (3 objectives) at equal simulated time (hypervolume, 9000 s)', async () => {
    const benchmark = await syntheticMo('dtlz2-3')();
    await expectHypervolumeBeatsRandomSearch(shemoaDescriptor, benchmark, {}, { simulatedSeconds: 9000 });
  });
});
