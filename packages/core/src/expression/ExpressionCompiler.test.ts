import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { CoreError } from '../errors/CoreError';
import type { ExpressionCompiler } from './ExpressionCompiler';
import { loadExpressionCompiler } from './loadExpressionCompiler';

let compiler: ExpressionCompiler;
beforeAll(async () => {
  compiler = await loadExpressionCompiler();
});
const KNOWN = ['valid_error', 'latency_s', 'size_MB'];

describe('ExpressionCompiler.constraint', () => {
  it('gives values <= 0 exactly when the comparison holds, in the expression units', () => {
    const c = compiler.constraint('latency_s <= 0.02', KNOWN);
    expect(c.uses).toEqual(['latency_s']);
    expect(c.value({ latency_s: 0.01 })).toBeCloseTo(-0.01, 12);
    expect(c.value({ latency_s: 0.02 })).toBe(0);
    expect(c.value({ latency_s: 0.05 })).toBeCloseTo(0.03, 12);
    const g = compiler.constraint('2 * size_MB + 1 >= valid_error', KNOWN);
    expect([...g.uses].sort()).toEqual(['size_MB', 'valid_error']);
    expect(g.value({ size_MB: 1, valid_error: 5 })).toBe(2);
  });

  it('counts equality as broken for a strict comparison', () => {
    expect(compiler.constraint('size_MB < 2', KNOWN).value({ size_MB: 2 })).toBeGreaterThan(0);
    expect(compiler.constraint('size_MB > 2', KNOWN).value({ size_MB: 2 })).toBeGreaterThan(0);
    expect(compiler.constraint('size_MB < 2', KNOWN).value({ size_MB: 1.5 })).toBeLessThan(0);
  });

  test.prop([fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom('<=', '<', '>=', '>')])(
    'is feasible exactly when JavaScript says the comparison holds',
    (x, bound, op) => {
      const c = compiler.constraint(`size_MB ${op} ${bound.toString()}`, KNOWN);
      const holds = op === '<=' ? x <= bound : op === '<' ? x < bound : op === '>=' ? x >= bound : x > bound;
      expect(c.value({ size_MB: x }) <= 0).toBe(holds);
    },
  );

  it.each([
    ['latncy_s <= 1', /unknown name "latncy_s" \(known: valid_error, latency_s, size_MB\)/],
    ['latency_s <= ', /Unexpected end of expression/],
    ['latency_s + 1', /must compare two expressions/],
    ['foo(latency_s) <= 1', /unknown function "foo"/],
    ['latency_s == 1', /must compare/],
    ['(latency_s <= 1) <= 1', /operator "<=" is not allowed/],
    ['latency_s <= "a"', /only numbers/],
    ['latency_s <= [1, 2]', /array expressions are not allowed/],
    ['f(x) = x', /must compare/],
    ['', /non-empty/],
  ])('rejects %j with one line naming the problem', (expression, message) => {
    const error = (() => {
      try {
        compiler.constraint(expression, KNOWN);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(CoreError.is(error)).toBe(true);
    expect((error as CoreError).kind).toBe('invalid-argument');
    expect((error as CoreError).message).toMatch(message);
    expect((error as CoreError).message).not.toContain('\n');
  });
});

describe('ExpressionCompiler.objective', () => {
  it('names a derived objective, minimised unless it says maximize', () => {
    const err = compiler.objective('err = valid_error', KNOWN);
    expect([err.name, err.direction, err.uses]).toEqual(['err', 'minimize', ['valid_error']]);
    expect(err.value({ valid_error: 7 })).toBe(7);
    const acc = compiler.objective('maximize acc = 100 - valid_error', KNOWN);
    expect([acc.name, acc.direction]).toEqual(['acc', 'maximize']);
    expect(acc.value({ valid_error: 7 })).toBe(93);
    expect(compiler.objective('max: score = log(size_MB) + max(latency_s, 1)', KNOWN).value({ size_MB: Math.E, latency_s: 0.5 })).toBeCloseTo(2, 12);
  });

  it('rejects an expression without a name', () => {
    expect(() => compiler.objective('valid_error * 2', KNOWN)).toThrow(/must name the objective/);
    expect(() => compiler.objective('err = nope', KNOWN)).toThrow(/unknown name "nope"/);
  });
});
