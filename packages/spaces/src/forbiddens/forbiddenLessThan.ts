import type { ForbiddenRelationClause } from './ForbiddenClause';

/** Forbids `left < right` when both are active (ConfigSpace RELATION LESS). */
export function forbiddenLessThan(left: string, right: string): ForbiddenRelationClause {
  return Object.freeze({ type: 'RELATION', relation: 'LESS', left, right });
}
