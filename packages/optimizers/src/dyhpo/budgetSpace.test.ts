import { Rng } from '@jahskit/core';
import { categorical, ConfigurationSpace, float } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { OneHotEncoder } from '../internal/gp/OneHotEncoder';
import { budgetSpace, NO_CURVE } from './budgetSpace';

const space = new ConfigurationSpace({
  name: 'b',
  parameters: [float('lr', 1e-4, 1, { log: true, default: 0.01 }), categorical('op', ['a', 'b', 'c'], { default: 'a' })],
});

describe('budgetSpace', () => {
  test("the encoder gives the budget one column and one group of its own, after the configuration's", () => {
    const product = budgetSpace(space);
    const plain = new OneHotEncoder(space);
    const encoder = new OneHotEncoder(product);
    expect(encoder.width).toBe(plain.width + 1);
    expect([...encoder.groups]).toEqual([...plain.groups, plain.groupCount]);
    const config = { lr: 0.01, op: 'b' };
    const row = new Float64Array(encoder.width);
    encoder.encodeInto({ ...config, [product.budget]: 0.25 }, row, 0);
    const inner = new Float64Array(plain.width);
    plain.encodeInto(config, inner, 0);
    expect([...row]).toEqual([...inner, 0.25]);
  });

  test("the budget name avoids the space's own names; validate, decode and sample keep both parts", () => {
    const clash = new ConfigurationSpace({ name: 'c', parameters: [float('$budget', 0, 1, { default: 0.5 })] });
    const product = budgetSpace(clash);
    expect(product.budget).toBe('$$budget');
    const config = product.validate({ $budget: 0.5, $$budget: 1 });
    expect(product.decode(product.encode(config))).toEqual(config);
    expect(() => product.validate({ $budget: 0.5, $$budget: 2 })).toThrow(/\$\$budget/);
    const drawn = product.sample(Rng.seeded(1));
    expect(product.validate(drawn)).toEqual(drawn);
    expect(product.isActive('$$budget', drawn)).toBe(true);
  });

  test('with a curve: one more column and group, between the configuration and the budget; without one, none', () => {
    expect(budgetSpace(space).curve).toBeUndefined();
    const product = budgetSpace(space, { curve: true });
    const plain = new OneHotEncoder(space);
    const encoder = new OneHotEncoder(product);
    expect(product.curve).toBe('$curve');
    expect(encoder.width).toBe(plain.width + 2);
    expect([...encoder.groups]).toEqual([...plain.groups, plain.groupCount, plain.groupCount + 1]);
    const config = { lr: 0.01, op: 'c' };
    const row = new Float64Array(encoder.width);
    encoder.encodeInto({ ...config, [product.budget]: 0.25, [product.curve!]: 0.75 }, row, 0);
    const inner = new Float64Array(plain.width);
    plain.encodeInto(config, inner, 0);
    expect([...row]).toEqual([...inner, 0.75, 0.25]);
    expect(product.defaultConfiguration()).toEqual({ lr: 0.01, op: 'a', $curve: NO_CURVE, $budget: 1 });
  });

  test("with a curve: names avoid the space's own, validate names the coordinate out of [0, 1], decode and restrict keep both", () => {
    const clash = new ConfigurationSpace({ name: 'c', parameters: [float('$curve', 0, 1, { default: 0.5 }), float('$budget', 0, 1, { default: 0.5 })] });
    const product = budgetSpace(clash, { curve: true });
    expect([product.curve, product.budget]).toEqual(['$$curve', '$$budget']);
    const config = product.validate({ $curve: 0.5, $budget: 0.5, $$curve: 0.25, $$budget: 1 });
    expect(product.decode(product.encode(config))).toEqual(config);
    expect(() => product.validate({ $curve: 0.5, $budget: 0.5, $$curve: -1, $$budget: 1 })).toThrow(/\$\$curve/);
    expect(product.isActive('$$curve', config)).toBe(true);
    const drawn = product.sample(Rng.seeded(2));
    expect(product.validate(drawn)).toEqual(drawn);
    expect(product.restrict({ $curve: 0.5 }).curve).toBe('$$curve');
    for (const n of product.neighbours(config, Rng.seeded(3), 3)) expect([n['$$curve'], n['$$budget']]).toEqual([0.25, 1]);
  });
});
