import type { ParameterSpec } from './ParameterSpec';
import type { ParamValue } from './Configuration';

/** The values a choice or constant parameter lists, in its own order; undefined for a numeric one (a range, not a list). */
export function listedValues(spec: ParameterSpec): readonly ParamValue[] | undefined {
  switch (spec.type) {
    case 'categorical':
      return spec.choices;
    case 'ordinal':
      return spec.sequence;
    case 'constant':
      return [spec.value];
    case 'integer':
    case 'float':
      return undefined;
  }
}
