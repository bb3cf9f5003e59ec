import { Rng } from '@jahskit/core';
import { categorical, ConfigurationSpace } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { configKey } from './configKey';
import { neighbourhoodPool } from './neighbourhoodPool';

describe('neighbourhoodPool', () => {
  const space = new ConfigurationSpace({ name: 'cells', parameters: ['a', 'b', 'c'].map((name) => categorical(name, ['x', 'y', 'z', 'w'])) });
  const front = [
    { a: 'x', b: 'x', c: 'x' },
    { a: 'w', b: 'w', c: 'w' },
  ];

  test('every front member gets its share of mutations; no repeats, no excluded configurations', () => {
    const excluded = new Set(front.map((c) => configKey(space, c)));
    const pool = neighbourhoodPool(space, Rng.seeded(1), front, 60, 0, (key) => excluded.has(key));
    const keys = pool.map((c) => configKey(space, c));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.some((k) => excluded.has(k))).toBe(false);
    // 30 draws per member over its 9 neighbours: (nearly) all of both neighbourhoods.
    const near = (config: Record<string, unknown>, member: Record<string, unknown>): boolean =>
      Object.keys(member).filter((p) => config[p] !== member[p]).length === 1;
    expect(pool.filter((c) => near(c, front[0]!)).length).toBeGreaterThanOrEqual(8);
    expect(pool.filter((c) => near(c, front[1]!)).length).toBeGreaterThanOrEqual(8);
  });

  test('adds prior draws, and only those without a front', () => {
    const pool = neighbourhoodPool(space, Rng.seeded(2), [], 50, 10, () => false);
    expect(pool.length).toBeGreaterThan(0);
    expect(pool.length).toBeLessThanOrEqual(10);
  });
});
