import { Rng } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { choleskyInverse, choleskySolve, choleskyWithJitter, cholesky } from './cholesky';
import { fitGpHyperparameters } from './fitGpHyperparameters';
import { GaussianProcess } from './GaussianProcess';
import { logMarginalLikelihood, pairDistances } from './logMarginalLikelihood';

function randomSpd(n: number, rng: Rng): Float64Array {
  const b = Float64Array.from({ length: n * n }, () => rng.normal());
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = i === j ? n : 0;
      for (let k = 0; k < n; k++) s += (b[i * n + k] as number) * (b[j * n + k] as number);
      a[i * n + j] = s;
    }
  return a;
}

function rows(n: number, d: number, rng: Rng): Float64Array {
  return Float64Array.from({ length: n * d }, () => rng.uniform());
}

const f = (x: Float64Array, i: number, d: number): number => Math.sin(6 * (x[i * d] as number)) + (d > 1 ? (x[i * d + 1] as number) ** 2 : 0);

describe('Cholesky and triangular solves', () => {
  test('L L^T reproduces A, solves and the inverse agree with a direct product', () => {
    const rng = Rng.seeded(3);
    for (const n of [1, 2, 7, 25]) {
      const a = randomSpd(n, rng);
      const l = a.slice();
      expect(cholesky(l, n)).toBe(true);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += (l[i * n + k] as number) * (l[j * n + k] as number);
          expect(s).toBeCloseTo(a[i * n + j] as number, 9);
          if (j > i) expect(l[i * n + j]).toBe(0);
        }
      const b = Float64Array.from({ length: n }, () => rng.normal());
      const x = choleskySolve(l, n, b);
      const inv = choleskyInverse(l, n);
      for (let i = 0; i < n; i++) {
        let ax = 0;
        let invB = 0;
        for (let k = 0; k < n; k++) {
          ax += (a[i * n + k] as number) * (x[k] as number);
          invB += (inv[i * n + k] as number) * (b[k] as number);
        }
        expect(ax).toBeCloseTo(b[i] as number, 9);
        expect(invB).toBeCloseTo(x[i] as number, 9);
      }
    }
  });

  test('a singular matrix fails plainly and succeeds with jitter', () => {
    const a = Float64Array.from([1, 1, 1, 1]);
    expect(cholesky(a.slice(), 2)).toBe(false);
    const result = choleskyWithJitter(a, 2);
    expect(result).toBeDefined();
    expect(result!.jitter).toBeGreaterThan(0);
  });
});

describe('Gaussian process', () => {
  test('the posterior mean interpolates noiseless data and the variance vanishes there', () => {
    const rng = Rng.seeded(1);
    const n = 15;
    const d = 2;
    const x = rows(n, d, rng);
    const y = Array.from({ length: n }, (_, i) => f(x, i, d));
    const gp = GaussianProcess.fit(x, n, d, y, {
      hyperparameters: { logLengthScales: [Math.log(0.4), Math.log(0.4)], logSignalVariance: 0, logNoiseVariance: Math.log(1e-8) },
    });
    const { mean, variance } = gp.predict(x, n);
    for (let i = 0; i < n; i++) {
      expect(mean[i]).toBeCloseTo(y[i] as number, 4);
      expect(variance[i]).toBeLessThan(1e-5);
    }
    // Far from the data the prior returns: mean -> the data mean, variance -> s2 * scale^2.
    const far = gp.predict(Float64Array.from([50, 50]), 1);
    expect(far.mean[0]).toBeCloseTo(gp.yMean, 6);
    expect(far.variance[0]).toBeCloseTo(gp.yScale ** 2, 6);
  });

  test('the analytic LML gradient matches finite differences', () => {
    const rng = Rng.seeded(2);
    const n = 12;
    const d = 3;
    const x = rows(n, d, rng);
    const y = Float64Array.from({ length: n }, (_, i) => f(x, i, d) + 0.1 * rng.normal());
    const groupOf = Int32Array.from([0, 1, 1]);
    const pairs = pairDistances(x, n, d, groupOf, 2);
    const theta = Float64Array.from([Math.log(0.3), Math.log(0.8), Math.log(1.3), Math.log(0.05)]);
    const gradient = new Float64Array(4);
    logMarginalLikelihood(pairs, y, theta, gradient);
    const scratch = new Float64Array(4);
    for (let i = 0; i < 4; i++) {
      const h = 1e-5;
      const plus = theta.slice();
      const minus = theta.slice();
      plus[i] = (plus[i] as number) + h;
      minus[i] = (minus[i] as number) - h;
      const numeric = (logMarginalLikelihood(pairs, y, plus, scratch) - logMarginalLikelihood(pairs, y, minus, scratch)) / (2 * h);
      expect(gradient[i]).toBeCloseTo(numeric, 4);
    }
  });

  test('fitting raises the likelihood above the default start and learns an irrelevant dimension', () => {
    const rng = Rng.seeded(4);
    const n = 40;
    const d = 2;
    const x = rows(n, d, rng);
    // Depends on column 0 only.
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(6 * (x[i * d] as number)));
    const m = y.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(y.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
    const z = y.map((v) => (v - m) / sd);
    const groupOf = Int32Array.from([0, 1]);
    const fitted = fitGpHyperparameters(x, n, d, z, groupOf, Int32Array.from([1, 1]), { iterations: 80 });
    const start = logMarginalLikelihood(
      pairDistances(x, n, d, groupOf, 2),
      z,
      Float64Array.from([Math.log(0.5), Math.log(0.5), 0, Math.log(1e-3)]),
      new Float64Array(4),
    );
    expect(fitted.logMarginalLikelihood).toBeGreaterThan(start);
    const [l0, l1] = fitted.hyperparameters.logLengthScales as [number, number];
    expect(l1).toBeGreaterThan(l0 + 1);
    // And it predicts held-out points well.
    const gp = GaussianProcess.fit(x, n, d, y);
    const test = rows(20, d, rng);
    const { mean } = gp.predict(test, 20);
    for (let i = 0; i < 20; i++) expect(Math.abs((mean[i] as number) - Math.sin(6 * (test[i * d] as number)))).toBeLessThan(0.1);
  });

  test('condition() equals a refit with the same hyperparameters', () => {
    const rng = Rng.seeded(5);
    const n = 10;
    const d = 2;
    const x = rows(n + 1, d, rng);
    const y = Array.from({ length: n + 1 }, (_, i) => f(x, i, d));
    const base = GaussianProcess.fit(x, n, d, y.slice(0, n));
    const conditioned = base.condition(x.subarray(n * d), y[n] as number);
    // A refit with the same standardisation: fix hyperparameters and compare predictions.
    const probe = rows(5, d, rng);
    const a = conditioned.predict(probe, 5);
    // Brute force: posterior via the full (n+1) system with base's standardisation.
    const full = GaussianProcess.fit(x, n + 1, d, y, { hyperparameters: base.hyperparameters });
    const b = full.predict(probe, 5);
    // Standardisation differs (mean/scale from n vs n+1 points) but the posterior of f only shifts by
    // the prior-mean difference far from data; near the data both interpolate: compare at data points.
    const atData = conditioned.predict(x.subarray(0, (n + 1) * d), n + 1);
    const fullAtData = full.predict(x.subarray(0, (n + 1) * d), n + 1);
    for (let i = 0; i <= n; i++) expect(atData.mean[i]).toBeCloseTo(fullAtData.mean[i] as number, 2);
    expect(conditioned.n).toBe(n + 1);
    expect(a.mean.length).toBe(b.mean.length);
  });
});
