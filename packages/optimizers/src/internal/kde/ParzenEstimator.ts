import type { Configuration, Rng, SearchSpace } from '@jahskit/core';
import { normalCdf } from './normalCdf';
import { UnitCodec } from './UnitCodec';

export interface ParzenOptions {
  /** Weight of the uniform prior component (numeric) / pseudo-count spread over the choices (categorical). */
  readonly priorWeight?: number;
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);
/** Components farther than sqrt(32) bandwidths contribute < e^-16 of their peak: skipped. */
const FAR = 32;
const REACH = Math.sqrt(FAR);

interface NumericDimension {
  readonly kind: 'numeric';
  /** Observation components sorted by mean; the prior component is the last entry. */
  readonly mu: Float64Array;
  /** Largest sigma among components 0..c (left walk bound) and c..last observation (right walk bound). */
  readonly prefixMaxSigma: Float64Array;
  readonly suffixMaxSigma: Float64Array;
  readonly invSigma: Float64Array;
  readonly sigma: Float64Array;
  /** weight / (sigma sqrt(2 pi) Z), Z the mass of the Gaussian inside [0, 1]. */
  readonly coefficient: Float64Array;
  /** Cumulative normalised weights, for sampling. */
  readonly cumulative: Float64Array;
}

interface CategoricalDimension {
  readonly kind: 'categorical';
  readonly logP: Float64Array;
  readonly cumulative: Float64Array;
}

type Dimension = NumericDimension | CategoricalDimension | { readonly kind: 'constant' };

/**
 * The univariate Parzen estimator of TPE (Bergstra et al. 2011): an independent density per
 * parameter, each fitted only on the rows where the parameter is active (non-NaN).
 *
 * - numeric parameters: a mixture of Gaussians truncated to [0, 1], one per observation plus a wide
 *   prior component (mean 0.5, sd 1), with the bandwidth of each component the larger of the gaps to
 *   its sorted neighbours, clipped to [1 / min(100, m + 1), 1] (the adaptive rule of the paper);
 * - categoricals: smoothed counts, the prior weight spread uniformly over the choices.
 *
 * `logDensityRows` sums the log densities of the active entries of each row, so configurations
 * with different active sets are scored on their own parameters.
 */
export class ParzenEstimator {
  private constructor(
    readonly codec: UnitCodec,
    private readonly dims: readonly Dimension[],
  ) {}

  /** Fits on `rows` (UnitCodec rows); `indices` selects the rows to use, `weights` (per selected row) default to 1. */
  static fitRows(codec: UnitCodec, rows: Float64Array, indices: ArrayLike<number>, weights?: ArrayLike<number>, options: ParzenOptions = {}): ParzenEstimator {
    const priorWeight = options.priorWeight ?? 1;
    const d = codec.dimensions;
    const m = indices.length;
    const values = new Float64Array(m);
    const w = new Float64Array(m);
    const dims: Dimension[] = [];
    for (let j = 0; j < d; j++) {
      const kind = codec.kinds[j];
      let count = 0;
      for (let i = 0; i < m; i++) {
        const v = rows[(indices[i] as number) * d + j] as number;
        if (Number.isNaN(v)) continue;
        values[count] = v;
        w[count] = weights === undefined ? 1 : (weights[i] as number);
        count++;
      }
      if (kind === 'categorical') dims.push(fitCategorical(codec.cardinality[j] as number, values, w, count, priorWeight));
      else if (kind === 'numeric') dims.push(fitNumeric(values, w, count, priorWeight, weights === undefined));
      else dims.push({ kind: 'constant' });
    }
    return new ParzenEstimator(codec, dims);
  }

  /** Log density of each of the `n` rows at `rows` (inactive entries skipped). */
  logDensityRows(rows: Float64Array, n: number, out = new Float64Array(n)): Float64Array {
    const d = this.codec.dimensions;
    out.fill(0, 0, n);
    for (let j = 0; j < d; j++) {
      const dim = this.dims[j] as Dimension;
      if (dim.kind === 'constant') continue;
      if (dim.kind === 'categorical') {
        for (let i = 0; i < n; i++) {
          const v = rows[i * d + j] as number;
          if (!Number.isNaN(v)) out[i] = (out[i] as number) + (dim.logP[v] as number);
        }
        continue;
      }
      const { mu, invSigma, coefficient, prefixMaxSigma, suffixMaxSigma } = dim;
      const prior = mu.length - 1;
      for (let i = 0; i < n; i++) {
        const x = rows[i * d + j] as number;
        if (Number.isNaN(x)) continue;
        const zp = (x - (mu[prior] as number)) * (invSigma[prior] as number);
        let density = (coefficient[prior] as number) * Math.exp(-0.5 * zp * zp);
        // Components are sorted by mean: walk outwards from x and stop once even the widest
        // component beyond the current one is too far to matter.
        let lo = 0;
        let hi = prior;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((mu[mid] as number) < x) lo = mid + 1;
          else hi = mid;
        }
        for (let c = lo - 1; c >= 0 && x - (mu[c] as number) < REACH * (prefixMaxSigma[c] as number); c--) {
          const z = (x - (mu[c] as number)) * (invSigma[c] as number);
          const z2 = z * z;
          if (z2 < FAR) density += (coefficient[c] as number) * Math.exp(-0.5 * z2);
        }
        for (let c = lo; c < prior && (mu[c] as number) - x < REACH * (suffixMaxSigma[c] as number); c++) {
          const z = (x - (mu[c] as number)) * (invSigma[c] as number);
          const z2 = z * z;
          if (z2 < FAR) density += (coefficient[c] as number) * Math.exp(-0.5 * z2);
        }
        out[i] = (out[i] as number) + Math.log(density);
      }
    }
    return out;
  }

  /** `n` rows drawn from the estimator, every dimension filled (decoding drops inactive ones). */
  sampleRows(rng: Rng, n: number): Float64Array {
    const d = this.codec.dimensions;
    const rows = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        const dim = this.dims[j] as Dimension;
        if (dim.kind === 'constant') rows[i * d + j] = 0;
        else if (dim.kind === 'categorical') rows[i * d + j] = pickCumulative(dim.cumulative, rng.uniform());
        else {
          const c = pickCumulative(dim.cumulative, rng.uniform());
          rows[i * d + j] = truncatedNormal(rng, dim.mu[c] as number, dim.sigma[c] as number);
        }
      }
    }
    return rows;
  }

  /** Log densities of configurations. */
  logDensity(configs: readonly Configuration[]): Float64Array {
    return this.logDensityRows(this.codec.encodeAll(configs), configs.length);
  }

  /** Configurations drawn from the estimator (decoded through the space; may need `validate` for forbidden clauses). */
  sample(rng: Rng, n: number): Configuration[] {
    const rows = this.sampleRows(rng, n);
    return Array.from({ length: n }, (_, i) => this.codec.decode(rows, i * this.codec.dimensions));
  }
}

