import type { ParameterSpec } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { assertFinite, checkDefault } from './definitionChecks';
import { checkNumericDefinition, NumericalHyperparameter } from './NumericalHyperparameter';
import type { Labels } from './Hyperparameter';
import { NumericScale } from './NumericScale';
import { checkNumericPrior, type NumericPrior } from '../priors/NumericPrior';

export interface FloatOptions extends Labels {
  /** Sample and encode on the log scale (needs lower > 0). */
  readonly log?: boolean;
  /** Quantisation step: legal values are `lower + k * q` for k = 0, 1, ... up to `upper`. */
  readonly q?: number;
  /**
   * Defaults to the (geometric, when log) midpoint, snapped to the q grid; with a prior, to the
   * prior's default as ConfigSpace defines it (see `NumericalHyperparameter.priorDefault`).
   */
  readonly default?: number;
  /** Draw from a normal or beta prior instead of uniformly (see {@link NumericPrior}). */
  readonly prior?: NumericPrior;
}

type FloatSpec = Extract<ParameterSpec, { type: 'float' }>;

/** Relative tolerance within which `validate` snaps a value onto the q grid. */
const GRID_TOLERANCE = 1e-9;

/**
 * A float in [lower, upper], uniform (log-uniform when `log`) or drawn from a `prior`; the vector value is the normalised
 * position (on the log scale when `log`). With `q`, legal values are the grid `lower + k * q`:
 * samples and decoded values are snapped to it, and `validate` snaps values within 1e-9 * q of it.
 */
export class FloatHyperparameter extends NumericalHyperparameter {
  readonly type = 'float' as const;
  readonly spec: FloatSpec;
  readonly q: number | undefined;
  readonly default: number;
  /** Largest grid index (when q). */
  private readonly steps: number;

  constructor(name: string, lower: number, upper: number, options: FloatOptions = {}) {
    checkNumericDefinition(name, lower, upper);
    const log = options.log ?? false;
    if (lower >= upper) throw new SpaceError('invalid-definition', { parameter: name, problem: `bounds [${lower}, ${upper}] need lower < upper` });
    if (log && lower <= 0) throw new SpaceError('invalid-definition', { parameter: name, problem: `a log-scale float needs lower > 0, got ${lower}` });
    const q = options.q ?? undefined;
    if (q !== undefined) {
      assertFinite(name, q, 'q');
      if (q <= 0 || q > (upper - lower) * (1 + GRID_TOLERANCE)) {
        throw new SpaceError('invalid-definition', { parameter: name, problem: `q = ${q} must be in (0, upper - lower]` });
      }
    }
    const allowed = `floats in [${lower}, ${upper}]` + (log ? ' (log scale)' : '') + (q === undefined ? '' : ` on the grid ${lower} + k * ${q}`);
    const prior = options.prior === undefined ? undefined : checkNumericPrior(name, options.prior);
    super(name, lower, upper, log, options, allowed, new NumericScale(lower, upper, log), prior);
    this.q = q;
    this.steps = q === undefined ? 0 : Math.floor((upper - lower) / q + GRID_TOLERANCE);
    const mid = this.snap(this.priorDefault() ?? (log ? Math.exp((Math.log(lower) + Math.log(upper)) / 2) : (lower + upper) / 2));
    this.default = options.default === undefined ? mid : checkDefault(name, () => this.canonicalize(options.default));
    this.spec = this.numericalSpec<FloatSpec>('float', q === undefined ? {} : { q });
  }

  /** The nearest legal value to an in-range number (the grid point when q, else the clamped value). */
  private snap(v: number): number {
    const q = this.q;
    if (q === undefined) return (v < this.lower ? this.lower : v > this.upper ? this.upper : v) + 0; // + 0: no -0
    let k = Math.round((v - this.lower) / q);
    k = k < 0 ? 0 : k > this.steps ? this.steps : k;
    const g = this.lower + k * q + 0;
    return g > this.upper ? this.upper : g; // the top grid point may overshoot upper by rounding
  }

  isLegal(value: unknown): boolean {
    return typeof value === 'number' && value >= this.lower && value <= this.upper && (this.q === undefined || this.snap(value) === value);
  }

  protected checkNumber(value: number): number {
    this.checkRange(value);
    if (this.q === undefined) return value + 0;
    const snapped = this.snap(value);
    if (Math.abs(snapped - value) > GRID_TOLERANCE * this.q) {
      throw new SpaceError('illegal-value', { parameter: this.name, problem: `${value} is not on the q grid`, allowed: this.allowed });
    }
    return snapped;
  }

  decode(x: number): number {
    return this.snap(this.fromUnit(x));
  }
}

/** A float parameter: `float('lr', 1e-3, 1, { log: true })`, `float('x', 0, 1, { prior: { kind: 'beta', alpha: 2, beta: 5 } })`. */
export function float(name: string, lower: number, upper: number, options?: FloatOptions): FloatHyperparameter {
  return new FloatHyperparameter(name, lower, upper, options);
}
