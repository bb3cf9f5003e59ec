import { Rng } from '@jahskit/core';
import { categorical, ConfigurationSpace, equalsCondition, float, integer } from '@jahskit/spaces';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { configKey } from './configKey';

describe('configKey', () => {
  const space = new ConfigurationSpace({
    name: 'mixed',
    parameters: [categorical('kind', [1, '1', true, 'true']), integer('n', 1, 4), float('lr', 0.1, 1), categorical('op', ['a', 'b'])],
    conditions: [equalsCondition('lr', 'kind', 1)],
  });

  test('two configurations share a key exactly when they are equal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (s, t) => {
        const a = space.sample(Rng.seeded(s));
        const b = space.sample(Rng.seeded(t));
        const equal = JSON.stringify(a) === JSON.stringify(b);
        expect(configKey(space, a) === configKey(space, b)).toBe(equal);
      }),
    );
  });

  test('values of different types that print alike stay apart', () => {
    const keys = [1, '1', true, 'true'].map((kind) => configKey(space, { kind, n: 2, op: 'a' }));
    expect(new Set(keys).size).toBe(4);
  });

  test('the order of the object keys does not matter', () => {
    expect(configKey(space, { op: 'b', n: 3, kind: 1, lr: 0.5 })).toBe(configKey(space, { kind: 1, n: 3, lr: 0.5, op: 'b' }));
  });
});
