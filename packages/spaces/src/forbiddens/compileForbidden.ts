import type { ParamValue } from '@jahskit/core';
import { assertConditionValue, type ParameterResolver, type ValueSlots } from '../conditions/compileCondition';
import { SpaceError } from '../errors/SpaceError';
import { formatValue } from '../errors/formatValue';
import type { ForbiddenClause } from './ForbiddenClause';

/** A compiled clause: true iff `values` match it (so the configuration is forbidden). */
export type ForbiddenCheck = (values: ValueSlots) => boolean;

/** Compiles a forbidden clause to a closure over value slots, validating names and values. */
export function compileForbidden(clause: ForbiddenClause, resolve: ParameterResolver): ForbiddenCheck {
  const lookup = (name: string) => {
    const found = resolve(name);
    if (found === undefined) {
      throw new SpaceError('invalid-definition', { parameter: name, problem: 'a forbidden clause refers to this unknown parameter' });
    }
    return found;
  };
  switch (clause.type) {
    case 'EQUALS': {
      const { index, hyperparameter } = lookup(clause.name);
      const value = assertConditionValue(hyperparameter, clause.value, 'a forbidden clause');
      return (values) => values[index] === value;
    }
    case 'IN': {
      const { index, hyperparameter } = lookup(clause.name);
      if (!Array.isArray(clause.values) || clause.values.length === 0) {
        throw new SpaceError('invalid-definition', { parameter: clause.name, problem: 'a forbidden IN clause needs a non-empty list of values' });
      }
      const set = new Set<ParamValue>(clause.values.map((v) => assertConditionValue(hyperparameter, v, 'a forbidden clause')));
      return (values) => set.has(values[index] as ParamValue);
    }
    case 'AND': {
      if (!Array.isArray(clause.clauses) || clause.clauses.length === 0) {
        throw new SpaceError('invalid-definition', { parameter: '(forbidden)', problem: 'a forbidden AND needs at least one clause' });
      }
      const parts = clause.clauses.map((c) => compileForbidden(c, resolve));
      return (values) => {
        for (let i = 0; i < parts.length; i++) if (!(parts[i] as ForbiddenCheck)(values)) return false;
        return true;
      };
    }
    case 'RELATION': {
      const left = lookup(clause.left);
      const right = lookup(clause.right);
      const l = left.index;
      const r = right.index;
      if (clause.relation === 'EQUALS') {
        return (values) => values[l] !== undefined && values[l] === values[r];
      }
      const sign = clause.relation === 'LESS' ? -1 : 1;
      // As in ConfigSpace, raw values are compared (numbers numerically, strings lexicographically);
      // values of different types never match.
      return (values) => {
        const a = values[l];
        const b = values[r];
        if (a === undefined || b === undefined) return false;
        if (typeof a !== typeof b) return false;
        return sign < 0 ? a < b : a > b;
      };
    }
    default:
      throw new SpaceError('invalid-definition', {
        parameter: '(forbidden)',
        problem: `unknown forbidden clause type ${formatValue((clause as { type?: unknown }).type)}`,
        allowed: 'EQUALS, IN, AND, RELATION',
      });
  }
}
