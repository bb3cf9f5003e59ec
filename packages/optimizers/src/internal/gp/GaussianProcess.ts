import { choleskySolve, choleskyWithJitter, solveLower } from './cholesky';
import { fitGpHyperparameters, type GpFitOptions } from './fitGpHyperparameters';
import type { GpHyperparameters } from './GpHyperparameters';
import { matern52 } from './matern52';
import { standardise } from '../standardise';

export interface GaussianProcessOptions {
  /**
   * Group index of each of the d columns (length d, values 0..G-1): columns of a group share one
   * ARD length scale, e.g. the one-hot columns of a categorical parameter. Default: one per column.
   */
  readonly groups?: ArrayLike<number>;
  /** Use these hyperparameters as they are (no likelihood fit). */
  readonly hyperparameters?: GpHyperparameters;
  /** Options of the log-marginal-likelihood fit (ignored when `hyperparameters` is given). */
  readonly fit?: GpFitOptions;
}

/**
 * Exact Gaussian-process regression for Bayesian optimisation (Rasmussen & Williams 2006, ch. 2 and 5).
 *
 * - Model: y = f(x) + eps, f ~ GP(0, s2 * Matérn-5/2 with ARD length scales), eps ~ N(0, noise),
 *   on targets standardised to mean 0 and standard deviation 1 (predictions are mapped back).
 * - Hyperparameters (log length scales per column group, log s2, log noise) maximise the log marginal
 *   likelihood (projected Adam with the analytic gradient; see {@link fitGpHyperparameters}).
 * - Linear algebra on row-major Float64Arrays: Cholesky with jitter, triangular solves.
 *
 * Costs: `fit` O(n^3) (plus the hyperparameter search), `predict` O(m n d + m n^2), `condition` O(n^2).
 * Immutable: `condition` returns a new process.
 *
 * Example: `const gp = GaussianProcess.fit(X, n, d, y); const { mean, variance } = gp.predict(Xc, m);`
 */
export class GaussianProcess {
  private constructor(
    /** Training rows, row-major n x d. */
    private readonly x: Float64Array,
    readonly n: number,
    readonly d: number,
    /** 1 / l^2 per column. */
    private readonly inverseSquaredLengths: Float64Array,
    private readonly signalVariance: number,
    private readonly noiseVariance: number,
    /** Cholesky factor of K + noise I (+ jitter), n x n. */
    private readonly factor: Float64Array,
    /** (K + noise I)^{-1} z for the standardised targets z. */
    private readonly alpha: Float64Array,
    /** Standardised targets (kept for `condition`). */
    private readonly z: Float64Array,
    readonly yMean: number,
    readonly yScale: number,
    readonly hyperparameters: GpHyperparameters,
    private readonly groupOf: Int32Array,
  ) {}

  /**
   * Fits the process to n rows of X (row-major n x d) with targets y. Targets are standardised
   * (a constant target gets scale 1). With n = 0 the process is the prior.
   */
  static fit(x: Float64Array, n: number, d: number, y: ArrayLike<number>, options: GaussianProcessOptions = {}): GaussianProcess {
    const groupOf = new Int32Array(d);
    let groupCount = d;
    if (options.groups !== undefined) {
      groupCount = 0;
      for (let c = 0; c < d; c++) {
        groupOf[c] = options.groups[c] as number;
        groupCount = Math.max(groupCount, (groupOf[c] as number) + 1);
      }
    } else {
      for (let c = 0; c < d; c++) groupOf[c] = c;
    }
    const groupWidths = new Int32Array(groupCount);
    for (let c = 0; c < d; c++) groupWidths[groupOf[c] as number] = (groupWidths[groupOf[c] as number] as number) + 1;
    const { mean, scale, z } = standardise(y, n);
    const rows = x.slice(0, n * d);
    const hyperparameters = options.hyperparameters ??
      (n >= 2 ? fitGpHyperparameters(rows, n, d, z, groupOf, groupWidths, options.fit).hyperparameters : undefined) ?? {
        logLengthScales: Array.from(groupWidths, (w) => Math.log(0.5 * Math.sqrt(Math.max(1, w)))),
        logSignalVariance: 0,
        logNoiseVariance: Math.log(1e-3),
      };
    return GaussianProcess.build(rows, n, d, z, mean, scale, hyperparameters, groupOf);
  }

