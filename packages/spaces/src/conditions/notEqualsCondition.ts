import type { ParamValue } from '@jahskit/core';
import type { ValueCondition } from './Condition';

/** `child` is active iff `parent` is active and its value is different from `value` (ConfigSpace NEQ). */
export function notEqualsCondition(child: string, parent: string, value: ParamValue): ValueCondition {
  return Object.freeze({ type: 'NEQ', child, parent, value });
}
