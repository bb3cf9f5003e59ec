import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { coreErrorOf } from '../testing/coreErrorOf';
import { objectivesOption } from './objectivesOption';
import { validateOptions } from './validateOptions';

const schema = z.object({ objectives: objectivesOption(['error', 'latency', 'size'], ['error']) }).strict();

describe('objectivesOption', () => {
  test('defaults, keeps the order given, and lists the names in its description', () => {
    expect(validateOptions(schema, {}, 'toy')).toEqual({ objectives: ['error'] });
    expect(validateOptions(schema, { objectives: ['size', 'error'] }, 'toy')).toEqual({ objectives: ['size', 'error'] });
    expect(schema.shape.objectives.description).toBe('objectives in order, from error, latency, size');
  });

  test('an unknown name, an empty list or a name given twice is an option error naming `objectives`', () => {
    for (const objectives of [['accuracy'], [], ['error', 'error']]) {
      const error = coreErrorOf(() => validateOptions(schema, { objectives }, 'toy'));
      expect(error.kind).toBe('invalid-option');
      expect(error.message).toContain('objectives');
    }
    expect(coreErrorOf(() => validateOptions(schema, { objectives: ['error', 'error'] }, 'toy')).message).toContain('objective names must be distinct');
  });
});
