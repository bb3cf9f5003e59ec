import type { JsonValue, ParameterRole, ParameterSpec, ParamValue, Rng } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { formatValue } from '../errors/formatValue';
import { assertName, isParamValue } from './definitionChecks';
import type { Hyperparameter } from './Hyperparameter';
import { roleEntry } from './roleEntry';

export interface ConstantOptions {
  readonly meta?: JsonValue;
  /** Architecture or training hyperparameter; by default the role of `origin`, if any. */
  readonly role?: ParameterRole;
  /**
   * The parameter this constant was fixed from (set by `ConfigurationSpace.restrict`): its order
   * is used by LT / GT conditions and forbidden relations, and condition values are checked against it.
   */
  readonly origin?: Hyperparameter;
}

type ConstantSpec = Extract<ParameterSpec, { type: 'constant' }>;

/** A parameter with a single value: encoded as 0, no neighbours. */
export class ConstantHyperparameter implements Hyperparameter {
  readonly type = 'constant' as const;
  readonly name: string;
  readonly spec: ConstantSpec;
  readonly value: ParamValue;
  readonly default: ParamValue;
  readonly meta: JsonValue | undefined;
  readonly role: ParameterRole | undefined;
  readonly origin: Hyperparameter | undefined;
  readonly oneHotSize = 1;
  readonly allowed: string;

  constructor(name: string, value: ParamValue, options: ConstantOptions = {}) {
    assertName(name);
    if (!isParamValue(value)) {
      throw new SpaceError('invalid-definition', {
        parameter: name,
        problem: `${formatValue(value)} cannot be a constant`,
        allowed: 'a string, finite number or boolean',
      });
    }
    this.name = name;
    this.value = value;
    this.default = value;
    this.meta = options.meta;
    this.origin = options.origin;
    this.role = options.role ?? options.origin?.role;
    this.allowed = `only ${formatValue(value)}`;
    this.spec = Object.freeze({ type: 'constant', name, value, default: value, ...roleEntry(this.role) });
  }

  sample(_rng?: Rng): ParamValue {
    return this.value;
  }

  isLegal(value: unknown): boolean {
    return value === this.value;
  }

  canonicalize(value: unknown): ParamValue {
    if (value === this.value) return this.value;
    throw new SpaceError(isParamValue(value) || typeof value === 'number' ? 'illegal-value' : 'wrong-type', {
      parameter: this.name,
      problem: `${formatValue(value)} is not the constant's value`,
      allowed: this.allowed,
    });
  }

  encode(_value?: ParamValue): number {
    return 0;
  }

  decode(_x?: number): ParamValue {
    return this.value;
  }

  writeOneHot(_value: ParamValue, out: Float64Array, offset: number): void {
    out[offset] = 1;
  }

  neighbours(_value?: ParamValue, _rng?: Rng, _count?: number): ParamValue[] {
    return [];
  }

  mutate(value: ParamValue): ParamValue {
    return value;
  }

  compare(a: ParamValue, b: ParamValue): number {
    if (this.origin !== undefined) return this.origin.compare(a, b);
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return a === b ? 0 : Number.NaN;
  }
}

/** A constant parameter: `constant('optimizer', 'SGD')`. */
export function constant(name: string, value: ParamValue, options?: ConstantOptions): ConstantHyperparameter {
  return new ConstantHyperparameter(name, value, options);
}
