import { errorOf } from '@jahskit/core/testing';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CliError } from '../commandLineError';
import { MAX_SEED } from '../parseIntegerOption';
import { MAX_GRID_SEEDS, parseSeeds } from './parseSeeds';

describe('parseSeeds', () => {
  test('a count is seeds 0..n-1, a range a..b is a to b inclusive', () => {
    expect(parseSeeds('3')).toEqual([0, 1, 2]);
    expect(parseSeeds('10..12')).toEqual([10, 11, 12]);
    expect(parseSeeds('7..7')).toEqual([7]);
    expect(parseSeeds(`${MAX_SEED}..${MAX_SEED}`)).toEqual([MAX_SEED]);
  });

  test.each(['0', '-1', '3..2', '1.5', 'ten', '1..', '..4', '', ' 3', `0..${MAX_GRID_SEEDS}`, `0..${MAX_SEED + 1}`])(
    '%j is one usage error naming --seeds',
    (text) => {
      expect(errorOf(CliError, () => parseSeeds(text))).toMatchObject({
        kind: 'usage',
        parameter: 'seeds',
        message: expect.stringMatching(/^--seeds must be a count n >= 1 .* or a range a\.\.b/),
      });
    },
  );

  test('any range it accepts is consecutive and within bounds', () => {
    fc.assert(
      fc.property(fc.nat(MAX_SEED), fc.nat(200), (a, span) => {
        const b = Math.min(MAX_SEED, a + span);
        const seeds = parseSeeds(`${a}..${b}`);
        expect(seeds[0]).toBe(a);
        expect(seeds.at(-1)).toBe(b);
        expect(seeds.every((s, i) => s === a + i)).toBe(true);
      }),
    );
  });
});
