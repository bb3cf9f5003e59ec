import { validateOptions } from '@jahskit/core';
import { describeOptimizerConformance } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { syntheticMo } from '../internal/mo/moFixtures';
import { driveHalfFront, feasibleTrials, halfFrontContext } from '../internal/mo/constrainedMoFixtures';
import { msehviDescriptor } from './msehviModule';
import { expectHypervolumeBeatsRandomSearch } from '../internal/testing/expectHypervolumeBeatsRandomSearch';
import { expectConstrainedRestore } from '../internal/testing/expectConstrainedRestore';
import { expectMoGoldenTrace } from '../internal/testing/expectMoGoldenTrace';
import { expectOptionErrors } from '../internal/testing/expectOptionErrors';

const zdt1 = syntheticMo('zdt1');
const small = { startupTrials: 5, randomCandidates: 30, mutationCandidates: 10 };

describeOptimizerConformance({ descriptor: msehviDescriptor, benchmark: zdt1, options: small, evaluations: 14 });
describeOptimizerConformance({ descriptor: msehviDescriptor, benchmark: syntheticMo('dtlz2-3'), options: small, evaluations: 10, numRuns: 2 });

describe('msehvi', () => {
  test('golden trace', () => expectMoGoldenTrace(msehviDescriptor, small, import.meta.url));

  test('options are validated with typed errors naming the option', () => {
    expectOptionErrors(msehviDescriptor, { startupTrials: 1 }, { maxModelPoints: 1 }, { bogus: 1 });
  });

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

  describe('with constraints: EHVI over the feasible front, weighted by the probability of feasibility', () => {
    const make = (seed: number) => () =>
      msehviDescriptor.create(
        validateOptions(msehviDescriptor.options, { startupTrials: 8, randomCandidates: 40, mutationCandidates: 20 }, 'msehvi'),
        halfFrontContext(seed),
      );

    // Of the 20 proposals after the first 10: 6 to 13 feasible if the constraint is ignored (seeds 1-4), all 20 with it.
    test('proposals keep to the feasible half of the front', () => {
      expect(feasibleTrials(driveHalfFront(make(2)(), 30), 10)).toBeGreaterThanOrEqual(17);
    });

    // Trials rejected before training (failed, constraint value known) train the constraint model: 17 to 20 feasible.
    test('learns the constraint from rejected trials too', () => {
      expect(feasibleTrials(driveHalfFront(make(2)(), 30, { rejectInfeasible: true }), 10)).toBeGreaterThanOrEqual(15);
    });

    test('state round trip, and a state saved before constraints restores', () => {
      const optimizer = make(3)();
      driveHalfFront(optimizer, 12, { rejectInfeasible: true });
      expect(JSON.stringify(optimizer.state())).toContain('rejected');
      expect(expectConstrainedRestore(make(3), optimizer, 12, 3, { rejectInfeasible: true }).ask(1)).toHaveLength(1);
    });
  });

  test('beats random search on ZDT1 (hypervolume, 40 evaluations)', async () => {
    const benchmark = await syntheticMo('zdt1', 1)();
    await expectHypervolumeBeatsRandomSearch(msehviDescriptor, benchmark, small, 40, [11, 11]);
  });
});
