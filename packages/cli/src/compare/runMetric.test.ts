import type { Benchmark, KnownOptimum } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { runMetric } from './runMetric';

/** Only what runMetric reads of a benchmark: its objectives' names and what is known of its optimum. */
function benchmarkWith(objectives: readonly string[], optimum?: KnownOptimum): Benchmark {
  return { objectives: objectives.map((name) => ({ name, direction: 'minimize' })), ...(optimum !== undefined ? { optimum } : {}) } as unknown as Benchmark;
}

const front = { objectives: ['err', 'latency'], points: [[0.1, 2]], referencePoint: [1, 10] };

describe('runMetric', () => {
  test('regret where the single objective has a known optimum', () => {
    expect(runMetric(benchmarkWith(['err'], { values: { err: 0.05 } }))).toEqual({ metric: 'regret', optimum: 0.05, front: undefined });
  });

  test('hypervolume where a front of exactly the objectives, in their order, has a reference point', () => {
    expect(runMetric(benchmarkWith(['err', 'latency'], { values: { err: 0.05 }, paretoFronts: [front] }))).toEqual({
      metric: 'hypervolume',
      optimum: 0.05,
      front,
    });
  });

  test('else the best value: no optimum, no front of these objectives, or a front without a reference point', () => {
    expect(runMetric(benchmarkWith(['err'])).metric).toBe('best');
    expect(runMetric(benchmarkWith(['latency', 'err'], { values: {}, paretoFronts: [front] }))).toEqual({
      metric: 'best',
      optimum: undefined,
      front: undefined,
    });
    expect(runMetric(benchmarkWith(['err', 'latency', 'size'], { values: {}, paretoFronts: [front] })).front).toBeUndefined();
    const { referencePoint: _, ...bare } = front;
    expect(runMetric(benchmarkWith(['err', 'latency'], { values: {}, paretoFronts: [bare] }))).toEqual({ metric: 'best', optimum: undefined, front: bare });
  });
});
