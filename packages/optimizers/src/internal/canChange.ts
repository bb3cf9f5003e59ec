import type { ParameterSpec } from '@jahskit/core';

/** Whether a mutation can give this parameter another value: more than one choice, or a non-empty range. */
export function canChange(spec: ParameterSpec): boolean {
  switch (spec.type) {
    case 'categorical':
      return spec.choices.length > 1;
    case 'ordinal':
      return spec.sequence.length > 1;
    case 'constant':
      return false;
    default:
      return spec.upper > spec.lower;
  }
}
