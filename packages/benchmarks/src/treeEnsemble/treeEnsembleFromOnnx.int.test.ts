import type { Benchmark } from '@jahskit/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createJahsBenchmark } from '../jahs/createJahsBenchmark';
import { sampleRequests } from '../surrogate/surrogateBenchFixtures';
import { expectSameBits } from './expectSameBits';

/**
 * The differential test of issue 17 against the native onnxruntime: 100,000 configurations take about
 * 11 s, so it runs with the end-to-end tests; treeEnsembleFromOnnx.test.ts keeps the quick checks.
 */
describe("jahskit's tree-ensemble evaluator against onnxruntime-node on the shipped JAHS model", () => {
  let js: Benchmark;
  let native: Benchmark;
  beforeAll(async () => {
    const options = { objectives: ['valid_error', 'latency', 'size_MB'], variant: 'joint', intraOpNumThreads: 1 } as const;
    [js, native] = await Promise.all([createJahsBenchmark({ ...options, runtime: 'js' }), createJahsBenchmark({ ...options, runtime: 'node' })]);
  });
  afterAll(async () => Promise.all([js.close?.(), native.close?.()]));

  test('answers 100,000 random valid configurations as onnxruntime does, to the last bit', async () => {
    const requests = sampleRequests(js, 100_000, 2026);
    const [a, b] = await Promise.all([js.evaluate(requests), native.evaluate(requests)]);
    const raw = (evaluations: typeof a): Float64Array => Float64Array.from(evaluations.flatMap((e) => Object.values(e.raw!)));
    expectSameBits(raw(a), raw(b));
    expect(a.map((e) => e.cost)).toEqual(b.map((e) => e.cost));
  }, 120_000);
});
