import type { ParameterSpec } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { checkDefault } from './definitionChecks';
import { checkNumericDefinition, NumericalHyperparameter } from './NumericalHyperparameter';
import type { Labels } from './Hyperparameter';
import { NumericScale } from './NumericScale';
import { checkNumericPrior, type NumericPrior } from '../priors/NumericPrior';

export interface IntegerOptions extends Labels {
  /** Sample and encode on the log scale (needs lower >= 1). */
  readonly log?: boolean;
  /** Defaults to the (geometric, when log) midpoint, rounded; with a prior, to the prior's default (rounded). */
  readonly default?: number;
  /** Draw from a normal or beta prior (on the widened range, then rounded) instead of uniformly. */
  readonly prior?: NumericPrior;
}

type IntegerSpec = Extract<ParameterSpec, { type: 'integer' }>;

/** As in ConfigSpace, an integer k owns the interval [k - 0.49999, k + 0.49999] of the underlying float. */
const HALF = 0.49999;

/**
 * An integer in [lower, upper], uniform or drawn from a `prior` (then rounded). As in ConfigSpace the vector value is the normalised
 * position in the float range [lower - 0.49999, upper + 0.49999] (log scale when `log`), so that
 * a uniform draw of the vector gives every integer (almost) the same mass.
 */
export class IntegerHyperparameter extends NumericalHyperparameter {
  readonly type = 'integer' as const;
  readonly spec: IntegerSpec;
  readonly default: number;

  constructor(name: string, lower: number, upper: number, options: IntegerOptions = {}) {
    checkNumericDefinition(name, lower, upper);
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
    const prior = options.prior === undefined ? undefined : checkNumericPrior(name, options.prior);
    const allowed = `integers in [${lower}, ${upper}]${log ? ' (log scale)' : ''}`;
    super(name, lower, upper, log, options, allowed, new NumericScale(lower - HALF, upper + HALF, log), prior);
    const fromPrior = this.priorDefault();
    const mid =
      (fromPrior !== undefined
        ? Math.round(fromPrior)
        : log
          ? Math.round(Math.exp((Math.log(lower) + Math.log(upper)) / 2))
          : Math.round((lower + upper) / 2)) + 0; // no -0
    this.default = options.default === undefined ? mid : checkDefault(name, () => this.canonicalize(options.default));
    this.spec = this.numericalSpec<IntegerSpec>('integer');
  }

  isLegal(value: unknown): boolean {
    return typeof value === 'number' && Number.isInteger(value) && value >= this.lower && value <= this.upper;
  }

  protected checkNumber(value: number): number {
    if (!Number.isInteger(value)) {
      throw new SpaceError('illegal-value', { parameter: this.name, problem: `${value} is not an integer`, allowed: this.allowed });
    }
    this.checkRange(value);
    return value + 0; // -0 -> 0
  }

  decode(x: number): number {
    const v = Math.round(this.fromUnit(x)) + 0; // + 0 turns -0 into 0
    return v < this.lower ? this.lower : v > this.upper ? this.upper : v;
  }
}

/** An integer parameter: `integer('epochs', 1, 200, { log: true })`, with `prior` for a normal or beta prior. */
export function integer(name: string, lower: number, upper: number, options?: IntegerOptions): IntegerHyperparameter {
  return new IntegerHyperparameter(name, lower, upper, options);
}
