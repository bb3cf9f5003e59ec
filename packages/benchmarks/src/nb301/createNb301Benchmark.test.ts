import { readFileSync } from 'node:fs';
import type { Benchmark } from '@jahskit/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packageDataPath } from '../internal/packageDataPath';
import { createNb301Benchmark } from './createNb301Benchmark';
import { expectTypedError } from '../internal/testing/expectTypedError';

interface Example {
  readonly config: Record<string, unknown>;
  readonly prediction: { readonly val_accuracy: number; readonly val_cross_entropy: number; readonly runtime: number; readonly runtime_increase: number };
}

const examples = JSON.parse(readFileSync(packageDataPath('nb301', 'examples.json'), 'utf8')) as Example[];
const P = 'NetworkSelectorDatasetInfo_COLON_darts_COLON_';

function request(benchmark: Benchmark, raw: Record<string, unknown>) {
  const { epoch, ...config } = raw;
  return { config: benchmark.space.validate(config), fidelity: benchmark.fidelitySpace.validate({ epoch }), seed: 0 };
}

let nb301: Benchmark;
beforeAll(async () => {
  nb301 = await createNb301Benchmark({ objectives: ['valid_error', 'val_cross_entropy'], intraOpNumThreads: 1 });
});
afterAll(async () => nb301.close?.());

describe('nb301', () => {
  test('has the DARTS space of config_space_v2.json and the epoch fidelity', () => {
    expect(nb301.space.parameters).toHaveLength(34);
    expect(nb301.space.parameters.every((p) => p.type === 'categorical')).toBe(true);
    expect(nb301.fidelitySpace.parameters).toEqual([expect.objectContaining({ name: 'epoch', type: 'integer', lower: 1, upper: 98 })]);
    expect(nb301.fidelitySpace.defaultConfiguration()).toEqual({ epoch: 98 });
    expect(nb301.objectives.map((o) => o.name)).toEqual(['valid_error', 'val_cross_entropy']);
    expect(nb301.metrics).toEqual(['runtime']);
    expect(nb301.supportsContinuation).toBe(true);
  });

  test('concurrent and repeated calls of different sizes give the answers of separate calls', async () => {
    const all = examples.map((e) => request(nb301, e.config));
    const separate = await Promise.all(all.map(async (r) => (await nb301.evaluate([r]))[0]!));
    // Interleaved batches share nothing (each takes the reusable buffers or its own), and a reused
    // buffer holds no trace of an earlier, larger batch.
    const [a, b, c] = await Promise.all([nb301.evaluate(all), nb301.evaluate(all.slice(3, 7)), nb301.evaluate(all.slice().reverse())]);
    const again = await nb301.evaluate(all.slice(0, 2));
    expect(a).toEqual(separate);
    expect(b).toEqual(separate.slice(3, 7));
    expect(c).toEqual(separate.slice().reverse());
    expect(again).toEqual(separate.slice(0, 2));
    expect(a[0]).not.toBe(a[1]);
    expect(a[0]!.metrics).not.toBe(a[1]!.metrics);
  });

  test('reproduces the 10 examples to 1e-6', async () => {
    const evaluations = await nb301.evaluate(examples.map((e) => request(nb301, e.config)));
    evaluations.forEach((evaluation, i) => {
      const p = examples[i]!.prediction;
      for (const key of ['val_accuracy', 'val_cross_entropy', 'runtime', 'runtime_increase'] as const)
        expect(Math.abs(evaluation.raw![key]! - p[key])).toBeLessThanOrEqual(1e-6);
      expect(evaluation.metrics['valid_error']).toBeCloseTo(100 * (1 - p.val_accuracy), 4);
      expect(evaluation.metrics['val_cross_entropy']).toBeCloseTo(p.val_cross_entropy, 6);
      expect(evaluation.cost).toBeCloseTo(Math.max(0, p.runtime), 3);
    });
  });

  test('one evaluation equals the same row inside a batch', async () => {
    const batch = examples.map((e) => request(nb301, e.config));
    const all = await nb301.evaluate(batch);
    for (let i = 0; i < batch.length; i++) expect((await nb301.evaluate([batch[i]!]))[0]).toEqual(all[i]);
  });

  test.each([
    ['an unknown operation name', { [`${P}edge_normal_0`]: 'conv_7x7' }, {}, `${P}edge_normal_0`],
    ['an inactive parameter set', { [`${P}edge_normal_2`]: 'skip_connect' }, {}, `${P}edge_normal_2`],
    ['an unknown input pair', { [`${P}inputs_node_normal_3`]: '3_4' }, {}, `${P}inputs_node_normal_3`],
    ['epoch 0', {}, { epoch: 0 }, 'epoch'],
    ['epoch 99', {}, { epoch: 99 }, 'epoch'],
    ['epoch 1.5', {}, { epoch: 1.5 }, 'epoch'],
  ])('rejects %s with a typed error naming the parameter', async (_, configPatch, fidelityPatch, parameter) => {
    // Example 1 uses inputs 1_2 on normal node 3, so edge_normal_2 (input 0 -> node 2) is inactive.
    const base = request(nb301, examples[0]!.config);
    await expectTypedError(
      () => nb301.evaluate([{ ...base, config: { ...base.config, ...configPatch }, fidelity: { ...base.fidelity, ...fidelityPatch } }]),
      parameter,
    );
  });
});
