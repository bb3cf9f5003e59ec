import type { Benchmark } from '@jahskit/core';
import { afterAll, beforeAll } from 'vitest';
import { createJahsBenchmark } from '../jahs/createJahsBenchmark';

/**
 * The shipped JAHS model on jahskit's tree-ensemble evaluator and on onnxruntime-node (one thread), opened
 * before the file's tests and closed after them: read `js` and `native` inside tests.
 */
export function jahsOnBothRuntimes(): { js: Benchmark; native: Benchmark } {
  const both = {} as { js: Benchmark; native: Benchmark };
  beforeAll(async () => {
    const options = { objectives: ['valid_error', 'latency', 'size_MB'], variant: 'joint', intraOpNumThreads: 1 } as const;
    [both.js, both.native] = await Promise.all([createJahsBenchmark({ ...options, runtime: 'js' }), createJahsBenchmark({ ...options, runtime: 'node' })]);
  });
  afterAll(async () => Promise.all([both.js.close?.(), both.native.close?.()]));
  return both;
}
