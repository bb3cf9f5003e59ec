import type { ForbiddenClause } from './ForbiddenClause';

/** The distinct parameters a clause mentions, in first-mention order. */
export function forbiddenParameters(clause: ForbiddenClause): string[] {
  const out: string[] = [];
  const add = (name: string): void => {
    if (!out.includes(name)) out.push(name);
  };
  const visit = (c: ForbiddenClause): void => {
    if (c.type === 'AND') c.clauses.forEach(visit);
    else if (c.type === 'RELATION') {
      add(c.left);
      add(c.right);
    } else add(c.name);
  };
  visit(clause);
  return out;
}
