import type { Condition } from './Condition';

/** The distinct parents a condition reads, in first-mention order. */
export function conditionParents(condition: Condition): string[] {
  const out: string[] = [];
  const visit = (c: Condition): void => {
    if ('conditions' in c) c.conditions.forEach(visit);
    else if (!out.includes(c.parent)) out.push(c.parent);
  };
  visit(condition);
  return out;
}
