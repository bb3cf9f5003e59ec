import { formatValue } from '../errors/formatValue';
import type { Condition } from './Condition';

const SYMBOL = { EQ: '==', NEQ: '!=', LT: '<', GT: '>' } as const;

/** A readable form of a condition: `op == "conv"`, `node in {"0_1", "0_2"}`, `(a > 1 && b == 2)`. */
export function describeCondition(condition: Condition): string {
  switch (condition.type) {
    case 'EQ':
    case 'NEQ':
    case 'LT':
    case 'GT':
      return `${condition.parent} ${SYMBOL[condition.type]} ${formatValue(condition.value)}`;
    case 'IN':
      return `${condition.parent} in {${condition.values.map(formatValue).join(', ')}}`;
    case 'AND':
    case 'OR':
      return `(${condition.conditions.map(describeCondition).join(condition.type === 'AND' ? ' && ' : ' || ')})`;
  }
}
