import type { Configuration, SearchSpace } from '@jahskit/core';
import { CategoricalHyperparameter } from '../hyperparameters/CategoricalHyperparameter';
import { NumericalHyperparameter } from '../hyperparameters/NumericalHyperparameter';
import { ConfigurationSpace } from '../space/ConfigurationSpace';

/**
 * Log density of the space's priors at `config`, summed over its active parameters: a numeric
 * parameter contributes its prior's log density on the vector scale (the normalised position, so 0
 * when uniform), a categorical the log of its normalised weight (of 1 / choices when unweighted);
 * other parameters contribute nothing. 0 for a space that is not a `ConfigurationSpace`. This is the
 * pi(x) of prior-guided optimizers (piBO).
 */
export function logPriorDensity(space: SearchSpace, config: Configuration): number {
  if (!(space instanceof ConfigurationSpace)) return 0;
  let total = 0;
  for (const hp of space.hyperparameters) {
    const value = config[hp.name];
    if (value === undefined) continue;
    if (hp instanceof NumericalHyperparameter) total += hp.logPrior(value);
    else if (hp instanceof CategoricalHyperparameter) total += hp.logPrior(value);
  }
  return total;
}
