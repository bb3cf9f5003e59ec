import type { SearchSpace } from '@jahskit/core';
import { CategoricalHyperparameter } from '../hyperparameters/CategoricalHyperparameter';
import { FloatHyperparameter } from '../hyperparameters/FloatHyperparameter';
import type { Hyperparameter } from '../hyperparameters/Hyperparameter';
import { IntegerHyperparameter } from '../hyperparameters/IntegerHyperparameter';
import { ConfigurationSpace } from '../space/ConfigurationSpace';

function hasPrior(hp: Hyperparameter): boolean {
  if (hp instanceof CategoricalHyperparameter) return hp.weights !== undefined;
  return (hp instanceof FloatHyperparameter || hp instanceof IntegerHyperparameter) && hp.prior !== undefined;
}

function uniform(hp: Hyperparameter): Hyperparameter {
  if (!hasPrior(hp)) return hp;
  const labels = { ...(hp.meta === undefined ? {} : { meta: hp.meta }), ...(hp.role === undefined ? {} : { role: hp.role }) };
  if (hp instanceof CategoricalHyperparameter) return new CategoricalHyperparameter(hp.name, hp.choices, { default: hp.default, ...labels });
  if (hp instanceof FloatHyperparameter) {
    return new FloatHyperparameter(hp.name, hp.lower, hp.upper, { log: hp.log, default: hp.default, ...(hp.q === undefined ? {} : { q: hp.q }), ...labels });
  }
  const int = hp as IntegerHyperparameter;
  return new IntegerHyperparameter(int.name, int.lower, int.upper, { log: int.log, default: int.default, ...labels });
}

/**
 * The same space with every prior removed (ConfigSpace's `remove_hyperparameter_priors`): normal and
 * beta parameters become uniform over the same bounds, categorical weights are dropped; bounds,
 * defaults, conditions and forbidden clauses are kept, so its configurations are legal in `space`.
 * A space without priors, or one that is not a `ConfigurationSpace`, is returned as is (so sampling it
 * draws exactly what it drew before).
 */
export function withoutPriors<S extends SearchSpace>(space: S): S | ConfigurationSpace {
  if (!(space instanceof ConfigurationSpace) || !space.hyperparameters.some(hasPrior)) return space;
  return new ConfigurationSpace({
    ...(space.name === undefined ? {} : { name: space.name }),
    parameters: space.hyperparameters.map(uniform),
    conditions: space.conditions,
    forbiddens: space.forbiddens,
  });
}
