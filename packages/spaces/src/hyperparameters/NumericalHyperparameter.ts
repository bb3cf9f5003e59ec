import type { JsonValue, ParameterRole, ParameterSpec, ParamValue, Rng } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { formatValue } from '../errors/formatValue';
import { assertFinite, assertName } from './definitionChecks';
import type { Hyperparameter, Labels } from './Hyperparameter';
import { gaussianNeighbours, NumericScale } from './NumericScale';
import type { NumericPrior } from '../priors/NumericPrior';
import { priorEntry } from './priorEntry';
import { roleEntry } from './roleEntry';
import { UnitPrior } from '../priors/UnitPrior';

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
  /** The prior values are drawn from; undefined: uniform (log-uniform when `log`). Also `spec.prior`. */
  readonly prior: NumericPrior | undefined;
  /** The prior as a density on the vector value (the normalised position in [0, 1]); undefined when uniform. */
  readonly unitPrior: UnitPrior | undefined;
  private readonly scale: NumericScale;

  /** `scale` maps the values (for integers, the widened float range) to [0, 1]; `prior` is already checked. */
  protected constructor(name: string, lower: number, upper: number, log: boolean, labels: Labels, allowed: string, scale: NumericScale, prior?: NumericPrior) {
    this.prior = prior;
    this.unitPrior = prior === undefined ? undefined : new UnitPrior(prior, scale.low, scale.high, log);
    this.name = name;
    this.lower = lower;
    this.upper = upper;
    this.log = log;
    this.meta = labels.meta;
    this.role = labels.role;
    this.allowed = allowed;
    this.scale = scale;
  }

  /**
   * The frozen spec: bounds and scale, then `grid` (a float's `q`, when set), the default, the prior
   * and the role, each optional entry present only when set.
   */
  protected numericalSpec<S extends NumericalSpec>(type: S['type'], grid: { readonly q?: number } = {}): S {
    const { name, lower, upper, log } = this;
    return Object.freeze({ type, name, lower, upper, log, ...grid, default: this.default, ...priorEntry(this.prior), ...roleEntry(this.role) }) as S;
  }

  abstract isLegal(value: unknown): boolean;
  abstract decode(x: number): number;
  /** The canonical value of a finite number, or a SpaceError naming what is wrong with it. */
  protected abstract checkNumber(value: number): number;

  sample(rng: Rng): number {
    // Without a prior this is exactly one uniform draw, as before priors existed (golden traces depend on it).
    return this.decode(this.unitPrior === undefined ? rng.uniform() : this.unitPrior.sample(rng));
  }

  /**
   * The default ConfigSpace gives a parameter with a prior and no explicit default: mu (exp(mu) on a log
   * scale) clipped to the bounds for a normal, the mode of the beta mapped onto [lower, upper]. Not yet
   * rounded or snapped. Undefined without a prior.
   */
  protected priorDefault(): number | undefined {
    const prior = this.prior;
    if (prior === undefined || this.unitPrior === undefined) return undefined;
    if (prior.kind === 'normal') {
      const v = this.log ? Math.exp(prior.mu) : prior.mu;
      return v < this.lower ? this.lower : v > this.upper ? this.upper : v;
    }
    return new NumericScale(this.lower, this.upper, this.log).fromUnit(this.unitPrior.mode);
  }

  /** Log density of the prior at a legal value, on the vector scale (0 everywhere when uniform). */
  logPrior(value: ParamValue): number {
    return this.unitPrior === undefined ? 0 : this.unitPrior.logPdf(this.encode(value));
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
    return gaussianNeighbours(
      this.encode(value),
      value as number,
      count,
      () => rng.normal(),
      (x) => this.decode(x),
    );
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
