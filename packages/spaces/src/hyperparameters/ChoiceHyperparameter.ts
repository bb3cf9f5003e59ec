import type { JsonValue, ParameterRole, ParameterSpec, ParamValue, Rng } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { formatValue } from '../errors/formatValue';
import { assertName, assertValueList, isParamValue } from './definitionChecks';
import type { Hyperparameter, Labels } from './Hyperparameter';
import { internalized } from './internalized';

type ChoiceSpec = Extract<ParameterSpec, { type: 'categorical' | 'ordinal' }>;

/**
 * What categorical and ordinal parameters share (a finite list of distinct values): the vector value
 * is the value's index, the one-hot encoding has a slot per value, and a value is legal exactly when
 * it is in the list. A subclass says how values are drawn, which are neighbours and how they compare.
 */
export abstract class ChoiceHyperparameter implements Hyperparameter {
  abstract readonly type: 'categorical' | 'ordinal';
  abstract readonly spec: ChoiceSpec;
  abstract readonly default: ParamValue;
  readonly name: string;
  readonly meta: JsonValue | undefined;
  readonly role: ParameterRole | undefined;
  readonly oneHotSize: number;
  readonly allowed: string;
  /** The values, in the order of their indices. */
  protected readonly values: readonly ParamValue[];
  private readonly indexByValue: Map<ParamValue, number>;

  /**
   * `what` names the list in definition errors ('choices', 'sequence'); `notFound` ends the message
   * for a value outside it ('is not a choice').
   */
  protected constructor(
    name: string,
    values: readonly ParamValue[],
    what: string,
    labels: Labels,
    allowed: (values: readonly ParamValue[]) => string,
    private readonly notFound: string,
  ) {
    assertName(name);
    assertValueList(name, values, what);
    this.name = name;
    this.values = Object.freeze(values.map(internalized));
    this.indexByValue = new Map(this.values.map((c, i) => [c, i]));
    this.oneHotSize = this.values.length;
    this.allowed = allowed(this.values);
    this.meta = labels.meta;
    this.role = labels.role;
  }

  abstract sample(rng: Rng): ParamValue;
  abstract neighbours(value: ParamValue, rng?: Rng, count?: number): ParamValue[];
  abstract mutate(value: ParamValue, rng: Rng): ParamValue;
  abstract compare(a: ParamValue, b: ParamValue): number;

  isLegal(value: unknown): boolean {
    return this.indexByValue.has(value as ParamValue);
  }

  canonicalize(value: unknown): ParamValue {
    if (this.indexByValue.has(value as ParamValue)) return value as ParamValue;
    // A number is always "of the right type" here (NaN and Infinity are illegal values, not wrong types).
    throw new SpaceError(isParamValue(value) || typeof value === 'number' ? 'illegal-value' : 'wrong-type', {
      parameter: this.name,
      problem: `${formatValue(value)} ${this.notFound}`,
      allowed: this.allowed,
    });
  }

  /** The index of a legal value. */
  indexOf(value: ParamValue): number {
    const index = this.indexByValue.get(value);
    if (index === undefined) return this.canonicalize(value) as never;
    return index;
  }

  encode(value: ParamValue): number {
    return this.indexOf(value);
  }

  decode(x: number): ParamValue {
    const i = Math.round(x);
    return this.values[i < 0 ? 0 : i >= this.values.length ? this.values.length - 1 : i] as ParamValue;
  }

  writeOneHot(value: ParamValue, out: Float64Array, offset: number): void {
    out[offset + this.indexOf(value)] = 1;
  }
}
