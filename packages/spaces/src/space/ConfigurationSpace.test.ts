import { Rng, type Configuration, type ParamValue } from '@jahskit/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SpaceError } from '../errors/SpaceError';
import { categorical } from '../hyperparameters/CategoricalHyperparameter';
import { constant } from '../hyperparameters/ConstantHyperparameter';
import { float } from '../hyperparameters/FloatHyperparameter';
import { integer } from '../hyperparameters/IntegerHyperparameter';
import { ordinal } from '../hyperparameters/OrdinalHyperparameter';
import { equalsCondition } from '../conditions/equalsCondition';
import { forbiddenEquals } from '../forbiddens/forbiddenEquals';
import { ConfigurationSpace } from './ConfigurationSpace';
import { exampleSpace, randomSpace } from './spaceFixtures';

const seeds = fc.integer({ min: 0, max: 0xffff_ffff });
const RUNS = { numRuns: 150 };

function spaceOf(seed: number): ConfigurationSpace {
  return seed % 5 === 0 ? exampleSpace() : randomSpace(seed);
}

/** `check` on a random space and a configuration sampled from it with seed `seed`, whose stream `rng` continues. */
function forSampled(check: (space: ConfigurationSpace, c: Configuration, rng: Rng) => void, runs = RUNS): void {
  fc.assert(
    fc.property(seeds, (seed) => {
      const space = spaceOf(seed);
      const rng = Rng.seeded(seed);
      check(space, space.sample(rng), rng);
    }),
    runs,
  );
}

/** Expects `fn` to throw a SpaceError of `kind` about `parameter`. */
function expectSpaceError(fn: () => unknown, kind: string, parameter: string): SpaceError {
  try {
    fn();
  } catch (error) {
    expect(SpaceError.is(error)).toBe(true);
    const e = error as SpaceError;
    expect({ kind: e.kind, parameter: e.parameter }).toEqual({ kind, parameter });
    expect(e.message).toContain(`"${parameter}"`);
    return e;
  }
  throw new Error(`expected a SpaceError ${kind} about ${parameter}`);
}

function expectClose(actual: Configuration, expected: Configuration): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [k, v] of Object.entries(expected)) {
    const a = actual[k] as ParamValue;
    if (typeof v === 'number' && typeof a === 'number' && !Number.isInteger(v)) expect(a).toBeCloseTo(v, 9);
    else expect(a).toBe(v);
  }
}

