import type { Configuration, Rng, SearchSpace } from '@jahskit/core';
import { candidateCollector } from './mo/candidateCollector';
import { mutateOneParameter } from './mutateOneParameter';

/**
 * The pool over which an acquisition function is maximised: `mutations` one-parameter mutations
 * dealt round robin over `parents` (the incumbents, or a multi-objective front: each gets its share,
 * where parents picked at random would leave some without candidates), a local search around the best
 * that works on categorical cell spaces where gradient-based acquisition optimisation does not, plus
 * `random` prior draws (global exploration); without configurations for which `exclude` holds (by
 * `configKey`) and without repeats. May be empty if everything is excluded. `sigma` is the mutation's
 * numeric step.
 */
export function neighbourhoodPool(
  space: SearchSpace,
  rng: Rng,
  parents: readonly Configuration[],
  mutations: number,
  random: number,
  exclude: (key: string) => boolean,
  sigma?: number,
): Configuration[] {
  const { offer, candidates } = candidateCollector(space, exclude);
  if (parents.length > 0) for (let t = 0; t < mutations; t++) offer(mutateOneParameter(space, parents[t % parents.length] as Configuration, rng, sigma));
  for (let i = 0; i < random; i++) offer(space.sample(rng));
  return candidates;
}
