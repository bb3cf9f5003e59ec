import type { Configuration, SearchSpace } from '@jahskit/core';

/** How a density model treats one parameter. */
export type DimensionKind = 'numeric' | 'categorical' | 'constant';

/**
 * The row encoding shared by the Parzen and multivariate KDE models: numeric parameters (integer,
 * float, and ordinal — an ordinal's index scaled to [0, 1], so its order is kept) live in [0, 1],
 * categoricals keep their index, constants are 0 and inactive parameters are NaN. Rows are written
 * into flat Float64Arrays so the models never touch configuration objects in their hot loops.
 */
export class UnitCodec {
  readonly dimensions: number;
  readonly kinds: readonly DimensionKind[];
  /** Number of choices for categoricals and ordinals, 0 otherwise. */
  readonly cardinality: Int32Array;
  private readonly ordinal: Uint8Array;
  private readonly scratch: Float64Array;

  constructor(readonly space: SearchSpace) {
    const parameters = space.parameters;
    this.dimensions = parameters.length;
    this.cardinality = new Int32Array(this.dimensions);
    this.ordinal = new Uint8Array(this.dimensions);
    this.scratch = new Float64Array(this.dimensions);
    this.kinds = parameters.map((p, j) => {
      switch (p.type) {
        case 'categorical':
          this.cardinality[j] = p.choices.length;
          return p.choices.length > 1 ? 'categorical' : 'constant';
        case 'ordinal':
          this.cardinality[j] = p.sequence.length;
          this.ordinal[j] = 1;
          return p.sequence.length > 1 ? 'numeric' : 'constant';
        case 'constant':
          return 'constant';
        default:
          return 'numeric';
      }
    });
  }

  /** Writes the row of `config` at `out[offset .. offset + dimensions)`. */
  encodeInto(config: Configuration, out: Float64Array, offset: number): void {
    const vector = this.space.encode(config);
    for (let j = 0; j < this.dimensions; j++) {
      const v = vector[j] as number;
      const kind = this.kinds[j];
      if (Number.isNaN(v)) out[offset + j] = Number.NaN;
      else if (kind === 'constant') out[offset + j] = 0;
      else if (this.ordinal[j] === 1) out[offset + j] = v / ((this.cardinality[j] as number) - 1);
      else out[offset + j] = v;
    }
  }

  /** Rows of several configurations, one after another. */
  encodeAll(configs: readonly Configuration[]): Float64Array {
    const rows = new Float64Array(configs.length * this.dimensions);
    configs.forEach((c, i) => this.encodeInto(c, rows, i * this.dimensions));
    return rows;
  }

  /** The configuration of the row at `offset` (entries of parameters that end up inactive are ignored). */
  decode(rows: ArrayLike<number>, offset = 0): Configuration {
    const vector = this.scratch;
    for (let j = 0; j < this.dimensions; j++) {
      const v = rows[offset + j] as number;
      const k = this.cardinality[j] as number;
      if (this.kinds[j] === 'constant') vector[j] = 0;
      else if (this.ordinal[j] === 1) vector[j] = Math.round((Number.isNaN(v) ? 0 : v) * (k - 1));
      else if (k > 0) vector[j] = Math.min(k - 1, Math.max(0, Math.round(Number.isNaN(v) ? 0 : v)));
      else vector[j] = Number.isNaN(v) ? 0.5 : v;
    }
    return this.space.decode(vector);
  }
}
