import type { Configuration, Rng, SearchSpace } from '@jahskit/core';
import { mutateOneParameter, NEIGHBOUR_STEP } from '../mutateOneParameter';
import type { ObservationHistory } from './ObservationHistory';

export interface CandidateOptions {
  /** Prior samples. */
  readonly random: number;
  /** One-parameter mutations of the incumbents (as in regularised evolution). */
  readonly mutations: number;
  /** How many of the best results are mutated (round robin). */
  readonly incumbents: number;
}

/**
 * The pool over which an acquisition function is maximised: `mutations` one-parameter mutations of
 * the `incumbents` best results, dealt round robin (local search around the best, which works on
 * categorical cell spaces where gradient-based acquisition optimisation does not), plus `random`
 * prior samples (global exploration). Configurations already evaluated, failed, pending or drawn
 * twice are dropped, so the pool may be smaller than asked (even empty when the space is exhausted).
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
  const parents = history.best(options.incumbents);
  if (parents.length > 0) {
    for (let i = 0; i < options.mutations; i++) add(mutateOneParameter(space, parents[i % parents.length]!.config, rng, NEIGHBOUR_STEP));
  }
  for (let i = 0; i < options.random; i++) add(space.sample(rng));
  return out;
}
