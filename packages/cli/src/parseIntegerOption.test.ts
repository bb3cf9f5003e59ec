import { assertSeed } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { CliError } from './commandLineError';
import { MAX_SEED, parseIntegerOption } from './parseIntegerOption';

describe('parseIntegerOption', () => {
  test('reads an integer within the bounds', () => {
    expect(parseIntegerOption('0', 'seed', 0, MAX_SEED)).toBe(0);
    expect(parseIntegerOption(String(MAX_SEED), 'seed', 0, MAX_SEED)).toBe(MAX_SEED);
    expect(parseIntegerOption('12', 'workers', 1)).toBe(12);
  });

  test.each([
    ['-1', 0, MAX_SEED, /^--n must be an integer from 0 to 4294967295, got "-1"$/],
    ['99999999999999', 0, MAX_SEED, /^--n must be an integer from 0 to 4294967295, got "99999999999999"$/],
    ['x', 1, undefined, /^--n must be an integer >= 1, got "x"$/],
    ['1.5', 1, undefined, /^--n must be an integer >= 1/],
    ['1e3', 1, undefined, /^--n must be an integer >= 1/],
    ['', 1, undefined, /^--n must be an integer >= 1, got ""$/],
  ])('%j is a usage error naming the flag and the allowed values', (text, min, max, message) => {
    const error = (() => {
      try {
        parseIntegerOption(text, 'n', min, max);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(CliError.is(error) && error.kind).toBe('usage');
    expect((error as Error).message).toMatch(message);
  });

  test('MAX_SEED is the largest seed core accepts', () => {
    expect(() => assertSeed(MAX_SEED, 'seed')).not.toThrow();
    expect(() => assertSeed(MAX_SEED + 1, 'seed')).toThrow();
  });
});
