import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { CoreError, optimizerContextFor, validateOptions, type OptimizerContext } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { RandomSearch } from '../rs/RandomSearch';
import { optimizerDescriptor } from './optimizerDescriptor';

interface ProbeOptions {
  readonly width: number;
}

class Probe extends RandomSearch {
  constructor(
    readonly options: ProbeOptions,
    context: OptimizerContext,
  ) {
    super(context);
  }
}

const descriptor = optimizerDescriptor<ProbeOptions>('probe', 'a probe', Probe, {
  width: z.number().int().min(1).default(3).describe('how wide'),
});
const context = optimizerContextFor(createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 }), 1);

describe('optimizerDescriptor', () => {
  test("takes the id, the summary and the class's capabilities", () => {
    expect(descriptor).toMatchObject({ id: 'probe', summary: 'a probe', capabilities: RandomSearch.capabilities });
  });

  test('fills defaults and creates a fresh instance per call from the validated options', () => {
    const options = validateOptions(descriptor.options, {}, descriptor.id);
    expect(options).toEqual({ width: 3 });
    const a = descriptor.create(options, context);
    expect(a).toBeInstanceOf(Probe);
    expect((a as Probe).options).toEqual({ width: 3 });
    expect(descriptor.create(options, context)).not.toBe(a);
  });

  test('an unknown option is a typed error naming it', () => {
    let error: unknown;
    try {
      validateOptions(descriptor.options, { widht: 2 }, descriptor.id);
    } catch (e) {
      error = e;
    }
    expect(CoreError.is(error)).toBe(true);
    expect(String(error)).toContain('widht');
  });
});
