import { Rng, type Configuration } from '@jahskit/core';
import { JAHS_HPO_FIXED, JAHS_NAS_FIXED, jahsSpace } from '@jahskit/spaces';

/**
 * The part of one random joint JAHS configuration that a variant fixes: the hyperparameters for
 * 'nas', the cell for 'hpo'. It is the JAHS paper's baseline of NAS-only search under a random
 * hyperparameter setting per seed, and HPO-only search under a random architecture per seed:
 * pass it as the benchmark option `fixed` with the same `variant`.
 *
 * Both variants read the same sample for a seed, so seed s compares NAS-only and HPO-only around
 * one joint configuration. `seed` is an integer in [0, 2^32).
 */
export function randomJahsFixed(variant: 'nas' | 'hpo', seed: number): Configuration {
  const sample = jahsSpace().sample(Rng.seeded(seed).stream('jahs-fixed'));
  const names = Object.keys(variant === 'nas' ? JAHS_NAS_FIXED : JAHS_HPO_FIXED);
  // Only active parameters are in a sample; JAHS has no conditions, but a fixed value must never be undefined.
  return Object.fromEntries(names.filter((name) => name in sample).map((name) => [name, sample[name]!]));
}
