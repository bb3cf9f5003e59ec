import type { Rng } from '@jahskit/core';
import { truncatedNormal } from './ParzenEstimator';
import type { UnitCodec } from './UnitCodec';

export interface MultivariateKdeOptions {
  /** Lower bound of every bandwidth (BOHB's min_bandwidth, default 1e-3). */
  readonly minBandwidth?: number;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * The multivariate KDE of BOHB (Falkner, Klein & Hutter 2018): a product kernel over all
 * parameters — Gaussian on numeric ones, Aitchison-Aitken on categoricals — with one bandwidth per
 * parameter from the normal reference rule h = 1.06 sd n^(-1/(d+4)) (categorical indices scaled to
 * [0, 1] first), bounded below by `minBandwidth`. Rows must be complete: impute inactive entries first ({@link imputeRow}), as
 * BOHB does, because a product kernel needs every coordinate.
 */
export class MultivariateKde {
  private constructor(
    readonly codec: UnitCodec,
    /** The data rows (n x d). */
    private readonly data: Float64Array,
    readonly size: number,
    /** Per-dimension bandwidth (for categoricals: the Aitchison-Aitken lambda). */
    readonly bandwidth: Float64Array,
  ) {}

  static fitRows(codec: UnitCodec, rows: Float64Array, indices: ArrayLike<number>, options: MultivariateKdeOptions = {}): MultivariateKde {
    const minBandwidth = options.minBandwidth ?? 1e-3;
    const d = codec.dimensions;
    const n = indices.length;
    const data = new Float64Array(n * d);
    for (let i = 0; i < n; i++) data.set(rows.subarray((indices[i] as number) * d, (indices[i] as number) * d + d), i * d);
    const bandwidth = new Float64Array(d);
    const factor = 1.06 * Math.pow(Math.max(n, 1), -1 / (d + 4));
    for (let j = 0; j < d; j++) {
      const k = codec.cardinality[j] as number;
      const categorical = codec.kinds[j] === 'categorical';
      // Categorical indices are scaled to [0, 1] before the rule: on raw indices (as statsmodels
      // does) the rule gives lambda > (k-1)/k for k >= 4 choices, i.e. a uniform kernel that
      // cannot learn which operations are good.
      const scale = categorical ? 1 / Math.max(k - 1, 1) : 1;
      let mean = 0;
      for (let i = 0; i < n; i++) mean += (data[i * d + j] as number) * scale;
      mean /= Math.max(n, 1);
      let variance = 0;
      for (let i = 0; i < n; i++) variance += ((data[i * d + j] as number) * scale - mean) ** 2;
      const sd = n > 1 ? Math.sqrt(variance / (n - 1)) : 0;
      let h = Math.max(minBandwidth, factor * sd);
      // Aitchison-Aitken needs lambda <= (k-1)/k, where all choices become equally likely.
      if (categorical) h = Math.min(h, (k - 1) / k);
      bandwidth[j] = h;
    }
    return new MultivariateKde(codec, data, n, bandwidth);
  }

  /** Log density of each of the `n` complete rows at `rows`. */
  logDensityRows(rows: Float64Array, n: number, out = new Float64Array(n)): Float64Array {
    const d = this.codec.dimensions;
    const m = this.size;
    const kinds = this.codec.kinds;
    const logTerms = new Float64Array(m);
    // Per-dimension constants of the kernels.
    const logNorm = new Float64Array(d);
    const invH = new Float64Array(d);
    const logSame = new Float64Array(d);
    const logOther = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      const h = this.bandwidth[j] as number;
      invH[j] = 1 / h;
      logNorm[j] = -Math.log(h) - LOG_SQRT_2PI;
      const k = this.codec.cardinality[j] as number;
      logSame[j] = Math.log(1 - h);
      logOther[j] = Math.log(h / Math.max(k - 1, 1));
    }
    for (let r = 0; r < n; r++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) {
          const kind = kinds[j];
          if (kind === 'constant') continue;
          const x = rows[r * d + j] as number;
          const y = this.data[i * d + j] as number;
          if (kind === 'categorical') s += x === y ? (logSame[j] as number) : (logOther[j] as number);
          else {
            const z = (x - y) * (invH[j] as number);
            s += (logNorm[j] as number) - 0.5 * z * z;
          }
        }
        logTerms[i] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let i = 0; i < m; i++) sum += Math.exp((logTerms[i] as number) - max);
      out[r] = max + Math.log(sum / m);
    }
    return out;
  }

  /**
   * BOHB's sampling: a random data row, each numeric coordinate redrawn from a normal truncated
   * to [0, 1] around it with sd `bandwidthFactor * h` (wider than the fit, to explore), each
   * categorical kept with probability 1 - min((k-1)/k, bandwidthFactor * lambda) and otherwise drawn
   * uniformly.
   */
  sampleRows(rng: Rng, n: number, bandwidthFactor: number): Float64Array {
    const d = this.codec.dimensions;
    const rows = new Float64Array(n * d);
    for (let r = 0; r < n; r++) {
      const i = rng.index(this.size);
      for (let j = 0; j < d; j++) {
        const y = this.data[i * d + j] as number;
        const h = this.bandwidth[j] as number;
        const kind = this.codec.kinds[j];
        if (kind === 'constant') rows[r * d + j] = 0;
        else if (kind === 'categorical') {
          // Widened like the numeric kernels: with the [0, 1]-scaled rule an unwidened lambda keeps
          // the datum's choice so often that proposals collapse onto copies of one good point.
          const k = this.codec.cardinality[j] as number;
          const lambda = Math.min((k - 1) / k, h * bandwidthFactor);
          rows[r * d + j] = rng.uniform() < 1 - lambda ? y : rng.index(k);
        } else rows[r * d + j] = truncatedNormal(rng, y, h * bandwidthFactor);
      }
    }
    return rows;
  }
}

/** Replaces the NaN (inactive) entries of the row at `offset` by prior draws, so a product kernel can use it. */
export function imputeRow(codec: UnitCodec, rows: Float64Array, offset: number, rng: Rng): void {
  for (let j = 0; j < codec.dimensions; j++) {
    if (!Number.isNaN(rows[offset + j] as number)) continue;
    const kind = codec.kinds[j];
    rows[offset + j] = kind === 'categorical' ? rng.index(codec.cardinality[j] as number) : kind === 'numeric' ? rng.uniform() : 0;
  }
}
