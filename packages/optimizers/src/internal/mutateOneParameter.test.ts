import { Rng, type Configuration } from '@jahskit/core';
import { categorical, ConfigurationSpace, equalsCondition, float, integer, ordinal } from '@jahskit/spaces';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mutateOneParameter } from './mutateOneParameter';

describe('mutateOneParameter', () => {
  const mixed = new ConfigurationSpace({
    name: 'mixed',
    parameters: [categorical('op', ['a', 'b', 'c', 'd']), ordinal('bs', [16, 32, 64, 128]), integer('n', 1, 9), float('lr', 1e-4, 1, { log: true })],
  });

  test('the child is legal and differs from its parent in exactly one parameter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom(0.05, 0.1, 0.2), (seed, sigma) => {
        const rng = Rng.seeded(seed);
        const parent = mixed.sample(rng);
        const child = mutateOneParameter(mixed, parent, rng, sigma);
        expect(mixed.validate(child)).toEqual(child);
        expect(Object.keys(parent).filter((k) => parent[k] !== child[k])).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });

  test('categorical and ordinal moves are those of the space neighbours, each equally likely', () => {
    const cells = new ConfigurationSpace({ name: 'cells', parameters: [categorical('op', ['a', 'b', 'c']), ordinal('bs', [16, 32, 64])] });
    const parent = { op: 'a', bs: 32 };
    const neighbours = cells.neighbours(parent, Rng.seeded(0)).map((c) => JSON.stringify(c));
    const counts = new Map<string, number>();
    for (let i = 0; i < 8000; i++) {
      const key = JSON.stringify(mutateOneParameter(cells, parent, Rng.seeded(1).stream(i)));
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...neighbours].sort());
    // A parameter uniformly, then one of its two neighbouring values: 1/4 each.
    for (const n of counts.values()) expect(Math.abs(n - 2000)).toBeLessThan(200);
  });

  test('a parameter the change activates is drawn from the prior, not set to its default', () => {
    const space = new ConfigurationSpace({
      name: 'conditional',
      parameters: [categorical('kind', ['a', 'b']), float('x', 0, 1, { default: 0.5 })],
      conditions: [equalsCondition('x', 'kind', 'a')],
    });
    const xs = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const child: Configuration = mutateOneParameter(space, { kind: 'b' }, Rng.seeded(2).stream(i));
      expect(space.validate(child)).toEqual(child);
      if (child['kind'] === 'a') xs.add(child['x'] as number);
    }
    expect(xs.size).toBeGreaterThan(10);
  });
});
