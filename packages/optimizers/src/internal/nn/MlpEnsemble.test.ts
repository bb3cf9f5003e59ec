import { Rng } from '@jahskit/core';
import { nb201FromOpIndices, nb201Space } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { OneHotEncoder } from '../gp/OneHotEncoder';
import { Mlp } from './Mlp';
import { MlpEnsemble } from './MlpEnsemble';
import { Nb201PathEncoder } from './Nb201PathEncoder';

const target = (x: Float64Array, i: number, d: number): number => 3 * (x[i * d] as number) - 2 * (x[i * d + 1] as number) ** 2 + 0.5;

/** `n` uniform points in [0, 1]^d drawn from `rng`, and the target at each. */
function sampleTarget(rng: Rng, n: number, d: number): { x: Float64Array; y: Float64Array } {
  const x = Float64Array.from({ length: n * d }, () => rng.uniform());
  return { x, y: Float64Array.from({ length: n }, (_, i) => target(x, i, d)) };
}

describe('MLP and ensemble', () => {
  test('one training step follows the finite-difference gradient of the MSE', () => {
    const rng = Rng.seeded(1);
    const n = 6;
    const d = 3;
    const { x, y } = sampleTarget(rng, n, d);
    const net = new Mlp(d, [4, 3], Rng.seeded(2));
    const mse = (m: Mlp): number => {
      const p = m.predict(x, n);
      let s = 0;
      for (let i = 0; i < n; i++) s += ((p[i] as number) - (y[i] as number)) ** 2;
      return s / n;
    };
    // With Adam's first step every parameter moves by -lr * sign(gradient): compare signs with finite differences.
    const before = net.parameters.slice();
    const numeric = before.map((_, k) => {
      const h = 1e-6;
      const plus = new Mlp(d, [4, 3], Rng.seeded(2), before.slice());
      plus.parameters[k] = (plus.parameters[k] as number) + h;
      const minus = new Mlp(d, [4, 3], Rng.seeded(2), before.slice());
      minus.parameters[k] = (minus.parameters[k] as number) - h;
      return (mse(plus) - mse(minus)) / (2 * h);
    });
    net.train(x, y, n, Rng.seeded(3), { steps: 1, batchSize: n, learningRate: 1e-3, weightDecay: 0 });
    for (let k = 0; k < before.length; k++) {
      const moved = (net.parameters[k] as number) - (before[k] as number);
      if (Math.abs(numeric[k] as number) > 1e-7) expect(Math.sign(moved)).toBe(-Math.sign(numeric[k] as number));
    }
  });

  test('the ensemble fits a smooth function, members differ, and the fit is deterministic', () => {
    const rng = Rng.seeded(4);
    const n = 200;
    const d = 2;
    const { x, y } = sampleTarget(rng, n, d);
    const ens = MlpEnsemble.fit(x, n, d, y, Rng.seeded(5), { steps: 600 });
    const again = MlpEnsemble.fit(x, n, d, y, Rng.seeded(5), { steps: 600 });
    const test = Float64Array.from({ length: 50 * d }, () => rng.uniform());
    const { mean, sd } = ens.predictMeanSd(test, 50);
    let error = 0;
    for (let i = 0; i < 50; i++) error += ((mean[i] as number) - target(test, i, d)) ** 2;
    expect(Math.sqrt(error / 50)).toBeLessThan(0.15);
    expect(Math.max(...sd)).toBeGreaterThan(0);
    expect(again.predict(test, 50)).toEqual(ens.predict(test, 50));
    expect(ens.members).toBe(5);
  });
});

describe('encodings', () => {
  test('path encoding of NAS-Bench-201 cells', () => {
    const space = nb201Space();
    expect(Nb201PathEncoder.supports(space)).toBe(true);
    const encoder = new Nb201PathEncoder();
    const row = new Float64Array(encoder.width);
    // All none: no path.
    encoder.encodeInto(nb201FromOpIndices([0, 0, 0, 0, 0, 0]), row, 0);
    expect(row.reduce((a, b) => a + b, 0)).toBe(0);
    // Only 0->3 conv3x3 (code 3 = third live op, index 2): one length-1 path.
    encoder.encodeInto(nb201FromOpIndices([0, 0, 0, 3, 0, 0]), row, 0);
    expect(Array.from(row).flatMap((v, i) => (v === 1 ? [i] : []))).toEqual([2]);
    // All skip_connect (live index 0): four routes, sequences s, ss (twice), sss.
    encoder.encodeInto(nb201FromOpIndices([1, 1, 1, 1, 1, 1]), row, 0);
    expect(Array.from(row).flatMap((v, i) => (v === 1 ? [i] : []))).toEqual([0, 4, 20]);
  });

  test('one-hot encoding: groups per parameter, categorical one-hot', () => {
    const space = nb201Space();
    const encoder = new OneHotEncoder(space);
    expect(encoder.width).toBe(30);
    expect(encoder.groupCount).toBe(6);
    const x = encoder.encodeAll([nb201FromOpIndices([0, 1, 2, 3, 4, 0])]);
    expect(Array.from(x).flatMap((v, i) => (v === 1 ? [i] : []))).toEqual([0, 6, 12, 18, 24, 25]);
  });
});
