import type { JsonValue, ParameterSpec, ParamValue, Rng } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { formatList, formatValue } from '../errors/formatValue';
import { assertName, assertValueList, checkDefault, isParamValue } from './definitionChecks';
import type { Hyperparameter } from './Hyperparameter';

export interface OrdinalOptions {
  /** Defaults to the first entry of the sequence. */
  readonly default?: ParamValue;
  readonly meta?: JsonValue;
}

type OrdinalSpec = Extract<ParameterSpec, { type: 'ordinal' }>;

/** An ordered choice: encoded as the index in the sequence, neighbours are the adjacent entries. */
export class OrdinalHyperparameter implements Hyperparameter {
  readonly type = 'ordinal' as const;
  readonly name: string;
  readonly spec: OrdinalSpec;
  readonly default: ParamValue;
  readonly meta: JsonValue | undefined;
  readonly sequence: readonly ParamValue[];
  readonly oneHotSize: number;
  readonly allowed: string;
  private readonly indexByValue: Map<ParamValue, number>;

  constructor(name: string, sequence: readonly ParamValue[], options: OrdinalOptions = {}) {
    assertName(name);
    assertValueList(name, sequence, 'sequence');
    this.name = name;
    this.sequence = Object.freeze([...sequence]);
    this.indexByValue = new Map(this.sequence.map((c, i) => [c, i]));
    this.oneHotSize = this.sequence.length;
    this.allowed = `${formatList(this.sequence)} (in this order)`;
    this.meta = options.meta;
    this.default = options.default === undefined ? (this.sequence[0] as ParamValue) : checkDefault(name, () => this.canonicalize(options.default));
    this.spec = Object.freeze({ type: 'ordinal', name, sequence: this.sequence, default: this.default });
  }

  sample(rng: Rng): ParamValue {
    return this.sequence[rng.index(this.sequence.length)] as ParamValue;
  }

  isLegal(value: unknown): boolean {
    return this.indexByValue.has(value as ParamValue);
  }

  canonicalize(value: unknown): ParamValue {
    if (this.indexByValue.has(value as ParamValue)) return value as ParamValue;
    throw new SpaceError(isParamValue(value) || typeof value === 'number' ? 'illegal-value' : 'wrong-type', {
      parameter: this.name,
      problem: `${formatValue(value)} is not in the sequence`,
      allowed: this.allowed,
    });
  }

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
    return this.sequence[i < 0 ? 0 : i >= this.sequence.length ? this.sequence.length - 1 : i] as ParamValue;
  }

  writeOneHot(value: ParamValue, out: Float64Array, offset: number): void {
    out[offset + this.indexOf(value)] = 1;
  }

  neighbours(value: ParamValue, _rng?: Rng, _count?: number): ParamValue[] {
    const i = this.indexOf(value);
    const result: ParamValue[] = [];
    if (i > 0) result.push(this.sequence[i - 1] as ParamValue);
    if (i < this.sequence.length - 1) result.push(this.sequence[i + 1] as ParamValue);
    return result;
  }

  mutate(value: ParamValue, rng: Rng): ParamValue {
    const options = this.neighbours(value);
    return options.length === 0 ? value : (options[rng.index(options.length)] as ParamValue);
  }

  compare(a: ParamValue, b: ParamValue): number {
    return this.indexOf(a) - this.indexOf(b);
  }
}

/** An ordinal parameter: `ordinal('batch_size', [16, 32, 64])`. */
export function ordinal(name: string, sequence: readonly ParamValue[], options?: OrdinalOptions): OrdinalHyperparameter {
  return new OrdinalHyperparameter(name, sequence, options);
}
