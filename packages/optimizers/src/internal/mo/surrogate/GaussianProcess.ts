/**
 * A small exact Gaussian process for the multi-objective optimizers: Matern-5/2 kernel on the
 * Euclidean distance of feature rows, targets standardised, signal variance 1, a fixed small noise
 * variance, and one length scale chosen from a grid by the log marginal likelihood. O(n^3) per fit
 * (one Cholesky factorisation per grid value), O(n) per predicted mean and O(n^2) per variance.
 */
export class GaussianProcess {
  private constructor(
    private readonly x: Float64Array,
    private readonly n: number,
    private readonly width: number,
    private readonly lengthScale: number,
    private readonly chol: Float64Array,
    private readonly alpha: Float64Array,
    private readonly yMean: number,
    private readonly yScale: number,
  ) {}

  static fit(x: Float64Array, y: ArrayLike<number>, width: number, options: { noise?: number; lengthScales?: readonly number[] } = {}): GaussianProcess {
    const n = y.length;
    let m = 0;
    for (let i = 0; i < n; i++) m += y[i] as number;
    m /= Math.max(1, n);
    let v = 0;
    for (let i = 0; i < n; i++) v += ((y[i] as number) - m) ** 2;
    const scale = n > 1 && v > 0 ? Math.sqrt(v / (n - 1)) : 1;
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = ((y[i] as number) - m) / scale;
    const noise = options.noise ?? 1e-3;
    const base = Math.sqrt(Math.max(1, width));
    const grid = options.lengthScales ?? [0.12, 0.25, 0.5, 1].map((s) => s * base);
    const dist = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        let s = 0;
        for (let k = 0; k < width; k++) {
          const d = (x[i * width + k] as number) - (x[j * width + k] as number);
          s += d * d;
        }
        dist[i * n + j] = dist[j * n + i] = Math.sqrt(s);
      }
    }
    let best: { ell: number; chol: Float64Array; alpha: Float64Array; lml: number } | undefined;
    for (const ell of grid) {
      const k = new Float64Array(n * n);
      for (let i = 0; i < n * n; i++) k[i] = matern52((dist[i] as number) / ell);
      for (let i = 0; i < n; i++) k[i * n + i] = 1 + noise;
      const chol = cholesky(k, n);
      if (chol === undefined) continue;
      const alpha = solveCholesky(chol, n, z);
      let lml = 0;
      for (let i = 0; i < n; i++) lml += -0.5 * (z[i] as number) * (alpha[i] as number) - Math.log(chol[i * n + i] as number);
      if (best === undefined || lml > best.lml) best = { ell, chol, alpha, lml };
    }
    if (best === undefined) {
      // Numerically singular at every length scale (duplicates): fall back to a large noise.
      return GaussianProcess.fit(x, y, width, { noise: 0.1, lengthScales: [grid[grid.length - 1] as number] });
    }
    return new GaussianProcess(x.slice(0, n * width), n, width, best.ell, best.chol, best.alpha, m, scale);
  }

  /** Posterior mean and standard deviation (in the targets' units) of `count` feature rows. */
  predict(rows: Float64Array, count: number): { mean: Float64Array; sd: Float64Array } {
    // Locals instead of `this.` in the hot loops: V8 does not always hoist the property loads.
    const { n, width, x, chol, alpha, lengthScale } = this;
    const mean = new Float64Array(count);
    const sd = new Float64Array(count);
    const kStar = new Float64Array(n);
    const inv = 1 / lengthScale;
    for (let c = 0; c < count; c++) {
      const base = c * width;
      let mu = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        const row = i * width;
        for (let k = 0; k < width; k++) {
          const d = (rows[base + k] as number) - (x[row + k] as number);
          s += d * d;
        }
        const kv = matern52(Math.sqrt(s) * inv);
        kStar[i] = kv;
        mu += kv * (alpha[i] as number);
      }
      // v = L^-1 k*, variance = 1 - |v|^2.
      let vv = 0;
      for (let i = 0; i < n; i++) {
        let s = kStar[i] as number;
        const row = i * n;
        for (let j = 0; j < i; j++) s -= (chol[row + j] as number) * (kStar[j] as number);
        s /= chol[row + i] as number;
        kStar[i] = s;
        vv += s * s;
      }
      mean[c] = this.yMean + this.yScale * mu;
      sd[c] = this.yScale * Math.sqrt(Math.max(1e-12, 1 - vv));
    }
    return { mean, sd };
  }
}

function matern52(r: number): number {
  const s = Math.sqrt(5) * r;
  return (1 + s + (s * s) / 3) * Math.exp(-s);
}

/** Lower Cholesky factor (row-major, in a new array), or undefined when not positive definite. */
function cholesky(a: Float64Array, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) {
        if (!(s > 1e-12)) return undefined;
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / (l[j * n + j] as number);
    }
  }
  return l;
}

function solveCholesky(l: Float64Array, n: number, b: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * n + k] as number) * (y[k] as number);
    y[i] = s / (l[i * n + i] as number);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < n; k++) s -= (l[k * n + i] as number) * (x[k] as number);
    x[i] = s / (l[i * n + i] as number);
  }
  return x;
}
