import type { Rng } from '@jahskit/core';

export interface MlpOptions {
  readonly members: number;
  readonly hidden: number;
  readonly epochs: number;
  readonly learningRate: number;
}

/**
 * An ensemble of small multi-output MLPs (one hidden ReLU layer, one linear output per target), the
 * neural predictor of BANANAS reduced to what a few hundred tabular results support. Members differ
 * only in their random initialisation; each is trained full-batch with Adam on standardised targets.
 * Prediction gives the ensemble mean and standard deviation per target.
 */
export class MlpEnsemble {
  private constructor(
    private readonly width: number,
    private readonly outputs: number,
    private readonly hidden: number,
    /** Per member: [W1 (hidden x width), b1 (hidden), W2 (outputs x hidden), b2 (outputs)] packed. */
    private readonly weights: Float64Array[],
    private readonly yMean: Float64Array,
    private readonly yScale: Float64Array,
  ) {}

  static fit(x: Float64Array, y: Float64Array, n: number, width: number, outputs: number, rng: Rng, options: MlpOptions): MlpEnsemble {
    const yMean = new Float64Array(outputs);
    const yScale = new Float64Array(outputs).fill(1);
    for (let j = 0; j < outputs; j++) {
      let m = 0;
      for (let i = 0; i < n; i++) m += y[i * outputs + j] as number;
      m /= Math.max(1, n);
      let v = 0;
      for (let i = 0; i < n; i++) v += ((y[i * outputs + j] as number) - m) ** 2;
      yMean[j] = m;
      yScale[j] = n > 1 && v > 0 ? Math.sqrt(v / (n - 1)) : 1;
    }
    const z = new Float64Array(n * outputs);
    for (let i = 0; i < n; i++) for (let j = 0; j < outputs; j++) z[i * outputs + j] = ((y[i * outputs + j] as number) - (yMean[j] as number)) / (yScale[j] as number);
    const h = options.hidden;
    const size = h * width + h + outputs * h + outputs;
    const weights: Float64Array[] = [];
    for (let e = 0; e < options.members; e++) {
      const w = new Float64Array(size);
      const s1 = Math.sqrt(2 / Math.max(1, width));
      const s2 = Math.sqrt(1 / h);
      for (let k = 0; k < h * width; k++) w[k] = rng.normal(0, s1);
      for (let k = h * width + h; k < h * width + h + outputs * h; k++) w[k] = rng.normal(0, s2);
      train(w, x, z, n, width, h, outputs, options);
      weights.push(w);
    }
    return new MlpEnsemble(width, outputs, h, weights, yMean, yScale);
  }

  /** Mean and standard deviation over members, `count` x outputs row-major, in the targets' units. */
  predict(rows: Float64Array, count: number): { mean: Float64Array; sd: Float64Array } {
    const { width, outputs, hidden } = this;
    const m = this.weights.length;
    const sum = new Float64Array(count * outputs);
    const sq = new Float64Array(count * outputs);
    const a = new Float64Array(hidden);
    const out = new Float64Array(outputs);
    for (const w of this.weights) {
      for (let c = 0; c < count; c++) {
        forward(w, rows, c * width, width, hidden, outputs, a, out);
        for (let j = 0; j < outputs; j++) {
          const v = (out[j] as number) * (this.yScale[j] as number) + (this.yMean[j] as number);
          sum[c * outputs + j] = (sum[c * outputs + j] as number) + v;
          sq[c * outputs + j] = (sq[c * outputs + j] as number) + v * v;
        }
      }
    }
    const mean = new Float64Array(count * outputs);
    const sd = new Float64Array(count * outputs);
    for (let k = 0; k < count * outputs; k++) {
      const mu = (sum[k] as number) / m;
      mean[k] = mu;
      sd[k] = Math.sqrt(Math.max(0, (sq[k] as number) / m - mu * mu));
    }
    return { mean, sd };
  }
}

function forward(w: Float64Array, x: Float64Array, offset: number, width: number, h: number, outputs: number, a: Float64Array, out: Float64Array): void {
  const b1 = h * width;
  const w2 = b1 + h;
  const b2 = w2 + outputs * h;
  for (let u = 0; u < h; u++) {
    let s = w[b1 + u] as number;
    const row = u * width;
    for (let k = 0; k < width; k++) s += (w[row + k] as number) * (x[offset + k] as number);
    a[u] = s > 0 ? s : 0;
  }
  for (let j = 0; j < outputs; j++) {
    let s = w[b2 + j] as number;
    for (let u = 0; u < h; u++) s += (w[w2 + j * h + u] as number) * (a[u] as number);
    out[j] = s;
  }
}

/** Full-batch Adam on the mean squared error. */
function train(w: Float64Array, x: Float64Array, z: Float64Array, n: number, width: number, h: number, outputs: number, options: MlpOptions): void {
  const size = w.length;
  const grad = new Float64Array(size);
  const m1 = new Float64Array(size);
  const m2 = new Float64Array(size);
  const a = new Float64Array(h);
  const out = new Float64Array(outputs);
  const delta = new Float64Array(h);
  const b1 = h * width;
  const w2 = b1 + h;
  const b2 = w2 + outputs * h;
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      forward(w, x, i * width, width, h, outputs, a, out);
      delta.fill(0);
      for (let j = 0; j < outputs; j++) {
        const g = (2 * ((out[j] as number) - (z[i * outputs + j] as number))) / n;
        grad[b2 + j] = (grad[b2 + j] as number) + g;
        for (let u = 0; u < h; u++) {
          grad[w2 + j * h + u] = (grad[w2 + j * h + u] as number) + g * (a[u] as number);
          delta[u] = (delta[u] as number) + g * (w[w2 + j * h + u] as number);
        }
      }
      for (let u = 0; u < h; u++) {
        if ((a[u] as number) <= 0) continue;
        const g = delta[u] as number;
        grad[b1 + u] = (grad[b1 + u] as number) + g;
        const row = u * width;
        for (let k = 0; k < width; k++) {
          const xv = x[i * width + k] as number;
          if (xv !== 0) grad[row + k] = (grad[row + k] as number) + g * xv;
        }
      }
    }
    const c1 = 1 - Math.pow(beta1, epoch);
    const c2 = 1 - Math.pow(beta2, epoch);
    for (let k = 0; k < size; k++) {
      const g = grad[k] as number;
      m1[k] = beta1 * (m1[k] as number) + (1 - beta1) * g;
      m2[k] = beta2 * (m2[k] as number) + (1 - beta2) * g * g;
      w[k] = (w[k] as number) - (options.learningRate * ((m1[k] as number) / c1)) / (Math.sqrt((m2[k] as number) / c2) + 1e-8);
    }
  }
}
