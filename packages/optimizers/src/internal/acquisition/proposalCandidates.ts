import type { Configuration, Rng, SearchSpace } from '@jahskit/core';
import { mutateOneParameter } from '../mutateOneParameter';
import type { ObservationHistory } from './ObservationHistory';

export interface CandidateOptions {
  /** Prior samples. */
  readonly random: number;
  /** Mutations of the incumbents (one parameter changed each, as in regularised evolution). */
  readonly mutations: number;
  /** How many of the best results are mutated (round robin). */
  readonly incumbents: number;
  /** Perturbations the space draws per numeric parameter when mutating. */
  readonly numericNeighbours: number;
}

/**
 * The pool over which an acquisition function is maximised: `mutations` one-parameter mutations of
 * the `incumbents` best results (local search around the best, which works on categorical cell
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
  const parents = history.best(options.incumbents);
  if (parents.length > 0) {
    for (let i = 0; i < options.mutations; i++) {
      const parent = parents[i % parents.length]!;
      add(mutateOneParameter(space, parent.config, rng, options.numericNeighbours));
    }
  }
  for (let i = 0; i < options.random; i++) add(space.sample(rng));
  return out;
}