  private static build(
    x: Float64Array,
    n: number,
    d: number,
    z: Float64Array,
    yMean: number,
    yScale: number,
    hyperparameters: GpHyperparameters,
    groupOf: Int32Array,
  ): GaussianProcess {
    const inverseSquaredLengths = new Float64Array(d);
    for (let c = 0; c < d; c++) inverseSquaredLengths[c] = Math.exp(-2 * (hyperparameters.logLengthScales[groupOf[c] as number] ?? 0));
    const s2 = Math.exp(hyperparameters.logSignalVariance);
    const noise = Math.exp(hyperparameters.logNoiseVariance);
    const k = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) k[i * n + j] = k[j * n + i] = s2 * matern52(squaredDistance(x, i * d, x, j * d, d, inverseSquaredLengths));
      k[i * n + i] = s2 + noise;
    }
    const chol = choleskyWithJitter(k, n, 1e-10);
    if (chol === undefined) throw new Error('GaussianProcess: the kernel matrix is not positive definite even with jitter');
    const alpha = choleskySolve(chol.factor, n, z);
    return new GaussianProcess(x, n, d, inverseSquaredLengths, s2, noise, chol.factor, alpha, z, yMean, yScale, hyperparameters, groupOf);
  }

  /**
   * Posterior of the latent f at m rows (row-major m x d), in the targets' units: `variance` excludes
   * the observation noise (it is the uncertainty about f, what expected improvement needs).
   */
  predict(rows: Float64Array, m: number): { mean: Float64Array; variance: Float64Array } {
    const { n, d, x, inverseSquaredLengths: w, signalVariance, alpha, factor, yMean, yScale } = this;
    const mean = new Float64Array(m);
    const variance = new Float64Array(m);
    const kStar = new Float64Array(n);
    const scale2 = yScale * yScale;
    // ||a - b||^2_w = |a|^2_w + |b|^2_w - 2 <a, b>_w with the cross term over the candidate's
    // non-zero columns only: one-hot encodings are mostly zeros, which makes this several times
    // cheaper than the dense difference on cell spaces.
    const norms = this.trainingNorms();
    const nonZero = new Int32Array(d);
    for (let c = 0; c < m; c++) {
      const at = c * d;
      let count = 0;
      let own = 0;
      for (let k = 0; k < d; k++) {
        const v = rows[at + k] as number;
        if (v !== 0) {
          nonZero[count++] = k;
          own += v * v * (w[k] as number);
        }
      }
      let mu = 0;
      for (let i = 0; i < n; i++) {
        const row = i * d;
        let cross = 0;
        for (let q = 0; q < count; q++) {
          const k = nonZero[q] as number;
          cross += (rows[at + k] as number) * (x[row + k] as number) * (w[k] as number);
        }
        const r2 = own + (norms[i] as number) - 2 * cross;
        const kv = signalVariance * matern52(r2 > 0 ? r2 : 0);
        kStar[i] = kv;
        mu += kv * (alpha[i] as number);
      }
      solveLower(factor, n, kStar);
      let explained = 0;
      for (let i = 0; i < n; i++) explained += (kStar[i] as number) ** 2;
      mean[c] = yMean + yScale * mu;
      variance[c] = Math.max(0, signalVariance - explained) * scale2;
    }
    return { mean, variance };
  }

  private norms: Float64Array | undefined;

  /** |x_i|^2_w of the training rows (cached). */
  private trainingNorms(): Float64Array {
    if (this.norms !== undefined) return this.norms;
    const { n, d, x, inverseSquaredLengths: w } = this;
    const norms = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (x[i * d + k] as number) ** 2 * (w[k] as number);
      norms[i] = s;
    }
    this.norms = norms;
    return norms;
  }

  /**
   * The process with one more observation (row of d values, target in the original units) and the
   * same hyperparameters and standardisation: the Cholesky factor is extended in O(n^2). This is how
   * optimizers fantasise pending trials (kriging believer: y = the predicted mean).
   */
  condition(row: ArrayLike<number>, y: number): GaussianProcess {
    const { n, d, x, inverseSquaredLengths, signalVariance, noiseVariance, factor } = this;
    const n1 = n + 1;
    const rows = new Float64Array(n1 * d);
    rows.set(x);
    for (let c = 0; c < d; c++) rows[n * d + c] = row[c] as number;
    const z = new Float64Array(n1);
    z.set(this.z);
    z[n] = (y - this.yMean) / this.yScale;
    const k = new Float64Array(n);
    for (let i = 0; i < n; i++) k[i] = signalVariance * matern52(squaredDistance(rows, n * d, rows, i * d, d, inverseSquaredLengths));
    solveLower(factor, n, k);
    let explained = 0;
    for (let i = 0; i < n; i++) explained += (k[i] as number) ** 2;
    const pivot = signalVariance + noiseVariance - explained;
    if (!(pivot > 1e-12 * signalVariance)) {
      // Numerically a duplicate of the data: refactorise from scratch (jitter handles it).
      return GaussianProcess.build(rows, n1, d, z, this.yMean, this.yScale, this.hyperparameters, this.groupOf);
    }
    const extended = new Float64Array(n1 * n1);
    for (let i = 0; i < n; i++) extended.set(factor.subarray(i * n, i * n + i + 1), i * n1);
    extended.set(k, n * n1);
    extended[n * n1 + n] = Math.sqrt(pivot);
    const alpha = choleskySolve(extended, n1, z);
    return new GaussianProcess(
      rows,
      n1,
      d,
      inverseSquaredLengths,
      signalVariance,
      noiseVariance,
      extended,
      alpha,
      z,
      this.yMean,
      this.yScale,
      this.hyperparameters,
      this.groupOf,
    );
  }
}

function squaredDistance(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, d: number, weights: Float64Array): number {
  let s = 0;
  for (let c = 0; c < d; c++) {
    const diff = (a[aOffset + c] as number) - (b[bOffset + c] as number);
    s += diff * diff * (weights[c] as number);
  }
  return s;
}
