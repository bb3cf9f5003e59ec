import type { Configuration, ParameterSpec, Rng, SearchSpace } from '@jahskit/core';
import { decodeRepaired } from '../internal/mo/decodeRepaired';
import { mutateOneParameter } from '../internal/mutateOneParameter';
import { truncatedNormal } from './CentredDistribution';
import { canChange } from '../internal/canChange';

const LEGAL_TRIES = 16;

/**
 * PriorBand's local search around the incumbent: each active parameter changes with probability
 * `rate` (at least one does, so the incumbent itself is not proposed again): a number to a draw of a
 * normal with standard deviation `sd` around its [0, 1] position, truncated to [0, 1]; an ordinal the
 * same on its positions, rounded; a categorical to another choice, uniformly. Parameters that a change
 * activates are drawn from `fill`; a forbidden result is redrawn, and after a few tries the
 * incumbent's one-parameter mutation is used instead.
 */
export function mutateIncumbent(space: SearchSpace, incumbent: Configuration, rng: Rng, rate: number, sd: number, fill: SearchSpace = space): Configuration {
  const params = space.parameters;
  const base = space.encode(incumbent);
  const mutable: number[] = [];
  for (let j = 0; j < params.length; j++) if (!Number.isNaN(base[j] as number) && canChange(params[j] as ParameterSpec)) mutable.push(j);
  if (mutable.length === 0) return fill.sample(rng);
  for (let attempt = 0; attempt < LEGAL_TRIES; attempt++) {
    const vector = Float64Array.from(base);
    const chosen = mutable.filter(() => rng.bernoulli(rate));
    if (chosen.length === 0) chosen.push(rng.pick(mutable));
    for (const j of chosen) vector[j] = perturb(params[j] as ParameterSpec, vector[j] as number, rng, sd);
    const child = decodeRepaired(fill, vector, rng);
    if (child !== undefined) return space.validate(child);
  }
  return mutateOneParameter(space, incumbent, rng);
}

function perturb(spec: ParameterSpec, v: number, rng: Rng, sd: number): number {
  switch (spec.type) {
    case 'categorical': {
      const other = rng.index(spec.choices.length - 1);
      return other >= v ? other + 1 : other;
    }
    case 'ordinal': {
      const n = spec.sequence.length - 1;
      return Math.round(truncatedNormal(rng, v / n, sd) * n);
    }
    default:
      return truncatedNormal(rng, v, sd);
  }
}
