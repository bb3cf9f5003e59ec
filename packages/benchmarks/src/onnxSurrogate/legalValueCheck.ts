import type { ParameterSpec } from '@jahskit/core';

/**
 * A predicate for the legal values of one parameter, with the same strictness as
 * `SearchSpace.validate` (numbers for numeric parameters, exact choices for categories), compiled
 * once so that the hot path needs no allocation.
 */
export function legalValueCheck(spec: ParameterSpec): (value: unknown) => boolean {
  switch (spec.type) {
    case 'categorical': {
      const choices = new Set<unknown>(spec.choices);
      return (value) => choices.has(value);
    }
    case 'ordinal': {
      const sequence = new Set<unknown>(spec.sequence);
      return (value) => sequence.has(value);
    }
    case 'constant': {
      const constant = spec.value;
      return (value) => value === constant;
    }
    case 'integer': {
      const { lower, upper } = spec;
      return (value) => typeof value === 'number' && Number.isInteger(value) && value >= lower && value <= upper;
    }
    case 'float': {
      const { lower, upper, q } = spec;
      if (q === undefined) return (value) => typeof value === 'number' && value >= lower && value <= upper;
      return (value) => {
        if (typeof value !== 'number' || !(value >= lower && value <= upper)) return false;
        const k = (value - lower) / q;
        return Math.abs(k - Math.round(k)) < 1e-9 * Math.max(1, Math.abs(k));
      };
    }
  }
}
