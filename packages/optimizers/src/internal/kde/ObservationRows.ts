import { totalViolation, type Configuration, type Observation } from '@jahskit/core';
import { compareStanding, standingOf, type Standing } from '../standing';
import type { UnitCodec } from './UnitCodec';

/**
 * Observed configurations as UnitCodec rows in one growable Float64Array, with their (minimised)
 * values and an index kept sorted on insertion, so splitting into good and bad sets costs nothing per
 * proposal. The order is the rows' standings (`standingOf`: feasible by value, then infeasible by
 * total violation), which is the plain order of the values when there are no constraints. Ties keep
 * insertion order, which keeps proposals deterministic.
 */
export class ObservationRows {
  rows: Float64Array;
  values: Float64Array;
  /** Row indices, best standing (lowest value without constraints) first. */
  sorted: Int32Array;
  readonly configs: Configuration[] = [];
  readonly ids: number[] = [];
  /** Each row's constraint values (empty without constraints). */
  readonly constraints: (readonly number[])[] = [];
  /** Each row's standing, the sort key. */
  readonly standings: Standing[] = [];
  size = 0;

  constructor(
    readonly codec: UnitCodec,
    /** Fills the inactive (NaN) entries of a new row, when a model needs complete rows. */
    private readonly impute?: (rows: Float64Array, offset: number, id: number) => void,
    capacity = 64,
  ) {
    this.rows = new Float64Array(capacity * codec.dimensions);
    this.values = new Float64Array(capacity);
    this.sorted = new Int32Array(capacity);
  }

  /**
   * Adds an observation if it belongs in a good/bad split (Optuna's constrained TPE): a successful
   * trial, feasible or not; a failed one only when it is known to break a constraint (the study's
   * cheap-constraint check rejects trials as failed): it then ranks among the worst, by violation.
   * Other failures say nothing about where the good region is. Returns whether it was added.
   */
  addObservation(o: Observation): boolean {
    if (o.status === 'ok') this.add(o.trial.id, o.trial.config, o.values[0] as number, o.constraints);
    else if (totalViolation(o.constraints) > 0) this.add(o.trial.id, o.trial.config, Number.NaN, o.constraints);
    else return false;
    return true;
  }

  /**
   * `value` is NaN for a row without one: a failed trial kept for its constraint violation (a study's
   * cheap-constraint check rejects trials as failed, with their constraint values).
   */
  add(id: number, config: Configuration, value: number, constraints: readonly number[] = []): void {
    const failed = Number.isNaN(value);
    const standing = standingOf({
      trial: { id, config, fidelity: {} },
      status: failed ? 'failed' : 'ok',
      values: failed ? [] : [value],
      metrics: {},
      cost: 0,
      constraints,
    });
    const d = this.codec.dimensions;
    if (this.size === this.values.length) this.grow();
    const i = this.size;
    this.codec.encodeInto(config, this.rows, i * d);
    this.impute?.(this.rows, i * d, id);
    this.values[i] = value;
    this.configs.push(config);
    this.ids.push(id);
    this.constraints.push(constraints);
    this.standings.push(standing);
    // Insert after every row that stands at least as well as this one (stable for ties).
    let lo = 0;
    let hi = i;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareStanding(this.standings[this.sorted[mid] as number] as Standing, standing) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.sorted.copyWithin(lo + 1, lo, i);
    this.sorted[lo] = i;
    this.size++;
  }

  private grow(): void {
    const capacity = this.values.length * 2;
    const rows = new Float64Array(capacity * this.codec.dimensions);
    rows.set(this.rows);
    const values = new Float64Array(capacity);
    values.set(this.values);
    const sorted = new Int32Array(capacity);
    sorted.set(this.sorted);
    this.rows = rows;
    this.values = values;
    this.sorted = sorted;
  }
}
