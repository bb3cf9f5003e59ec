import { Rng } from '@jahskit/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { categorical } from '../hyperparameters/CategoricalHyperparameter';
import { float } from '../hyperparameters/FloatHyperparameter';
import { hyperparameterFromSpec } from '../hyperparameters/hyperparameterFromSpec';
import { integer } from '../hyperparameters/IntegerHyperparameter';
import type { NumericalHyperparameter } from '../hyperparameters/NumericalHyperparameter';
import { readConfigSpaceJson } from '../serialization/readConfigSpaceJson';
import { writeConfigSpaceJson } from '../serialization/writeConfigSpaceJson';
import { ConfigurationSpace } from '../space/ConfigurationSpace';
import { logPriorDensity } from './logPriorDensity';
import { normalMass } from './normalMass';
import type { NumericPrior } from './NumericPrior';
import { priorOf } from './priorOf';
import { withoutPriors } from './withoutPriors';

const seeds = fc.integer({ min: 0, max: 0xffff_ffff });
const normal = fc.record({
  kind: fc.constant('normal' as const),
  mu: fc.double({ min: -30, max: 30, noNaN: true }),
  sigma: fc.double({ min: 1e-3, max: 50, noNaN: true }),
});
const beta = fc.record({
  kind: fc.constant('beta' as const),
  alpha: fc.double({ min: 0.2, max: 20, noNaN: true }),
  beta: fc.double({ min: 0.2, max: 20, noNaN: true }),
});
const prior: fc.Arbitrary<NumericPrior> = fc.oneof(normal, beta);

/** A float or integer parameter with a random prior, bounds and scale. */
const numeric: fc.Arbitrary<NumericalHyperparameter> = fc
  .tuple(prior, fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 5000 }))
  .map(([p, isInt, log, lower, width]) => {
    const options = { log, prior: p };
    return isInt ? integer('n', lower, lower + width, options) : float('x', lower / 10, (lower + width) / 10, options);
  });

