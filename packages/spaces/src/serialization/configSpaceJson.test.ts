import { Rng } from '@jahskit/core';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SpaceError } from '../errors/SpaceError';
import { FloatHyperparameter } from '../hyperparameters/FloatHyperparameter';
import type { ConfigurationSpace } from '../space/ConfigurationSpace';
import { exampleSpace, randomSpace } from '../space/spaceFixtures';
import { DEFAULT_CODEC } from './defaultCodec';
import { extendCodec } from './extendCodec';
import { readNumber } from './jsonFields';
import { readConfigSpaceJson } from './readConfigSpaceJson';
import { writeConfigSpaceJson } from './writeConfigSpaceJson';
import { expectSameModel } from '../space/expectSameModel';

const NB301 = readFileSync(new URL('./fixtures/nb301_config_space_v2.json', import.meta.url), 'utf8');

function expectSameSpace(a: ConfigurationSpace, b: ConfigurationSpace): void {
  expect(b.name).toBe(a.name);
  expectSameModel(a, b);
}

function expectJsonError(fn: () => unknown, parameter: string, fragment: string): void {
  try {
    fn();
    expect.unreachable();
  } catch (e) {
    expect(SpaceError.is(e)).toBe(true);
    expect((e as SpaceError).kind).toBe('invalid-json');
    expect((e as SpaceError).parameter).toBe(parameter);
    expect((e as SpaceError).message).toContain(fragment);
  }
}

