import type { ParamValue } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { formatValue } from '../errors/formatValue';

/** Throws 'invalid-definition' unless `name` is a non-empty string. */
export function assertName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new SpaceError('invalid-definition', {
      parameter: typeof name === 'string' ? name : formatValue(name),
      problem: 'a parameter name must be a non-empty string',
    });
  }
}

/** Whether `value` can be a categorical/ordinal/constant value: string, finite number or boolean. */
export function isParamValue(value: unknown): value is ParamValue {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** Throws 'invalid-definition' unless every entry is a distinct string/finite number/boolean. */
export function assertValueList(name: string, values: unknown, what: string): asserts values is readonly ParamValue[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new SpaceError('invalid-definition', {
      parameter: name,
      problem: `${what} must be a non-empty array`,
      allowed: 'strings, finite numbers or booleans',
    });
  }
  const seen = new Set<ParamValue>();
  for (const value of values as unknown[]) {
    if (!isParamValue(value)) {
      throw new SpaceError('invalid-definition', {
        parameter: name,
        problem: `${what} contain ${formatValue(value)}, which is not a legal value`,
        allowed: 'strings, finite numbers or booleans',
      });
    }
    if (seen.has(value)) {
      throw new SpaceError('invalid-definition', { parameter: name, problem: `${what} contain ${formatValue(value)} twice`, allowed: 'distinct values' });
    }
    seen.add(value);
  }
}

/** Throws 'invalid-definition' unless `value` is a finite number. */
export function assertFinite(name: string, value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SpaceError('invalid-definition', { parameter: name, problem: `${field} must be a finite number, got ${formatValue(value)}` });
  }
}

/** Re-throws a value error raised while checking a definition's default as 'invalid-definition'. */
export function checkDefault<T>(name: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (SpaceError.is(error)) {
      throw new SpaceError('invalid-definition', {
        parameter: name,
        problem: `the default is not legal (${error.message})`,
        ...(error.allowed === undefined ? {} : { allowed: error.allowed }),
      });
    }
    throw error;
  }
}
