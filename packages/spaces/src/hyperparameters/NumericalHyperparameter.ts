import type { JsonValue, ParameterRole, ParameterSpec, ParamValue, Rng } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { formatValue } from '../errors/formatValue';
import { assertFinite, assertName } from './definitionChecks';
import type { Hyperparameter, Labels } from './Hyperparameter';
import { gaussianNeighbours, NumericScale } from './NumericScale';

type NumericalSpec = Extract<ParameterSpec, { type: 'integer' | 'float' }>;

/**
 * What integer and float parameters share, as ConfigSpace's `NumericalHyperparameter`: bounds, an
 * optional log scale, the vector value as the normalised position on a {@link NumericScale},
 * Gaussian neighbours in that normalised space, the numeric order and the checks of a value's type
 * and range. A subclass says which values are legal inside the range (`checkInRange`) and how a
 * normalised position maps back to one (`decode`).
 */
export abstract class NumericalHyperparameter implements Hyperparameter {
  abstract readonly type: 'integer' | 'float';
  abstract readonly spec: NumericalSpec;
  abstract readonly default: number;
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  readonly log: boolean;
  readonly meta: JsonValue | undefined;
  readonly role: ParameterRole | undefined;
  readonly oneHotSize = 1;
  readonly allowed: string;
  private readonly scale: NumericScale;

  /** `scale` maps the values (for integers, the widened float range) to [0, 1]. */
  protected constructor(name: string, lower: number, upper: number, log: boolean, labels: Labels, allowed: string, scale: NumericScale) {
    this.name = name;
    this.lower = lower;
    this.upper = upper;
    this.log = log;
    this.meta = labels.meta;
    this.role = labels.role;
    this.allowed = allowed;
    this.scale = scale;
  }

  abstract isLegal(value: unknown): boolean;
  abstract decode(x: number): number;
  /** The canonical value of a finite number, or a SpaceError naming what is wrong with it. */
  protected abstract checkNumber(value: number): number;

  sample(rng: Rng): number {
    return this.decode(rng.uniform());
  }

  canonicalize(value: unknown): number {
    if (typeof value !== 'number') {
      throw new SpaceError('wrong-type', { parameter: this.name, problem: `${formatValue(value)} is not a number`, allowed: this.allowed });
    }
    if (!Number.isFinite(value)) {
      throw new SpaceError('illegal-value', { parameter: this.name, problem: `${formatValue(value)} is not a finite number`, allowed: this.allowed });
    }
    return this.checkNumber(value);
  }

  /** Throws 'illegal-value' for a value outside [lower, upper]. */
  protected checkRange(value: number): void {
    if (value < this.lower || value > this.upper) {
      throw new SpaceError('illegal-value', { parameter: this.name, problem: `${value} is out of range`, allowed: this.allowed });
    }
  }

  encode(value: ParamValue): number {
    return this.scale.toUnit(value as number);
  }

  /** The value at normalised position `x`, clamped to [0, 1] first. */
  protected fromUnit(x: number): number {
    return this.scale.fromUnit(x < 0 ? 0 : x > 1 ? 1 : x);
  }

  writeOneHot(value: ParamValue, out: Float64Array, offset: number): void {
    out[offset] = this.encode(value);
  }

  neighbours(value: ParamValue, rng: Rng, count: number): number[] {
    return gaussianNeighbours(this.encode(value), value as number, count, () => rng.normal(), (x) => this.decode(x));
  }

  mutate(value: ParamValue, rng: Rng): number {
    return this.neighbours(value, rng, 1)[0] ?? (value as number);
  }

  compare(a: ParamValue, b: ParamValue): number {
    return (a as number) - (b as number);
  }
}

/** The checks every numeric definition starts with: a name and finite bounds. */
export function checkNumericDefinition(name: unknown, lower: unknown, upper: unknown): void {
  assertName(name);
  assertFinite(name, lower, 'lower');
  assertFinite(name, upper, 'upper');
}
