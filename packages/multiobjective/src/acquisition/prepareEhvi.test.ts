import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { MultiObjectiveError } from '../errors/MultiObjectiveError';
import { hypervolumeImprovement } from '../indicators/hypervolumeImprovement';
import { SeededRandom } from '../random/SeededRandom';
import { intPoints, realPoints, spherePoints } from '../testing/oracleFixtures';
import { expectedHypervolumeImprovement } from './expectedHypervolumeImprovement';
import { prepareEhvi } from './prepareEhvi';

function monteCarloEhvi(
  front: Float64Array,
  d: number,
  ref: number[],
  mu: number[],
  sigma: number[],
  samples: number,
  seed: number,
): { mean: number; se: number } {
  const rng = new SeededRandom(seed);
  let s = 0;
  let s2 = 0;
  const y = new Array<number>(d);
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < d; j++) y[j] = mu[j]! + sigma[j]! * rng.nextNormal();
    const h = hypervolumeImprovement(front, d, y, ref);
    s += h;
    s2 += h * h;
  }
  const mean = s / samples;
  return { mean, se: Math.sqrt(Math.max(0, s2 / samples - mean * mean) / samples) };
}

describe('prepareEhvi (exact, d = 2 and 3)', () => {
  for (const d of [2, 3]) {
    fcTest.prop([intPoints(d, 10, 5), fc.array(fc.integer({ min: -1, max: 6 }), { minLength: d, maxLength: d })], { numRuns: 120 })(
      `zero variance gives exactly the plain improvement, d = ${d}`,
      (front, mu) => {
        const ref = new Array<number>(d).fill(5.5);
        const e = prepareEhvi(front, d, ref).ehvi(mu, new Array(d).fill(0));
        expect(Math.abs(e - hypervolumeImprovement(front, d, mu, ref))).toBeLessThanOrEqual(1e-9);
      },
    );
    fcTest.prop(
      [
        realPoints(d, 10),
        fc.array(fc.double({ min: -0.2, max: 1.2, noNaN: true }), { minLength: d, maxLength: d }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ],
      { numRuns: 100 },
    )(`non-negative and tends to the improvement as sigma -> 0, d = ${d}`, (front, mu, s) => {
      const ref = new Array<number>(d).fill(1);
      const model = prepareEhvi(front, d, ref);
      expect(model.ehvi(mu, new Array(d).fill(s))).toBeGreaterThanOrEqual(0);
      const hvi = hypervolumeImprovement(front, d, mu, ref);
      const tiny = model.ehvi(mu, new Array(d).fill(1e-9));
      expect(Math.abs(tiny - hvi)).toBeLessThan(1e-7);
    });
  }

  test('agrees with a Monte Carlo estimate of E[HVI] (2-D and 3-D)', () => {
    for (const d of [2, 3]) {
      const front = spherePoints(12, d, 40 + d);
      const ref = new Array<number>(d).fill(1.2);
      const model = prepareEhvi(front, d, ref);
      for (const [mu, sigma] of [
        [new Array(d).fill(0.6), new Array(d).fill(0.2)],
        [new Array(d).fill(0.3), [0.05, 0.3, 0.1].slice(0, d)],
        [new Array(d).fill(1.0), new Array(d).fill(0.5)],
      ] as [number[], number[]][]) {
        const exact = model.ehvi(mu, sigma);
        const mc = monteCarloEhvi(front, d, ref, mu, sigma, 20_000, 3);
        expect(Math.abs(exact - mc.mean)).toBeLessThan(4.5 * mc.se + 1e-12);
      }
    }
  });

  test('batch equals single evaluations and the one-off helper', () => {
    const front = spherePoints(100, 3, 8);
    const ref = [1.1, 1.1, 1.1];
    const model = prepareEhvi(front, 3, ref);
    expect(model.exact).toBe(true);
    expect(model.boxCount).toBeLessThanOrEqual(3 * 100 + 1);
    const mu = Float64Array.from([0.5, 0.5, 0.5, 0.9, 0.1, 0.4]);
    const sigma = Float64Array.from([0.1, 0.2, 0.3, 0.05, 0.05, 0.05]);
    const batch = model.ehviBatch(mu, sigma);
    expect(batch[0]).toBe(model.ehvi(mu.subarray(0, 3), sigma.subarray(0, 3)));
    expect(batch[1]).toBe(expectedHypervolumeImprovement(front, 3, ref, [0.9, 0.1, 0.4], [0.05, 0.05, 0.05]));
  });

  test('empty front: EHVI is the expected box volume (product of 1-D terms)', () => {
    const e = prepareEhvi(new Float64Array(0), 2, [1, 1]).ehvi([1, 1], [1, 1]);
    // E[(1 - Y)^+] for Y ~ N(1, 1) is phi(0) = 1 / sqrt(2 pi).
    expect(e).toBeCloseTo(1 / (2 * Math.PI), 14);
  });

  test('bad moments are typed errors', () => {
    const model = prepareEhvi(Float64Array.from([0, 0]), 2, [1, 1]);
    expect(() => model.ehvi([0, NaN], [1, 1])).toThrow(MultiObjectiveError);
    expect(() => model.ehvi([0, 0], [1, -1])).toThrow(/sigma/);
    expect(() => model.ehvi([0], [1])).toThrow(MultiObjectiveError);
    expect(() => model.ehviBatch(Float64Array.from([0, 0, 0]), Float64Array.from([0, 0, 0]))).toThrow(MultiObjectiveError);
  });
});

describe('prepareEhvi (Monte Carlo, d >= 4)', () => {
  test('deterministic for a seed, close to a large-sample estimate, zero variance = HVI', () => {
    const front = spherePoints(20, 4, 2);
    const ref = [1.2, 1.2, 1.2, 1.2];
    const mu = [0.6, 0.6, 0.6, 0.6];
    const sigma = [0.1, 0.1, 0.1, 0.1];
    const a = prepareEhvi(front, 4, ref, { samples: 4000, seed: 1 });
    expect(a.exact).toBe(false);
    expect(a.ehvi(mu, sigma)).toBe(prepareEhvi(front, 4, ref, { samples: 4000, seed: 1 }).ehvi(mu, sigma));
    const big = monteCarloEhvi(front, 4, ref, mu, sigma, 20_000, 99);
    expect(Math.abs(a.ehvi(mu, sigma) - big.mean)).toBeLessThan(6 * big.se * Math.sqrt(5));
    expect(a.ehvi(mu, [0, 0, 0, 0])).toBeCloseTo(hypervolumeImprovement(front, 4, mu, ref), 14);
  });

  test('an out buffer too short for the batch is a typed error, as for the exact models', () => {
    for (const d of [3, 4]) {
      const model = prepareEhvi(spherePoints(10, d, 3), d, new Array<number>(d).fill(1.1), { samples: 10 });
      const mu = new Float64Array(2 * d).fill(0.5);
      const sigma = new Float64Array(2 * d).fill(0.1);
      expect(() => model.ehviBatch(mu, sigma, new Float64Array(1))).toThrow(/out must have room for 2 values/);
      const out = new Float64Array(3).fill(-1);
      expect(model.ehviBatch(mu, sigma, out)).toBe(out);
      expect(out[1]).toBe(out[0]);
      expect(out[2]).toBe(-1);
    }
  });
});
