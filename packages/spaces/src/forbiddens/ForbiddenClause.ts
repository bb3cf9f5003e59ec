import type { ParamValue } from '@jahskit/core';

/** Forbids `name == value` (ConfigSpace ForbiddenEqualsClause, JSON type EQUALS). */
export type ForbiddenEqualsClause = { readonly type: 'EQUALS'; readonly name: string; readonly value: ParamValue };

/** Forbids `name in values` (ConfigSpace ForbiddenInClause, JSON type IN). */
export type ForbiddenInClause = { readonly type: 'IN'; readonly name: string; readonly values: readonly ParamValue[] };

/**
 * Forbids `left < right`, `left == right` or `left > right` between two parameters' values
 * (ConfigSpace ForbiddenLessThanRelation / ForbiddenEqualsRelation / ForbiddenGreaterThanRelation,
 * JSON type RELATION with `lambda` LESS / EQUALS / GREATER).
 */
export type ForbiddenRelationClause = {
  readonly type: 'RELATION';
  readonly relation: 'LESS' | 'EQUALS' | 'GREATER';
  readonly left: string;
  readonly right: string;
};

/** Forbids configurations matching all of `clauses` (ConfigSpace ForbiddenAndConjunction, JSON type AND). */
export type ForbiddenAndClause = { readonly type: 'AND'; readonly clauses: readonly ForbiddenClause[] };

/**
 * A forbidden clause as plain data. A clause only matches when every parameter it mentions is
 * active (as in ConfigSpace, an inactive parameter never equals anything).
 */
export type ForbiddenClause = ForbiddenEqualsClause | ForbiddenInClause | ForbiddenRelationClause | ForbiddenAndClause;

export type ForbiddenType = ForbiddenClause['type'];
