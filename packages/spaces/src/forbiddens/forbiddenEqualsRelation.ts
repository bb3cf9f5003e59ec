import type { ForbiddenRelationClause } from './ForbiddenClause';

/** Forbids `left == right` when both are active (ConfigSpace RELATION EQUALS). */
export function forbiddenEqualsRelation(left: string, right: string): ForbiddenRelationClause {
  return Object.freeze({ type: 'RELATION', relation: 'EQUALS', left, right });
}
