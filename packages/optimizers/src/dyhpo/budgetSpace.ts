import type { Configuration, ParameterSpec, Rng, SearchSpace } from '@jahskit/core';
import { OptimizerError } from '../errors/OptimizerError';

/** The product of a configuration space and a budget coordinate, with the name the coordinate got. */
export interface BudgetSpace extends SearchSpace {
  /** The name of the budget parameter: `$budget`, with more `$` if the space already has that name. */
  readonly budget: string;
  /** The name of the learning-curve parameter (`$curve`, with more `$` on a clash), when the space has one. */
  readonly curve: string | undefined;
  /** The inner space restricted, with the same budget and curve coordinates. */
  restrict(fixed: Configuration): BudgetSpace;
}

/** The value of the learning-curve coordinate where there is no curve yet (the lowest rung): its middle. */
export const NO_CURVE = 0.5;

/** `base` with as many `$` in front as it takes to be no parameter name of `space`. */
function freeName(space: SearchSpace, base: string): string {
  let name = base;
  while (space.parameters.some((p) => p.name === name)) name = `$${name}`;
  return name;
}

/**
 * `space` times one float parameter in [0, 1], the normalised log budget: the input of a surrogate
 * over (configuration, budget). A OneHotEncoder of this space gives the budget a column of its own,
 * and so its own ARD length-scale group, while the configuration's columns stay exactly as GP-BO
 * encodes them; the refit schedule (RefittedGp) works on it unchanged.
 *
 * With `curve`, one more float in [0, 1] comes before the budget: a summary of the configuration's
 * learning curve below the budget (DyHPO's kernel sees the curve as well as the configuration and the
 * budget), with a length scale of its own too.
 */
export function budgetSpace(space: SearchSpace, options: { readonly curve?: boolean } = {}): BudgetSpace {
  const curve = options.curve === true ? freeName(space, '$curve') : undefined;
  const budget = freeName(space, '$budget');
  const added = curve === undefined ? [budget] : [curve, budget];
  const unit = (name: string, fallback: number): ParameterSpec => ({ type: 'float', name, lower: 0, upper: 1, log: false, default: fallback });
  const parameters = [...space.parameters, ...(curve === undefined ? [] : [unit(curve, NO_CURVE)]), unit(budget, 1)];
  const split = (config: Configuration): [Configuration, number[]] => {
    const rest: Record<string, Configuration[string]> = { ...config };
    const coordinates = added.map((name) => {
      const t = rest[name];
      delete rest[name];
      return t as number;
    });
    return [rest, coordinates];
  };
  const checked = (t: unknown, name: string): number => {
    if (typeof t !== 'number' || !(t >= 0 && t <= 1)) {
      throw new OptimizerError('invalid-option', `${name} must be a number in [0, 1], got ${String(t)}`, { parameter: name, allowed: '[0, 1]' });
    }
    return t;
  };
  const join = (config: Configuration, coordinates: readonly number[]): Configuration => {
    const out: Record<string, Configuration[string]> = { ...config };
    added.forEach((name, i) => (out[name] = coordinates[i] as number));
    return out;
  };
  return {
    budget,
    curve,
    parameters,
    sample: (rng: Rng) =>
      join(
        space.sample(rng),
        added.map(() => rng.uniform()),
      ),
    validate: (config: unknown) => {
      const [rest, coordinates] = split(config as Configuration);
      return join(
        space.validate(rest),
        coordinates.map((t, i) => checked(t, added[i] as string)),
      );
    },
    isActive: (name, config) => added.includes(name) || space.isActive(name, split(config)[0]),
    encode: (config) => {
      const [rest, coordinates] = split(config);
      const inner = space.encode(rest);
      const out = new Float64Array(inner.length + added.length);
      out.set(inner);
      out.set(coordinates, inner.length);
      return out;
    },
    decode: (vector) => {
      const cut = vector.length - added.length;
      return join(space.decode(Array.prototype.slice.call(vector, 0, cut) as number[]), Array.prototype.slice.call(vector, cut) as number[]);
    },
    neighbours: (config, rng, count) => {
      const [rest, coordinates] = split(config);
      return space.neighbours(rest, rng, count).map((c) => join(c, coordinates));
    },
    defaultConfiguration: () => join(space.defaultConfiguration(), curve === undefined ? [1] : [NO_CURVE, 1]),
    restrict: (fixed) => budgetSpace(space.restrict(split(fixed)[0]), options),
  };
}
