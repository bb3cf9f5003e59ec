import { Rng } from '@jahskit/core';
import { categorical, ConfigurationSpace, float } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { OneHotEncoder } from '../internal/gp/OneHotEncoder';
import { budgetSpace } from './budgetSpace';

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
});
