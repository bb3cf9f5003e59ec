import type { ParameterSpec } from '@jahskit/core';
import type { NumericPrior } from './NumericPrior';

/**
 * The numeric prior a spec carries (`spec.prior`, set by integer and float parameters of
 * `@jahskit/spaces` that have one), or undefined: uniform. Core's `ParameterSpec` does not declare
 * the field, so consumers of plain specs read it through this.
 */
export function priorOf(spec: ParameterSpec): NumericPrior | undefined {
  if (spec.type !== 'integer' && spec.type !== 'float') return undefined;
  return (spec as { readonly prior?: NumericPrior }).prior;
}
