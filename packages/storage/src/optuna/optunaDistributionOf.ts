import type { ParameterSpec, ParamValue } from '@jahskit/core';
import { decimalGridTop } from './decimalGridTop';
import type { OptunaDistribution } from './OptunaDistribution';

/**
 * The Optuna distribution that holds a jahskit parameter's values, and the internal value Optuna stores
 * for each (`to_internal_repr`: the index for a categorical, the number itself otherwise; undefined
 * for a value the parameter does not hold).
 *
 * Optuna has no ordinal or constant type: both become categoricals, an ordinal losing its order. A
 * FloatDistribution cannot be both log-scaled and stepped, so a log float with `q` is written without
 * its step (its values, already on the grid, stay legal).
 */
export function optunaDistributionOf(spec: ParameterSpec): {
  readonly distribution: OptunaDistribution;
  readonly internal: (value: ParamValue) => number | undefined;
} {
  switch (spec.type) {
    case 'float': {
      const step = spec.q !== undefined && !spec.log ? spec.q : null;
      const high = step === null ? spec.upper : decimalGridTop(spec.lower, spec.upper, step);
      return {
        distribution: { kind: 'float', low: spec.lower, high, log: spec.log, step },
        internal: (value) => (typeof value === 'number' ? value : undefined),
      };
    }
    case 'integer':
      return {
        distribution: { kind: 'int', low: spec.lower, high: spec.upper, log: spec.log, step: 1 },
        internal: (value) => (typeof value === 'number' && Number.isInteger(value) ? value : undefined),
      };
    case 'categorical':
      return choices(spec.choices);
    case 'ordinal':
      return choices(spec.sequence);
    case 'constant':
      return choices([spec.value]);
  }
}

function choices(values: readonly ParamValue[]): { readonly distribution: OptunaDistribution; readonly internal: (value: ParamValue) => number | undefined } {
  return {
    distribution: { kind: 'categorical', choices: values },
    internal: (value) => {
      const index = values.indexOf(value);
      return index < 0 ? undefined : index;
    },
  };
}
