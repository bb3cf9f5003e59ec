import { SpaceError } from '../errors/SpaceError';
import type { Condition, ConjunctionCondition } from './Condition';

/** An AND or OR of `conditions`: at least two, all with the same child. */
export function conjunction(type: ConjunctionCondition['type'], conditions: readonly Condition[]): ConjunctionCondition {
  const first = conditions[0];
  if (first === undefined || conditions.length < 2) {
    throw new SpaceError('invalid-definition', { parameter: first?.child ?? '(condition)', problem: `${type} needs at least two conditions` });
  }
  for (const condition of conditions) {
    if (condition.child !== first.child) {
      throw new SpaceError('invalid-definition', {
        parameter: condition.child,
        problem: `every part of an ${type} condition must have the same child, found "${first.child}" and "${condition.child}"`,
      });
    }
  }
  return Object.freeze({ type, child: first.child, conditions: Object.freeze([...conditions]) });
}
