import { SpaceError } from '../errors/SpaceError';
import type { Condition, ConjunctionCondition } from './Condition';

/** Active iff any of `conditions` hold; all must share the same child (ConfigSpace OR). */
export function orConditions(...conditions: readonly Condition[]): ConjunctionCondition {
  const first = conditions[0];
  if (first === undefined || conditions.length < 2) {
    throw new SpaceError('invalid-definition', { parameter: first?.child ?? '(condition)', problem: 'OR needs at least two conditions' });
  }
  for (const condition of conditions) {
    if (condition.child !== first.child) {
      throw new SpaceError('invalid-definition', {
        parameter: condition.child,
        problem: `every part of an OR condition must have the same child, found "${first.child}" and "${condition.child}"`,
      });
    }
  }
  return Object.freeze({ type: 'OR', child: first.child, conditions: Object.freeze([...conditions]) });
}
