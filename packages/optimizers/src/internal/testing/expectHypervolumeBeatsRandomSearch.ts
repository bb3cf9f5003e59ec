import type { Benchmark, OptimizerDescriptor } from '@jahskit/core';
import { makeOptimizer, randomSearch, runHypervolume } from '../mo/moFixtures';
import { expectBeatsRandomSearch, type BeatsRandomSearchResult } from './expectBeatsRandomSearch';

/**
 * The multi-objective optimizers' "beats random search" claim on a benchmark: both arms are scored by
 * the hypervolume of one simulated run with the same budget (and `reference`, see {@link runHypervolume}).
 */
export function expectHypervolumeBeatsRandomSearch(
  descriptor: OptimizerDescriptor,
  benchmark: Benchmark,
  options: unknown,
  budget: number | { simulatedSeconds: number },
  reference?: readonly number[],
): Promise<BeatsRandomSearchResult> {
  return expectBeatsRandomSearch({
    create: (seed) => makeOptimizer(descriptor, benchmark, seed, options),
    randomSearch: (seed) => randomSearch(benchmark, seed),
    score: (make, seed) => runHypervolume(benchmark, make(seed), seed, budget, reference),
    better: 'higher',
  });
}
