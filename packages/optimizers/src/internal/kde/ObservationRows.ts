import type { Configuration } from '@jahskit/core';
import type { UnitCodec } from './UnitCodec';

/**
 * Observed configurations as UnitCodec rows in one growable Float64Array, with their (minimised)
 * values and an index kept sorted by value on insertion, so splitting into good and bad sets costs
 * nothing per proposal. Ties keep insertion order, which keeps proposals deterministic.
 */
export class ObservationRows {
  rows: Float64Array;
  values: Float64Array;
  /** Row indices, best (lowest value) first. */
  sorted: Int32Array;
  readonly configs: Configuration[] = [];
  readonly ids: number[] = [];
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

  add(id: number, config: Configuration, value: number): void {
    const d = this.codec.dimensions;
    if (this.size === this.values.length) this.grow();
    const i = this.size;
    this.codec.encodeInto(config, this.rows, i * d);
    this.impute?.(this.rows, i * d, id);
    this.values[i] = value;
    this.configs.push(config);
    this.ids.push(id);
    // Insert after every row with a value <= this one (stable for ties).
    let lo = 0;
    let hi = i;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.values[this.sorted[mid] as number] as number) <= value) lo = mid + 1;
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
