import type { Configuration, ParamValue } from '@jahskit/core';
import {
  categorical,
  ConfigurationSpace,
  equalsCondition,
  float,
  forbiddenAnd,
  forbiddenEquals,
  inCondition,
  integer,
  ordinal,
  type Condition,
  type ForbiddenClause,
} from '@jahskit/spaces';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { spaceSize } from './spaceSize';

/** The oracle: every combination of every parameter's values, reduced to its active part, checked, counted once. */
function bruteForce(space: ConfigurationSpace, values: readonly (readonly ParamValue[])[]): number {
  const seen = new Set<string>();
  const walk = (i: number, config: Record<string, ParamValue>): void => {
    if (i === values.length) {
      const active: Configuration = Object.fromEntries(
        space.parameters.filter((p) => space.isActive(p.name, config)).map((p) => [p.name, config[p.name] as ParamValue]),
      );
      try {
        seen.add(JSON.stringify(space.validate(active)));
      } catch {
        // forbidden
      }
      return;
    }
    for (const v of values[i] as readonly ParamValue[]) walk(i + 1, { ...config, [(space.parameters[i] as { name: string }).name]: v });
  };
  walk(0, {});
  return seen.size;
}

describe('spaceSize', () => {
  test('counts active configurations under conditions and forbidden clauses', () => {
    const space = new ConfigurationSpace({
      parameters: [categorical('a', ['x', 'y']), integer('b', 1, 3), ordinal('c', [1, 2])],
      conditions: [equalsCondition('b', 'a', 'x')],
      forbiddens: [forbiddenAnd(forbiddenEquals('a', 'y'), forbiddenEquals('c', 2))],
    });
    // a = x: 3 b x 2 c; a = y: b inactive, c = 2 forbidden.
    expect(spaceSize(space)).toEqual({ kind: 'finite', count: 7n });
  });

  test('a continuous float makes it infinite, unless no legal configuration activates it', () => {
    expect(spaceSize(new ConfigurationSpace({ parameters: [categorical('a', ['x', 'y']), float('lr', 0.1, 1)] }))).toEqual({ kind: 'infinite' });
    const never = new ConfigurationSpace({
      parameters: [categorical('a', ['x', 'y']), float('lr', 0.1, 1)],
      conditions: [equalsCondition('lr', 'a', 'y')],
      forbiddens: [forbiddenEquals('a', 'y')],
    });
    expect(spaceSize(never)).toEqual({ kind: 'finite', count: 1n });
    expect(spaceSize(new ConfigurationSpace({ parameters: [float('q', 0, 1, { q: 0.25 }), integer('n', 0, 9)] }))).toEqual({ kind: 'finite', count: 50n });
  });

  test('counts past 2^53 exactly when nothing needs enumerating, and bounds what is too large to enumerate', () => {
    const wide = new ConfigurationSpace({ parameters: Array.from({ length: 6 }, (_, i) => integer(`n${i}`, 0, 999_999)) });
    expect(spaceSize(wide)).toEqual({ kind: 'finite', count: 1_000_000n ** 6n });
    const keyed = new ConfigurationSpace({
      parameters: [integer('m', 0, 999_999), integer('k', 0, 999_999), categorical('c', ['u', 'v'])],
      forbiddens: [forbiddenAnd(forbiddenEquals('m', 0), forbiddenEquals('k', 0))],
    });
    expect(spaceSize(keyed)).toEqual({ kind: 'unknown', atMost: 2_000_000_000_000n });
  });

  test('property: equals a brute-force count on random small conditional spaces', () => {
    const spaceArb = fc
      .record({
        sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 5 }),
        conditions: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 2 })), { maxLength: 3 }),
        forbiddens: fc.array(fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
      })
      .map(({ sizes, conditions, forbiddens }) => {
        const values = sizes.map((n, i) => Array.from({ length: n }, (_, k) => `v${i}${k}`));
        const parameters = values.map((choices, i) => categorical(`p${i}`, choices));
        // A child's parent comes before it: no cycles.
        const byChild = new Map<number, Condition>();
        for (const [c, p, picks] of conditions) {
          const child = c % sizes.length;
          if (child === 0 || byChild.has(child)) continue;
          const parent = p % child;
          const choices = values[parent] as string[];
          byChild.set(child, inCondition(`p${child}`, `p${parent}`, [...new Set(picks.map((k) => choices[k % choices.length] as string))]));
        }
        const clauses: ForbiddenClause[] = forbiddens.map((parts) => {
          const atoms = [...new Map(parts.map(([p, k]) => [p % sizes.length, k])).entries()].map(([p, k]) =>
            forbiddenEquals(`p${p}`, (values[p] as string[])[k % (values[p] as string[]).length] as string),
          );
          return atoms.length === 1 ? (atoms[0] as ForbiddenClause) : forbiddenAnd(...atoms);
        });
        return { values, space: new ConfigurationSpace({ parameters, conditions: [...byChild.values()], forbiddens: clauses }) };
      });
    fc.assert(
      fc.property(spaceArb, ({ values, space }) => {
        expect(spaceSize(space)).toEqual({ kind: 'finite', count: BigInt(bruteForce(space, values)) });
      }),
      { numRuns: 200 },
    );
  });
});
