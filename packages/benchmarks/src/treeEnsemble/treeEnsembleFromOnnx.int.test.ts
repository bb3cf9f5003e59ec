import { describe, expect, test } from 'vitest';
import { sampleRequests } from '../surrogate/surrogateBenchFixtures';
import { expectSameBits } from './expectSameBits';
import { jahsOnBothRuntimes } from './jahsOnBothRuntimes';

/**
 * The differential test of issue 17 against the native onnxruntime: 100,000 configurations take about
 * 11 s, so it runs with the end-to-end tests; treeEnsembleFromOnnx.test.ts keeps the quick checks.
 */
describe("jahskit's tree-ensemble evaluator against onnxruntime-node on the shipped JAHS model", () => {
  const jahs = jahsOnBothRuntimes();

  test('answers 100,000 random valid configurations as onnxruntime does, to the last bit', async () => {
    const requests = sampleRequests(jahs.js, 100_000, 2026);
    const [a, b] = await Promise.all([jahs.js.evaluate(requests), jahs.native.evaluate(requests)]);
    const raw = (evaluations: typeof a): Float64Array => Float64Array.from(evaluations.flatMap((e) => Object.values(e.raw!)));
    expectSameBits(raw(a), raw(b));
    expect(a.map((e) => e.cost)).toEqual(b.map((e) => e.cost));
  }, 120_000);
});
