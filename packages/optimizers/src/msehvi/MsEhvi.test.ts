import { validateOptions } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { syntheticMo } from '../internal/mo/moFixtures';
import { halfFrontOptimizer } from '../internal/mo/constrainedMoFixtures';
import { msehviDescriptor } from './msehviModule';
import { expectHypervolumeBeatsRandomSearch } from '../internal/testing/expectHypervolumeBeatsRandomSearch';
import { describeConstrainedMoModel } from '../internal/testing/describeConstrainedMoModel';
import { describeMoOptimizerBasics } from '../internal/testing/describeMoOptimizerBasics';
import { GP_MO_BASICS, GP_MO_SMALL } from '../internal/mo/moBasicsFixtures';

const zdt1 = syntheticMo('zdt1');
describeMoOptimizerBasics(msehviDescriptor, import.meta.url, GP_MO_BASICS);

describe('msehvi', () => {
  test('cheap objectives are computed exactly, not modelled', async () => {
    const benchmark = await zdt1();
    const objectives = [benchmark.objectives[0]!, { ...benchmark.objectives[1]!, cheap: true }];
    let calls = 0;
    const cheapObjectives = (config: Record<string, unknown>): Record<string, number> => {
      calls++;
      return { f2: 1 - Math.sqrt(config['x1'] as number) };
    };
    const optimizer = msehviDescriptor.create(
      validateOptions(msehviDescriptor.options, { startupTrials: 4, randomCandidates: 20, mutationCandidates: 5 }, 'msehvi'),
      { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives, seed: 1, cheapObjectives: cheapObjectives as never },
    );
    const first = optimizer.ask(4);
    optimizer.tell(first.map((trial, i) => ({ trial, status: 'ok' as const, values: [i, 4 - i], metrics: {}, cost: 1, constraints: [] })));
    optimizer.ask(1);
    expect(calls).toBeGreaterThanOrEqual(20);
  });

  describeConstrainedMoModel('EHVI over the feasible front', {
    make: (seed) => halfFrontOptimizer(msehviDescriptor, { startupTrials: 8, randomCandidates: 40, mutationCandidates: 20 }, seed),
    // 6 to 13 feasible if the constraint is ignored (seeds 1-4), all 20 with it; 17 to 20 when rejected trials train the constraint model.
    proposals: { seed: 2, feasible: 17, feasibleWhenRejected: 15 },
    state: { trials: 12, replay: 3, expectConstraintModel: (state) => expect(JSON.stringify(state)).toContain('rejected') },
  });

  test('beats random search on ZDT1 (hypervolume, 40 evaluations)', async () => {
    const benchmark = await syntheticMo('zdt1', 1)();
    await expectHypervolumeBeatsRandomSearch(msehviDescriptor, benchmark, GP_MO_SMALL, 40, [11, 11]);
  });
});
