import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CoreError } from '../errors/CoreError';
import { Rng } from './Rng';

describe('Rng', () => {
  test('the same seed gives the same sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = Rng.seeded(seed);
        const b = Rng.seeded(seed);
        for (let i = 0; i < 20; i++) expect(a.uniform()).toBe(b.uniform());
      }),
    );
  });

  test('state() then fromState() continues the exact sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.nat(50), (seed, skip) => {
        const a = Rng.seeded(seed);
        for (let i = 0; i < skip; i++) a.uniform();
        const b = Rng.fromState(JSON.parse(JSON.stringify(a.state())));
        for (let i = 0; i < 10; i++) expect(b.nextUint32()).toBe(a.nextUint32());
      }),
    );
  });

  test('streams depend on labels only, not on how much the parent was consumed', () => {
    const a = Rng.seeded(5);
    const before = a.stream('trial', 3).uniform();
    for (let i = 0; i < 100; i++) a.uniform();
    expect(a.stream('trial', 3).uniform()).toBe(before);
    expect(a.stream('trial', 4).uniform()).not.toBe(before);
  });

  test('draws stay in their ranges', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: -100, max: 100 }), fc.nat(1000), (seed, low, width) => {
        const rng = Rng.seeded(seed);
        const u = rng.uniform();
        expect(u >= 0 && u < 1).toBe(true);
        const k = rng.integer(low, low + width);
        expect(k >= low && k <= low + width && Number.isInteger(k)).toBe(true);
      }),
    );
  });

  test('integer() is close to uniform', () => {
    const rng = Rng.seeded(1);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.integer(0, 5)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  test('bad seeds and states are typed errors', () => {
    for (const seed of [-1, 1.5, Number.NaN, 2 ** 32]) {
      expect(() => Rng.seeded(seed)).toThrow(CoreError);
    }
    expect(() => Rng.fromState({ key: 1, words: [1, 2] })).toThrow(/random state/);
  });
});
