import type { ParamValue } from '@jahskit/core';
import type { InCondition } from './Condition';

/** `child` is active iff `parent` is active and its value is one of `values` (ConfigSpace IN). */
export function inCondition(child: string, parent: string, values: readonly ParamValue[]): InCondition {
  return Object.freeze({ type: 'IN', child, parent, values: Object.freeze([...values]) });
}
