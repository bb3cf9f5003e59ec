import { categorical, ConfigurationSpace, equalsCondition, float, integer } from '@jahskit/spaces';
import { Rng } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { makeOptimizer, syntheticMo } from '../internal/mo/moFixtures';
import { driveHalfFront, halfFrontOptimizer, halfFrontViolation } from '../internal/mo/constrainedMoFixtures';
import { uniformCrossover } from '../internal/mo/uniformCrossover';
import { nsga2Descriptor } from './nsga2Module';
import { expectHypervolumeBeatsRandomSearch } from '../internal/testing/expectHypervolumeBeatsRandomSearch';
import { expectConstrainedRestore } from '../internal/testing/expectConstrainedRestore';
import { describeMoOptimizerBasics } from '../internal/testing/describeMoOptimizerBasics';
import { BREEDING_BASICS } from '../internal/mo/moBasicsFixtures';

describeMoOptimizerBasics(nsga2Descriptor, import.meta.url, BREEDING_BASICS);

describe('nsga2', () => {
  test('with constraints, survival keeps feasible parents where half the front is infeasible, and tournaments prefer them', () => {
    const make = () => halfFrontOptimizer(nsga2Descriptor, { population: 8 }, 5);
    const optimizer = make();
    const trials = driveHalfFront(optimizer, 80);
    const state = optimizer.state() as { parents: number[]; archive: { entries: { config: Record<string, number> }[] } };
    expect(state.parents.every((k) => halfFrontViolation(state.archive.entries[k]!.config) <= 0)).toBe(true);
    // Children of feasible parents are mostly feasible.
    expect(trials.slice(40).filter((t) => halfFrontViolation(t.config) <= 0).length).toBeGreaterThan(30);
    expect(expectConstrainedRestore(make, optimizer, 30, 20, { batch: 3 }).ask(2)).toHaveLength(2);
  });

  test('refuses single-objective tasks', async () => {
    const { createSyntheticBenchmark } = await import('@jahskit/benchmarks');
    const b = createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
    expect(() => makeOptimizer(nsga2Descriptor, b, 1)).toThrow(/two objectives/);
  });

  test('uniform crossover repairs conditions: children are legal', () => {
    const space = new ConfigurationSpace({
      name: 'cond',
      parameters: [categorical('kind', ['a', 'b']), float('x', 0, 1), integer('n', 1, 64, { log: true })],
      conditions: [equalsCondition('x', 'kind', 'a')],
    });
    const rng = Rng.seeded(3);
    for (let i = 0; i < 200; i++) {
      const child = uniformCrossover(space, space.sample(rng), space.sample(rng), rng);
      expect(space.validate(child)).toEqual(child);
      expect('x' in child).toBe(child['kind'] === 'a');
    }
  });

  test('beats random search on ZDT1 (hypervolume, 150 evaluations)', async () => {
    const benchmark = await syntheticMo('zdt1', 1)();
    await expectHypervolumeBeatsRandomSearch(nsga2Descriptor, benchmark, { population: 20 }, 150, [11, 11]);
  });
});
