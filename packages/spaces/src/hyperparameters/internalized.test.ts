import { Rng } from '@jahskit/core';
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { categorical } from './CategoricalHyperparameter';
import { internalized } from './internalized';
import { ordinal } from './OrdinalHyperparameter';

setFlagsFromString('--allow-natives-syntax');
const isInternalized = new Function('s', 'return %IsInternalizedString(s)') as (s: string) => boolean;

describe('internalized', () => {
  test('returns the same value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constantFrom('__proto__', '0', '12', 'constructor', '')), (value) => {
        expect(Object.is(internalized(value), value)).toBe(true);
      }),
    );
  });

  test('a string read from JSON comes back internalized', () => {
    const [parsed] = JSON.parse('["sep_conv_3x3"]') as [string];
    expect(isInternalized(parsed)).toBe(false);
    expect(isInternalized(internalized(parsed) as string)).toBe(true);
  });

  test('choice parameters hand out internalized strings, whatever strings they were given', () => {
    const [a, b] = JSON.parse('["max_pool_3x3", "dil_conv_5x5"]') as [string, string];
    for (const hp of [categorical('op', [a, b]), ordinal('size', [a, b])]) {
      const drawn = hp.sample(Rng.seeded(1));
      expect([a, b]).toContain(drawn);
      expect(isInternalized(drawn as string)).toBe(true);
      expect(isInternalized(hp.decode(1) as string)).toBe(true);
    }
  });
});
