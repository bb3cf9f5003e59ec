import type { Configuration, Rng, SearchSpace } from '@jahskit/core';
import { decodeRepaired } from './decodeRepaired';

/**
 * Uniform crossover on a mixed, conditional space: every parameter takes its value from either
 * parent with probability 1/2 (from the other one when the chosen parent does not have it).
 * Conditions are then repaired through the space's decoder: parameters inactive under the child's
 * values are dropped, newly active ones that neither parent has are drawn from the prior. If the
 * result is illegal (a forbidden clause), the first parent is returned unchanged, so the caller's
 * mutation step makes the child new.
 */
export function uniformCrossover(space: SearchSpace, a: Configuration, b: Configuration, rng: Rng): Configuration {
  const va = space.encode(a);
  const vb = space.encode(b);
  for (let j = 0; j < va.length; j++) {
    const fromB = rng.bernoulli(0.5);
    const x = fromB ? (vb[j] as number) : (va[j] as number);
    const y = fromB ? (va[j] as number) : (vb[j] as number);
    va[j] = Number.isNaN(x) ? y : x;
  }
  return decodeRepaired(space, va, rng) ?? a;
}
