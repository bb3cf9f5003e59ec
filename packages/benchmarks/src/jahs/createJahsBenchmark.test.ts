import { readFileSync } from 'node:fs';
import { JahskitError, type Benchmark, type Configuration } from '@jahskit/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packageDataPath } from '../internal/packageDataPath';
import { createJahsBenchmark } from './createJahsBenchmark';
import { jahsCost } from './jahsCostModel';
import { randomJahsFixed } from './randomJahsFixed';
import { expectTypedError } from '../internal/testing/expectTypedError';

interface Example {
  readonly config: Record<string, unknown>;
  readonly prediction: { readonly 'valid-acc': number; readonly size_MB: number; readonly latency: number };
}

const examples = JSON.parse(readFileSync(packageDataPath('jahs', 'examples.json'), 'utf8')) as Example[];
const FIDELITIES = ['N', 'W', 'Resolution', 'epoch'];

/** Splits an example's single `config` into configuration and fidelity, as `jahskit eval` does. */
function request(benchmark: Benchmark, raw: Record<string, unknown>) {
  const parsed = benchmark.parseConfig!(raw) as Record<string, unknown>;
  const config: Record<string, unknown> = {};
  const fidelity: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed)) (FIDELITIES.includes(k) ? fidelity : config)[k] = v;
  return { config: benchmark.space.validate(config), fidelity: benchmark.fidelitySpace.validate(fidelity), seed: 0 };
}

let jahs: Benchmark;
beforeAll(async () => {
  jahs = await createJahsBenchmark({ objectives: ['valid_error', 'latency'], variant: 'joint', intraOpNumThreads: 1 });
});
afterAll(async () => jahs.close?.());

