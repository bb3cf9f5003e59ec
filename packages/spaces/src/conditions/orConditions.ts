import type { Condition, ConjunctionCondition } from './Condition';
import { conjunction } from './conjunction';

/** Active iff any of `conditions` hold; all must share the same child (ConfigSpace OR). */
export function orConditions(...conditions: readonly Condition[]): ConjunctionCondition {
  return conjunction('OR', conditions);
}
