import { Rng } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { describeHyperparameterContract } from './hyperparameterFixtures';
import { integer } from './IntegerHyperparameter';

describe('integer', () => {
  describeHyperparameterContract('linear', () => integer('n', -3, 40));
  describeHyperparameterContract('log', () => integer('epochs', 1, 200, { log: true }));
  describeHyperparameterContract('two values', () => integer('b', 0, 1));

  test('ConfigSpace encoding: [lower - 0.49999, upper + 0.49999] normalised', () => {
    const hp = integer('n', 1, 98);
    expect(hp.encode(1)).toBeCloseTo(0.49999 / 97.99998, 12);
    expect(hp.decode(0)).toBe(1);
    expect(hp.decode(1)).toBe(98);
    expect(hp.default).toBe(50);
    expect(integer('l', 1, 100, { log: true }).default).toBe(10);
  });

  test('uniform over the integers, log-uniform when log', () => {
    const rng = Rng.seeded(3);
    const counts = new Array<number>(4).fill(0);
    const hp = integer('n', 0, 3);
    for (let i = 0; i < 8000; i++) counts[hp.sample(rng)]!++;
    for (const c of counts) expect(c / 8000).toBeCloseTo(0.25, 1);
    const log = integer('l', 1, 1000, { log: true });
    let small = 0;
    for (let i = 0; i < 4000; i++) if (log.sample(rng) <= 31) small++;
    expect(small / 4000).toBeGreaterThan(0.4);
  });

  test('typed errors name the parameter and the range', () => {
    const hp = integer('n', 1, 98);
    expect(() => hp.canonicalize(2.5)).toThrow('parameter "n": 2.5 is not an integer; allowed: integers in [1, 98]');
    expect(() => hp.canonicalize(99)).toThrow('parameter "n": 99 is out of range; allowed: integers in [1, 98]');
    expect(() => hp.canonicalize('5')).toThrow('parameter "n": "5" is not a number');
    expect(() => hp.canonicalize(Number.NaN)).toThrow('NaN is not a finite number');
    expect(() => integer('x', 0, 5, { log: true })).toThrow(/lower >= 1/);
  });
});