describe('jahs', () => {
  test('reproduces the 10 examples exactly (float32 outputs)', async () => {
    const evaluations = await jahs.evaluate(examples.map((e) => request(jahs, e.config)));
    evaluations.forEach((evaluation, i) => {
      const p = examples[i]!.prediction;
      expect(evaluation.raw).toEqual({ 'valid-acc': p['valid-acc'], size_MB: p.size_MB, latency: p.latency });
      expect(evaluation.metrics['valid_error']).toBe(Math.min(100, Math.max(0, 100 - p['valid-acc'])));
      expect(evaluation.metrics['latency']).toBe(Math.max(0, p.latency));
      expect(evaluation.metrics['size_MB']).toBe(Math.max(0, p.size_MB));
    });
    // Example 4 predicts a negative latency: the metric is clipped, the raw output is not.
    expect(evaluations[3]!.raw!['latency']).toBeLessThan(0);
    expect(evaluations[3]!.metrics['latency']).toBe(0);
  });

  test('one evaluation equals the same row inside a batch', async () => {
    const batch = examples.map((e) => request(jahs, e.config));
    const all = await jahs.evaluate(batch);
    for (let i = 0; i < batch.length; i++) expect((await jahs.evaluate([batch[i]!]))[0]).toEqual(all[i]);
  });

  test('declares the multi-objective task and the remaining metric', () => {
    expect(jahs.objectives.map((o) => o.name)).toEqual(['valid_error', 'latency']);
    expect(jahs.objectives.every((o) => o.cheap === false && o.direction === 'minimize')).toBe(true);
    expect(jahs.metrics).toEqual(['size_MB']);
    expect(jahs.supportsContinuation).toBe(true);
    expect(jahs.fidelitySpace.defaultConfiguration()).toEqual({ N: 5, W: 16, Resolution: 1, epoch: 200 });
  });

  test('cost is linear in epochs and, for an architecture, grows with N, W and Resolution', async () => {
    const f = (N: number, W: number, Resolution: number, epoch: number): Configuration => ({ N, W, Resolution, epoch });
    expect(jahsCost(0.1, f(3, 8, 0.5, 100))).toBeCloseTo(2 * jahsCost(0.1, f(3, 8, 0.5, 50)), 9);
    const grid: Configuration[] = [];
    for (const N of [1, 3, 5]) for (const W of [4, 8, 16]) for (const Resolution of [0.25, 0.5, 1]) grid.push(f(N, W, Resolution, 10));
    for (const example of examples) {
      const { config } = request(jahs, example.config);
      const costs = (await jahs.evaluate(grid.map((fidelity) => ({ config, fidelity, seed: 0 })))).map((e) => e.cost);
      const at = (iN: number, iW: number, iR: number): number => costs[(iN * 3 + iW) * 3 + iR]!;
      for (let a = 0; a < 3; a++)
        for (let b = 0; b < 3; b++) {
          expect(at(1, a, b)).toBeGreaterThan(at(0, a, b));
          expect(at(2, a, b)).toBeGreaterThan(at(1, a, b));
          expect(at(a, 1, b)).toBeGreaterThan(at(a, 0, b));
          expect(at(a, 2, b)).toBeGreaterThan(at(a, 1, b));
          expect(at(a, b, 1)).toBeGreaterThan(at(a, b, 0));
          expect(at(a, b, 2)).toBeGreaterThan(at(a, b, 1));
        }
    }
  });

  test('accepts op names and string notations through parseConfig', () => {
    const parsed = jahs.parseConfig!({ ...examples[0]!.config, Op1: 'nor_conv_3x3', TrivialAugment: 'True', epoch: '65' }) as Record<string, unknown>;
    expect(parsed['Op1']).toBe(2);
    expect(parsed['TrivialAugment']).toBe(true);
    expect(parsed['epoch']).toBe(65);
  });

  test.each([
    ['unknown operation', { Op3: 7 }, {}, 'Op3'],
    ['NaN learning rate', { LearningRate: Number.NaN }, {}, 'LearningRate'],
    ['unknown activation', { Activation: 'GELU' }, {}, 'Activation'],
    ['Resolution 0.3', {}, { Resolution: 0.3 }, 'Resolution'],
    ['epoch 0', {}, { epoch: 0 }, 'epoch'],
    ['epoch 201', {}, { epoch: 201 }, 'epoch'],
    ['unknown key', { Op7: 1 }, {}, 'Op7'],
  ])('rejects %s with a typed error naming the parameter', async (_, configPatch, fidelityPatch, parameter) => {
    const base = request(jahs, examples[0]!.config);
    await expectTypedError(
      () => jahs.evaluate([{ ...base, config: { ...base.config, ...configPatch }, fidelity: { ...base.fidelity, ...fidelityPatch } }]),
      parameter,
    );
  });

  test('NAS-only and HPO-only variants fix the documented parameters', async () => {
    const nas = await createJahsBenchmark({ objectives: ['valid_error'], variant: 'nas', intraOpNumThreads: 1 });
    const hpo = await createJahsBenchmark({ objectives: ['valid_error'], variant: 'hpo', intraOpNumThreads: 1 });
    try {
      expect(
        nas.space.parameters
          .filter((p) => p.type === 'constant')
          .map((p) => p.name)
          .sort(),
      ).toEqual(['Activation', 'LearningRate', 'Optimizer', 'TrivialAugment', 'WeightDecay']);
      expect(
        hpo.space.parameters
          .filter((p) => p.type === 'constant')
          .map((p) => p.name)
          .sort(),
      ).toEqual(['Op1', 'Op2', 'Op3', 'Op4', 'Op5', 'Op6', 'Optimizer']);
      const config = nas.space.defaultConfiguration();
      const [evaluation] = await nas.evaluate([{ config, fidelity: nas.fidelitySpace.defaultConfiguration(), seed: 0 }]);
      expect(Number.isFinite(evaluation!.metrics['valid_error'])).toBe(true);
      const wrong = { ...hpo.space.defaultConfiguration(), Op1: 2 };
      const caught = await hpo.evaluate([{ config: wrong, fidelity: hpo.fidelitySpace.defaultConfiguration(), seed: 0 }]).catch((e: unknown) => e);
      expect((caught as JahskitError).parameter).toBe('Op1');
    } finally {
      await nas.close?.();
      await hpo.close?.();
    }
  });

  test.each(['nas', 'hpo'] as const)('%s with fixed = randomJahsFixed: the fixed values reach the model', async (variant) => {
    const fidelity = { N: 3, W: 8, Resolution: 0.5, epoch: 50 };
    const seeds = [0, 1, 2];
    const restricted = await Promise.all(
      seeds.map((seed) => createJahsBenchmark({ objectives: ['valid_error'], variant, fixed: randomJahsFixed(variant, seed), intraOpNumThreads: 1 })),
    );
    try {
      // One searched part for all seeds: the same point of the restricted spaces apart from the fixed values.
      const searched =
        variant === 'nas'
          ? { Op1: 2, Op2: 3, Op3: 2, Op4: 0, Op5: 3, Op6: 2 }
          : { Activation: 'Mish', LearningRate: 0.05, WeightDecay: 1e-4, TrivialAugment: true };
      const errors: number[] = [];
      for (const [i, benchmark] of restricted.entries()) {
        expect(benchmark.id).toBe(`jahs/${variant}`);
        const fixed = randomJahsFixed(variant, seeds[i]!);
        const config = benchmark.space.validate({ ...benchmark.space.defaultConfiguration(), ...searched });
        expect(config).toMatchObject(fixed);
        const [evaluation] = await benchmark.evaluate([{ config, fidelity, seed: 0 }]);
        // The joint benchmark answers the same full configuration identically.
        const [joint] = await jahs.evaluate([{ config: jahs.space.validate({ ...config }), fidelity, seed: 0 }]);
        expect(evaluation!.metrics['valid_error']).toBe(joint!.metrics['valid_error']);
        errors.push(evaluation!.metrics['valid_error']!);
        // A value other than the fixed one is refused, naming the parameter.
        const other =
          variant === 'nas' ? { ...config, LearningRate: fixed['LearningRate'] === 0.5 ? 0.25 : 0.5 } : { ...config, Op1: fixed['Op1'] === 1 ? 2 : 1 };
        const caught = await benchmark.evaluate([{ config: other, fidelity, seed: 0 }]).catch((e: unknown) => e);
        expect((caught as JahskitError).parameter).toBe(variant === 'nas' ? 'LearningRate' : 'Op1');
      }
      expect(new Set(errors).size).toBe(seeds.length);
    } finally {
      await Promise.all(restricted.map((b) => b.close?.()));
    }
  });

  test("a bad fixed value is refused before the model is loaded; 'joint' takes no fixed values", async () => {
    const missing = { objectives: ['valid_error'] as const, intraOpNumThreads: 1, dataDir: '/nowhere' };
    const nas = await createJahsBenchmark({ ...missing, variant: 'nas', fixed: { LearningRate: 2 } }).catch((e: unknown) => e);
    expect((nas as JahskitError).parameter).toBe('fixed.LearningRate');
    const joint = await createJahsBenchmark({ ...missing, variant: 'joint', fixed: randomJahsFixed('nas', 0) }).catch((e: unknown) => e);
    expect((joint as JahskitError).parameter).toBe('fixed');
  });
});

describe('jahs option fixedSeed', () => {
  test('fixes the other part to randomJahsFixed(variant, fixedSeed), and needs a restricted variant', async () => {
    const { jahsDescriptor } = await import('./jahsModule');
    const nas = await jahsDescriptor.create({ objectives: ['valid_error'], variant: 'nas', intraOpNumThreads: 1, fixedSeed: 7 }, { env: {} });
    try {
      const fixed = randomJahsFixed('nas', 7);
      const sample = nas.space.defaultConfiguration();
      for (const [name, value] of Object.entries(fixed)) expect(sample[name]).toBe(value);
    } finally {
      await nas.close?.();
    }
    await expect(jahsDescriptor.create({ objectives: ['valid_error'], variant: 'joint', intraOpNumThreads: 1, fixedSeed: 7 }, { env: {} })).rejects.toThrow(
      /"fixedSeed" needs variant 'nas' or 'hpo'/,
    );
  });
});
