import type { Configuration, ParameterSpec, Rng, SearchSpace } from '@jahskit/core';
import { OptimizerError } from '../errors/OptimizerError';

/** The product of a configuration space and a budget coordinate, with the name the coordinate got. */
export interface BudgetSpace extends SearchSpace {
  /** The name of the budget parameter: `$budget`, with more `$` if the space already has that name. */
  readonly budget: string;
}

/**
 * `space` times one float parameter in [0, 1], the normalised log budget: the input of a surrogate
 * over (configuration, budget). A OneHotEncoder of this space gives the budget a column of its own,
 * and so its own ARD length-scale group, while the configuration's columns stay exactly as GP-BO
 * encodes them; the refit schedule (RefittedGp) works on it unchanged.
 */
export function budgetSpace(space: SearchSpace): BudgetSpace {
  let budget = '$budget';
  while (space.parameters.some((p) => p.name === budget)) budget = `$${budget}`;
  const spec: ParameterSpec = { type: 'float', name: budget, lower: 0, upper: 1, log: false, default: 1 };
  const parameters = [...space.parameters, spec];
  const split = (config: Configuration): [Configuration, number] => {
    const { [budget]: t, ...rest } = config;
    return [rest, t as number];
  };
  const checked = (t: unknown): number => {
    if (typeof t !== 'number' || !(t >= 0 && t <= 1)) {
      throw new OptimizerError('invalid-option', `${budget} must be a number in [0, 1], got ${String(t)}`, { parameter: budget, allowed: '[0, 1]' });
    }
    return t;
  };
  const join = (config: Configuration, t: number): Configuration => ({ ...config, [budget]: t });
  return {
    budget,
    parameters,
    sample: (rng: Rng) => join(space.sample(rng), rng.uniform()),
    validate: (config: unknown) => {
      const [rest, t] = split(config as Configuration);
      return join(space.validate(rest), checked(t));
    },
    isActive: (name, config) => name === budget || space.isActive(name, split(config)[0]),
    encode: (config) => {
      const [rest, t] = split(config);
      const inner = space.encode(rest);
      const out = new Float64Array(inner.length + 1);
      out.set(inner);
      out[inner.length] = t;
      return out;
    },
    decode: (vector) => join(space.decode(Array.prototype.slice.call(vector, 0, vector.length - 1) as number[]), vector[vector.length - 1] as number),
    neighbours: (config, rng, count) => {
      const [rest, t] = split(config);
      return space.neighbours(rest, rng, count).map((c) => join(c, t));
    },
    defaultConfiguration: () => join(space.defaultConfiguration(), 1),
    restrict: (fixed) => budgetSpace(space.restrict(split(fixed)[0])),
  };
}
