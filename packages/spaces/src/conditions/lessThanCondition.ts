import type { ParamValue } from '@jahskit/core';
import type { ValueCondition } from './Condition';

/** `child` is active iff `parent` is active and its value is less than `value` (ConfigSpace LT). */
export function lessThanCondition(child: string, parent: string, value: ParamValue): ValueCondition {
  return Object.freeze({ type: 'LT', child, parent, value });
}
