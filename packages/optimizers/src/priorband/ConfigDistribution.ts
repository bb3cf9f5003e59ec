import type { Configuration, Rng } from '@jahskit/core';

/**
 * A distribution over the configurations of a space that PriorBand draws from and scores with: the
 * prior, and the density around the incumbent. Both must measure alike (numbers as a density on their
 * [0, 1] encoding, categorical and ordinal values as a probability), since PriorBand compares them.
 */
export interface ConfigDistribution {
  sample(rng: Rng): Configuration;
  /** Log density at a legal configuration, summed over its active parameters. */
  logDensity(config: Configuration): number;
  /** The most likely configuration (the prior's centre): what `priorFirst` evaluates. */
  readonly mode: Configuration;
}
