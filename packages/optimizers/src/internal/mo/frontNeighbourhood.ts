import type { Configuration, Rng, SearchSpace } from '@jahskit/core';
import { candidateCollector } from './candidateCollector';
import { mutateOneParameter } from '../mutateOneParameter';

/**
 * Candidates for an acquisition function on a multi-objective front: `mutations` one-parameter
 * mutations dealt round-robin over the front members, so each gets its share (members picked at
 * random leave parts of a long front without candidates in a given proposal), plus `random` prior
 * draws; without configurations for which `exclude` holds and without repeats. May be empty if
 * everything is excluded.
 */
export function frontNeighbourhood(space: SearchSpace, rng: Rng, front: readonly Configuration[], mutations: number, random: number, exclude: (key: string) => boolean): Configuration[] {
  const { offer, candidates } = candidateCollector(space, exclude);
  if (front.length > 0) for (let t = 0; t < mutations; t++) offer(mutateOneParameter(space, front[t % front.length] as Configuration, rng));
  for (let i = 0; i < random; i++) offer(space.sample(rng));
  return candidates;
}
