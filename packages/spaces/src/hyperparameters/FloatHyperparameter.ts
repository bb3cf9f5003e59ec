import type { JsonValue, ParameterSpec, ParamValue, Rng } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { formatValue } from '../errors/formatValue';
import { assertFinite, assertName, checkDefault } from './definitionChecks';
import type { Hyperparameter } from './Hyperparameter';
import { gaussianNeighbours, NumericScale } from './NumericScale';

export interface FloatOptions {
  /** Sample and encode on the log scale (needs lower > 0). */
  readonly log?: boolean;
  /** Quantisation step: legal values are `lower + k * q` for k = 0, 1, ... up to `upper`. */
  readonly q?: number;
  /** Defaults to the (geometric, when log) midpoint, snapped to the q grid. */
  readonly default?: number;
  readonly meta?: JsonValue;
}

type FloatSpec = Extract<ParameterSpec, { type: 'float' }>;

/** Relative tolerance within which `validate` snaps a value onto the q grid. */
const GRID_TOLERANCE = 1e-9;

/**
 * A uniform float in [lower, upper], log-uniform when `log`; the vector value is the normalised
 * position (on the log scale when `log`). With `q`, legal values are the grid `lower + k * q`:
 * samples and decoded values are snapped to it, and `validate` snaps values within 1e-9 * q of it.
 */
export class FloatHyperparameter implements Hyperparameter {
  readonly type = 'float' as const;
  readonly name: string;
  readonly spec: FloatSpec;
  readonly lower: number;
  readonly upper: number;
  readonly log: boolean;
  readonly q: number | undefined;
  readonly default: number;
  readonly meta: JsonValue | undefined;
  readonly oneHotSize = 1;
  readonly allowed: string;
  private readonly scale: NumericScale;
  /** Largest grid index (when q). */
  private readonly steps: number;

  constructor(name: string, lower: number, upper: number, options: FloatOptions = {}) {
    assertName(name);
    assertFinite(name, lower, 'lower');
    assertFinite(name, upper, 'upper');
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
    this.name = name;
    this.lower = lower;
    this.upper = upper;
    this.log = log;
    this.q = q;
    this.steps = q === undefined ? 0 : Math.floor((upper - lower) / q + GRID_TOLERANCE);
    this.meta = options.meta;
    this.allowed =
      `floats in [${lower}, ${upper}]` + (log ? ' (log scale)' : '') + (q === undefined ? '' : ` on the grid ${lower} + k * ${q}`);
    this.scale = new NumericScale(lower, upper, log);
    const mid = this.snap(log ? Math.exp((Math.log(lower) + Math.log(upper)) / 2) : (lower + upper) / 2);
    this.default = options.default === undefined ? mid : checkDefault(name, () => this.canonicalize(options.default));
    this.spec = Object.freeze({ type: 'float', name, lower, upper, log, ...(q === undefined ? {} : { q }), default: this.default });
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

  sample(rng: Rng): number {
    return this.decode(rng.uniform());
  }

  isLegal(value: unknown): boolean {
    return (
      typeof value === 'number' && value >= this.lower && value <= this.upper && (this.q === undefined || this.snap(value) === value)
    );
  }

  canonicalize(value: unknown): number {
    if (typeof value !== 'number') {
      throw new SpaceError('wrong-type', { parameter: this.name, problem: `${formatValue(value)} is not a number`, allowed: this.allowed });
    }
    if (!Number.isFinite(value)) {
      throw new SpaceError('illegal-value', { parameter: this.name, problem: `${formatValue(value)} is not a finite number`, allowed: this.allowed });
    }
    if (value < this.lower || value > this.upper) {
      throw new SpaceError('illegal-value', { parameter: this.name, problem: `${value} is out of range`, allowed: this.allowed });
    }
    if (this.q === undefined) return value + 0;
    const snapped = this.snap(value);
    if (Math.abs(snapped - value) > GRID_TOLERANCE * this.q) {
      throw new SpaceError('illegal-value', { parameter: this.name, problem: `${value} is not on the q grid`, allowed: this.allowed });
    }
    return snapped;
  }

  encode(value: ParamValue): number {
    return this.scale.toUnit(value as number);
  }

  decode(x: number): number {
    return this.snap(this.scale.fromUnit(x < 0 ? 0 : x > 1 ? 1 : x));
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

/** A uniform float parameter: `float('lr', 1e-3, 1, { log: true })`. */
export function float(name: string, lower: number, upper: number, options?: FloatOptions): FloatHyperparameter {
  return new FloatHyperparameter(name, lower, upper, options);
}
