import type { Optimizer } from '@jahskit/core';
import { expect } from 'vitest';
import { continueAfterRestore, withoutConstraintFields } from '../mo/constrainedMoFixtures';

/**
 * The state checks of a multi-objective optimizer on the half-infeasible front: restored after `first`
 * trials, it continues for `then` more exactly as the original does; and the state of `saved` with every
 * constraint field removed (as saved before constraints existed) still restores. Returns that restored
 * optimizer, for the caller to ask.
 */
export function expectConstrainedRestore(
  make: () => Optimizer,
  saved: Optimizer,
  first: number,
  then: number,
  options: Parameters<typeof continueAfterRestore>[3] = {},
): Optimizer {
  const { original, resumed } = continueAfterRestore(make, first, then, options);
  expect(resumed).toEqual(original);
  const restored = make();
  restored.restore(withoutConstraintFields(saved.state()));
  return restored;
}
