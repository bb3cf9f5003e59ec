import type { ParamValue } from '@jahskit/core';
import type { ForbiddenInClause } from './ForbiddenClause';

/** Forbids `name in values`. */
export function forbiddenIn(name: string, values: readonly ParamValue[]): ForbiddenInClause {
  return Object.freeze({ type: 'IN', name, values: Object.freeze([...values]) });
}
