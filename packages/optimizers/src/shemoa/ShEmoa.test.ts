import { validateOptions } from '@jahskit/core';
import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { makeOptimizer, randomSearch, runHypervolume, syntheticMo } from '../internal/mo/moFixtures';
import { continueAfterRestore, driveHalfFront, feasibleTrials, halfFrontContext, withoutConstraintFields } from '../internal/mo/constrainedMoFixtures';
import { shemoaDescriptor } from './shemoaModule';
import { expectBeatsRandomSearch } from '../internal/testing/expectBeatsRandomSearch';

const zdt1 = syntheticMo('zdt1');

describeOptimizerConformance({ descriptor: shemoaDescriptor, benchmark: zdt1, options: { population: 6 }, evaluations: 30 });
describeOptimizerConformance({ descriptor: shemoaDescriptor, benchmark: syntheticMo('dtlz2-3'), options: { population: 6 }, evaluations: 20 });

describe('shemoa', () => {
  test('golden trace', async () => {
    const benchmark = await zdt1();
    await expectGoldenTrace({ benchmark, optimizer: makeOptimizer(shemoaDescriptor, benchmark, 1, { population: 6 }), seed: 1, evaluations: 30, file: new URL('./__golden__/shemoa.json', import.meta.url).pathname });
  });

  test('options are validated with typed errors naming the option', async () => {
    const benchmark = await zdt1();
    expect(() => validateOptions(shemoaDescriptor.options, { eta: 1 }, 'shemoa')).toThrow(/eta/);
    expect(() => validateOptions(shemoaDescriptor.options, { tournamentSize: 0 }, 'shemoa')).toThrow(/tournamentSize/);
    expect(() => validateOptions(shemoaDescriptor.options, { bogus: 1 }, 'shemoa')).toThrow(/bogus/);
    expect(() => makeOptimizer(shemoaDescriptor, benchmark, 1, { population: 3, tournamentSize: 4 })).toThrow(/tournamentSize/);
  });

  test('needs a fidelity', async () => {
    const benchmark = await syntheticMo('zdt1', 1)();
    expect(() => makeOptimizer(shemoaDescriptor, benchmark, 1)).toThrow(/fidelity/);
  });

  test('promotions continue earlier trials and use higher fidelities', async () => {
    const benchmark = await zdt1();
    const optimizer = makeOptimizer(shemoaDescriptor, benchmark, 3, { population: 6 });
    const trials = optimizer.ask(100);
    expect(trials.every((t) => t.continues === undefined)).toBe(true);
    optimizer.tell(trials.map((trial, i) => ({ trial, status: 'ok' as const, values: [i % 7, 7 - (i % 7) + i / 100], metrics: {}, cost: 1, constraints: [] })));
    const next = optimizer.ask(100);
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((t) => t.continues !== undefined && (t.fidelity['epoch'] as number) > (trials[0]!.fidelity['epoch'] as number))).toBe(true);
  });

  test('with constraints, populations and tournaments prefer feasible members, so new configurations avoid the infeasible half of the front', () => {
    const make = () => shemoaDescriptor.create(validateOptions(shemoaDescriptor.options, { population: 8 }, 'shemoa'), halfFrontContext(3, { fidelity: true }));
    const fresh = driveHalfFront(make(), 200, { batch: 4 }).filter((t) => t.continues === undefined);
    // Of the 70 new configurations after the first 40: 0 to 35 are feasible if the constraint is
    // ignored (seeds 1-6), 68 to 72 with it.
    expect(feasibleTrials(fresh, 40)).toBeGreaterThanOrEqual(60);
    const { original, resumed } = continueAfterRestore(make, 45, 40, { batch: 5 });
    expect(resumed).toEqual(original);
    const optimizer = make();
    driveHalfFront(optimizer, 45, { batch: 5 });
    const restored = make();
    restored.restore(withoutConstraintFields(optimizer.state()));
    expect(restored.ask(2).length).toBeGreaterThan(0);
  });

  // At 3000 s three of 8 seeds have no point inside the reference box yet (p = 0.44); at 9000 s p = 0.014.
  test('beats random search on DTLZ2 (3 objectives) at equal simulated time (hypervolume, 9000 s)', async () => {
    const benchmark = await syntheticMo('dtlz2-3')();
    await expectBeatsRandomSearch({
      create: (seed) => makeOptimizer(shemoaDescriptor, benchmark, seed),
      randomSearch: (seed) => randomSearch(benchmark, seed),
      score: (make, seed) => runHypervolume(benchmark, make(seed), seed, { simulatedSeconds: 9000 }),
      better: 'higher',
    });
  });
});
