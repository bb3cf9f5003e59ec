import { validateOptions, type BenchmarkDescriptor } from '@jahskit/core';
import { coreErrorOf } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { jahsDescriptor } from './jahs/jahsModule';
import { nb201Descriptor } from './nb201/nb201Module';
import { nb301Descriptor } from './nb301/nb301Module';

describe('the objectives option of the benchmarks with named objectives', () => {
  test.each([nb201Descriptor, nb301Descriptor, jahsDescriptor] as BenchmarkDescriptor[])(
    '$id refuses a name given twice before anything loads',
    (descriptor) => {
      const error = coreErrorOf(() => validateOptions(descriptor.options, { objectives: ['valid_error', 'valid_error'] }, descriptor.id));
      expect(error.kind).toBe('invalid-option');
      expect(error.message).toMatch(/objectives.*objective names must be distinct/);
      expect(validateOptions(descriptor.options, {}, descriptor.id)).toMatchObject({ objectives: ['valid_error'] });
    },
  );
});
