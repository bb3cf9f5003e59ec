import { describe, expect, test } from 'vitest';
import { SpaceError } from '../errors/SpaceError';
import { andConditions } from './andConditions';
import { equalsCondition } from './equalsCondition';
import { orConditions } from './orConditions';

describe.each([
  ['AND', andConditions],
  ['OR', orConditions],
] as const)('%s conditions', (type, combine) => {
  test('are frozen, with the shared child', () => {
    const combined = combine(equalsCondition('c', 'a', 1), equalsCondition('c', 'b', 2));
    expect(combined).toEqual({ type, child: 'c', conditions: [equalsCondition('c', 'a', 1), equalsCondition('c', 'b', 2)] });
    expect(Object.isFrozen(combined) && Object.isFrozen(combined.conditions)).toBe(true);
  });

  test('need at least two parts, naming the child', () => {
    for (const parts of [[], [equalsCondition('c', 'a', 1)]]) {
      const error = (() => {
        try {
          combine(...parts);
        } catch (e) {
          return e;
        }
      })();
      expect(SpaceError.is(error) && error.kind === 'invalid-definition').toBe(true);
      expect((error as SpaceError).message).toContain(`${type} needs at least two conditions`);
      expect((error as SpaceError).parameter).toBe(parts.length === 0 ? '(condition)' : 'c');
    }
  });

  test('refuse parts with different children, naming the odd one', () => {
    expect(() => combine(equalsCondition('c', 'a', 1), equalsCondition('d', 'a', 1))).toThrow(
      expect.objectContaining({
        kind: 'invalid-definition',
        parameter: 'd',
        message: expect.stringContaining(`every part of an ${type} condition must have the same child`),
      }),
    );
  });
});
