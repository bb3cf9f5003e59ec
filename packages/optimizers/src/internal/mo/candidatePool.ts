import type { Configuration, Rng, SearchSpace } from '@jahskit/core';
import { candidateCollector } from './candidateCollector';
import { mutateOneParameter } from '../mutateOneParameter';

/**
 * The candidates an acquisition function is maximised over (model-based methods on mixed spaces):
 * `random` prior draws plus `mutations` one-parameter mutations of randomly chosen `parents` (local
 * search around the incumbents), without configurations for which `exclude` holds and without
 * repeats. May be empty if everything is excluded.
 */
export function candidatePool(
  space: SearchSpace,
  rng: Rng,
  random: number,
  mutations: number,
  parents: readonly Configuration[],
  exclude: (key: string) => boolean,
): Configuration[] {
  const { offer, candidates } = candidateCollector(space, exclude);
  for (let i = 0; i < random; i++) offer(space.sample(rng));
  if (parents.length > 0) for (let i = 0; i < mutations; i++) offer(mutateOneParameter(space, rng.pick(parents), rng));
  return candidates;
}
