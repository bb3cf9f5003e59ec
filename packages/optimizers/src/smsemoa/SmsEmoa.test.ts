import { describe, expect, test } from 'vitest';
import { makeOptimizer, runHypervolume, syntheticMo } from '../internal/mo/moFixtures';
import { driveHalfFront, halfFrontOptimizer, halfFrontViolation } from '../internal/mo/constrainedMoFixtures';
import { smsemoaDescriptor } from './smsemoaModule';
import { expectHypervolumeBeatsRandomSearch } from '../internal/testing/expectHypervolumeBeatsRandomSearch';
import { expectConstrainedRestore } from '../internal/testing/expectConstrainedRestore';
import { describeMoOptimizerBasics } from '../internal/testing/describeMoOptimizerBasics';
import { BREEDING_BASICS } from '../internal/mo/moBasicsFixtures';

describeMoOptimizerBasics(smsemoaDescriptor, import.meta.url, BREEDING_BASICS);

describe('smsemoa', () => {
  test('with constraints, the reduction drops infeasible members first, so the population ends feasible where half the front is infeasible', () => {
    const make = () => halfFrontOptimizer(smsemoaDescriptor, { population: 8 }, 5);
    const optimizer = make();
    driveHalfFront(optimizer, 60);
    const state = optimizer.state() as { population: number[]; archive: { entries: { config: Record<string, number> }[] } };
    expect(state.population).toHaveLength(8);
    expect(state.population.every((k) => halfFrontViolation(state.archive.entries[k]!.config) <= 0)).toBe(true);
    expect(expectConstrainedRestore(make, optimizer, 20, 20, { batch: 2 }).ask(2)).toHaveLength(2);
  });

  test('refuses single-objective tasks', async () => {
    const { createSyntheticBenchmark } = await import('@jahskit/benchmarks');
    const b = createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
    expect(() => makeOptimizer(smsemoaDescriptor, b, 1)).toThrow(/two objectives/);
  });

  test('keeps the population at mu and never drops a non-dominated member for a dominated one', async () => {
    const benchmark = await syntheticMo('zdt1', 1)();
    const optimizer = makeOptimizer(smsemoaDescriptor, benchmark, 2, { population: 6 });
    await runHypervolume(benchmark, optimizer, 2, 40, [11, 11]);
    const state = optimizer.state() as { population: number[] };
    expect(state.population).toHaveLength(6);
  });

  test('beats random search on ZDT1 (hypervolume, 150 evaluations)', async () => {
    const benchmark = await syntheticMo('zdt1', 1)();
    await expectHypervolumeBeatsRandomSearch(smsemoaDescriptor, benchmark, { population: 20 }, 150, [11, 11]);
  });
});
