import type { Configuration, Rng, SearchSpace } from '@jahskit/core';
import { normalCdf } from '@jahskit/multiobjective';
import { UnitCodec } from './UnitCodec';

export interface ParzenOptions {
  /** Weight of the uniform prior component (numeric) / pseudo-count spread over the choices (categorical). */
  readonly priorWeight?: number;
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);
/** Components farther than sqrt(32) bandwidths contribute < e^-16 of their peak: skipped. */
const FAR = 32;
const REACH = Math.sqrt(FAR);
/** Grid step of the binned components, in bandwidths: a component moves by at most 1/32 bandwidth. */
const BIN_WIDTH = 1 / 16;
/** Below this many observations every component is evaluated exactly. */
const BINNING_THRESHOLD = 64;
const BIN_DECAY = Math.exp(-BIN_WIDTH * BIN_WIDTH);

interface NumericDimension {
  readonly kind: 'numeric';
  /** Observation components sorted by mean, then the prior component (used for sampling). */
  readonly mu: Float64Array;
  readonly sigma: Float64Array;
  /** Cumulative normalised weights, for sampling. */
  readonly cumulative: Float64Array;
  /** Components evaluated one by one: mean, 1/sigma, weight / (sigma sqrt(2 pi) Z) (Z: mass inside [0, 1]). */
  readonly exactMu: Float64Array;
  readonly exactInvSigma: Float64Array;
  readonly exactCoefficient: Float64Array;
  /** Summed coefficients of the components with the minimum bandwidth, on a grid of BIN_WIDTH x that bandwidth. */
  readonly bins: Float64Array | undefined;
  readonly binSigma: number;
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
      const { exactMu, exactInvSigma, exactCoefficient, bins, binSigma } = dim;
      const exact = exactMu.length;
      const span = REACH * binSigma;
      const step = BIN_WIDTH * binSigma;
      for (let i = 0; i < n; i++) {
        const x = rows[i * d + j] as number;
        if (Number.isNaN(x)) continue;
        let density = 0;
        for (let c = 0; c < exact; c++) {
          const z = (x - (exactMu[c] as number)) * (exactInvSigma[c] as number);
          const z2 = z * z;
          if (z2 < FAR) density += (exactCoefficient[c] as number) * Math.exp(-0.5 * z2);
        }
        if (bins !== undefined) {
          // Gaussian weights along an evenly spaced grid by recurrence: two exps per window, not one per bin.
          const first = Math.max(0, Math.ceil((x - span) / step));
          const last = Math.min(bins.length - 1, Math.floor((x + span) / step));
          if (first <= last) {
            const z0 = (first * step - x) / binSigma;
            let g = Math.exp(-0.5 * z0 * z0);
            let ratio = Math.exp(-z0 * BIN_WIDTH - 0.5 * BIN_WIDTH * BIN_WIDTH);
            for (let b = first; b <= last; b++) {
              density += (bins[b] as number) * g;
              g *= ratio;
              ratio *= BIN_DECAY;
            }
          }
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
    // `values` is the caller's scratch buffer: sort it in place rather than allocating a copy.
    mu.set(values.subarray(0, count).sort());
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
  const coefficient = new Float64Array(k);
  const cumulative = new Float64Array(k);
  let run = 0;
  for (let c = 0; c < k; c++) {
    const sd = sigma[c] as number;
    const m = mu[c] as number;
    // Far from both bounds the truncated mass is 1 to within 1e-7: skip the two CDFs.
    const z = m > 5.3 * sd && 1 - m > 5.3 * sd ? 1 : normalCdf((1 - m) / sd) - normalCdf(-m / sd);
    coefficient[c] = (weight[c] as number) / total / (sd * SQRT_2PI * Math.max(z, 1e-12));
    run += (weight[c] as number) / total;
    cumulative[c] = run;
  }
  // With many observations most sit in clusters where the gap rule hits its floor: those share one
  // bandwidth, so they are summed onto a grid (mean moved by <= 1/32 bandwidth) and evaluated with a
  // recurrence; the few wider components and the prior are evaluated exactly.
  let bins: Float64Array | undefined;
  const exactIndex: number[] = [];
  if (count >= BINNING_THRESHOLD) {
    const step = BIN_WIDTH * minSigma;
    bins = new Float64Array(Math.floor(1 / step) + 2);
    for (let c = 0; c < count; c++) {
      if ((sigma[c] as number) === minSigma) {
        const b = Math.round((mu[c] as number) / step);
        bins[b] = (bins[b] as number) + (coefficient[c] as number);
      } else exactIndex.push(c);
    }
    exactIndex.push(count);
  } else for (let c = 0; c < k; c++) exactIndex.push(c);
  const exactMu = new Float64Array(exactIndex.length);
  const exactInvSigma = new Float64Array(exactIndex.length);
  const exactCoefficient = new Float64Array(exactIndex.length);
  for (let e = 0; e < exactIndex.length; e++) {
    const c = exactIndex[e] as number;
    exactMu[e] = mu[c] as number;
    exactInvSigma[e] = 1 / (sigma[c] as number);
    exactCoefficient[e] = coefficient[c] as number;
  }
  return { kind: 'numeric', mu, sigma, cumulative, exactMu, exactInvSigma, exactCoefficient, bins, binSigma: minSigma };
}

/** First index whose cumulative weight exceeds `u` (binary search). */
function pickCumulative(cumulative: Float64Array, u: number): number {
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
