import { SpaceError } from '../errors/SpaceError';
import type { ForbiddenAndClause, ForbiddenClause } from './ForbiddenClause';

/** Forbids configurations matching all of `clauses`: `forbiddenAnd(forbiddenEquals('a', 1), forbiddenIn('b', ['x', 'y']))`. */
export function forbiddenAnd(...clauses: readonly ForbiddenClause[]): ForbiddenAndClause {
  if (clauses.length === 0) throw new SpaceError('invalid-definition', { parameter: '(forbidden)', problem: 'AND needs at least one clause' });
  return Object.freeze({ type: 'AND', clauses: Object.freeze([...clauses]) });
}
