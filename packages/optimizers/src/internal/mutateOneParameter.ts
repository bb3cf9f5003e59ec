import type { Configuration, ParameterSpec, Rng, SearchSpace } from '@jahskit/core';
import { decodeRepaired } from './mo/decodeRepaired';
import { canChange } from './canChange';

/**
 * The step of a numeric parameter that matches the space's own neighbours (`SearchSpace.neighbours`
 * perturbs a number by N(0, 0.2^2) in its [0, 1] encoding); the multi-objective operators take smaller steps.
 */
export const NEIGHBOUR_STEP = 0.2;

/**
 * The one-parameter mutation of every optimizer here (regularised evolution, the acquisition pools,
 * the evolutionary multi-objective operators), in the space's encoding and O(d): an active parameter
 * that can change is chosen uniformly; a categorical moves to another choice (uniformly), an ordinal
 * to an adjacent value (uniformly among the one or two), a number by a Gaussian step of `sigma` in its
 * [0, 1] (log-aware) encoding, reflected at the bounds (an integer that rounds back to its old value
 * moves by one). Parameters the change activates are drawn from the prior; deactivated ones are
 * dropped. Falls back to a prior sample when nothing can change or the child is forbidden.
 *
 * (The space's `neighbours` lists every neighbour of every parameter, which costs far more than one
 * child needs; on categorical and ordinal parameters the draw here is the same as picking a parameter,
 * then one of its neighbours, uniformly.)
 */
export function mutateOneParameter(space: SearchSpace, parent: Configuration, rng: Rng, sigma = 0.1): Configuration {
  const vector = space.encode(parent);
  const params = space.parameters;
  const mutable: number[] = [];
  for (let j = 0; j < params.length; j++) if (!Number.isNaN(vector[j] as number) && canChange(params[j] as ParameterSpec)) mutable.push(j);
  if (mutable.length === 0) return space.sample(rng);
  const j = rng.pick(mutable);
  const spec = params[j] as ParameterSpec;
  const v = vector[j] as number;
  if (spec.type === 'categorical') {
    const other = rng.index(spec.choices.length - 1);
    vector[j] = other >= v ? other + 1 : other;
  } else if (spec.type === 'ordinal') {
    // Drawn from the list of adjacent values (one at either end), as from the space's neighbours.
    const adjacent = v === 0 ? [1] : v === spec.sequence.length - 1 ? [v - 1] : [v - 1, v + 1];
    vector[j] = adjacent[rng.index(adjacent.length)] as number;
  } else if (spec.type === 'integer' || spec.type === 'float') {
    let x = v + rng.normal(0, sigma);
    x = x < 0 ? -x : x;
    x = x > 1 ? 2 - x : x;
    vector[j] = Math.min(1, Math.max(0, x));
  }
  const child = decodeRepaired(space, vector, rng);
  if (child === undefined) return space.sample(rng);
  if (spec.type === 'integer' && child[spec.name] === parent[spec.name]) {
    const old = parent[spec.name] as number;
    const step = old >= spec.upper ? -1 : old <= spec.lower ? 1 : rng.bernoulli(0.5) ? 1 : -1;
    try {
      return space.validate({ ...child, [spec.name]: old + step });
    } catch {
      return child;
    }
  }
  return child;
}
