import type { Configuration, Rng, SearchSpace } from '@jahskit/core';
import type { ObservationHistory } from './ObservationHistory';

/**
 * A prior sample that `history` has not seen (evaluated, failed or pending): a few tries, after which
 * a repeat is allowed, since in an exhausted space there is nothing new to draw.
 */
export function freshSample(space: SearchSpace, rng: Rng, history: ObservationHistory): Configuration {
  let config = space.sample(rng);
  for (let attempt = 0; attempt < 20 && history.has(config); attempt++) config = space.sample(rng);
  return config;
}
