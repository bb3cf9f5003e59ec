import type { ParamValue } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { formatValue } from '../errors/formatValue';
import { ConstantHyperparameter } from '../hyperparameters/ConstantHyperparameter';
import type { Hyperparameter } from '../hyperparameters/Hyperparameter';
import type { Condition } from './Condition';

/** Values by parameter index; `undefined` marks an inactive parameter. */
export type ValueSlots = readonly (ParamValue | undefined)[];

/** A compiled condition: true iff it holds on `values` (an inactive parent never satisfies it). */
export type ActivityCheck = (values: ValueSlots) => boolean;

/** Resolves a parameter name to its index and hyperparameter, or undefined when unknown. */
export type ParameterResolver = (name: string) => { readonly index: number; readonly hyperparameter: Hyperparameter } | undefined;

/**
 * The parameter whose legal values and order a condition or forbidden value is checked against:
 * a restricted constant defers to the parameter it was fixed from; a plain constant accepts any value.
 */
function legalityOwner(hp: Hyperparameter): Hyperparameter | undefined {
  if (hp instanceof ConstantHyperparameter) return hp.origin;
  return hp;
}

/** Throws 'invalid-definition' unless `value` is legal for `hp` (constants accept any value). */
export function assertConditionValue(hp: Hyperparameter, value: ParamValue, context: string): ParamValue {
  const owner = legalityOwner(hp);
  if (owner === undefined) return value;
  if (owner.isLegal(value)) return value;
  try {
    return owner.canonicalize(value);
  } catch (error) {
    throw new SpaceError('invalid-definition', {
      parameter: hp.name,
      problem: `${context} uses ${formatValue(value)}, which is not a legal value`,
      allowed: owner.allowed,
      cause: error,
    });
  }
}

/** Compiles a condition to a closure over value slots, validating parents and values. */
export function compileCondition(condition: Condition, resolve: ParameterResolver): ActivityCheck {
  if ('conditions' in condition) {
    if (!Array.isArray(condition.conditions) || condition.conditions.length === 0) {
      throw new SpaceError('invalid-definition', { parameter: condition.child, problem: `${condition.type} needs at least one condition` });
    }
    const parts = condition.conditions.map((c) => {
      if (c.child !== condition.child) {
        throw new SpaceError('invalid-definition', {
          parameter: c.child,
          problem: `every part of an ${condition.type} condition must have the child "${condition.child}"`,
        });
      }
      return compileCondition(c, resolve);
    });
    if (parts.length === 1) return parts[0] as ActivityCheck;
    if (condition.type === 'AND') {
      return (values) => {
        for (let i = 0; i < parts.length; i++) if (!(parts[i] as ActivityCheck)(values)) return false;
        return true;
      };
    }
    return (values) => {
      for (let i = 0; i < parts.length; i++) if ((parts[i] as ActivityCheck)(values)) return true;
      return false;
    };
  }
  const parent = resolve(condition.parent);
  if (parent === undefined) {
    throw new SpaceError('invalid-definition', {
      parameter: condition.child,
      problem: `its condition refers to the unknown parent "${condition.parent}"`,
    });
  }
  if (condition.parent === condition.child) {
    throw new SpaceError('cyclic-condition', { parameter: condition.child, problem: 'a parameter cannot be its own parent' });
  }
  const p = parent.index;
  const hp = parent.hyperparameter;
  const context = `the condition of "${condition.child}"`;
  switch (condition.type) {
    case 'EQ': {
      const value = assertConditionValue(hp, condition.value, context);
      return (values) => values[p] === value;
    }
    case 'NEQ': {
      const value = assertConditionValue(hp, condition.value, context);
      return (values) => {
        const x = values[p];
        return x !== undefined && x !== value;
      };
    }
    case 'IN': {
      if (!Array.isArray(condition.values) || condition.values.length === 0) {
        throw new SpaceError('invalid-definition', { parameter: condition.child, problem: 'an IN condition needs a non-empty list of values' });
      }
      const set = new Set<ParamValue>(condition.values.map((v) => assertConditionValue(hp, v, context)));
      return (values) => set.has(values[p] as ParamValue);
    }
    case 'LT':
    case 'GT': {
      const value = assertConditionValue(hp, condition.value, context);
      const owner = legalityOwner(hp) ?? hp;
      if (owner.type === 'categorical') {
        throw new SpaceError('invalid-definition', {
          parameter: condition.child,
          problem: `${condition.type} needs an ordered parent, but "${condition.parent}" is categorical`,
          allowed: 'ordinal, integer or float parents',
        });
      }
      const sign = condition.type === 'LT' ? -1 : 1;
      if (owner.type === 'integer' || owner.type === 'float' || (owner.type === 'constant' && typeof value === 'number')) {
        const v = value as number;
        return sign < 0
          ? (values) => {
              const x = values[p];
              return x !== undefined && (x as number) < v;
            }
          : (values) => {
              const x = values[p];
              return x !== undefined && (x as number) > v;
            };
      }
      return (values) => {
        const x = values[p];
        return x !== undefined && sign * owner.compare(x, value) > 0;
      };
    }
    default:
      throw new SpaceError('invalid-definition', {
        parameter: (condition as { child?: string }).child ?? '(condition)',
        problem: `unknown condition type ${formatValue((condition as { type?: unknown }).type)}`,
        allowed: 'EQ, NEQ, LT, GT, IN, AND, OR',
      });
  }
}
