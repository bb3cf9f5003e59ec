import type { Configuration, Rng, SearchSpace } from '@jahskit/core';
import { logPriorDensity, priorOf } from '@jahskit/spaces';
import type { ConfigDistribution } from './ConfigDistribution';

/** Whether any parameter of `space` carries a prior: a normal or beta number, or weighted choices. */
export function hasPriors(space: SearchSpace): boolean {
  return space.parameters.some((p) => priorOf(p) !== undefined || (p.type === 'categorical' && p.weights !== undefined));
}

/**
 * The space's own priors (normal and beta numbers, categorical weights; uniform elsewhere), as
 * `space.sample` draws them. Its mode is the default configuration, which ConfigSpace puts at a
 * prior's mode unless the space says otherwise.
 */
export class SpacePriorDistribution implements ConfigDistribution {
  readonly mode: Configuration;

  constructor(private readonly space: SearchSpace) {
    this.mode = space.defaultConfiguration();
  }

  sample(rng: Rng): Configuration {
    return this.space.sample(rng);
  }

  logDensity(config: Configuration): number {
    // logPriorDensity leaves ordinals out (their prior is uniform); as a probability each is 1 / n,
    // which the comparison with the incumbent's density (where ordinals are not uniform) needs.
    let total = logPriorDensity(this.space, config);
    for (const p of this.space.parameters) if (p.type === 'ordinal' && config[p.name] !== undefined) total -= Math.log(p.sequence.length);
    return total;
  }
}
