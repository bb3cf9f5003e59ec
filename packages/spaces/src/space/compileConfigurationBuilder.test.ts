import { Rng } from '@jahskit/core';
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { categorical } from '../hyperparameters/CategoricalHyperparameter';
import { ConfigurationSpace } from './ConfigurationSpace';
import { compileConfigurationBuilder } from './compileConfigurationBuilder';

/** The builder before this one: keyed stores from `{}` in parameter order (the oracle). */
function loopBuild(names: readonly string[], slots: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  names.forEach((name, i) => {
    if (slots[i] !== undefined) out[name] = slots[i];
  });
  return out;
}

describe('compileConfigurationBuilder', () => {
  test('builds what a loop of keyed stores from {} builds, key order included', () => {
    const name = fc.oneof(fc.string(), fc.constantFrom('0', '12', 'constructor', 'toString', '"', '\\', '\u2028', 'a b'));
    const value = fc.oneof(fc.constant(undefined), fc.string(), fc.double(), fc.boolean(), fc.integer());
    fc.assert(
      fc.property(
        fc
          .uniqueArray(name, { maxLength: 40 })
          .chain((names) => fc.tuple(fc.constant(names), fc.array(value, { minLength: names.length, maxLength: names.length }))),
        ([names, slots]) => {
          const built = compileConfigurationBuilder(names)(slots as never);
          const expected = loopBuild(names, slots);
          expect(Object.getPrototypeOf(built)).toBe(Object.getPrototypeOf(expected));
          // Entries, not toStrictEqual on the objects: that compares their `constructor`s with ===,
          // and a parameter called constructor whose value is NaN then never equals itself.
          expect(Object.entries(built)).toEqual(Object.entries(expected));
          expect(JSON.stringify(built)).toBe(JSON.stringify(expected));
        },
      ),
    );
  });

  test('a parameter called __proto__ behaves as it did with keyed stores', () => {
    const slots = ['x', undefined, 1];
    const names = ['a', '__proto__', 'b'];
    expect(compileConfigurationBuilder(names)(slots)).toStrictEqual(loopBuild(names, slots));
    const withProto = [{ y: 1 } as never, 2];
    const protoNames = ['__proto__', 'c'];
    const built = compileConfigurationBuilder(protoNames)(withProto);
    const expected = loopBuild(protoNames, withProto);
    expect(Object.getPrototypeOf(built)).toBe(Object.getPrototypeOf(expected));
    expect(Object.keys(built)).toEqual(Object.keys(expected));
  });

  test('configurations of a large space are fast-mode objects, not dictionaries', () => {
    // What this builder is for: V8 makes `{}` with more than ~16 keys added by keyed stores a
    // dictionary, which every consumer of the configuration then pays for.
    setFlagsFromString('--allow-natives-syntax');
    const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
    const space = new ConfigurationSpace({ parameters: Array.from({ length: 40 }, (_, i) => categorical(`p${i}`, ['a', 'b', 'c'])) });
    const config = space.sample(Rng.seeded(1));
    expect(Object.keys(config)).toHaveLength(40);
    expect(hasFastProperties(config)).toBe(true);
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(config.constructor).toBe(Object);
    // V8 sizes instances after the first few: small configurations first must not make later large
    // ones dictionaries.
    const names = Array.from({ length: 40 }, (_, i) => `q${i}`);
    const build = compileConfigurationBuilder(names);
    for (let i = 0; i < 20; i++) build(names.map((_, j) => (j < 2 ? 'a' : undefined)));
    expect(hasFastProperties(build(names.map(() => 'a')))).toBe(true);
  });
});
