import { Rng } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { SpaceError } from '../errors/SpaceError';
import { categorical } from '../hyperparameters/CategoricalHyperparameter';
import { float } from '../hyperparameters/FloatHyperparameter';
import { ordinal } from '../hyperparameters/OrdinalHyperparameter';
import { ConfigurationSpace } from '../space/ConfigurationSpace';
import { andConditions } from './andConditions';
import { describeCondition } from './describeCondition';
import { equalsCondition } from './equalsCondition';
import { greaterThanCondition } from './greaterThanCondition';
import { inCondition } from './inCondition';
import { lessThanCondition } from './lessThanCondition';
import { notEqualsCondition } from './notEqualsCondition';
import { orConditions } from './orConditions';

const parameters = [categorical('kind', ['a', 'b', 'c']), ordinal('size', ['s', 'm', 'l']), float('x', 0, 10), categorical('child', [0, 1])];

function activeWhen(condition: Parameters<typeof describeCondition>[0], values: Record<string, unknown>): boolean {
  const space = new ConfigurationSpace({ parameters, conditions: [condition] });
  return space.isActive('child', { kind: 'a', size: 's', x: 5, ...values } as never);
}

describe('conditions', () => {
  test('each type holds exactly when its comparison does', () => {
    expect(activeWhen(equalsCondition('child', 'kind', 'b'), { kind: 'b' })).toBe(true);
    expect(activeWhen(equalsCondition('child', 'kind', 'b'), { kind: 'c' })).toBe(false);
    expect(activeWhen(notEqualsCondition('child', 'kind', 'b'), { kind: 'c' })).toBe(true);
    expect(activeWhen(inCondition('child', 'kind', ['a', 'c']), { kind: 'c' })).toBe(true);
    expect(activeWhen(inCondition('child', 'kind', ['a', 'c']), { kind: 'b' })).toBe(false);
    expect(activeWhen(lessThanCondition('child', 'x', 3), { x: 2.5 })).toBe(true);
    expect(activeWhen(lessThanCondition('child', 'x', 3), { x: 3 })).toBe(false);
    expect(activeWhen(greaterThanCondition('child', 'size', 's'), { size: 'm' })).toBe(true); // ordinals by position
    expect(activeWhen(greaterThanCondition('child', 'size', 'm'), { size: 'm' })).toBe(false);
    const both = andConditions(equalsCondition('child', 'kind', 'a'), greaterThanCondition('child', 'x', 4));
    expect(activeWhen(both, { x: 5 })).toBe(true);
    expect(activeWhen(both, { x: 3 })).toBe(false);
    const either = orConditions(equalsCondition('child', 'kind', 'b'), greaterThanCondition('child', 'x', 4));
    expect(activeWhen(either, { x: 3 })).toBe(false);
    expect(activeWhen(either, { kind: 'b', x: 3 })).toBe(true);
  });

  test('an inactive parent never satisfies a condition (NEQ included)', () => {
    const space = new ConfigurationSpace({
      parameters: [categorical('a', [0, 1]), categorical('b', ['u', 'v']), categorical('c', [0, 1])],
      conditions: [equalsCondition('b', 'a', 1), notEqualsCondition('c', 'b', 'u')],
    });
    expect(space.isActive('c', { a: 0 })).toBe(false);
    expect(space.isActive('c', { a: 1, b: 'v' })).toBe(true);
    const rng = Rng.seeded(1);
    for (let i = 0; i < 200; i++) {
      const s = space.sample(rng);
      expect('c' in s).toBe(s['b'] === 'v');
    }
  });

  test('describeCondition and definition errors', () => {
    expect(describeCondition(andConditions(inCondition('c', 'k', ['a', 1]), lessThanCondition('c', 'x', 2)))).toBe('(k in {"a", 1} && x < 2)');
    expect(() => orConditions(equalsCondition('a', 'b', 1), equalsCondition('c', 'b', 1))).toThrow(SpaceError);
    expect(() => new ConfigurationSpace({ parameters, conditions: [lessThanCondition('child', 'kind', 'b')] })).toThrow(/needs an ordered parent/);
    expect(() => new ConfigurationSpace({ parameters, conditions: [equalsCondition('child', 'nope', 1)] })).toThrow(/unknown parent "nope"/);
    expect(() => new ConfigurationSpace({ parameters, conditions: [equalsCondition('child', 'child', 1)] })).toThrow(/own parent/);
  });
});
