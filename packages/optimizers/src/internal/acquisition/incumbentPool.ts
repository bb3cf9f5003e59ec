import type { Configuration, Rng, SearchSpace } from '@jahskit/core';
import { NEIGHBOUR_STEP } from '../mutateOneParameter';
import { neighbourhoodPool } from '../neighbourhoodPool';
import type { ObservationHistory } from './ObservationHistory';

/**
 * The acquisition pool of the single-objective model-based optimizers: {@link neighbourhoodPool} of
 * `mutations` mutations of the `incumbents` best results of `history` (feasible first) and `random`
 * prior draws, leaving out what `history` holds (evaluated, failed or pending).
 */
export function incumbentPool(
  space: SearchSpace,
  history: ObservationHistory,
  rng: Rng,
  incumbents: number,
  mutations: number,
  random: number,
): Configuration[] {
  const parents = history.best(incumbents).map((e) => e.config);
  return neighbourhoodPool(space, rng, parents, mutations, random, (key) => history.hasKey(key), NEIGHBOUR_STEP);
}
