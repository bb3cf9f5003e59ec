import { describe, expect, test } from 'vitest';
import { makeOptimizer, syntheticMo } from '../internal/mo/moFixtures';
import { driveHalfFront, feasibleTrials, halfFrontOptimizer } from '../internal/mo/constrainedMoFixtures';
import { paregoDescriptor } from './paregoModule';
import { expectCellTaskBeatsRandomSearch } from '../internal/testing/expectCellTaskBeatsRandomSearch';
import { expectConstrainedRestore } from '../internal/testing/expectConstrainedRestore';
import { describeMoOptimizerBasics } from '../internal/testing/describeMoOptimizerBasics';
import { GP_MO_BASICS } from '../internal/mo/moBasicsFixtures';

const zdt1 = syntheticMo('zdt1');
describeMoOptimizerBasics(paregoDescriptor, import.meta.url, GP_MO_BASICS);

describe('parego', () => {
  test('with constraints, infeasible results rank after feasible ones in the scalarised values, so proposals keep to the feasible half of the front', () => {
    const make = () => halfFrontOptimizer(paregoDescriptor, { startupTrials: 8, randomCandidates: 40, mutationCandidates: 20 }, 2);
    const optimizer = make();
    const trials = driveHalfFront(optimizer, 40);
    // Of the 30 proposals after the first 10: 4 to 10 feasible if the constraint is ignored (seeds 1-5), 28 or 29 with it.
    expect(feasibleTrials(trials, 10)).toBeGreaterThanOrEqual(24);
    expect(expectConstrainedRestore(make, optimizer, 12, 4).ask(1)).toHaveLength(1);
  });

  test("the simplex lattice has the paper's sizes", async () => {
    const { simplexLattice } = await import('../internal/mo/simplexWeights');
    expect(simplexLattice(2, 10)).toHaveLength(11);
    expect(simplexLattice(3, 4)).toHaveLength(15);
    for (const w of simplexLattice(3, 4)) expect(w.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
  });

  // Found by packages/cli/src/fuzz/options.fuzz.test.ts: latticeSize 1e9 listed a billion weight vectors.
  test('a lattice of more than 100,000 weight vectors is an option error naming latticeSize, before it is built', async () => {
    const benchmark = await zdt1();
    const start = performance.now();
    expect(() => makeOptimizer(paregoDescriptor, benchmark, 1, { latticeSize: 1_000_000_000 })).toThrow(
      expect.objectContaining({ kind: 'invalid-option', parameter: 'latticeSize' }),
    );
    expect(() => makeOptimizer(paregoDescriptor, benchmark, 1, { latticeSize: 100_000 })).toThrow(/latticeSize/);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(() => makeOptimizer(paregoDescriptor, benchmark, 1, { latticeSize: 99_999 })).not.toThrow();
    // Dirichlet weights use no lattice.
    expect(() => makeOptimizer(paregoDescriptor, benchmark, 1, { latticeSize: 1_000_000_000, weights: 'dirichlet' })).not.toThrow();
  });

  test('beats random search on a NAS-like cell task (error vs size; hypervolume, 40 evaluations)', async () => {
    await expectCellTaskBeatsRandomSearch(paregoDescriptor, {}, 40);
  });
});
