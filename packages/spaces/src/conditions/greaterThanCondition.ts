import type { ParamValue } from '@jahskit/core';
import type { ValueCondition } from './Condition';

/** `child` is active iff `parent` is active and its value is greater than `value` (ConfigSpace GT). */
export function greaterThanCondition(child: string, parent: string, value: ParamValue): ValueCondition {
  return Object.freeze({ type: 'GT', child, parent, value });
}
