import { Rng, type ParamValue } from '@jahskit/core';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Hyperparameter } from './Hyperparameter';

/**
 * The contract every hyperparameter meets, as property tests: samples are legal and canonical,
 * encode/decode round-trip, neighbours and mutations are legal and differ from the value, the
 * spec is frozen plain data.
 */
export function describeHyperparameterContract(label: string, make: () => Hyperparameter): void {
  const seeds = fc.integer({ min: 0, max: 0xffff_ffff });
  test(`${label}: samples are legal, canonical and round-trip through the vector`, () => {
    const hp = make();
    expect(Object.isFrozen(hp.spec)).toBe(true);
    expect(hp.isLegal(hp.default)).toBe(true);
    fc.assert(
      fc.property(seeds, (seed) => {
        const rng = Rng.seeded(seed);
        const v = hp.sample(rng);
        expect(hp.isLegal(v)).toBe(true);
        expect(hp.canonicalize(v)).toBe(v);
        const x = hp.encode(v);
        expect(Number.isFinite(x)).toBe(true);
        const back = hp.decode(x);
        if (typeof v === 'number' && hp.type === 'float') expect(back as number).toBeCloseTo(v, 9);
        else expect(back).toBe(v);
        expect(hp.isLegal(hp.decode(rng.uniformIn(-2, 3) * Math.max(1, hp.oneHotSize)))).toBe(true);
        const out = new Float64Array(hp.oneHotSize + 2);
        hp.writeOneHot(v, out, 1);
        expect(out[0]).toBe(0);
        expect(out[hp.oneHotSize + 1]).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
  test(`${label}: neighbours and mutations are legal and different`, () => {
    const hp = make();
    fc.assert(
      fc.property(seeds, fc.integer({ min: 1, max: 8 }), (seed, count) => {
        const rng = Rng.seeded(seed);
        const v = hp.sample(rng);
        const nbs = hp.neighbours(v, rng, count);
        const seen = new Set<ParamValue>();
        for (const nb of nbs) {
          expect(hp.isLegal(nb)).toBe(true);
          expect(nb).not.toBe(v);
          expect(seen.has(nb)).toBe(false);
          seen.add(nb);
        }
        if (hp.type === 'integer' || hp.type === 'float') expect(nbs.length).toBeLessThanOrEqual(count);
        const m = hp.mutate(v, rng);
        expect(hp.isLegal(m)).toBe(true);
        if (hp.type !== 'constant' && nbs.length > 0 && hp.type !== 'integer' && hp.type !== 'float') expect(m).not.toBe(v);
      }),
      { numRuns: 200 },
    );
  });
}
