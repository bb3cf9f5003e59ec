import type { Configuration, Rng, SearchSpace } from '@jahskit/core';
import { groupNeighboursByParameter } from '../mutateOneParameter';
import type { ObservationHistory } from './ObservationHistory';

export interface CandidateOptions {
  /** Prior samples. */
  readonly random: number;
  /** Mutations of the incumbents (one parameter changed each, as in regularised evolution). */
  readonly mutations: number;
  /** How many of the best results are mutated (round robin). */
  readonly incumbents: number;
  /** Perturbations the space draws per numeric parameter of each incumbent. */
  readonly numericNeighbours: number;
}

/**
 * The pool over which an acquisition function is maximised: `mutations` one-parameter mutations of
 * the `incumbents` best results (drawn from each incumbent's `space.neighbours`) (local search around the best, which works on categorical cell
 * spaces where gradient-based acquisition optimisation does not) plus `random` prior samples
 * (global exploration). Configurations already evaluated, failed, pending or drawn twice are
 * dropped, so the pool may be smaller than asked (even empty when the space is exhausted).
 */
export function proposalCandidates(space: SearchSpace, history: ObservationHistory, rng: Rng, options: CandidateOptions): Configuration[] {
  const out: Configuration[] = [];
  const keys = new Set<string>();
  const add = (config: Configuration): void => {
    const key = history.key(config);
    if (keys.has(key) || history.has(config)) return;
    keys.add(key);
    out.push(config);
  };
  // The neighbourhood of each incumbent is computed once (space.neighbours is the costly part) and
  // mutations are drawn from it: a parameter uniformly, then one of its neighbouring values.
  const neighbourhoods = history
    .best(options.incumbents)
    .map((parent) => groupNeighboursByParameter(space, parent.config, space.neighbours(parent.config, rng, options.numericNeighbours)))
    .filter((groups) => groups.length > 0);
  if (neighbourhoods.length > 0) {
    for (let i = 0; i < options.mutations; i++) {
      const groups = neighbourhoods[i % neighbourhoods.length]!;
      add(rng.pick(rng.pick(groups)));
    }
  }
  for (let i = 0; i < options.random; i++) add(space.sample(rng));
  return out;
}
