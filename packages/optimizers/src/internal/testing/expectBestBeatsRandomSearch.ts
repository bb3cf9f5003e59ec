import { optimizerContextFor, type Benchmark, type Optimizer, type SimulationBudget } from '@jahskit/core';
import { RandomSearch } from '../../rs/RandomSearch';
import { bestObjectiveScore } from './bestObjectiveScore';
import { expectBeatsRandomSearch, type BeatsRandomSearchResult } from './expectBeatsRandomSearch';

/**
 * The single-objective "beats random search" claim: both arms are scored by {@link bestObjectiveScore}
 * (the best top-fidelity value of one simulated run with `budget` and `workers`).
 */
export function expectBestBeatsRandomSearch(
  create: (seed: number) => Optimizer,
  benchmark: Benchmark,
  budget: SimulationBudget,
  options: { readonly workers?: number; readonly seeds?: readonly number[] } = {},
): Promise<BeatsRandomSearchResult> {
  return expectBeatsRandomSearch({
    create,
    randomSearch: (seed) => new RandomSearch(optimizerContextFor(benchmark, seed)),
    score: bestObjectiveScore(benchmark, budget, options.workers),
    better: 'lower',
    ...(options.seeds !== undefined ? { seeds: options.seeds } : {}),
  });
}