/** Fits a univariate Parzen estimator on configurations of `space`. */
export function fitParzen(space: SearchSpace, configs: readonly Configuration[], weights?: ArrayLike<number>, options?: ParzenOptions): ParzenEstimator {
  const codec = new UnitCodec(space);
  const indices = Array.from({ length: configs.length }, (_, i) => i);
  return ParzenEstimator.fitRows(codec, codec.encodeAll(configs), indices, weights, options);
}

function fitCategorical(k: number, values: Float64Array, w: Float64Array, count: number, priorWeight: number): CategoricalDimension {
  const mass = new Float64Array(k).fill(priorWeight / k);
  let total = priorWeight;
  for (let i = 0; i < count; i++) {
    mass[values[i] as number] = (mass[values[i] as number] as number) + (w[i] as number);
    total += w[i] as number;
  }
  const logP = new Float64Array(k);
  const cumulative = new Float64Array(k);
  let run = 0;
  for (let c = 0; c < k; c++) {
    const p = (mass[c] as number) / total;
    logP[c] = Math.log(p);
    run += p;
    cumulative[c] = run;
  }
  return { kind: 'categorical', logP, cumulative };
}

function fitNumeric(values: Float64Array, w: Float64Array, count: number, priorWeight: number, uniformWeights: boolean): NumericDimension {
  const k = count + 1;
  const mu = new Float64Array(k);
  const weight = new Float64Array(k);
  if (uniformWeights) {
    // Sorting only the values is enough when every observation weighs the same.
    const sorted = values.slice(0, count).sort();
    mu.set(sorted);
    weight.fill(1, 0, count);
  } else {
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
    order.forEach((o, i) => {
      mu[i] = values[o] as number;
      weight[i] = w[o] as number;
    });
  }
  const sigma = new Float64Array(k);
  const minSigma = 1 / Math.min(100, k);
  for (let i = 0; i < count; i++) {
    const left = i === 0 ? (mu[i] as number) : (mu[i] as number) - (mu[i - 1] as number);
    const right = i === count - 1 ? 1 - (mu[i] as number) : (mu[i + 1] as number) - (mu[i] as number);
    sigma[i] = Math.min(1, Math.max(minSigma, left, right));
  }
  // The prior component: wide and centred, so the density never vanishes anywhere in [0, 1].
  mu[count] = 0.5;
  sigma[count] = 1;
  weight[count] = priorWeight;
  let total = 0;
  for (let c = 0; c < k; c++) total += weight[c] as number;
  const invSigma = new Float64Array(k);
  const coefficient = new Float64Array(k);
  const cumulative = new Float64Array(k);
  let run = 0;
  for (let c = 0; c < k; c++) {
    const s = sigma[c] as number;
    const m = mu[c] as number;
    // Far from both bounds the truncated mass is 1 to within 1e-7: skip the two CDFs.
    const z = m > 5.3 * s && 1 - m > 5.3 * s ? 1 : normalCdf((1 - m) / s) - normalCdf(-m / s);
    invSigma[c] = 1 / s;
    coefficient[c] = (weight[c] as number) / total / (s * SQRT_2PI * Math.max(z, 1e-12));
    run += (weight[c] as number) / total;
    cumulative[c] = run;
  }
  const prefixMaxSigma = new Float64Array(k);
  const suffixMaxSigma = new Float64Array(k);
  let maxSigma = 0;
  for (let c = 0; c < count; c++) prefixMaxSigma[c] = maxSigma = Math.max(maxSigma, sigma[c] as number);
  maxSigma = 0;
  for (let c = count - 1; c >= 0; c--) suffixMaxSigma[c] = maxSigma = Math.max(maxSigma, sigma[c] as number);
  return { kind: 'numeric', mu, prefixMaxSigma, suffixMaxSigma, invSigma, sigma, coefficient, cumulative };
}

/** First index whose cumulative weight exceeds `u` (binary search). */
export function pickCumulative(cumulative: Float64Array, u: number): number {
  const target = u * (cumulative[cumulative.length - 1] as number);
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A normal draw restricted to [0, 1] by rejection (clipped after 32 rejections, which is rare). */
export function truncatedNormal(rng: Rng, mean: number, sd: number): number {
  for (let attempt = 0; attempt < 32; attempt++) {
    const x = rng.normal(mean, sd);
    if (x >= 0 && x <= 1) return x;
  }
  return Math.min(1, Math.max(0, mean));
}
