import type { Condition, ConjunctionCondition } from './Condition';
import { conjunction } from './conjunction';

/** Active iff all of `conditions` hold; all must share the same child (ConfigSpace AND). */
export function andConditions(...conditions: readonly Condition[]): ConjunctionCondition {
  return conjunction('AND', conditions);
}
