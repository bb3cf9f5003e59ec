import type { Observation } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { rejectedTrial } from './rejectedTrial';

const failed = (constraints: number[]): Observation => ({
  trial: { id: 4, config: { x: 1 }, fidelity: {} },
  status: 'failed',
  values: [],
  metrics: {},
  cost: 0,
  constraints,
});

describe('rejectedTrial', () => {
  test('a failed trial that breaks a constraint, with a copy of its constraint values', () => {
    const observation = failed([0.5, -1]);
    const rejected = rejectedTrial(observation);
    expect(rejected).toEqual({ id: 4, config: { x: 1 }, constraints: [0.5, -1] });
    expect(rejected?.constraints).not.toBe(observation.constraints);
  });

  test('none when every constraint holds or there are none', () => {
    expect(rejectedTrial(failed([0, -2]))).toBeUndefined();
    expect(rejectedTrial(failed([]))).toBeUndefined();
  });
});
