import { SpaceError } from '../errors/SpaceError';
import type { Condition, ConjunctionCondition } from './Condition';

/** Active iff all of `conditions` hold; all must share the same child (ConfigSpace AND). */
export function andConditions(...conditions: readonly Condition[]): ConjunctionCondition {
  const first = conditions[0];
  if (first === undefined || conditions.length < 2) {
    throw new SpaceError('invalid-definition', { parameter: first?.child ?? '(condition)', problem: 'AND needs at least two conditions' });
  }
  for (const condition of conditions) {
    if (condition.child !== first.child) {
      throw new SpaceError('invalid-definition', {
        parameter: condition.child,
        problem: `every part of an AND condition must have the same child, found "${first.child}" and "${condition.child}"`,
      });
    }
  }
  return Object.freeze({ type: 'AND', child: first.child, conditions: Object.freeze([...conditions]) });
}
