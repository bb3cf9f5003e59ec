import { JAHS_HPO_FIXED, JAHS_NAS_FIXED, jahsSpace } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { jahsDescriptor } from './jahsModule';
import { jahsVariantSpace } from './jahsVariantSpace';
import { randomJahsFixed } from './randomJahsFixed';

describe('randomJahsFixed', () => {
  test.each([
    ['nas', JAHS_NAS_FIXED],
    ['hpo', JAHS_HPO_FIXED],
  ] as const)('%s: exactly the parameters the variant fixes, deterministic per seed, a legal option', (variant, defaults) => {
    const seeds = Array.from({ length: 20 }, (_, i) => i);
    const draws = seeds.map((seed) => randomJahsFixed(variant, seed));
    for (const [i, fixed] of draws.entries()) {
      expect(Object.keys(fixed).sort()).toEqual(Object.keys(defaults).sort());
      expect(randomJahsFixed(variant, seeds[i]!)).toEqual(fixed);
      // The option schema and the variant's own checks accept it, and the space fixes those values.
      const options = jahsDescriptor.options.parse({ variant, fixed });
      const space = jahsVariantSpace(options.variant, options.fixed);
      expect(space.defaultConfiguration()).toMatchObject(fixed);
      expect(space.validate({ ...space.defaultConfiguration() })).toMatchObject(fixed);
    }
    expect(new Set(draws.map((d) => JSON.stringify(d))).size).toBe(draws.length);
  });

  test('the two variants of a seed are halves of one joint sample', () => {
    for (const seed of [0, 7, 2 ** 32 - 1]) {
      const joint = jahsSpace().validate({ ...randomJahsFixed('nas', seed), ...randomJahsFixed('hpo', seed) });
      expect(Object.keys(joint)).toHaveLength(jahsSpace().parameters.length);
    }
  });

  test('rejects a seed that is not a 32-bit unsigned integer', () => {
    expect(() => randomJahsFixed('nas', -1)).toThrow(/seed/);
    expect(() => randomJahsFixed('hpo', 1.5)).toThrow(/seed/);
  });
});
