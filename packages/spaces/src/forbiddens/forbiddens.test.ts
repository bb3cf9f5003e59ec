import { describe, expect, test } from 'vitest';
import { categorical } from '../hyperparameters/CategoricalHyperparameter';
import { integer } from '../hyperparameters/IntegerHyperparameter';
import { equalsCondition } from '../conditions/equalsCondition';
import { ConfigurationSpace } from '../space/ConfigurationSpace';
import { describeForbidden } from './describeForbidden';
import type { ForbiddenClause } from './ForbiddenClause';
import { forbiddenAnd } from './forbiddenAnd';
import { forbiddenEquals } from './forbiddenEquals';
import { forbiddenEqualsRelation } from './forbiddenEqualsRelation';
import { forbiddenGreaterThan } from './forbiddenGreaterThan';
import { forbiddenIn } from './forbiddenIn';
import { forbiddenLessThan } from './forbiddenLessThan';

const parameters = [categorical('a', ['x', 'y', 'z']), integer('m', 0, 9), integer('n', 0, 9), categorical('gate', [0, 1])];

function forbids(clause: ForbiddenClause, config: Record<string, unknown>): boolean {
  const space = new ConfigurationSpace({ parameters, conditions: [equalsCondition('n', 'gate', 1)], forbiddens: [clause] });
  return space.forbiddenClauseOf(config as never) !== undefined;
}

describe('forbidden clauses', () => {
  test('each type matches exactly when it should; inactive parameters never match', () => {
    const base = { a: 'x', m: 3, gate: 1, n: 5 };
    expect(forbids(forbiddenEquals('a', 'x'), base)).toBe(true);
    expect(forbids(forbiddenEquals('a', 'y'), base)).toBe(false);
    expect(forbids(forbiddenIn('a', ['y', 'x']), base)).toBe(true);
    expect(forbids(forbiddenAnd(forbiddenEquals('a', 'x'), forbiddenIn('m', [3, 4])), base)).toBe(true);
    expect(forbids(forbiddenAnd(forbiddenEquals('a', 'x'), forbiddenIn('m', [4])), base)).toBe(false);
    expect(forbids(forbiddenLessThan('m', 'n'), base)).toBe(true);
    expect(forbids(forbiddenGreaterThan('m', 'n'), base)).toBe(false);
    expect(forbids(forbiddenEqualsRelation('m', 'n'), { ...base, n: 3 })).toBe(true);
    expect(forbids(forbiddenLessThan('m', 'n'), { a: 'x', m: 3, gate: 0 })).toBe(false);
    expect(forbids(forbiddenEquals('n', 5), { a: 'x', m: 3, gate: 0 })).toBe(false);
  });

  test('validate names the clause', () => {
    const space = new ConfigurationSpace({ parameters, forbiddens: [forbiddenAnd(forbiddenEquals('a', 'x'), forbiddenLessThan('m', 'n'))] });
    expect(() => space.validate({ a: 'x', m: 1, n: 2, gate: 0 })).toThrow(
      'parameter "a": the configuration matches the forbidden clause (a == "x" && m < n); allowed: configurations outside the forbidden clauses',
    );
    expect(describeForbidden(forbiddenIn('a', ['x', 'y']))).toBe('a in {"x", "y"}');
  });

  test('illegal values in clauses are definition errors', () => {
    expect(() => new ConfigurationSpace({ parameters, forbiddens: [forbiddenEquals('a', 'w')] })).toThrow(/not a legal value/);
    expect(() => new ConfigurationSpace({ parameters, forbiddens: [forbiddenLessThan('m', 'zz')] })).toThrow(/unknown parameter/);
  });
});