describe('ConfigSpace JSON', () => {
  test('reads the NB301 space: 35 hyperparameters, 24 IN conditions, no forbiddens', () => {
    const space = readConfigSpaceJson(NB301);
    expect(space.parameters.length).toBe(35);
    expect(space.parameters.filter((p) => p.type === 'categorical').length).toBe(34);
    expect(space.get('epoch').spec).toEqual({ type: 'integer', name: 'epoch', lower: 1, upper: 98, log: false, default: 1 });
    expect(space.conditions.length).toBe(24);
    expect(space.conditions.every((c) => c.type === 'IN')).toBe(true);
    expect(space.forbiddens).toEqual([]);
    const c = space.sample(Rng.seeded(0));
    expect(Object.keys(c).length).toBe(35 - 24 + 12); // 2 input edges for each of nodes 3, 4, 5 in 2 cells
  });

  test('the NB301 file round-trips', () => {
    const space = readConfigSpaceJson(NB301);
    const written = writeConfigSpaceJson(space);
    expectSameSpace(space, readConfigSpaceJson(written));
    expect(writeConfigSpaceJson(readConfigSpaceJson(JSON.stringify(written)))).toEqual(written);
    // Same content as the original, up to the fields we do not write (null probabilities, module version).
    const original = JSON.parse(NB301) as { hyperparameters: Record<string, unknown>[]; conditions: unknown[] };
    expect((written['hyperparameters'] as unknown[]).length).toBe(original.hyperparameters.length);
    expect(written['conditions']).toEqual(original.conditions);
  });

  test('random spaces round-trip: write -> read is the identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), (seed) => {
        const space = seed % 7 === 0 ? exampleSpace() : randomSpace(seed);
        const written = writeConfigSpaceJson(space);
        const read = readConfigSpaceJson(JSON.stringify(written));
        expectSameSpace(space, read);
        expect(writeConfigSpaceJson(read)).toEqual(written);
        const c = space.sample(Rng.seeded(seed));
        expect(read.validate(c)).toEqual(c);
      }),
      { numRuns: 200 },
    );
  });

  test('restricted spaces round-trip too', () => {
    const space = exampleSpace().restrict({ optimizer: 'adam', use_dropout: true });
    const read = readConfigSpaceJson(writeConfigSpaceJson(space));
    expectSameSpace(space, read);
  });

  test('unsupported and unknown types are clear errors', () => {
    const doc = (hp: object) => ({ hyperparameters: [hp], conditions: [], forbiddens: [], json_format_version: 0.4 });
    // normal_* and beta_* are read now (see configSpaceJsonFormats.test.ts); their parameters are checked.
    expectJsonError(
      () => readConfigSpaceJson(doc({ name: 'x', type: 'normal_float', mu: 0, sigma: 0, log: false })),
      'x',
      'prior sigma must be a finite number > 0, got 0',
    );
    expectJsonError(
      () => readConfigSpaceJson(doc({ name: 'x', type: 'beta_int', alpha: 1, beta: -1, lower: 0, upper: 3 })),
      'x',
      'prior beta must be a finite number > 0',
    );
    expectJsonError(() => readConfigSpaceJson(doc({ name: 'x', type: 'weird' })), 'x', 'unknown hyperparameter type "weird"');
    expectJsonError(() => readConfigSpaceJson(doc({ name: 'x', type: 'uniform_float', lower: 1, upper: 0 })), 'x', 'hyperparameters[0]');
    expectJsonError(() => readConfigSpaceJson('{"hyperparameters": ['), '(document)', 'not valid JSON');
    expectJsonError(() => readConfigSpaceJson({ conditions: [] }), '(document)', '"hyperparameters" must be an array');
    expectJsonError(
      () =>
        readConfigSpaceJson({
          hyperparameters: [{ name: 'a', type: 'categorical', choices: [1, 2] }],
          conditions: [{ child: 'b', parent: 'a', type: 'EQ', value: 1 }],
        }),
      'b',
      'unknown child',
    );
    expectJsonError(
      () => readConfigSpaceJson({ hyperparameters: [], forbiddens: [{ left: 'a', right: 'b', type: 'RELATION', lambda: 'CALLABLE' }] }),
      'a',
      'lambda "CALLABLE"',
    );
  });

  test('reads ConfigSpace 1.x fields: default_value, weights, meta, q', () => {
    const space = readConfigSpaceJson({
      name: 'x',
      hyperparameters: [
        { name: 'a', type: 'categorical', choices: ['u', 'v'], default_value: 'v', weights: [1, 3], meta: { help: 'hi' } },
        { name: 'b', type: 'uniform_float', lower: 0, upper: 1, q: 0.5, log: false, default_value: 0.5 },
        { name: 'c', type: 'unparametrized', value: 'k' },
      ],
      conditions: [
        {
          child: 'b',
          type: 'OR',
          conditions: [
            { child: 'b', parent: 'a', type: 'EQ', value: 'u' },
            { child: 'b', parent: 'a', type: 'NEQ', value: 'v' },
          ],
        },
      ],
      forbiddens: [
        {
          name: 'a',
          type: 'AND',
          clauses: [
            { name: 'a', type: 'EQUALS', value: 'u' },
            { name: 'b', type: 'IN', values: [1] },
          ],
        },
      ],
    });
    expect(space.get('a').spec).toEqual({ type: 'categorical', name: 'a', choices: ['u', 'v'], default: 'v', weights: [1, 3] });
    expect(space.get('a').meta).toEqual({ help: 'hi' });
    expect(space.get('b').spec).toEqual({ type: 'float', name: 'b', lower: 0, upper: 1, log: false, q: 0.5, default: 0.5 });
    expect(space.get('c').type).toBe('constant');
    // A document with default_value is ConfigSpace 1.x: written back as it was read, or in the old keys on request.
    const written = (defaultKey: string) => ({ name: 'a', type: 'categorical', choices: ['u', 'v'], [defaultKey]: 'v', weights: [1, 3], meta: { help: 'hi' } });
    expect(writeConfigSpaceJson(space)['hyperparameters']).toContainEqual(written('default_value'));
    expect(writeConfigSpaceJson(space, { format: '0.4' })['hyperparameters']).toContainEqual(written('default'));
  });

  test('the codec tables can be extended without touching the default', () => {
    const codec = extendCodec(DEFAULT_CODEC, {
      hyperparameterReaders: {
        // Approximate a normal prior by a uniform over mu +- 3 sigma.
        my_normal_float: (item) => {
          const name = item.data['name'] as string;
          const mu = readNumber(item, 'mu');
          const sigma = readNumber(item, 'sigma');
          return new FloatHyperparameter(name, mu - 3 * sigma, mu + 3 * sigma, { default: mu });
        },
      },
    });
    const doc = { hyperparameters: [{ name: 'x', type: 'my_normal_float', mu: 0, sigma: 1, log: false, default: 0 }] };
    expect(readConfigSpaceJson(doc, { codec }).get('x').spec).toEqual({ type: 'float', name: 'x', lower: -3, upper: 3, log: false, default: 0 });
    expect(() => readConfigSpaceJson(doc)).toThrow(SpaceError);
  });

  test('the JAHS search_space.json is not ConfigSpace JSON (an object of hyperparameters)', () => {
    const text = readFileSync(new URL('./fixtures/jahs_search_space.json', import.meta.url), 'utf8');
    expectJsonError(() => readConfigSpaceJson(text), '(document)', '"hyperparameters" must be an array');
  });
});
