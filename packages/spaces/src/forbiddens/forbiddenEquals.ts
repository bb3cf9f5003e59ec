import type { ParamValue } from '@jahskit/core';
import type { ForbiddenEqualsClause } from './ForbiddenClause';

/** Forbids `name == value`. */
export function forbiddenEquals(name: string, value: ParamValue): ForbiddenEqualsClause {
  return Object.freeze({ type: 'EQUALS', name, value });
}
