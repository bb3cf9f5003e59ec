import type { ParamValue } from '@jahskit/core';
import type { ValueCondition } from './Condition';

/** `child` is active iff `parent` is active and its value is equal to `value` (ConfigSpace EQ). */
export function equalsCondition(child: string, parent: string, value: ParamValue): ValueCondition {
  return Object.freeze({ type: 'EQ', child, parent, value });
}
