import { expect } from 'vitest';
import type { ConfigurationSpace } from './ConfigurationSpace';

/** `b` has the parameters, conditions and forbidden clauses of `a` (a name is not part of the model). */
export function expectSameModel(a: ConfigurationSpace, b: ConfigurationSpace): void {
  expect(b.parameters).toEqual(a.parameters);
  expect(b.conditions).toEqual(a.conditions);
  expect(b.forbiddens).toEqual(a.forbiddens);
}
