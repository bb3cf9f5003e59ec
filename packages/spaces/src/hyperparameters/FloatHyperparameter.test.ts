import { Rng } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { float } from './FloatHyperparameter';
import { describeHyperparameterContract } from './hyperparameterFixtures';

describe('float', () => {
  describeHyperparameterContract('linear', () => float('x', -5, 10));
  describeHyperparameterContract('log', () => float('lr', 1e-3, 1, { log: true }));
  describeHyperparameterContract('quantised', () => float('q', 0, 1, { q: 0.1 }));
  describeHyperparameterContract('log quantised', () => float('lq', 0.5, 8, { log: true, q: 0.5 }));

  test('log encoding and geometric-mean default', () => {
    const hp = float('lr', 1e-3, 1e-1, { log: true });
    expect(hp.encode(1e-2)).toBeCloseTo(0.5, 12);
    expect(hp.default).toBeCloseTo(1e-2, 12);
    expect(hp.decode(1)).toBeLessThanOrEqual(1e-1);
  });

  test('quantisation: samples and decodes on the grid, validate snaps within tolerance', () => {
    const hp = float('q', 0, 1, { q: 0.1 });
    const rng = Rng.seeded(5);
    const grid = new Set(Array.from({ length: 11 }, (_, k) => Math.min(1, 0 + k * 0.1)));
    for (let i = 0; i < 500; i++) expect(grid.has(hp.sample(rng))).toBe(true);
    expect(hp.canonicalize(0.30000000000001)).toBe(3 * 0.1);
    expect(() => hp.canonicalize(0.35)).toThrow('parameter "q": 0.35 is not on the q grid; allowed: floats in [0, 1] on the grid 0 + k * 0.1');
    expect(hp.canonicalize(1)).toBe(1);
  });

  test('typed errors', () => {
    const hp = float('lr', 0.001, 0.1, { log: true });
    expect(() => hp.canonicalize(0.7)).toThrow('parameter "lr": 0.7 is out of range; allowed: floats in [0.001, 0.1] (log scale)');
    expect(() => hp.canonicalize(Number.POSITIVE_INFINITY)).toThrow('Infinity is not a finite number');
    expect(() => float('x', 0, 1, { q: 2 })).toThrow(/q = 2/);
  });
});
