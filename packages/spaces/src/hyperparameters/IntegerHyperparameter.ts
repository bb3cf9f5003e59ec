import type { JsonValue, ParameterSpec, ParamValue, Rng } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { formatValue } from '../errors/formatValue';
import { assertFinite, assertName, checkDefault } from './definitionChecks';
import type { Hyperparameter } from './Hyperparameter';
import { gaussianNeighbours, NumericScale } from './NumericScale';

export interface IntegerOptions {
  /** Sample and encode on the log scale (needs lower >= 1). */
  readonly log?: boolean;
  /** Defaults to the (geometric, when log) midpoint, rounded. */
  readonly default?: number;
  readonly meta?: JsonValue;
}

type IntegerSpec = Extract<ParameterSpec, { type: 'integer' }>;

/** As in ConfigSpace, an integer k owns the interval [k - 0.49999, k + 0.49999] of the underlying float. */
const HALF = 0.49999;

/**
 * A uniform integer in [lower, upper]. As in ConfigSpace the vector value is the normalised
 * position in the float range [lower - 0.49999, upper + 0.49999] (log scale when `log`), so that
 * a uniform draw of the vector gives every integer (almost) the same mass.
 */
export class IntegerHyperparameter implements Hyperparameter {
  readonly type = 'integer' as const;
  readonly name: string;
  readonly spec: IntegerSpec;
  readonly lower: number;
  readonly upper: number;
  readonly log: boolean;
  readonly default: number;
  readonly meta: JsonValue | undefined;
  readonly oneHotSize = 1;
  readonly allowed: string;
  private readonly scale: NumericScale;

  constructor(name: string, lower: number, upper: number, options: IntegerOptions = {}) {
    assertName(name);
    assertFinite(name, lower, 'lower');
    assertFinite(name, upper, 'upper');
    const log = options.log ?? false;
    if (!Number.isInteger(lower) || !Number.isInteger(upper) || lower >= upper) {
      throw new SpaceError('invalid-definition', {
        parameter: name,
        problem: `bounds [${lower}, ${upper}] must be integers with lower < upper`,
      });
    }
    if (log && lower < 1) {
      throw new SpaceError('invalid-definition', { parameter: name, problem: `a log-scale integer needs lower >= 1, got ${lower}` });
    }
    this.name = name;
    this.lower = lower;
    this.upper = upper;
    this.log = log;
    this.meta = options.meta;
    this.allowed = `integers in [${lower}, ${upper}]${log ? ' (log scale)' : ''}`;
    this.scale = new NumericScale(lower - HALF, upper + HALF, log);
    const mid = (log ? Math.round(Math.exp((Math.log(lower) + Math.log(upper)) / 2)) : Math.round((lower + upper) / 2)) + 0; // no -0
    this.default = options.default === undefined ? mid : checkDefault(name, () => this.canonicalize(options.default));
    this.spec = Object.freeze({ type: 'integer', name, lower, upper, log, default: this.default });
  }

  sample(rng: Rng): number {
    return this.decode(rng.uniform());
  }

  isLegal(value: unknown): boolean {
    return typeof value === 'number' && Number.isInteger(value) && value >= this.lower && value <= this.upper;
  }

  canonicalize(value: unknown): number {
    if (typeof value !== 'number') {
      throw new SpaceError('wrong-type', { parameter: this.name, problem: `${formatValue(value)} is not a number`, allowed: this.allowed });
    }
    if (!Number.isFinite(value)) {
      throw new SpaceError('illegal-value', { parameter: this.name, problem: `${formatValue(value)} is not a finite number`, allowed: this.allowed });
    }
    if (!Number.isInteger(value)) {
      throw new SpaceError('illegal-value', { parameter: this.name, problem: `${value} is not an integer`, allowed: this.allowed });
    }
    if (value < this.lower || value > this.upper) {
      throw new SpaceError('illegal-value', { parameter: this.name, problem: `${value} is out of range`, allowed: this.allowed });
    }
    return value + 0; // -0 -> 0
  }

  encode(value: ParamValue): number {
    return this.scale.toUnit(value as number);
  }

  decode(x: number): number {
    const v = Math.round(this.scale.fromUnit(x < 0 ? 0 : x > 1 ? 1 : x)) + 0; // + 0 turns -0 into 0
    return v < this.lower ? this.lower : v > this.upper ? this.upper : v;
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

/** A uniform integer parameter: `integer('epochs', 1, 200, { log: true })`. */
export function integer(name: string, lower: number, upper: number, options?: IntegerOptions): IntegerHyperparameter {
  return new IntegerHyperparameter(name, lower, upper, options);
}