describe('ConfigurationSpace', () => {
  test('the construction API of the brief', () => {
    const space = new ConfigurationSpace({
      name: 'branin',
      parameters: [float('x1', -5, 10), float('x2', 0, 15, { log: false, default: 7.5 })],
    });
    expect(space.names).toEqual(['x1', 'x2']);
    expect(space.defaultConfiguration()).toEqual({ x1: 2.5, x2: 7.5 });
    expect(space.parameters[0]).toEqual({ type: 'float', name: 'x1', lower: -5, upper: 10, log: false, default: 2.5 });
  });

  test('sampled configurations always validate, keys in definition order, inactive absent', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const space = spaceOf(seed);
        const rng = Rng.seeded(seed);
        for (let i = 0; i < 5; i++) {
          const c = space.sample(rng);
          expect(space.validate(c)).toEqual(c);
          const keys = Object.keys(c);
          expect(keys).toEqual(space.names.filter((n) => keys.includes(n)));
          for (const name of space.names) expect(space.isActive(name, c)).toBe(name in c);
        }
      }),
      RUNS,
    );
  });

  test('decode(encode(c)) equals c', () => {
    forSampled((space, c) => {
      const v = space.encode(c);
      expect(v.length).toBe(space.names.length);
      space.names.forEach((n, i) => expect(Number.isNaN(v[i])).toBe(!(n in c)));
      expectClose(space.decode(v), c);
    });
  });

  test('one-hot encoding: blocks per parameter, zeros when inactive', () => {
    const space = exampleSpace();
    const rng = Rng.seeded(3);
    for (let t = 0; t < 50; t++) {
      const c = space.sample(rng);
      const x = space.encodeOneHot(c);
      expect(x.length).toBe(space.oneHotDimension);
      space.hyperparameters.forEach((hp, i) => {
        const block = Array.from(x.subarray(space.oneHotOffsets[i], (space.oneHotOffsets[i] as number) + hp.oneHotSize));
        if (!(hp.name in c)) expect(block.every((b) => b === 0)).toBe(true);
        else if (hp.type === 'categorical' || hp.type === 'ordinal') expect(block.reduce((a, b) => a + b, 0)).toBe(1);
      });
    }
  });

  test('neighbours are legal and differ in exactly one shared parameter', () => {
    forSampled((space, c, rng) => {
      for (const nb of space.neighbours(c, rng, 3)) {
        expect(space.validate(nb)).toEqual(nb);
        const changed = space.names.filter((n) => n in c && n in nb && c[n] !== nb[n]);
        expect(changed.length).toBe(1);
      }
      const m = space.mutate(c, rng);
      expect(space.validate(m)).toEqual(m);
    });
  });

  test('restrict(fixed) samples are legal in the original space and keep the fixed values', () => {
    fc.assert(
      fc.property(seeds, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (seed, picks) => {
        const space = spaceOf(seed);
        const rng = Rng.seeded(seed);
        const c = space.sample(rng);
        const fixed = Object.fromEntries(Object.entries(c).filter((_, i) => picks[i] === true));
        const sub = space.restrict(fixed);
        expect(sub.names).toEqual(space.names);
        for (let i = 0; i < 5; i++) {
          const s = sub.sample(rng);
          expect(space.validate(s)).toEqual(s);
          expect(sub.validate(s)).toEqual(s);
          for (const [k, v] of Object.entries(fixed)) if (k in s) expect(s[k]).toBe(v);
        }
      }),
      RUNS,
    );
  });

  test('validate rejects each kind of bad input naming the parameter', () => {
    forSampled(
      (space, c) => {
        const active = Object.keys(c).filter((k) => space.get(k).type !== 'constant');
        expectSpaceError(() => space.validate({ ...c, nope: 1 }), 'unknown-parameter', 'nope');
        for (const name of active) {
          const hp = space.get(name);
          const { [name]: _, ...rest } = c;
          expectSpaceError(() => space.validate(rest), 'missing-parameter', name);
          expectSpaceError(() => space.validate({ ...c, [name]: { x: 1 } }), 'wrong-type', name);
          if (hp.type === 'integer' || hp.type === 'float') {
            expectSpaceError(() => space.validate({ ...c, [name]: String(c[name]) }), 'wrong-type', name);
            expectSpaceError(() => space.validate({ ...c, [name]: Number.NaN }), 'illegal-value', name);
            expectSpaceError(() => space.validate({ ...c, [name]: Number.POSITIVE_INFINITY }), 'illegal-value', name);
            const spec = hp.spec as { upper: number; lower: number };
            expectSpaceError(() => space.validate({ ...c, [name]: spec.upper + 1 }), 'illegal-value', name);
          }
          if (hp.type === 'integer') expectSpaceError(() => space.validate({ ...c, [name]: (c[name] as number) + 0.5 }), 'illegal-value', name);
          if (hp.type === 'categorical' || hp.type === 'ordinal') {
            expectSpaceError(() => space.validate({ ...c, [name]: 'not-a-choice' }), 'illegal-value', name);
          }
        }
        for (const name of space.names) {
          if (!(name in c)) expectSpaceError(() => space.validate({ ...c, [name]: space.get(name).default }), 'inactive-parameter', name);
        }
      },
      { numRuns: 100 },
    );
  });

  test('validate: root type, q grid, forbidden, constants filled in, canonical order', () => {
    const space = exampleSpace();
    expectSpaceError(() => space.validate(null), 'wrong-type', '(root)');
    expectSpaceError(() => space.validate([1]), 'wrong-type', '(root)');
    const base = { optimizer: 'sgd', lr: 0.01, momentum: 0.9, batch_size: 32, layers: 1, use_dropout: false, loss: 'xent', depth_mult: 1 };
    expect(space.validate(base)).toEqual(base);
    const e = expectSpaceError(() => space.validate({ ...base, momentum: 0.905 }), 'illegal-value', 'momentum');
    expect(e.message).toBe('parameter "momentum": 0.905 is not on the q grid; allowed: floats in [0, 0.99] on the grid 0 + k * 0.01');
    expect(space.validate({ ...base, momentum: 0.9000000000001 }).momentum).toBe(space.validate(base).momentum);
    const { loss: _loss, ...noConstant } = base;
    expect(space.validate(noConstant)).toEqual(base);
    const shuffled = Object.fromEntries(Object.entries(base).reverse());
    expect(Object.keys(space.validate(shuffled))).toEqual(Object.keys(base));
    const f = expectSpaceError(
      () => space.validate({ ...base, optimizer: 'adam', batch_size: 16, beta_steps: 3, momentum: undefined }),
      'forbidden',
      'optimizer',
    );
    expect(f.message).toContain('(optimizer == "adam" && batch_size in {16})');
    const lr = expectSpaceError(() => space.validate({ ...base, lr: 7 }), 'illegal-value', 'lr');
    expect(lr.message).toBe('parameter "lr": 7 is out of range; allowed: floats in [0.0001, 1] (log scale)');
    const inactive = expectSpaceError(() => space.validate({ ...base, dropout: 0.2 }), 'inactive-parameter', 'dropout');
    expect(inactive.message).toContain('use_dropout == true');
  });

  test('the categorical error lists the choices', () => {
    const space = new ConfigurationSpace({ parameters: [categorical('op', ['none', 'skip_connect', 'nor_conv_1x1'])] });
    const e = expectSpaceError(() => space.validate({ op: 'conv9x9' }), 'illegal-value', 'op');
    expect(e.message).toBe('parameter "op": "conv9x9" is not a choice; allowed: none, skip_connect, nor_conv_1x1');
    expect(e.allowed).toBe('none, skip_connect, nor_conv_1x1');
  });

  test('cycles are detected at construction', () => {
    const e = expectSpaceError(
      () =>
        new ConfigurationSpace({
          parameters: [categorical('a', [0, 1]), categorical('b', [0, 1]), categorical('c', [0, 1])],
          conditions: [equalsCondition('a', 'c', 1), equalsCondition('b', 'a', 1), equalsCondition('c', 'b', 1)],
        }),
      'cyclic-condition',
      'a',
    );
    expect(e.message).toMatch(/cycle: (a -> b -> c -> a|b -> c -> a -> b|c -> a -> b -> c)/);
  });

  test('definition errors: two conditions for a child, bad values, duplicate names', () => {
    const ps = [categorical('a', [0, 1]), categorical('b', [0, 1])];
    expectSpaceError(
      () => new ConfigurationSpace({ parameters: ps, conditions: [equalsCondition('b', 'a', 1), equalsCondition('b', 'a', 0)] }),
      'invalid-definition',
      'b',
    );
    expectSpaceError(() => new ConfigurationSpace({ parameters: ps, conditions: [equalsCondition('b', 'a', 7)] }), 'invalid-definition', 'a');
    expectSpaceError(() => new ConfigurationSpace({ parameters: [...ps, categorical('a', [1])] }), 'invalid-definition', 'a');
    expectSpaceError(() => new ConfigurationSpace({ parameters: ps, forbiddens: [forbiddenEquals('zz', 1)] }), 'invalid-definition', 'zz');
    expectSpaceError(() => float('x', 1, 0), 'invalid-definition', 'x');
    expectSpaceError(() => float('x', 0, 1, { log: true }), 'invalid-definition', 'x');
    expectSpaceError(() => integer('n', 0, 10, { default: 11 }), 'invalid-definition', 'n');
    expectSpaceError(() => ordinal('o', [1, 1]), 'invalid-definition', 'o');
  });

  test('sampling rejects forbidden configurations and gives up with a SpaceError', () => {
    const space = new ConfigurationSpace({
      parameters: [categorical('a', [0, 1, 2])],
      forbiddens: [forbiddenEquals('a', 1)],
    });
    const rng = Rng.seeded(1);
    for (let i = 0; i < 100; i++) expect(space.sample(rng).a).not.toBe(1);
    const stuck = new ConfigurationSpace({
      parameters: [constant('a', 1), categorical('b', [1, 2])],
      forbiddens: [forbiddenEquals('a', 1)],
      maxSampleAttempts: 10,
    });
    expectSpaceError(() => stuck.sample(rng), 'forbidden', 'a');
  });

  test('categorical weights shape the prior', () => {
    const space = new ConfigurationSpace({ parameters: [categorical('a', ['x', 'y', 'z'], { weights: [0, 1, 3] })] });
    expect(space.defaultConfiguration()).toEqual({ a: 'z' });
    const counts = { x: 0, y: 0, z: 0 };
    const rng = Rng.seeded(7);
    for (let i = 0; i < 4000; i++) counts[space.sample(rng).a as 'x' | 'y' | 'z']++;
    expect(counts.x).toBe(0);
    expect(counts.z / 4000).toBeGreaterThan(0.7);
    expect(counts.z / 4000).toBeLessThan(0.8);
  });

  test('log floats sample log-uniformly, q floats stay on the grid', () => {
    const space = new ConfigurationSpace({ parameters: [float('lr', 1e-4, 1, { log: true }), float('g', 0, 1, { q: 0.25 })] });
    const rng = Rng.seeded(11);
    let below = 0;
    const grid = new Set<number>();
    for (let i = 0; i < 4000; i++) {
      const c = space.sample(rng);
      if ((c.lr as number) < 1e-2) below++;
      grid.add(c.g as number);
    }
    expect(below / 4000).toBeGreaterThan(0.45);
    expect(below / 4000).toBeLessThan(0.55);
    expect([...grid].sort()).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  test('decode handles out-of-range entries and rejects NaN for active parameters', () => {
    const space = new ConfigurationSpace({ parameters: [categorical('a', ['x', 'y']), integer('n', 1, 10), float('f', 0, 1)] });
    expect(space.decode([7, -3, 2])).toEqual({ a: 'y', n: 1, f: 1 });
    expectSpaceError(() => space.decode([0, Number.NaN, 0]), 'missing-parameter', 'n');
    expectSpaceError(() => space.decode([0, 0]), 'wrong-type', '(vector)');
  });

  test('unknown names in get/restrict list the known ones', () => {
    const space = exampleSpace();
    const e = expectSpaceError(() => space.get('lrate'), 'unknown-parameter', 'lrate');
    expect(e.allowed).toContain('optimizer, lr, momentum');
    expectSpaceError(() => space.restrict({ lrate: 1 }), 'unknown-parameter', 'lrate');
    expectSpaceError(() => space.restrict({ lr: 2 }), 'illegal-value', 'lr');
  });
});
