import { formatValue } from '../errors/formatValue';
import type { ForbiddenClause } from './ForbiddenClause';

const SYMBOL = { LESS: '<', EQUALS: '==', GREATER: '>' } as const;

/** A readable form of a clause: `op == "none"`, `(a == 1 && b in {"x", "y"})`, `lr < wd`. */
export function describeForbidden(clause: ForbiddenClause): string {
  switch (clause.type) {
    case 'EQUALS':
      return `${clause.name} == ${formatValue(clause.value)}`;
    case 'IN':
      return `${clause.name} in {${clause.values.map(formatValue).join(', ')}}`;
    case 'RELATION':
      return `${clause.left} ${SYMBOL[clause.relation]} ${clause.right}`;
    case 'AND':
      return `(${clause.clauses.map(describeForbidden).join(' && ')})`;
  }
}
