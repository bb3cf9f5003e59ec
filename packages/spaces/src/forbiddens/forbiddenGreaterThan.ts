import type { ForbiddenRelationClause } from './ForbiddenClause';

/** Forbids `left > right` when both are active (ConfigSpace RELATION GREATER). */
export function forbiddenGreaterThan(left: string, right: string): ForbiddenRelationClause {
  return Object.freeze({ type: 'RELATION', relation: 'GREATER', left, right });
}
