import fc from 'fast-check';
import { applyByteEdits, byteEdit, fuzzTest } from '@jahskit/core/testing';
import { describe, expect } from 'vitest';
import { BenchmarkError } from '../errors/BenchmarkError';
import { readOnnxGraph } from './readOnnxGraph';
import { treeEnsembleFromOnnx } from './treeEnsembleFromOnnx';
import { treeEnsembleOnnx } from './treeEnsembleFixtures';

const FILE = '/data/model.onnx';
const model = treeEnsembleOnnx({
  features: 2,
  targets: 2,
  trees: [
    {
      target: 0,
      tree: {
        feature: 1,
        threshold: 0.5,
        mode: 'BRANCH_LEQ',
        nanToTrue: true,
        yes: { leaf: 1 },
        no: { feature: 0, threshold: -1, mode: 'BRANCH_LT', nanToTrue: false, yes: { leaf: 2 }, no: { leaf: 3 } },
      },
    },
    { target: 1, tree: { leaf: -4 } },
  ],
  baseValues: [0.5, 0],
});

const input = fc.oneof(
  { weight: 4, arbitrary: fc.array(byteEdit, { minLength: 1, maxLength: 4 }).map((edits) => applyByteEdits(model, edits)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: model.length - 1 }).map((n) => model.subarray(0, n)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
);

describe('readOnnxGraph over edited, truncated and random bytes', () => {
  fuzzTest('returns a graph (taken by the evaluator or not) or fails as a model error naming the file, in bounded time', [input], 500, (bytes) => {
    const start = performance.now();
    try {
      const found = treeEnsembleFromOnnx(readOnnxGraph(bytes, FILE));
      if ('model' in found) found.model.ensemble.predict(new Float32Array(8), 4, 2);
    } catch (error) {
      expect(BenchmarkError.is(error), String((error as Error)?.stack ?? error)).toBe(true);
      expect((error as BenchmarkError).kind).toBe('model-error');
      expect((error as BenchmarkError).parameter).toBe(FILE);
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