describe('numeric priors', () => {
  test('samples stay in bounds and are legal, for any prior, bounds and scale', () => {
    fc.assert(
      fc.property(numeric, seeds, (hp, seed) => {
        const rng = Rng.seeded(seed);
        for (let i = 0; i < 20; i++) {
          const v = hp.sample(rng);
          expect(hp.isLegal(v), `${v} in ${hp.allowed}`).toBe(true);
        }
        expect(hp.isLegal(hp.default)).toBe(true);
        // A beta shape below 1 has an infinite density at a bound (and one just above 1 a zero one): never NaN.
        expect(Number.isNaN(hp.logPrior(hp.default))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test('prior sampling is deterministic per seed', () => {
    fc.assert(
      fc.property(numeric, seeds, (hp, seed) => {
        const draw = () => {
          const rng = Rng.seeded(seed);
          return Array.from({ length: 5 }, () => hp.sample(rng));
        };
        expect(draw()).toEqual(draw());
      }),
      { numRuns: 100 },
    );
  });

  test('priors survive the spec and both JSON dialects', () => {
    fc.assert(
      fc.property(numeric, fc.constantFrom('0.4' as const, '1' as const), (hp, format) => {
        expect(priorOf(hp.spec)).toEqual(hp.prior);
        expect(hyperparameterFromSpec(hp.spec).spec).toEqual(hp.spec);
        const space = new ConfigurationSpace({ parameters: [hp] });
        let written;
        try {
          written = writeConfigSpaceJson(space, { format, preserve: false });
        } catch (error) {
          // 1.x cannot spread a log-scale normal by less than |log(lower + sigma)| allows: a typed refusal.
          expect(format === '1' && hp.log && hp.prior?.kind === 'normal', String(error)).toBe(true);
          expect(String(error)).toContain('cannot be written in ConfigSpace 1.x JSON');
          return;
        }
        const back = readConfigSpaceJson(JSON.stringify(written)).hyperparameters[0] as NumericalHyperparameter;
        expect(back.prior?.kind).toBe(hp.prior?.kind);
        // Exact except where 1.x parametrises a log-scale normal differently.
        if (format === '0.4' || !hp.log || hp.prior?.kind === 'beta') expect(back.spec).toEqual(hp.spec);
      }),
      { numRuns: 200 },
    );
  });

  // Found by the property above: JSON writes -0 as 0, so a prior mu of -0 did not come back equal.
  test('a prior mu of -0 is stored as 0', () => {
    const prior = float('x', 0.1, 0.2, { prior: { kind: 'normal', mu: -0, sigma: 1 } }).prior as { mu: number };
    expect(Object.is(prior.mu, 0)).toBe(true);
  });

  test('a normal prior: mean, spread and the default as ConfigSpace defines them', () => {
    const hp = float('x', -10, 10, { prior: { kind: 'normal', mu: 1, sigma: 2 } });
    expect(hp.default).toBe(1);
    const rng = Rng.seeded(11);
    const xs = Array.from({ length: 20000 }, () => hp.sample(rng));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(1, 1);
    expect(sd).toBeCloseTo(2, 1);
    // A prior centred outside the bounds still samples inside them (the tail sampler, no CDF).
    const far = float('f', 0, 1, { prior: { kind: 'normal', mu: 40, sigma: 1 } });
    const near = Array.from({ length: 1000 }, () => far.sample(rng));
    expect(Math.min(...near)).toBeGreaterThan(0.5);
    expect(near.reduce((a, b) => a + b, 0) / near.length).toBeCloseTo(1 - 1 / 39, 2);
    expect(far.default).toBe(1);
  });

  test('densities integrate to 1 over the unit interval', () => {
    for (const hp of [
      float('a', 0, 1, { prior: { kind: 'normal', mu: 0.2, sigma: 0.1 } }),
      float('b', 1, 100, { log: true, prior: { kind: 'beta', alpha: 2, beta: 3 } }),
    ]) {
      const n = 20000;
      let total = 0;
      for (let i = 0; i < n; i++) total += hp.unitPrior!.pdf((i + 0.5) / n) / n;
      expect(total).toBeCloseTo(1, 3);
    }
    expect(normalMass(-Infinity, -1.959963984540054)).toBeCloseTo(0.025, 12);
    // The upper tail, where 1 - Φ(30) would be 0: the mass is taken on the lower side.
    expect(normalMass(30, Infinity) / 4.906713927148187e-198).toBeCloseTo(1, 10);
    expect(normalMass(-1, 1)).toBeCloseTo(0.6826894921370859, 14);
  });

  test('a beta prior: mean alpha / (alpha + beta) of the range; beta integers round', () => {
    const hp = float('d', 0, 0.8, { prior: { kind: 'beta', alpha: 2, beta: 6 } });
    expect(hp.default).toBeCloseTo(0.8 / 6, 15);
    const rng = Rng.seeded(5);
    const xs = Array.from({ length: 20000 }, () => hp.sample(rng));
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.8 * 0.25, 2);
    expect(integer('k', 1, 10, { prior: { kind: 'beta', alpha: 3, beta: 2 } }).default).toBe(7);
  });

  test('bad priors are definition errors naming the parameter and what is allowed', () => {
    expect(() => float('x', 0, 1, { prior: { kind: 'normal', mu: 0, sigma: 0 } })).toThrow(
      /^parameter "x": prior sigma must be a finite number > 0, got 0; allowed: /,
    );
    expect(() => integer('n', 0, 9, { prior: { kind: 'beta', alpha: -1, beta: 1 } })).toThrow(/parameter "n": prior alpha/);
    expect(() => float('x', 0, 1, { prior: { kind: 'cauchy' } as never })).toThrow(/unknown prior/);
  });

  test('withoutPriors: uniform over the same bounds with the same defaults; a space without priors is kept', () => {
    const space = new ConfigurationSpace({
      parameters: [
        float('x', 0, 1, { prior: { kind: 'normal', mu: 0.9, sigma: 0.01 } }),
        categorical('c', ['a', 'b'], { weights: [0, 1] }),
        integer('n', 1, 4),
      ],
    });
    const uniform = withoutPriors(space) as ConfigurationSpace;
    expect(uniform.defaultConfiguration()).toEqual(space.defaultConfiguration());
    const rng = Rng.seeded(2);
    const draws = Array.from({ length: 400 }, () => uniform.sample(rng));
    expect(draws.some((c) => (c['x'] as number) < 0.5)).toBe(true);
    expect(draws.some((c) => c['c'] === 'a')).toBe(true);
    const plain = new ConfigurationSpace({ parameters: [float('x', 0, 1), integer('n', 1, 4)] });
    expect(withoutPriors(plain)).toBe(plain);
  });

  test("logPriorDensity: higher near a normal prior's mean, the weights' log for categoricals", () => {
    const space = new ConfigurationSpace({
      parameters: [float('x', 0, 1, { prior: { kind: 'normal', mu: 0.5, sigma: 0.1 } }), categorical('c', ['a', 'b'], { weights: [1, 3] })],
    });
    expect(logPriorDensity(space, { x: 0.5, c: 'b' })).toBeGreaterThan(logPriorDensity(space, { x: 0.9, c: 'b' }));
    expect(logPriorDensity(space, { x: 0.5, c: 'b' }) - logPriorDensity(space, { x: 0.5, c: 'a' })).toBeCloseTo(Math.log(3), 12);
  });
});
