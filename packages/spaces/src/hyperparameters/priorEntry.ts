import type { NumericPrior } from '../priors/NumericPrior';

/**
 * The `prior` entry of a numeric spec: present only when set, so the specs of uniform parameters stay
 * as they were. Core's `ParameterSpec` does not declare it; read it with `priorOf(spec)`.
 */
export function priorEntry(prior: NumericPrior | undefined): { readonly prior?: NumericPrior } {
  return prior === undefined ? {} : { prior };
}
